import { ChangeDetectionStrategy, Component, Input, OnChanges } from '@angular/core';
import { StatusIconType } from '@microsoft/windows-admin-center-sdk/angular';
import { extensionStrings } from '../../../shared/extension-strings';
import type { ValidationMessage } from '../../domain/validation-message';
import { deployTexts, validationText } from '../../view-model/message-text';
import { messagesFor } from '../shared/field-messages';
import { messagesId } from '../shared/field-ids';

/** A message as shown: the message and its text in the admin's words. */
interface ShownMessage {
    message: ValidationMessage;
    text: string;
}

/**
 * The validation messages of one field, under it: errors (which block Next) and warnings (which do not), each in the
 * domain rule's own specific words.
 */
@Component({
    selector: 'em-field-messages',
    templateUrl: './field-messages.component.html',
    styleUrls: ['../shared/wizard-form.css'],
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class FieldMessagesComponent implements OnChanges {
    /** The page's messages. */
    @Input() public messages: readonly ValidationMessage[] = [];
    /** The field to show them for (a dotted model path; its parts are included). */
    @Input() public field = '';

    protected shown: ShownMessage[] = [];
    /** The list's id, which the field's input names in aria-describedby. */
    protected listId = '';
    private readonly texts = deployTexts(extensionStrings());

    public ngOnChanges(): void {
        this.listId = messagesId(this.field);
        this.shown = messagesFor(this.messages, this.field).map(message => ({ message, text: validationText(message, this.texts) }));
    }

    protected icon(message: ValidationMessage): StatusIconType {
        return message.severity === 'error' ? StatusIconType.Error : StatusIconType.Warning;
    }
}
