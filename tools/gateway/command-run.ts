/**
 * One command sent to a PowerShell session: what it has produced so far, what of that the client has already
 * received, and how it ended. Every answer about a run carries only what is new since the previous answer
 * (the SDK concatenates `results` chunks, or emits each chunk with `partial: true`).
 */
import type { ErrorRecordJson, JsonValue, ProgressRecordJson } from '../pwsh-host/protocol';
import { toWacErrorRecord } from './error-records';
import type { ScriptRunHandle, ScriptRunListener, ScriptRunner, ScriptRunState } from './script-runner';
import type { GatewayAnswer, WacErrorRecord, WacRunChunk } from './wac-wire';

/** Where a run is: waiting behind an earlier command of its session, running, or ended. */
export type CommandRunState = 'Queued' | 'Running' | ScriptRunState;

/** Used when a run fails without reporting its terminating error (the PowerShell host itself failed). */
const UNREPORTED_FAILURE: ErrorRecordJson = {
    message: 'The PowerShell run ended with a failure that it did not report.',
    fullyQualifiedErrorId: 'RunFailed',
    category: 'NotSpecified',
    exceptionType: 'System.Management.Automation.RuntimeException',
    scriptStackTrace: null,
    terminating: true
};

/** One command's output, delivery state and end. */
export class CommandRun {
    private readonly results: JsonValue[] = [];
    private readonly progress: ProgressRecordJson[] = [];
    private readonly errors: WacErrorRecord[] = [];
    private terminatingError: ErrorRecordJson | null = null;
    private runState: CommandRunState = 'Queued';
    private handle: ScriptRunHandle | null = null;
    private deliveredResults = 0;
    private deliveredProgress = 0;
    private deliveredErrors = 0;
    private completionDelivered = false;
    private readonly changeListeners = new Set<() => void>();
    private endedResolve: () => void = () => undefined;
    /** Settles when the run has ended (completed, failed, stopped, or cancelled before it started). */
    readonly ended: Promise<void> = new Promise(resolve => { this.endedResolve = resolve; });

    get state(): CommandRunState {
        return this.runState;
    }

    get finished(): boolean {
        return this.runState !== 'Queued' && this.runState !== 'Running';
    }

    /** True once an answer saying `completed: 'True'` (or the final error) has been handed out. */
    get fullyDelivered(): boolean {
        return this.completionDelivered;
    }

    /** Whether the next answer would carry something the client has not seen (output, or the end itself). */
    get hasNews(): boolean {
        return this.results.length > this.deliveredResults
            || this.progress.length > this.deliveredProgress
            || this.errors.length > this.deliveredErrors
            || (this.finished && !this.completionDelivered);
    }

    /**
     * Starts the script unless the run was cancelled while queued. Resolves when the run has ended, so a session
     * can chain its commands one after another.
     */
    start(runner: ScriptRunner, node: string, script: string): Promise<void> {
        if (this.runState !== 'Queued') {
            return this.ended;
        }
        this.setState('Running');
        this.handle = runner.run({ node, script }, this.listener());
        this.handle.done.then(
            state => this.finish(state),
            () => this.finish('Failed'));
        return this.ended;
    }

    /** Stops the run: a queued run never starts, a running one is asked to stop. */
    cancel(): void {
        if (this.runState === 'Queued') {
            this.finish('Stopped');
        } else if (this.runState === 'Running' && this.handle) {
            this.handle.cancel();
        }
    }

    /**
     * Waits until `condition` holds or `timeoutMs` passes, whichever is first. Used for the initial wait
     * (condition: finished) and for long-polls (condition: has news).
     */
    waitUntil(condition: (run: CommandRun) => boolean, timeoutMs: number): Promise<void> {
        if (condition(this) || timeoutMs <= 0) {
            return Promise.resolve();
        }
        return new Promise(resolve => {
            const done = (): void => {
                clearTimeout(timer);
                this.changeListeners.delete(check);
                resolve();
            };
            const check = (): void => {
                if (condition(this)) {
                    done();
                }
            };
            const timer = setTimeout(done, timeoutMs);
            this.changeListeners.add(check);
        });
    }

    /**
     * The answer for the client: everything new since the previous answer. A run that failed first hands out
     * its pending output in a normal chunk, then the terminating error as an HTTP 400 (the client turns that into
     * an observable error and drops any data in it, so output must not travel with the error).
     */
    takeAnswer(sessionId: string): GatewayAnswer {
        const failed = this.runState === 'Failed';
        const pendingData = this.results.length > this.deliveredResults
            || this.progress.length > this.deliveredProgress
            || this.errors.length > this.deliveredErrors;
        if (failed && !pendingData) {
            this.completionDelivered = true;
            return this.failureAnswer(sessionId, this.terminatingError ?? UNREPORTED_FAILURE);
        }
        const chunk: WacRunChunk = {
            sessionId,
            completed: this.finished && !failed ? 'True' : 'False',
            results: this.results.slice(this.deliveredResults),
            progress: this.progress.slice(this.deliveredProgress),
            errors: this.errors.slice(this.deliveredErrors)
        };
        this.deliveredResults = this.results.length;
        this.deliveredProgress = this.progress.length;
        this.deliveredErrors = this.errors.length;
        if (chunk.completed === 'True') {
            this.completionDelivered = true;
        }
        return { status: 200, body: { properties: chunk } };
    }

    private failureAnswer(sessionId: string, record: ErrorRecordJson): GatewayAnswer {
        const wacRecord = toWacErrorRecord(record);
        return {
            status: 400,
            body: {
                error: { code: wacRecord.errorType, message: record.message },
                sessionId,
                completed: 'True',
                errors: [wacRecord],
                exception: record.message
            }
        };
    }

    private listener(): ScriptRunListener {
        return {
            onOutput: items => {
                if (this.runState !== 'Running') {
                    return;
                }
                this.results.push(...items);
                this.notify();
            },
            onProgress: record => {
                if (this.runState !== 'Running') {
                    return;
                }
                this.progress.push(record);
                this.notify();
            },
            onError: record => {
                if (this.runState !== 'Running') {
                    return;
                }
                if (record.terminating) {
                    // Kept apart: it becomes the HTTP error that ends the run, not an `errors` entry of a chunk.
                    this.terminatingError = record;
                    return;
                }
                this.errors.push(toWacErrorRecord(record));
                this.notify();
            }
        };
    }

    private finish(state: ScriptRunState): void {
        if (this.finished) {
            return;
        }
        this.setState(state);
        this.endedResolve();
    }

    private setState(state: CommandRunState): void {
        this.runState = state;
        this.notify();
    }

    private notify(): void {
        for (const listener of [...this.changeListeners]) {
            listener();
        }
    }
}
