/**
 * The gateway's PowerShell sessions by id, with idle expiry. Expired sessions have their commands stopped.
 */
import { randomUUID } from 'node:crypto';
import { PsSession, SessionKind } from './ps-session';
import type { ScriptRunner } from './script-runner';

/** How long a session being dropped waits for its running command to stop before letting go of it. */
const DROP_CANCEL_WAIT_MS = 5000;

/** Sessions by id; sweeps idle ones. */
export class SessionStore {
    private readonly sessions = new Map<string, PsSession>();
    private readonly sweepTimer: ReturnType<typeof setInterval>;

    constructor(
        private readonly runner: ScriptRunner,
        private readonly idleMs: number,
        private readonly now: () => number = Date.now) {
        // A sweep a few times per idle period is precise enough; unref so the timer never keeps Node alive.
        this.sweepTimer = setInterval(() => this.sweep(), Math.max(50, Math.min(idleMs / 4, 30_000)));
        // (Under jsdom, timers are numbers without unref.)
        (this.sweepTimer as { unref?: () => void }).unref?.();
    }

    get size(): number {
        return this.sessions.size;
    }

    /** Creates a session; `id` defaults to a fresh GUID. */
    create(node: string, kind: SessionKind, id: string = randomUUID()): PsSession {
        const session = new PsSession(id, node, kind, this.runner, this.now);
        this.sessions.set(id, session);
        return session;
    }

    /** The session with this id on this node (a session is never visible through another node's URL). */
    find(node: string, id: string): PsSession | undefined {
        const session = this.sessions.get(id);
        return session && session.node === node ? session : undefined;
    }

    /** Whether any node holds a session with this id. */
    has(id: string): boolean {
        return this.sessions.has(id);
    }

    /** Removes a session and stops its commands. */
    async drop(id: string): Promise<void> {
        const session = this.sessions.get(id);
        if (!session) {
            return;
        }
        this.sessions.delete(id);
        await session.cancelAll(DROP_CANCEL_WAIT_MS);
    }

    /** Drops every session (gateway shutdown). */
    async close(): Promise<void> {
        clearInterval(this.sweepTimer);
        await Promise.all([...this.sessions.keys()].map(id => this.drop(id)));
    }

    /** Drops sessions nobody has touched for the idle period. */
    sweep(): void {
        const oldestAllowed = this.now() - this.idleMs;
        for (const session of [...this.sessions.values()]) {
            if (session.lastUsed < oldestAllowed) {
                void this.drop(session.id);
            }
        }
    }
}
