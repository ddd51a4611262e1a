/**
 * What a validation rule reports: the field, a stable `code` (for tests and for UI logic that needs to tell messages
 * apart), the severity and the message's text as a strings key with its values (message-text.ts). The UI formats
 * the text from the strings (view-model/message-text.ts). One convention for every rule.
 */
import { isMessageText, messageOf, type DeployTextKey, type MessageText, type TextParams } from './message-text';

export type ValidationSeverity = 'error' | 'warning';

export interface ValidationMessage {
    /**
     * The model field it is about, as a dotted path into WizardModel (or `secrets.<name>`), e.g.
     * `vmSize.memoryInMB`, `network.dnsServers.1`, `secrets.devConnString`.
     */
    field: string;
    /** Stable identifier, e.g. `memoryOdd`. */
    code: string;
    /** An error blocks the step; a warning is shown but lets the admin go on. */
    severity: ValidationSeverity;
    /** Specific to the value, e.g. `Deploy.Text.memoryOdd` with `{ value: 1025 }`: "...; 1,025 is odd." */
    text: MessageText;
}

function validationMessage(field: string, code: string, severity: ValidationSeverity, text: MessageText | TextParams):
    ValidationMessage {
    return { field, code, severity, text: isMessageText(text) ? text : messageOf(code as DeployTextKey, text) };
}

/** An error message; its text is the strings key named like the code, unless a text is given. */
export function validationError(field: string, code: DeployTextKey, params?: TextParams): ValidationMessage;
export function validationError(field: string, code: string, text: MessageText): ValidationMessage;
export function validationError(field: string, code: string, text: MessageText | TextParams = {}): ValidationMessage {
    return validationMessage(field, code, 'error', text);
}

/** A warning message; its text is the strings key named like the code, unless a text is given. */
export function validationWarning(field: string, code: DeployTextKey, params?: TextParams): ValidationMessage;
export function validationWarning(field: string, code: string, text: MessageText): ValidationMessage;
export function validationWarning(field: string, code: string, text: MessageText | TextParams = {}): ValidationMessage {
    return validationMessage(field, code, 'warning', text);
}

/** Whether any message is an error. */
export function hasErrors(messages: readonly ValidationMessage[]): boolean {
    return messages.some(message => message.severity === 'error');
}
