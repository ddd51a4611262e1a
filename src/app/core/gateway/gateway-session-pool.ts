import { Inject, Injectable, OnDestroy } from '@angular/core';
import { PowerShellService } from '@microsoft/windows-admin-center-sdk/angular';
import { PowerShellSession } from '@microsoft/windows-admin-center-sdk/core';
import { SchedulerLike } from 'rxjs';
import { APP_SCHEDULER } from '../time/app-scheduler';

/** The session key: one keyed PowerShell session (runspace) per node for this extension. */
export const GATEWAY_SESSION_KEY = 'eflow-manager';

/**
 * The session key of scripts that change a host (install, deploy, provision). A keyed session runs one command at a
 * time, so a long deployment step in the shared session would hold up every read behind it, and cancelling a read
 * queued behind it cannot stop it without stopping the deployment (see PowerShellRunner.cancel). Changes therefore
 * run in their own session per node, one after another.
 */
export const HOST_CHANGE_SESSION_KEY = 'eflow-manager-change';

/**
 * A session unused for this long is disposed the next time the pool is used. It matches the SDK's own hold time
 * (PowerShellRaw re-creates a session idle for 3 minutes), so disposal never costs a reuse that would have happened.
 */
export const SESSION_IDLE_DISPOSE_MS = 3 * 60_000;

/** One run's hold on a node's session. */
export interface SessionLease {
    readonly node: string;
    /** The session key the lease is on (GATEWAY_SESSION_KEY unless the run asked for another). */
    readonly key: string;
    readonly session: PowerShellSession;
    /**
     * Whether this run is the one the SDK is executing now. A keyed session runs one command at a time in
     * submission order; the SDK's cancel stops whatever runs now, so only the active run may call it.
     */
    isActive(): boolean;
    /** Ends the hold; call exactly once, when the run is over (completed, failed or unsubscribed). */
    end(): void;
}

interface PooledSession {
    readonly node: string;
    readonly key: string;
    readonly session: PowerShellSession;
    /** Leases in submission order; the first is the one executing. */
    readonly leases: SessionLease[];
    lastUsedMs: number;
    releaseRequested: boolean;
}

/** The pool's map key of a node's session with a key. */
function poolKey(node: string, key: string): string {
    return `${key}\n${node}`;
}

/**
 * Keyed PowerShell sessions per node and session key, shared by every gateway call of the extension (most use
 * GATEWAY_SESSION_KEY; host changes use HOST_CHANGE_SESSION_KEY). A session is created on first
 * use, reused while in use, and disposed (its runspace deleted on the gateway) when released, when idle for
 * `SESSION_IDLE_DISPOSE_MS`, or when the app is destroyed. A session with runs in flight is disposed only after
 * its last run ends.
 */
@Injectable({ providedIn: 'root' })
export class GatewaySessionPool implements OnDestroy {
    private readonly sessions = new Map<string, PooledSession>();

    constructor(private readonly powerShell: PowerShellService, @Inject(APP_SCHEDULER) private readonly scheduler: SchedulerLike) {}

    /** Takes a lease on the node's session with `key` for one run, creating the session if needed. */
    public begin(node: string, key: string = GATEWAY_SESSION_KEY): SessionLease {
        this.disposeIdleSessions();
        let pooled = this.sessions.get(poolKey(node, key));
        if (!pooled) {
            pooled = {
                node,
                key,
                session: this.powerShell.createSession(node, key),
                leases: [],
                lastUsedMs: this.scheduler.now(),
                releaseRequested: false
            };
            this.sessions.set(poolKey(node, key), pooled);
        }
        // A new run wants the session again: forget an earlier release.
        pooled.releaseRequested = false;
        return this.createLease(pooled);
    }

    /** Disposes the node's session with `key` now, or after its runs in flight end. */
    public release(node: string, key: string = GATEWAY_SESSION_KEY): void {
        const pooled = this.sessions.get(poolKey(node, key));
        if (!pooled) {
            return;
        }
        pooled.releaseRequested = true;
        this.disposeIfUnused(pooled);
    }

    /** The nodes that have a session now (for diagnostics and tests), each once. */
    public get openNodes(): string[] {
        return [...new Set([...this.sessions.values()].map(pooled => pooled.node))];
    }

    /** Disposes every session. */
    public ngOnDestroy(): void {
        for (const pooled of [...this.sessions.values()]) {
            this.dispose(pooled);
        }
    }

    private createLease(pooled: PooledSession): SessionLease {
        let ended = false;
        const lease: SessionLease = {
            node: pooled.node,
            key: pooled.key,
            session: pooled.session,
            isActive: (): boolean => !ended && pooled.leases[0] === lease,
            end: (): void => {
                if (ended) {
                    return;
                }
                ended = true;
                pooled.leases.splice(pooled.leases.indexOf(lease), 1);
                pooled.lastUsedMs = this.scheduler.now();
                this.disposeIfUnused(pooled);
            }
        };
        pooled.leases.push(lease);
        return lease;
    }

    private disposeIfUnused(pooled: PooledSession): void {
        if (pooled.releaseRequested && pooled.leases.length === 0) {
            this.dispose(pooled);
        }
    }

    private disposeIdleSessions(): void {
        const now = this.scheduler.now();
        for (const pooled of [...this.sessions.values()]) {
            if (pooled.leases.length === 0 && now - pooled.lastUsedMs >= SESSION_IDLE_DISPOSE_MS) {
                this.dispose(pooled);
            }
        }
    }

    private dispose(pooled: PooledSession): void {
        // Only the pool's own entry may be removed: a newer session for the node must survive an old disposal.
        const mapKey = poolKey(pooled.node, pooled.key);
        if (this.sessions.get(mapKey) === pooled) {
            this.sessions.delete(mapKey);
        }
        pooled.session.dispose();
    }
}
