/**
 * The Node-side shapes of a run, shared by `PwshHost` (one process) and `PwshHostPool` (several).
 */
import type {
    CallEvent, CallMessage, CallOutcome, DoneMessage, ErrorRecordJson, JsonValue, ProgressRecordJson, StreamMessage
} from './protocol';

/** What to run and for which simulated host. Exactly one of `script` and `scriptPath` is set. */
export interface RunInput {
    /** The simulated host the run is bound to (named in every stand-in call it makes). */
    host: string;
    /** Inline PowerShell, exactly as the WAC gateway receives it (the SDK's `SmeSubmit` wrapper). */
    script?: string;
    /** A .ps1 file run with `parameters` bound as real parameters. */
    scriptPath?: string;
    /** For `scriptPath`: parameter name -> value; `true` for a switch that is present. */
    parameters?: { [name: string]: JsonValue };
}

/** A warning, verbose, information (Write-Host, Write-Information) or debug record. */
export interface StreamRecord {
    stream: StreamMessage['stream'];
    message: string;
}

/** Callbacks of one run. Only `onCall` is required: a run that calls a stand-in cmdlet needs an answer. */
export interface RunHandlers {
    /**
     * Answers a stand-in call. `emit` streams progress and host output while the call runs; `signal` aborts when
     * the run is cancelled or ends. A rejected promise becomes a terminating error in the script.
     */
    onCall(call: CallMessage, emit: (event: CallEvent) => void, signal: AbortSignal): Promise<CallOutcome>;
    /** Each output object, in order, as soon as the pipeline writes it. */
    onOutput?(item: JsonValue): void;
    onProgress?(record: ProgressRecordJson): void;
    /** Non-terminating errors as they happen, and the terminating one just before the run ends. */
    onError?(record: ErrorRecordJson): void;
    onStream?(record: StreamRecord): void;
}

/** How a run ended and everything it produced. */
export interface RunResult {
    state: DoneMessage['state'];
    outputs: JsonValue[];
    errors: ErrorRecordJson[];
    progress: ProgressRecordJson[];
    streams: StreamRecord[];
    /** As measured by the host, from receiving the run to its end (queueing included). */
    durationMs: number;
}

/** A run in progress. */
export interface RunHandle {
    readonly runId: string;
    /** Stops the run (PowerShell's Stop); `done` then resolves with state `Stopped`. */
    cancel(): void;
    /** Resolves when the run ends; rejects only when the host process is lost (crash or stop). */
    readonly done: Promise<RunResult>;
}

/** Anything that runs scripts: one host process or a pool of them. */
export interface ScriptRunner {
    run(input: RunInput, handlers: RunHandlers): RunHandle;
    /** Runs in flight (sent and not yet done). */
    readonly load: number;
    stop(): Promise<void>;
}
