import { Observable, Observer, Subject, Subscription } from 'rxjs';
import { EflowHostService } from '../../core/gateway/eflow-host.service';
import { GatewayError } from '../../core/gateway/gateway-error';
import { HostOverviewPayload } from '../../core/models/host-overview';
import { aHealthyOverview, aHostWithoutEflow } from '../../testing/host-overview.fixtures';
import { VirtualTime } from '../../testing/virtual-time';
import { OverviewStore } from './overview.store';

const SECOND = 1000;

/** A stand-in for the host service: each read is a Subject the test answers. */
class ScriptedHostService {
    public readonly reads: Array<{ node: string; answer: Subject<HostOverviewPayload>; ended: boolean; cancelled: boolean }> = [];

    public getOverview(node: string): Observable<HostOverviewPayload> {
        return new Observable<HostOverviewPayload>(subscriber => {
            const read = { node, answer: new Subject<HostOverviewPayload>(), ended: false, cancelled: false };
            this.reads.push(read);
            const subscription = read.answer.subscribe({
                next: value => subscriber.next(value),
                error: (error: unknown) => {
                    read.ended = true;
                    subscriber.error(error);
                },
                complete: () => {
                    read.ended = true;
                    subscriber.complete();
                }
            });
            return () => {
                read.cancelled = !read.ended;
                subscription.unsubscribe();
            };
        });
    }

    public succeed(data: HostOverviewPayload = aHealthyOverview()): void {
        const read = this.last;
        read.answer.next(data);
        read.answer.complete();
    }

    public fail(error = new GatewayError('host-unreachable', 'WinRM cannot complete the operation.')): void {
        this.last.answer.error(error);
    }

    public get last(): ScriptedHostService['reads'][number] {
        const read = this.reads[this.reads.length - 1];
        if (!read) {
            throw new Error('nothing was read');
        }
        return read;
    }
}

/**
 * A source that breaks the Observable contract: it keeps the store's observer and can still call it after the store
 * unsubscribed (a compliant Observable drops such calls). What the store's read counter guards against.
 */
class CancelIgnoringHostService {
    public readonly reads: Array<{ node: string; observer: Partial<Observer<HostOverviewPayload>>; cancelled: boolean }> = [];

    public getOverview(node: string): Pick<Observable<HostOverviewPayload>, 'subscribe'> {
        return {
            subscribe: (observer?: Partial<Observer<HostOverviewPayload>> | ((value: HostOverviewPayload) => void) | null) => {
                const read = { node, observer: typeof observer === 'object' && observer !== null ? observer : {}, cancelled: false };
                this.reads.push(read);
                return new Subscription(() => { read.cancelled = true; });
            }
        };
    }
}

describe('OverviewStore', () => {
    let time: VirtualTime;
    let host: ScriptedHostService;
    let store: OverviewStore;

    beforeEach(() => {
        time = new VirtualTime(1_000_000);
        host = new ScriptedHostService();
        store = new OverviewStore(host as unknown as EflowHostService, time.scheduler);
    });

    afterEach(() => store.ngOnDestroy());

    describe('first read', () => {
        it('reads the node at once and says it is refreshing', () => {
            store.start('host1');
            expect(host.reads.map(r => r.node)).toEqual(['host1']);
            expect(store.state).toMatchObject({ node: 'host1', refreshing: true, data: null, nextRefreshAt: null });
        });

        it('keeps the result with the time it arrived and schedules the next read in 30 s', () => {
            store.start('host1');
            time.advance(2 * SECOND);
            host.succeed();
            expect(store.state).toMatchObject({
                data: aHealthyOverview(), lastUpdated: 1_002_000, refreshing: false, error: null, stale: false,
                nextRefreshAt: 1_032_000, consecutiveFailures: 0
            });
        });

        it('reads nothing without a connection', () => {
            store.start(null);
            store.refresh();
            time.advance(10 * 60 * SECOND);
            expect(host.reads).toEqual([]);
            expect(store.state.node).toBeNull();
        });
    });

    describe('refresh loop', () => {
        it('reads again exactly 30 s after a success', () => {
            store.start('host1');
            host.succeed();
            time.advance(30 * SECOND - 1);
            expect(host.reads).toHaveLength(1);
            time.advance(1);
            expect(host.reads).toHaveLength(2);
        });

        it('backs off 5 s, 10 s, 20 s after consecutive failures and keeps the last good data, stale', () => {
            store.start('host1');
            host.succeed();
            const readTimes: number[] = [];
            time.advance(30 * SECOND);
            for (let failure = 1; failure <= 3; failure++) {
                readTimes.push(time.now());
                host.fail();
                expect(store.state).toMatchObject({ data: aHealthyOverview(), stale: true, consecutiveFailures: failure });
                expect(store.state.error?.kind).toBe('host-unreachable');
                time.advance(store.state.nextRefreshAt as number - time.now());
            }
            readTimes.push(time.now());
            expect(readTimes.slice(1).map((t, i) => t - readTimes[i])).toEqual([5 * SECOND, 10 * SECOND, 20 * SECOND]);
            expect(host.reads).toHaveLength(5);
        });

        it('caps the back-off at 5 minutes', () => {
            store.start('host1');
            for (let failure = 0; failure < 9; failure++) {
                host.fail();
                time.advance(store.state.nextRefreshAt as number - time.now());
            }
            host.fail();
            expect(store.state.nextRefreshAt as number - time.now()).toBe(5 * 60 * SECOND);
        });

        it('resets to the healthy interval and clears error and staleness after a success', () => {
            store.start('host1');
            host.fail();
            time.advance(5 * SECOND);
            host.succeed(aHostWithoutEflow());
            expect(store.state).toMatchObject({ data: aHostWithoutEflow(), error: null, stale: false, consecutiveFailures: 0 });
            expect(store.state.nextRefreshAt as number - time.now()).toBe(30 * SECOND);
        });

        it('does not mark a failure without earlier data as stale', () => {
            store.start('host1');
            host.fail(new GatewayError('gateway-unreachable', 'No answer'));
            expect(store.state).toMatchObject({ data: null, stale: false, consecutiveFailures: 1 });
            expect(store.state.error?.kind).toBe('gateway-unreachable');
        });

        it('treats a read that ends without a result as a failed read', () => {
            store.start('host1');
            host.last.answer.complete();
            expect(store.state.error?.kind).toBe('invalid-response');
            expect(store.state.refreshing).toBe(false);
        });
    });

    describe('staleness while a read hangs', () => {
        it('marks data stale once older than two intervals, not before', () => {
            store.start('host1');
            host.succeed();
            const readAt = time.now();
            time.advance(30 * SECOND);
            expect(store.state.refreshing).toBe(true);
            time.advance(readAt + 60 * SECOND - time.now());
            expect(store.state.stale).toBe(false);
            time.advance(1);
            expect(store.state.stale).toBe(true);
        });
    });

    describe('manual refresh', () => {
        it('reads at once while waiting, and does not read again at the old scheduled time', () => {
            store.start('host1');
            host.succeed();
            time.advance(10 * SECOND);
            store.refresh();
            expect(host.reads).toHaveLength(2);
            host.succeed();
            time.advance(20 * SECOND);
            expect(host.reads).toHaveLength(2);
            time.advance(10 * SECOND);
            expect(host.reads).toHaveLength(3);
        });

        it('is ignored while a read is running', () => {
            store.start('host1');
            store.refresh();
            expect(host.reads).toHaveLength(1);
            expect(host.last.cancelled).toBe(false);
        });
    });

    describe('auto-refresh switch', () => {
        it('stops scheduling reads when paused, and resumes 30 s later', () => {
            store.start('host1');
            host.succeed();
            store.setAutoRefresh(false);
            expect(store.state).toMatchObject({ autoRefresh: false, nextRefreshAt: null });
            time.advance(10 * 60 * SECOND);
            expect(host.reads).toHaveLength(1);
            store.setAutoRefresh(true);
            expect(store.state.nextRefreshAt).toBe(time.now() + 30 * SECOND);
            time.advance(30 * SECOND);
            expect(host.reads).toHaveLength(2);
        });

        it('still refreshes by hand while paused, without scheduling another read', () => {
            store.start('host1');
            host.succeed();
            store.setAutoRefresh(false);
            store.refresh();
            host.succeed();
            expect(host.reads).toHaveLength(2);
            expect(store.state.nextRefreshAt).toBeNull();
        });

        it('when resumed during a read, schedules after that read', () => {
            store.start('host1');
            store.setAutoRefresh(false);
            store.setAutoRefresh(true);
            expect(store.state.nextRefreshAt).toBeNull();
            host.succeed();
            expect(store.state.nextRefreshAt).toBe(time.now() + 30 * SECOND);
        });
    });

    describe('lifetime', () => {
        it('cancels the read in flight and reads no more once destroyed', () => {
            store.start('host1');
            store.ngOnDestroy();
            expect(host.last.cancelled).toBe(true);
            time.advance(10 * 60 * SECOND);
            expect(host.reads).toHaveLength(1);
        });

        it('starting over with another node cancels the old read', () => {
            store.start('host1');
            const oldRead = host.last;
            store.start('host2');
            expect(oldRead.cancelled).toBe(true);
            expect(store.state).toMatchObject({ node: 'host2', data: null, refreshing: true });
            expect(host.last.node).toBe('host2');
        });

        it('ignores a late answer or failure of a read it started over from, even from a source that ignores the cancel', () => {
            const deaf = new CancelIgnoringHostService();
            const deafStore = new OverviewStore(deaf as unknown as EflowHostService, time.scheduler);
            deafStore.start('host1');
            const oldRead = deaf.reads[0];
            deafStore.start('host2');
            expect(oldRead.cancelled).toBe(true);

            oldRead.observer.next?.(aHealthyOverview());
            oldRead.observer.complete?.();
            oldRead.observer.error?.(new GatewayError('host-unreachable', 'late failure'));
            expect(deafStore.state).toMatchObject({ node: 'host2', data: null, lastUpdated: null, error: null, refreshing: true,
                consecutiveFailures: 0, nextRefreshAt: null });
            time.advance(10 * 60 * SECOND);
            expect(deaf.reads.map(read => read.node)).toEqual(['host1', 'host2']);

            const newData = aHostWithoutEflow();
            deaf.reads[1].observer.next?.(newData);
            expect(deafStore.state).toMatchObject({ node: 'host2', data: newData, refreshing: false });
            deafStore.ngOnDestroy();
        });
    });
});
