/**
 * A ScriptRunner for the gateway's own tests: scripts are names of behaviours the test defines in TypeScript, so
 * a test controls exactly when output appears and when a run ends, without PowerShell.
 */
import type { ErrorRecordJson, JsonValue } from '../../pwsh-host/protocol';
import type { ScriptRunHandle, ScriptRunListener, ScriptRunner, ScriptRunRequest, ScriptRunState } from '../script-runner';

/** What a fake script can do while it runs. */
export interface FakeRunIo {
    node: string;
    /** Aborted when the run is cancelled. */
    signal: AbortSignal;
    output(...items: JsonValue[]): void;
    progress(activity: string, percentComplete: number): void;
    /** A non-terminating error (Write-Error). */
    writeError(message: string): void;
}

/** Thrown by a fake script to end the run with a terminating error. */
export class FakeTerminatingError extends Error {
}

export type FakeScript = (io: FakeRunIo) => Promise<void>;

/** One run the fake saw, for assertions about order and overlap. */
export interface FakeRunRecord {
    node: string;
    script: string;
    state: ScriptRunState | 'Running';
    /** Order of events across all runs: when this run started and ended. */
    startOrder: number;
    endOrder: number | null;
}

export class FakeScriptRunner implements ScriptRunner {
    private readonly scripts = new Map<string, FakeScript>();
    readonly runs: FakeRunRecord[] = [];
    private eventCounter = 0;

    /** Defines what running `script` does. Unknown scripts output one object naming the node. */
    define(script: string, behaviour: FakeScript): void {
        this.scripts.set(script, behaviour);
    }

    /** How many runs are running now. */
    get running(): number {
        return this.runs.filter(run => run.state === 'Running').length;
    }

    run(request: ScriptRunRequest, listener: ScriptRunListener): ScriptRunHandle {
        const record: FakeRunRecord = {
            node: request.node, script: request.script, state: 'Running', startOrder: ++this.eventCounter, endOrder: null
        };
        this.runs.push(record);
        const controller = new AbortController();
        const io: FakeRunIo = {
            node: request.node,
            signal: controller.signal,
            output: (...items) => listener.onOutput(items),
            progress: (activity, percentComplete) => listener.onProgress({
                activityId: 1, parentActivityId: -1, activity, statusDescription: `${percentComplete}%`,
                currentOperation: null, percentComplete, secondsRemaining: -1, recordType: 'Processing'
            }),
            writeError: message => listener.onError(errorRecord(message, false))
        };
        const behaviour = this.scripts.get(request.script) ?? (async (run: FakeRunIo) => run.output({ node: run.node }));
        const stopped = new Promise<ScriptRunState>(resolve =>
            controller.signal.addEventListener('abort', () => resolve('Stopped')));
        const finished = behaviour(io).then(
            (): ScriptRunState => 'Completed',
            (error: unknown): ScriptRunState => {
                if (controller.signal.aborted) {
                    return 'Stopped';
                }
                const message = error instanceof Error ? error.message : 'fake script failed';
                listener.onError(errorRecord(message, true));
                return 'Failed';
            });
        const done = Promise.race([finished, stopped]).then(state => {
            record.state = state;
            record.endOrder = ++this.eventCounter;
            return state;
        });
        return { cancel: () => controller.abort(), done };
    }
}

function errorRecord(message: string, terminating: boolean): ErrorRecordJson {
    return {
        message,
        fullyQualifiedErrorId: terminating ? 'FakeThrow' : 'Microsoft.PowerShell.Commands.WriteErrorException',
        category: 'NotSpecified',
        exceptionType: terminating ? 'System.Management.Automation.RuntimeException'
            : 'Microsoft.PowerShell.Commands.WriteErrorException',
        scriptStackTrace: null,
        terminating
    };
}
