/**
 * Streams a long operation the way AzureEFLOW prints it: timestamped information lines plus progress records,
 * with a simulated wait after each step.
 */
import { eflowTimestamp } from './clock';
import type { HandlerContext } from './handler';

export class StepLog {
    constructor(private readonly context: HandlerContext, private readonly activity: string) {}

    /** `[MM/dd/yyyy HH:mm:ss] message` on the information stream. */
    line(message: string): void {
        this.context.emit({ kind: 'information', message: `[${eflowTimestamp(this.context.clock.now())}] ${message}` });
    }

    /** An information line without a timestamp (indented detail lines). */
    plain(message: string): void {
        this.context.emit({ kind: 'information', message });
    }

    warning(message: string): void {
        this.context.emit({ kind: 'warning', message });
    }

    progress(status: string, percentComplete: number): void {
        this.context.emit({ kind: 'progress', activity: this.activity, status, percentComplete });
    }

    /** Logs a step, reports progress, then waits its simulated duration (rejects when aborted). */
    async step(message: string, percentComplete: number, simulatedMs: number): Promise<void> {
        this.line(message);
        this.progress(message, percentComplete);
        await this.context.clock.sleep(simulatedMs, this.context.signal);
    }

    completed(status: string): void {
        this.context.emit({ kind: 'progress', activity: this.activity, status, percentComplete: 100, completed: true });
    }
}
