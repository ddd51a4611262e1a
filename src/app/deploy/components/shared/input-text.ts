/**
 * How the wizard's text inputs become model values. Numbers are typed into text inputs (a number input reports ""
 * for a half-typed value, which would read as "empty"): empty is null, digits are the number, anything else is NaN,
 * which the validation rules report as "must be a whole number".
 */

/** A whole-number field's text: '' -> null, '42' -> 42, anything else -> NaN. */
export function parseNumberText(text: string): number | null {
    const trimmed = text.trim();
    if (trimmed === '') {
        return null;
    }
    return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** A number as its field shows it (NaN, which cannot come from the admin's text, shows empty). */
export function formatNumberText(value: number | null): string {
    return value === null || Number.isNaN(value) ? '' : String(value);
}

/** A list field (DNS servers): items separated by commas, spaces or semicolons; empty items dropped. */
export function parseListText(text: string): string[] {
    return text.split(/[\s,;]+/).filter(item => item.length > 0);
}

/** A list as its field shows it. */
export function formatListText(items: readonly string[] | null): string {
    return (items ?? []).join(', ');
}

/** The text of the input or select an event came from. */
export function eventText(event: Event): string {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
    return target?.value ?? '';
}

/** Whether the checkbox an event came from is checked. */
export function eventChecked(event: Event): boolean {
    return (event.target as HTMLInputElement | null)?.checked ?? false;
}
