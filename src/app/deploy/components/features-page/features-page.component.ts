import { ChangeDetectionStrategy, Component, EventEmitter, Input, Output } from '@angular/core';
import type { ValidationMessage } from '../../domain/validation-message';
import type { FeaturesAndTerms } from '../../domain/wizard-model';
import { extensionStrings } from '../../../shared/extension-strings';
import { eventChecked } from '../shared/input-text';
import { fieldHasError } from '../shared/field-messages';
import { describedBy } from '../shared/field-ids';

/** Page 6: the DpsTpm and Defender features, optional telemetry, and the license terms (required). */
@Component({
    selector: 'em-features-page',
    templateUrl: './features-page.component.html',
    styleUrls: ['../shared/wizard-form.css'],
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class FeaturesPageComponent {
    /** The choices. */
    @Input() public features: FeaturesAndTerms | null = null;
    /** The page's messages. */
    @Input() public messages: readonly ValidationMessage[] = [];
    /** Whether the terms were accepted already (the VM is deployed): shown as accepted, not asked again. */
    @Input() public termsAccepted = false;
    /** Emits the whole choice on every change. */
    @Output() public readonly featuresChange = new EventEmitter<FeaturesAndTerms>();

    protected readonly strings = extensionStrings().Deploy.Features;
    protected readonly describedBy = describedBy;
    /** The terms sentence around its address, which is shown as a link (opened in a new tab: the wizard stays). */
    protected readonly eula = splitAtUrl(this.strings.eulaText);
    protected readonly flags: readonly (keyof FeaturesAndTerms)[] = ['dpsTpm', 'defender', 'optionalTelemetry'];

    protected invalid(field: string): boolean {
        return fieldHasError(this.messages, field);
    }

    protected label(flag: keyof FeaturesAndTerms): string {
        switch (flag) {
            case 'dpsTpm':
                return this.strings.dpsTpm;
            case 'defender':
                return this.strings.defender;
            case 'optionalTelemetry':
                return this.strings.telemetry;
            case 'eulaAccepted':
                return this.strings.eula;
        }
    }

    protected set(flag: keyof FeaturesAndTerms, event: Event): void {
        if (this.features) {
            this.featuresChange.emit({ ...this.features, [flag]: eventChecked(event) });
        }
    }
}

/** A sentence split around the first web address in it (none: all of it before, url empty). */
export interface TextWithUrl {
    before: string;
    url: string;
    after: string;
}

/** Splits a translated sentence at its address, so the address can be a link whatever the words around it. */
export function splitAtUrl(text: string): TextWithUrl {
    // A sentence's full stop after the address is not part of it.
    const match = /https:\/\/[^\s]*[^\s.,;:)]/.exec(text);
    if (!match) {
        return { before: text, url: '', after: '' };
    }
    return { before: text.slice(0, match.index), url: match[0], after: text.slice(match.index + match[0].length) };
}
