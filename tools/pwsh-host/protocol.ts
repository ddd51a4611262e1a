/**
 * The wire protocol between Node (the gateway emulator, the script tests) and the PowerShell host process
 * (`tools/pwsh-host`, a .NET program that embeds the PowerShell 7.6 engine from System.Management.Automation).
 *
 * Transport: newline-delimited JSON. Node writes one message per line to the host's stdin; the host writes one
 * message per line to stdout (UTF-8, no BOM). stderr carries human diagnostics only and is never parsed.
 * The host runs several runs at once (one runspace each); every message names the run it belongs to.
 *
 * The host knows nothing of the simulator: every call a script makes to a stand-in cmdlet (AzureEFLOW or a
 * Windows cmdlet that PowerShell on Linux lacks) becomes a `call` message; Node answers with `callEvent`
 * messages (progress, host output) and exactly one `callResult`.
 */

/** A JSON value as it crosses the wire. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

// ---------------------------------------------------------------- Node -> host

/**
 * Runs PowerShell on behalf of a simulated host.
 * Exactly one of `script` (inline text, exactly as the WAC gateway receives it from the SDK: the `SmeSubmit`
 * wrapper with `cvt` parameter conversion) or `scriptPath` (a .ps1 file run with `parameters` bound as real
 * parameters, never spliced into text) is set.
 */
export interface RunRequest {
    type: 'run';
    runId: string;
    /** The simulated host the run is bound to: every stand-in call from this run names it. */
    host: string;
    script?: string;
    scriptPath?: string;
    /** For `scriptPath` runs: parameter name -> value. `true` for a switch that is present. */
    parameters?: { [name: string]: JsonValue };
}

/** Stops a run (PowerShell's Stop): the run ends with state `Stopped`. Unknown or finished runs are ignored. */
export interface CancelRequest {
    type: 'cancel';
    runId: string;
}

/** An event while a stand-in call is in progress (before its `callResult`). */
export interface CallEventMessage {
    type: 'callEvent';
    callId: string;
    event: CallEvent;
}

/** Answers a stand-in call. `ok: true` with `value` = the cmdlet's output; `ok: false` with the error to raise. */
export interface CallResultMessage {
    type: 'callResult';
    callId: string;
    outcome: CallOutcome;
}

/** Asks the host to exit after finishing nothing further (runs in flight are stopped). */
export interface ShutdownRequest {
    type: 'shutdown';
}

export type HostInbound = RunRequest | CancelRequest | CallEventMessage | CallResultMessage | ShutdownRequest;

// ---------------------------------------------------------------- host -> Node

/** The host is ready to accept runs (sent once after start-up). */
export interface ReadyMessage {
    type: 'ready';
    psVersion: string;
    runspaces: number;
}

/**
 * A script called a stand-in cmdlet. `parameters` are the cmdlet's bound parameters ($PSBoundParameters):
 * switches as `true`/`false`, arrays as arrays, everything else converted to JSON values.
 */
export interface CallMessage {
    type: 'call';
    runId: string;
    callId: string;
    host: string;
    /** `AzureEFLOW` or `Windows`. */
    module: string;
    command: string;
    parameters: { [name: string]: JsonValue };
}

/** Output objects, in order, as soon as the pipeline produces them (serialized as the gateway would). */
export interface OutputMessage {
    type: 'output';
    runId: string;
    items: JsonValue[];
}

/** A Write-Progress record. */
export interface ProgressMessage {
    type: 'progress';
    runId: string;
    record: ProgressRecordJson;
}

/** A non-terminating error (Write-Error, a failed cmdlet) or, just before `done`, the terminating one. */
export interface ErrorMessage {
    type: 'error';
    runId: string;
    record: ErrorRecordJson;
}

/** Warning, verbose, information (Write-Host and Write-Information) stream records. */
export interface StreamMessage {
    type: 'stream';
    runId: string;
    stream: 'warning' | 'verbose' | 'information' | 'debug';
    message: string;
}

/** The run ended. `Failed` means a terminating error (already sent as an `error` message). */
export interface DoneMessage {
    type: 'done';
    runId: string;
    state: 'Completed' | 'Failed' | 'Stopped';
    durationMs: number;
}

/** Something the host could not do with a message it received (bad JSON, unknown run). */
export interface ProtocolErrorMessage {
    type: 'protocolError';
    message: string;
}

export type HostOutbound =
    ReadyMessage | CallMessage | OutputMessage | ProgressMessage | ErrorMessage | StreamMessage | DoneMessage |
    ProtocolErrorMessage;

// ---------------------------------------------------------------- shared shapes

export interface ProgressRecordJson {
    activityId: number;
    parentActivityId: number;
    activity: string;
    statusDescription: string;
    currentOperation: string | null;
    percentComplete: number;
    secondsRemaining: number;
    /** `Processing` or `Completed`. */
    recordType: string;
}

export interface ErrorRecordJson {
    message: string;
    /** The ErrorRecord's FullyQualifiedErrorId, e.g. `ParameterArgumentValidationError,Get-X`. */
    fullyQualifiedErrorId: string;
    /** The ErrorCategory name, e.g. `InvalidArgument`. */
    category: string;
    /** The exception's .NET type name, e.g. `System.Management.Automation.RuntimeException`. */
    exceptionType: string;
    /** Where in the script it happened, when known. */
    scriptStackTrace: string | null;
    terminating: boolean;
}

/** Events a long-running stand-in call streams before it returns (what Deploy-Eflow prints, for example). */
export type CallEvent =
    | { kind: 'information'; message: string }
    | { kind: 'warning'; message: string }
    | { kind: 'verbose'; message: string }
    | { kind: 'progress'; activity: string; status: string; percentComplete: number; completed?: boolean };

/**
 * What a stand-in call returns. `value` is written to the pipeline: an array is enumerated (one output object
 * per element), `null` writes nothing, anything else is one object. Objects become PSCustomObjects.
 * An error is raised with `message` as the exception message, `errorId` as the ErrorRecord id and `category` as
 * the ErrorCategory name; `terminating: true` throws (as the AzureEFLOW cmdlets do), `false` writes a
 * non-terminating error and returns `value` if any.
 */
export type CallOutcome =
    | { ok: true; value: JsonValue }
    | { ok: false; error: StandInError; value?: JsonValue };

export interface StandInError {
    message: string;
    errorId: string;
    category: string;
    terminating: boolean;
}
