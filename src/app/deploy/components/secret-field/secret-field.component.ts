import { ChangeDetectionStrategy, Component, EventEmitter, Input, Output } from '@angular/core';
import type { ValidationMessage } from '../../domain/validation-message';
import { extensionStrings } from '../../../shared/extension-strings';
import { eventText } from '../shared/input-text';
import { fieldHasError } from '../shared/field-messages';
import { describedBy, hintId } from '../shared/field-ids';

/**
 * A secret (device connection string, symmetric key): a password field, masked until the admin asks to see it, never
 * offered to the browser's autofill or spell checker, with its validation messages (which never quote it).
 * `autocomplete="new-password"` rather than "off": Chromium ignores "off" on password fields and offers to save
 * what was typed in its password manager (browser storage); "new-password" tells it the value is not a login to
 * remember. The data-* hints ask the common password-manager extensions (LastPass, 1Password, Bitwarden, Dashlane)
 * to leave the field alone as well.
 */
@Component({
    selector: 'em-secret-field',
    templateUrl: './secret-field.component.html',
    styleUrls: ['../shared/wizard-form.css'],
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class SecretFieldComponent {
    /** The label. */
    @Input() public label = '';
    /** The field path the messages are about, e.g. `secrets.devConnString`. */
    @Input() public field = '';
    /** The current value (memory only). */
    @Input() public value = '';
    /** The page's messages. */
    @Input() public messages: readonly ValidationMessage[] = [];
    /** Emits the value on every keystroke. */
    @Output() public readonly valueChange = new EventEmitter<string>();

    protected readonly strings = extensionStrings().Deploy.Provisioning;
    protected readonly describedBy = describedBy;
    protected readonly hintId = hintId;
    /** Whether the admin asked to see the value. */
    protected revealed = false;

    protected get invalid(): boolean {
        return fieldHasError(this.messages, this.field);
    }

    protected toggle(): void {
        this.revealed = !this.revealed;
    }

    protected typed(event: Event): void {
        this.valueChange.emit(eventText(event));
    }
}
