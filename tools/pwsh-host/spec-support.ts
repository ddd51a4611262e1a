/**
 * Shared pieces of the PowerShell host specs (not a spec itself): fixture paths, the SDK's inline-script
 * wrapper, and handlers for runs that must not call stand-ins.
 */
import * as path from 'path';
import type { CallMessage, JsonValue } from './protocol';
import type { RunHandlers } from './run-types';

export const FIXTURES = path.join(__dirname, 'fixtures');
export const STAND_IN_FIXTURE_MODULE = path.join(FIXTURES, 'StandInFixture', 'StandInFixture.psm1');
export const FIXTURE_MODULE_PATH = path.join(FIXTURES, 'modules');

/** Start-up of a host process (opening runspaces) is slow on a 2-core machine; this only guards against hangs. */
export const HOST_START_TIMEOUT_MS = 120_000;

/**
 * The script the WAC SDK sends for an inline run, built exactly as `PowerShell.createCommand` does in
 * @microsoft/windows-admin-center-sdk/core/data/powershell.js: the resource script wrapped in `SmeSubmit`, each
 * parameter appended as `-Name (cvt '<JSON with ' doubled>')` (or `-Name $null`), then switch flags.
 */
export function sdkScript(body: string, parameters: { [name: string]: JsonValue } = {}, flags: string[] = []): string {
    let script = 'function cvt($o){return ConvertFrom-Json $o}\n function SmeSubmit{\n' + body + '}\nSmeSubmit';
    for (const [name, value] of Object.entries(parameters)) {
        script += value === null
            ? ` -${name} $null`
            : ` -${name} (cvt '${JSON.stringify(value).replace(/'/g, "''")}')`;
    }
    for (const flag of flags) {
        script += ` -${flag}`;
    }
    return script;
}

/** Handlers for a run that must not reach the simulator: any stand-in call is recorded and fails the script. */
export function noStandInCalls(): RunHandlers & { calls: CallMessage[] } {
    const calls: CallMessage[] = [];
    return {
        calls,
        onCall: async (call) => {
            calls.push(call);
            return { ok: false, error: { message: `unexpected call ${call.command}`, errorId: 'Unexpected', category: 'InvalidOperation', terminating: true } };
        }
    };
}

/** A promise with its resolve function, for handlers that a test releases by hand. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
    let resolve!: (value: T) => void;
    const promise = new Promise<T>((r) => { resolve = r; });
    return { promise, resolve };
}
