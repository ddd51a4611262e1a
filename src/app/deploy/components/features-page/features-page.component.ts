import { ChangeDetectionStrategy, Component, EventEmitter, Input, Output } from '@angular/core';
import type { ValidationMessage } from '../../domain/validation-message';
import type { FeaturesAndTerms } from '../../domain/wizard-model';
import { extensionStrings } from '../../../shared/extension-strings';
import { eventChecked } from '../shared/input-text';

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
    protected readonly flags: readonly (keyof FeaturesAndTerms)[] = ['dpsTpm', 'defender', 'optionalTelemetry'];

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
