/**
 * Builders for CallOutcome, so every handler raises errors the way the real command does: AzureEFLOW functions
 * `throw` (terminating, FullyQualifiedErrorId = the message, category OperationStopped, as PowerShell records a
 * thrown string); Windows cmdlets mostly write non-terminating errors with their own error ids.
 */
import type { CallOutcome, JsonValue, StandInError } from '../../pwsh-host/protocol';

export function ok(value: JsonValue = null): CallOutcome {
    return { ok: true, value };
}

/** A terminating error as AzureEFLOW raises it (`throw "message"`). */
export function eflowThrow(message: string): CallOutcome {
    return { ok: false, error: { message, errorId: message, category: 'OperationStopped', terminating: true } };
}

/** A Windows cmdlet error; non-terminating unless told, optionally with partial output. */
export function windowsError(message: string, errorId: string, category: string,
    options: { terminating?: boolean; value?: JsonValue } = {}): CallOutcome {
    const error: StandInError = { message, errorId, category, terminating: options.terminating ?? false };
    return options.value === undefined ? { ok: false, error } : { ok: false, error, value: options.value };
}

/** What PowerShell 5.1 says when a command does not exist on the host (a module or role is missing). */
export function commandNotFound(command: string): CallOutcome {
    return windowsError(
        `The term '${command}' is not recognized as the name of a cmdlet, function, script file, or operable ` +
        'program. Check the spelling of the name, or if a path was included, verify that the path is correct and ' +
        'try again.',
        'CommandNotFoundException', 'ObjectNotFound', { terminating: true });
}

/** What a prompt does in a non-interactive session (WAC runs scripts non-interactively). */
export function nonInteractivePrompt(): CallOutcome {
    return windowsError('PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
        'System.Management.Automation.PSInvalidOperationException', 'InvalidOperation', { terminating: true });
}

/** The outcome of a call whose AbortSignal fired. */
export function pipelineStopped(): CallOutcome {
    return { ok: false, error: { message: 'The pipeline has been stopped.', errorId: 'PipelineStopped',
        category: 'OperationStopped', terminating: true } };
}
