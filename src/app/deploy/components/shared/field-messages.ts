import type { ValidationMessage } from '../../domain/validation-message';

/**
 * The messages about one field: its own (`vmSize.memoryInMB`) and those of its parts (`network.dnsServers` gets
 * `network.dnsServers.1`). A field is a dotted path into the wizard model (or `secrets.<name>`).
 */
export function messagesFor(messages: readonly ValidationMessage[], field: string): ValidationMessage[] {
    return messages.filter(message => message.field === field || message.field.startsWith(`${field}.`));
}

/** Whether a field has an error (for the input's invalid state). */
export function fieldHasError(messages: readonly ValidationMessage[], field: string): boolean {
    return messagesFor(messages, field).some(message => message.severity === 'error');
}
