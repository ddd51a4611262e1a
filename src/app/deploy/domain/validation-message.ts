/**
 * What a validation rule reports. Messages are plain English, written for the admin (the UI shows `text` as is);
 * `code` is stable for tests and for UI logic that needs to tell messages apart. One convention for every rule.
 */

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
    /** Plain English, specific to the value, e.g. "Memory must be an even number of MB; 1025 is odd." */
    text: string;
}

/** An error message. */
export function validationError(field: string, code: string, text: string): ValidationMessage {
    return { field, code, severity: 'error', text };
}

/** A warning message. */
export function validationWarning(field: string, code: string, text: string): ValidationMessage {
    return { field, code, severity: 'warning', text };
}

/** Whether any message is an error. */
export function hasErrors(messages: readonly ValidationMessage[]): boolean {
    return messages.some(message => message.severity === 'error');
}

/** Formats a number of MB or GB the way the messages show sizes: 4096 -> "4,096". */
export function formatCount(value: number): string {
    return value.toLocaleString('en-US');
}
