/**
 * `PwshHostPool`: several PowerShell host processes, each with several runspaces. Runs go to the least loaded
 * live process; a process that crashes is replaced (its runs in flight reject, later runs go elsewhere).
 */
import { randomUUID } from 'crypto';
import { PwshHost, PwshHostCrashError, PwshHostOptions } from './client';
import type { RunHandle, RunHandlers, RunInput, RunResult, ScriptRunner } from './run-types';

export interface PwshHostPoolOptions extends PwshHostOptions {
    /** Host processes (default 2). */
    processes?: number;
}

/** Pause before starting a replacement again after a replacement itself failed to start. */
const RESTART_RETRY_MS = 1000;

interface Member {
    host: PwshHost | null;
    /** The start (or restart) in progress, while `host` is null. */
    starting: Promise<PwshHost> | null;
}

export class PwshHostPool implements ScriptRunner {
    private readonly members: Member[] = [];
    private readonly crashListeners = new Set<(error: PwshHostCrashError) => void>();
    private stopped = false;
    private restartCount = 0;

    private constructor(private readonly options: PwshHostPoolOptions) {}

    /** Starts every process; resolves when all are ready. */
    static async start(options: PwshHostPoolOptions = {}): Promise<PwshHostPool> {
        const pool = new PwshHostPool(options);
        const count = options.processes ?? 2;
        const starts = Array.from({ length: count }, () => pool.startMember());
        try {
            await Promise.all(starts.map((member) => member.starting));
        } catch (error) {
            await pool.stop();
            throw error;
        }
        return pool;
    }

    /** Runs in flight across all processes. */
    get load(): number {
        return this.members.reduce((sum, member) => sum + (member.host?.load ?? 0), 0);
    }

    /** How many times a crashed process has been replaced. */
    get restarts(): number {
        return this.restartCount;
    }

    /** Live processes (for diagnostics and tests). */
    get hosts(): PwshHost[] {
        return this.members.flatMap((member) => (member.host ? [member.host] : []));
    }

    /** Starts a run on the least loaded live process (or on the first one to come back, if none is live). */
    run(input: RunInput, handlers: RunHandlers): RunHandle {
        const runId = randomUUID();
        const host = this.leastLoaded();
        if (host) {
            return host.run({ ...input, runId }, handlers);
        }
        return this.runWhenAvailable(runId, input, handlers);
    }

    /** Calls `listener` whenever a process crashes (it is being replaced); returns a function that unsubscribes. */
    onCrash(listener: (error: PwshHostCrashError) => void): () => void {
        this.crashListeners.add(listener);
        return () => this.crashListeners.delete(listener);
    }

    /** Stops every process. */
    async stop(): Promise<void> {
        this.stopped = true;
        const hosts = await Promise.all(this.members.map((member) =>
            member.host ? Promise.resolve(member.host) : (member.starting ?? Promise.resolve(null)).catch(() => null)));
        await Promise.all(hosts.map((host) => host?.stop()));
    }

    private leastLoaded(): PwshHost | null {
        let best: PwshHost | null = null;
        for (const member of this.members) {
            const host = member.host;
            if (host?.alive && (!best || host.load / host.runspaces < best.load / best.runspaces)) {
                best = host;
            }
        }
        return best;
    }

    /** No process is live: wait for the first one that comes back, keeping the run id known in advance. */
    private runWhenAvailable(runId: string, input: RunInput, handlers: RunHandlers): RunHandle {
        let cancelled = false;
        let inner: RunHandle | null = null;
        const pending = this.members.flatMap((member) => (member.starting ? [member.starting] : []));
        const done: Promise<RunResult> = (pending.length > 0 ? Promise.any(pending) : Promise.reject(new Error('no process')))
            .catch(() => {
                throw new PwshHostCrashError('No PowerShell host process is available.', null, null);
            })
            .then((host) => {
                inner = host.run({ ...input, runId }, handlers);
                if (cancelled) {
                    inner.cancel();
                }
                return inner.done;
            });
        return {
            runId,
            cancel: () => {
                cancelled = true;
                inner?.cancel();
            },
            done
        };
    }

    private startMember(member: Member = { host: null, starting: null }): Member {
        if (!this.members.includes(member)) {
            this.members.push(member);
        }
        member.host = null;
        member.starting = PwshHost.start(this.options).then((host) => {
            member.host = host;
            member.starting = null;
            host.onCrash((error) => this.replace(member, error));
            if (this.stopped) {
                void host.stop();
            }
            return host;
        });
        return member;
    }

    private replace(member: Member, error: PwshHostCrashError): void {
        for (const listener of this.crashListeners) {
            listener(error);
        }
        if (this.stopped) {
            return;
        }
        this.restartCount++;
        this.startMember(member);
        member.starting?.catch(() => {
            if (!this.stopped) {
                setTimeout(() => this.startMember(member), RESTART_RETRY_MS);
            }
        });
    }
}
