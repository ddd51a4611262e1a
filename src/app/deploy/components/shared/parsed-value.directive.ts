import { Directive, ElementRef, Input, OnChanges } from '@angular/core';

/**
 * Shows a parsed model value in a text input without fighting the admin's typing. A plain `[value]` binding writes
 * the formatted model back on every keystroke, so "1." (a number not finished) or "10.0.0.1," (a list with a comma
 * to come) would be rewritten under the cursor. This writes the input only when what it holds parses to something
 * else than the model value, which happens when the model changes from outside (an import, a restored draft).
 */
@Directive({ selector: 'input[emParsedValue], textarea[emParsedValue]' })
export class ParsedValueDirective<T> implements OnChanges {
    /** The model value. */
    @Input() public emParsedValue: T | null = null;
    /** Reads the input's text as a model value (the same function the component's (input) handler uses). */
    @Input() public emParse: (text: string) => T | null = () => null;
    /** Writes a model value as text. */
    @Input() public emFormat: (value: T | null) => string = value => value === null ? '' : String(value);

    constructor(private readonly element: ElementRef<HTMLInputElement | HTMLTextAreaElement>) {}

    public ngOnChanges(): void {
        const input = this.element.nativeElement;
        if (!sameValue(this.emParse(input.value), this.emParsedValue)) {
            input.value = this.emFormat(this.emParsedValue);
        }
    }
}

/** Equality of parsed values: NaN equals NaN (an unfinished number stays unfinished), lists compare by content. */
function sameValue(a: unknown, b: unknown): boolean {
    if (Object.is(a, b)) {
        return true;
    }
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => Object.is(item, b[index]));
}
