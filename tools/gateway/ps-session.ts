/**
 * A PowerShell session on the emulated gateway: bound to one node, runs its commands one at a time, and answers
 * about the latest command sent to it.
 */
import { CommandRun } from './command-run';
import type { ScriptRunner } from './script-runner';

/**
 * How the session was created:
 *  - `automatic`: `POST .../invokeCommand` (invokeMode Polling); the client never deletes it, the gateway drops it
 *    once the run's end has been delivered.
 *  - `keyed`: `PUT .../pssessions/{key}-newSession`; reused with `POST .../pssessions/{id}/invokeCommand`.
 *  - `instant`: `PUT .../pssessions/instantSession`; the client deletes it after one command.
 *  - `named`: `PUT .../pssessions/{id}` with an id the client chose (the batch client sends a fresh GUID).
 */
export type SessionKind = 'automatic' | 'keyed' | 'instant' | 'named';

/** A session: its node, its commands (run one at a time), its last use. */
export class PsSession {
    private latest: CommandRun | null = null;
    private readonly unfinished = new Set<CommandRun>();
    /** The end of the chain of commands: the next command starts when this settles. */
    private tail: Promise<void> = Promise.resolve();
    private lastUsedAt: number;

    constructor(
        readonly id: string,
        readonly node: string,
        readonly kind: SessionKind,
        private readonly runner: ScriptRunner,
        private readonly now: () => number) {
        this.lastUsedAt = now();
    }

    /** The command answers are about; null before the first command. */
    get latestRun(): CommandRun | null {
        return this.latest;
    }

    /** When a request last touched this session (for idle expiry). */
    get lastUsed(): number {
        return this.lastUsedAt;
    }

    get busy(): boolean {
        return this.unfinished.size > 0;
    }

    touch(): void {
        this.lastUsedAt = this.now();
    }

    /**
     * Queues a command behind the session's earlier ones. Answers follow the newest command: output of an earlier
     * command that nobody polled for is not delivered (the SDK never sends a command before the previous one ended).
     */
    submit(script: string): CommandRun {
        this.touch();
        const run = new CommandRun();
        this.latest = run;
        this.unfinished.add(run);
        run.ended.then(() => this.unfinished.delete(run));
        this.tail = this.tail.then(() => run.start(this.runner, this.node, script));
        return run;
    }

    /** Stops the running command and drops queued ones; resolves when they have ended or `timeoutMs` passed. */
    async cancelAll(timeoutMs: number): Promise<void> {
        const runs = [...this.unfinished];
        for (const run of runs) {
            run.cancel();
        }
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>(resolve => { timer = setTimeout(resolve, timeoutMs); });
        await Promise.race([Promise.all(runs.map(run => run.ended)), timeout]);
        clearTimeout(timer);
    }
}
