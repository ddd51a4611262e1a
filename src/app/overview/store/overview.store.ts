import { Inject, Injectable, OnDestroy } from '@angular/core';
import { BehaviorSubject, Observable, SchedulerLike, Subscription } from 'rxjs';
import { EflowHostService } from '../../core/gateway/eflow-host.service';
import { GatewayError } from '../../core/gateway/gateway-error';
import { toGatewayError } from '../../core/gateway/transport-errors';
import { HostOverviewPayload } from '../../core/models/host-overview';
import { nextRefreshDelay, OVERVIEW_REFRESH_POLICY, RefreshBackoffPolicy } from '../../core/domain/refresh-backoff';
import { isStale, STALE_AFTER_INTERVALS } from '../../core/domain/staleness';
import { APP_SCHEDULER } from '../../core/time/app-scheduler';
import { INITIAL_OVERVIEW_STATE, OverviewState } from './overview-state';

/**
 * The overview page's state and refresh loop. Reads the host overview on start, then again after each result:
 * every 30 s while reads succeed, with a growing back-off after failures (core/domain/refresh-backoff). Keeps the
 * last good data when a read fails and marks it stale. Provided by the page component, so it lives and dies with
 * the page; destroying it cancels the read in flight on the gateway.
 */
@Injectable()
export class OverviewStore implements OnDestroy {
    private readonly stateSubject = new BehaviorSubject<OverviewState>(INITIAL_OVERVIEW_STATE);
    private read: Subscription | null = null;
    private nextRead: Subscription | null = null;
    private staleTimer: Subscription | null = null;
    /** Counts reads, so that a late answer of a superseded read is ignored. */
    private readNumber = 0;
    private readonly policy: RefreshBackoffPolicy = OVERVIEW_REFRESH_POLICY;

    /** The page's state; emits on every change. */
    public readonly state$: Observable<OverviewState> = this.stateSubject.asObservable();

    constructor(private readonly hostService: EflowHostService, @Inject(APP_SCHEDULER) private readonly scheduler: SchedulerLike) {}

    /** The current state. */
    public get state(): OverviewState {
        return this.stateSubject.value;
    }

    /** Starts showing `node` (`null`: no connection, nothing to read). Restarting with another node starts over. */
    public start(node: string | null): void {
        this.stopTimers();
        this.stateSubject.next({ ...INITIAL_OVERVIEW_STATE, node, autoRefresh: this.state.autoRefresh });
        if (node) {
            this.readNow();
        }
    }

    /** Reads now, unless a read is already running (its result is as fresh as a new one would be). */
    public refresh(): void {
        if (this.state.node && !this.state.refreshing) {
            this.readNow();
        }
    }

    /** Pauses or resumes automatic refreshes; resuming schedules the next one as if a read just finished. */
    public setAutoRefresh(enabled: boolean): void {
        if (enabled === this.state.autoRefresh) {
            return;
        }
        this.update({ autoRefresh: enabled });
        this.cancelNextRead();
        if (enabled && !this.state.refreshing && this.state.node) {
            this.scheduleNextRead();
        } else {
            this.update({ nextRefreshAt: null });
        }
    }

    /** Stops everything and cancels the read in flight. */
    public ngOnDestroy(): void {
        this.stopTimers();
        this.stateSubject.complete();
    }

    private readNow(): void {
        const node = this.state.node;
        if (!node) {
            return;
        }
        this.cancelNextRead();
        const readNumber = ++this.readNumber;
        this.update({ refreshing: true, nextRefreshAt: null });
        let answered = false;
        const subscription = this.hostService.getOverview(node).subscribe({
            next: (data: HostOverviewPayload) => {
                answered = true;
                this.succeeded(readNumber, data);
            },
            error: (error: unknown) => {
                answered = true;
                this.failed(readNumber, toGatewayError(error));
            },
            complete: () => {
                if (!answered) {
                    this.failed(readNumber, new GatewayError('invalid-response', 'The overview read ended without a result.',
                        { text: { key: 'overviewNoResult', params: {} } }));
                }
            }
        });
        // A synchronous answer has already finished the read; only keep a subscription that is still running.
        this.read = subscription.closed ? null : subscription;
    }

    private succeeded(readNumber: number, data: HostOverviewPayload): void {
        if (readNumber !== this.readNumber) {
            return;
        }
        this.read = null;
        const now = this.scheduler.now();
        this.update({ data, lastUpdated: now, stale: false, error: null, refreshing: false, consecutiveFailures: 0 });
        this.scheduleStaleMark(now);
        this.scheduleNextRead();
    }

    private failed(readNumber: number, error: GatewayError): void {
        if (readNumber !== this.readNumber) {
            return;
        }
        this.read = null;
        this.update({
            error,
            refreshing: false,
            // Data that the last read could not confirm is stale; with no data there is nothing to mark.
            stale: this.state.data !== null,
            consecutiveFailures: this.state.consecutiveFailures + 1
        });
        this.scheduleNextRead();
    }

    private scheduleNextRead(): void {
        if (!this.state.autoRefresh) {
            this.update({ nextRefreshAt: null });
            return;
        }
        const delay = nextRefreshDelay(this.state.consecutiveFailures, this.policy);
        this.update({ nextRefreshAt: this.scheduler.now() + delay });
        this.nextRead = this.scheduler.schedule(() => {
            this.nextRead = null;
            this.readNow();
        }, delay);
    }

    /** Data becomes stale once older than two healthy intervals, even while a slow read is still running. */
    private scheduleStaleMark(readAt: number): void {
        this.staleTimer?.unsubscribe();
        const staleAfter = STALE_AFTER_INTERVALS * this.policy.healthyIntervalMs;
        this.staleTimer = this.scheduler.schedule(() => {
            if (this.state.lastUpdated === readAt && isStale(readAt, this.scheduler.now(), this.policy.healthyIntervalMs)) {
                this.update({ stale: true });
            }
        }, staleAfter + 1);
    }

    private cancelNextRead(): void {
        this.nextRead?.unsubscribe();
        this.nextRead = null;
    }

    private stopTimers(): void {
        this.readNumber++;
        this.read?.unsubscribe();
        this.read = null;
        this.cancelNextRead();
        this.staleTimer?.unsubscribe();
        this.staleTimer = null;
    }

    private update(changes: Partial<OverviewState>): void {
        this.stateSubject.next({ ...this.state, ...changes });
    }
}
