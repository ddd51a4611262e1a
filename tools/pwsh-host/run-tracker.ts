/**
 * Node-side bookkeeping of one run on one host process: collects what the run produces, answers its stand-in
 * calls through `RunHandlers.onCall`, and settles `done`.
 */
import type {
    CallEvent, CallMessage, CallOutcome, ErrorRecordJson, HostInbound, HostOutbound, JsonValue, ProgressRecordJson
} from './protocol';
import type { RunHandlers, RunResult, StreamRecord } from './run-types';

/** Host messages that belong to a run. */
export type RunMessage = Extract<HostOutbound, { runId: string }>;

/** The error id a stand-in call gets when `onCall` itself fails (a bug in the simulator, not a simulated failure). */
export const STAND_IN_HANDLER_FAILED = 'StandInHandlerFailed';

/** One run's state on the Node side, from `run` to `done` (or to the loss of its host process). */
export class RunTracker {
    readonly done: Promise<RunResult>;
    private readonly outputs: JsonValue[] = [];
    private readonly errors: ErrorRecordJson[] = [];
    private readonly progress: ProgressRecordJson[] = [];
    private readonly streams: StreamRecord[] = [];
    private readonly pendingCalls = new Map<string, AbortController>();
    private resolveDone!: (result: RunResult) => void;
    private rejectDone!: (error: Error) => void;
    private settled = false;

    constructor(
        readonly runId: string,
        private readonly handlers: RunHandlers,
        private readonly send: (message: HostInbound) => void
    ) {
        this.done = new Promise<RunResult>((resolve, reject) => {
            this.resolveDone = resolve;
            this.rejectDone = reject;
        });
    }

    /** Handles one message of this run; returns true when the run has ended. */
    handle(message: RunMessage): boolean {
        switch (message.type) {
            case 'output':
                for (const item of message.items) {
                    this.outputs.push(item);
                    this.handlers.onOutput?.(item);
                }
                return false;
            case 'error':
                this.errors.push(message.record);
                this.handlers.onError?.(message.record);
                return false;
            case 'progress':
                this.progress.push(message.record);
                this.handlers.onProgress?.(message.record);
                return false;
            case 'stream': {
                const record: StreamRecord = { stream: message.stream, message: message.message };
                this.streams.push(record);
                this.handlers.onStream?.(record);
                return false;
            }
            case 'call':
                this.answer(message);
                return false;
            case 'done':
                this.abortCalls();
                this.settled = true;
                this.resolveDone({
                    state: message.state,
                    outputs: this.outputs,
                    errors: this.errors,
                    progress: this.progress,
                    streams: this.streams,
                    durationMs: message.durationMs
                });
                return true;
        }
    }

    /** Aborts the signals of stand-in calls still being answered (the run was cancelled or has ended). */
    abortCalls(): void {
        for (const controller of this.pendingCalls.values()) {
            controller.abort();
        }
        this.pendingCalls.clear();
    }

    /** Rejects `done` (the host process is gone). */
    fail(error: Error): void {
        if (!this.settled) {
            this.settled = true;
            this.abortCalls();
            this.rejectDone(error);
        }
    }

    private answer(call: CallMessage): void {
        const controller = new AbortController();
        this.pendingCalls.set(call.callId, controller);
        const emit = (event: CallEvent): void => {
            if (!controller.signal.aborted) {
                this.send({ type: 'callEvent', callId: call.callId, event });
            }
        };
        Promise.resolve()
            .then(() => this.handlers.onCall(call, emit, controller.signal))
            .catch((error: unknown): CallOutcome => ({
                ok: false,
                error: {
                    message: `The stand-in handler for ${call.command} failed: ${error instanceof Error ? error.message : String(error)}`,
                    errorId: STAND_IN_HANDLER_FAILED,
                    category: 'NotSpecified',
                    terminating: true
                }
            }))
            .then((outcome) => {
                // An aborted call was abandoned by the host (its run stopped): nobody waits for the answer.
                if (!controller.signal.aborted) {
                    this.pendingCalls.delete(call.callId);
                    this.send({ type: 'callResult', callId: call.callId, outcome });
                }
            });
    }
}
