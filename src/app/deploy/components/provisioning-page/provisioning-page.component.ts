import { ChangeDetectionStrategy, Component, EventEmitter, Input, OnChanges, Output } from '@angular/core';
import { PROVISIONING_TYPES, type ProvisioningChoice, type ProvisioningType } from '../../domain/provisioning-choice';
import type { ProvisioningSecrets, SecretFieldName } from '../../domain/provisioning-secrets';
import { secretFieldFor } from '../../domain/provisioning-secrets';
import type { ValidationMessage } from '../../domain/validation-message';
import { extensionStrings } from '../../../shared/extension-strings';
import { eventText } from '../shared/input-text';
import { fieldHasError } from '../shared/field-messages';
import { provisioningFieldsOf } from '../../domain/provisioning-field-values';
import {
    PROVISIONING_FIELDS, provisioningChoice, provisioningTypeLabel, provisioningValues, type ProvisioningFieldKey
} from './provisioning-fields';
import { describedBy } from '../shared/field-ids';

/** A secret's new value, as the page emits it. */
export interface SecretChange {
    name: SecretFieldName;
    value: string;
}

/**
 * Page 7: how the device connects to IoT Hub (or "later, from the dashboard"), with each type's required fields
 * validated as typed. Secrets are masked fields whose value lives in the store's memory only.
 */
@Component({
    selector: 'em-provisioning-page',
    templateUrl: './provisioning-page.component.html',
    styleUrls: ['../shared/wizard-form.css'],
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class ProvisioningPageComponent implements OnChanges {
    /** The choice. */
    @Input() public provisioning: ProvisioningChoice | null = null;
    /** The secrets typed so far (memory only). */
    @Input() public secrets: ProvisioningSecrets | null = null;
    /** The page's messages. */
    @Input() public messages: readonly ValidationMessage[] = [];
    /** What was typed for every type's fields (remembered-entries.ts): switching back to a type brings its values back. */
    @Input() public remembered: Readonly<Record<ProvisioningFieldKey, string>> | null = null;
    /** Emits the whole choice on every change. */
    @Output() public readonly provisioningChange = new EventEmitter<ProvisioningChoice>();
    /** Whether "Later, from the dashboard" is offered: not when provisioning is all that is left (wizard-defaults.ts). */
    @Input() public offerLater = true;
    /** Emits a secret on every keystroke. */
    @Output() public readonly secretChange = new EventEmitter<SecretChange>();

    protected readonly strings = extensionStrings().Deploy.Provisioning;
    protected readonly describedBy = describedBy;
    protected types: readonly (ProvisioningType | 'skip')[] = ['skip', ...PROVISIONING_TYPES];
    protected fields: readonly ProvisioningFieldKey[] = [];
    protected values: Record<ProvisioningFieldKey, string> = provisioningValues({ type: 'skip' });
    protected secretField: SecretFieldName | null = null;

    public ngOnChanges(): void {
        const choice = this.provisioning ?? { type: 'skip' };
        // "Later" stays listed while it is the choice (an imported file): hiding the checked option would hide the choice.
        this.types = this.offerLater || choice.type === 'skip' ? ['skip', ...PROVISIONING_TYPES] : PROVISIONING_TYPES;
        this.fields = choice.type === 'skip' ? [] : PROVISIONING_FIELDS[choice.type];
        // The choice's own fields as they are, the other types' fields as they were last typed.
        const own = provisioningValues(choice);
        this.values = { ...provisioningValues({ type: 'skip' }), ...this.remembered };
        for (const key of provisioningFieldsOf(choice)) {
            this.values[key] = own[key];
        }
        this.secretField = secretFieldFor(choice);
    }

    protected typeLabel(type: ProvisioningType | 'skip'): string {
        return provisioningTypeLabel(type, this.strings);
    }

    protected fieldLabel(key: ProvisioningFieldKey): string {
        return key === 'registrationId' && this.provisioning?.type === 'DpsTPM' ? this.strings.registrationIdOptional : this.strings[key];
    }

    protected secretLabel(name: SecretFieldName): string {
        return this.strings[name];
    }

    protected invalid(field: string): boolean {
        return fieldHasError(this.messages, field);
    }

    protected setType(type: ProvisioningType | 'skip'): void {
        this.provisioningChange.emit(provisioningChoice(type, this.values));
    }

    protected setField(key: ProvisioningFieldKey, event: Event): void {
        if (this.provisioning && this.provisioning.type !== 'skip') {
            this.provisioningChange.emit(provisioningChoice(this.provisioning.type, { ...this.values, [key]: eventText(event) }));
        }
    }

    protected setSecret(name: SecretFieldName, value: string): void {
        this.secretChange.emit({ name, value });
    }
}
