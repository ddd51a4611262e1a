/**
 * The one thing the gateway emulator needs from PowerShell: run a script for a node, stream what it produces,
 * stop it on request. The real implementation (pool-script-runner.ts) is backed by the PowerShell host pool and the
 * simulator; the gateway's own tests use a fake, because HTTP behaviour is their subject, not PowerShell.
 */
import type { ErrorRecordJson, JsonValue, ProgressRecordJson } from '../pwsh-host/protocol';

/** What to run, and for which node (every stand-in call the script makes is answered for this node). */
export interface ScriptRunRequest {
    node: string;
    /** The script text exactly as the SDK sent it (the `SmeSubmit` wrapper with `cvt` parameter conversion). */
    script: string;
}

/** Receives what a run produces, in the order PowerShell produces it. */
export interface ScriptRunListener {
    /** Output objects, already converted to JSON values. */
    onOutput(items: JsonValue[]): void;
    onProgress(record: ProgressRecordJson): void;
    /** A non-terminating error, or (with `terminating: true`, just before the run ends as Failed) the terminating one. */
    onError(record: ErrorRecordJson): void;
}

/** How a run ended. `Failed`: a terminating error (already given to `onError`). `Stopped`: cancelled. */
export type ScriptRunState = 'Completed' | 'Failed' | 'Stopped';

/** A run in flight. */
export interface ScriptRunHandle {
    /** Asks PowerShell to stop the run; `done` then settles with `Stopped` (or the state it reached first). */
    cancel(): void;
    /** Settles when the run has ended; never rejects (an infrastructure failure ends the run as Failed). */
    readonly done: Promise<ScriptRunState>;
}

/** Runs scripts for nodes. */
export interface ScriptRunner {
    run(request: ScriptRunRequest, listener: ScriptRunListener): ScriptRunHandle;
}
