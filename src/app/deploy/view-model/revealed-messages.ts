/**
 * Which validation messages the page shows now. Next stays disabled by every error (the store's validation), but an
 * error about a field the admin has not reached yet is not shown: "enter an address" under three empty fields the
 * moment Static is chosen would be three alerts about nothing the admin did. An error shows once its field was left
 * (touched) or once the field holds a value: typed, imported, remembered or read from the host, so a bad imported
 * value is shown at once. Warnings always show: they never block and never interrupt (no role="alert").
 */
import type { ProvisioningSecrets } from '../domain/provisioning-secrets';
import type { ValidationMessage } from '../domain/validation-message';
import type { WizardModel } from '../domain/wizard-model';

/** The values a message's field path points into: the model, and `secrets.<name>`. */
export interface FieldValues {
    model: WizardModel;
    secrets: ProvisioningSecrets;
}

/** The messages to show: warnings, and errors of touched or filled-in fields. */
export function revealedMessages(messages: readonly ValidationMessage[], values: FieldValues,
    touched: ReadonlySet<string>): ValidationMessage[] {
    return messages.filter(message => message.severity !== 'error' || wasTouched(message.field, touched)
        || !isEmpty(valueAt(values, message.field)));
}

/** Whether the field or a field containing it (`network.dnsServers` for `network.dnsServers.1`) was touched. */
function wasTouched(field: string, touched: ReadonlySet<string>): boolean {
    const parts = field.split('.');
    return parts.some((_, index) => touched.has(parts.slice(0, index + 1).join('.')));
}

/** The value at a dotted path; `undefined` where the path leads nowhere (a page-level message). */
function valueAt(values: FieldValues, field: string): unknown {
    const [root, ...rest] = field.split('.');
    let value: unknown = root === 'secrets' ? values.secrets : (values.model as unknown as Record<string, unknown>)[root];
    for (const part of rest) {
        if (value === null || typeof value !== 'object') {
            return undefined;
        }
        value = (value as Record<string, unknown>)[part];
    }
    return value;
}

/**
 * Nothing entered yet: null, '', an empty list, an unticked box. A path that leads nowhere is not empty: a message
 * not about one field (a failed prerequisite, a host check) is always shown.
 */
function isEmpty(value: unknown): boolean {
    return value === null || value === '' || value === false || (Array.isArray(value) && value.length === 0);
}
