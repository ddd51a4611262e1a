/**
 * Lets a handler stop with a given outcome from anywhere in its call tree (`throw new StandInFailure(...)`);
 * the dispatcher turns it back into the CallOutcome. Keeps guard clauses one line long.
 */
import type { CallOutcome } from '../../pwsh-host/protocol';
import { eflowThrow, windowsError } from './outcome';

export class StandInFailure extends Error {
    constructor(public readonly outcome: CallOutcome) {
        super(outcome.ok ? 'ok' : outcome.error.message);
        this.name = 'StandInFailure';
    }
}

/** Stops the handler with an AzureEFLOW terminating error. */
export function failEflow(message: string): never {
    throw new StandInFailure(eflowThrow(message));
}

/**
 * What PowerShell says when a parameter the command needs was not given and it cannot prompt (WAC sessions are
 * non-interactive): the real cmdlets declare these mandatory, or prompt for them.
 */
export function failMissingParameters(command: string, names: string[]): never {
    throw new StandInFailure(windowsError(
        `Cannot process command because of one or more missing mandatory parameters: ${names.join(' ')}.`,
        `MissingMandatoryParameter,${command}`, 'InvalidArgument', { terminating: true }));
}
