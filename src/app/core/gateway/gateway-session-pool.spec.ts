import { FakePowerShellService } from '../../testing/fake-powershell-service';
import { VirtualTime } from '../../testing/virtual-time';
import { GATEWAY_SESSION_KEY, GatewaySessionPool, HOST_CHANGE_SESSION_KEY, SESSION_IDLE_DISPOSE_MS } from './gateway-session-pool';

describe('GatewaySessionPool', () => {
    let sdk: FakePowerShellService;
    let time: VirtualTime;
    let pool: GatewaySessionPool;

    beforeEach(() => {
        sdk = new FakePowerShellService();
        time = new VirtualTime();
        pool = new GatewaySessionPool(sdk.asService(), time.scheduler);
    });

    it('creates one keyed session per node and reuses it', () => {
        pool.begin('host1').end();
        pool.begin('host1').end();
        pool.begin('host2').end();
        expect(sdk.sessions.map(s => [s.nodeName, s.key])).toEqual([['host1', GATEWAY_SESSION_KEY], ['host2', GATEWAY_SESSION_KEY]]);
        expect(pool.openNodes).toEqual(['host1', 'host2']);
    });

    it('marks only the oldest lease of a session as active, in submission order', () => {
        const first = pool.begin('host1');
        const second = pool.begin('host1');
        expect([first.isActive(), second.isActive()]).toEqual([true, false]);
        first.end();
        expect(second.isActive()).toBe(true);
        expect(first.isActive()).toBe(false);
    });

    it('disposes a released session at once when idle', () => {
        pool.begin('host1').end();
        pool.release('host1');
        expect(sdk.sessions[0].disposeCount).toBe(1);
        expect(pool.openNodes).toEqual([]);
    });

    it('disposes a released session only after its last run ends', () => {
        const lease = pool.begin('host1');
        pool.release('host1');
        expect(sdk.sessions[0].disposeCount).toBe(0);
        lease.end();
        expect(sdk.sessions[0].disposeCount).toBe(1);
    });

    it('keeps a released session that a new run wants again', () => {
        const lease = pool.begin('host1');
        pool.release('host1');
        const next = pool.begin('host1');
        lease.end();
        expect(sdk.sessions[0].disposeCount).toBe(0);
        next.end();
        expect(sdk.sessions).toHaveLength(1);
    });

    it('ignores a second end() of the same lease', () => {
        const first = pool.begin('host1');
        const second = pool.begin('host1');
        first.end();
        first.end();
        expect(second.isActive()).toBe(true);
    });

    it('disposes sessions idle for the hold time on the next use, not before', () => {
        pool.begin('host1').end();
        time.advance(SESSION_IDLE_DISPOSE_MS - 1);
        pool.begin('host2').end();
        expect(sdk.sessions[0].disposeCount).toBe(0);
        time.advance(1);
        pool.begin('host2').end();
        expect(sdk.sessions[0].disposeCount).toBe(1);
        expect(pool.openNodes).toEqual(['host2']);
    });

    it('never disposes an idle-looking session with a run in flight', () => {
        pool.begin('host1');
        time.advance(10 * SESSION_IDLE_DISPOSE_MS);
        pool.begin('host2');
        expect(sdk.sessions[0].disposeCount).toBe(0);
    });

    it('disposes every session when destroyed', () => {
        pool.begin('host1');
        pool.begin('host2').end();
        pool.ngOnDestroy();
        expect(sdk.sessions.map(s => s.disposeCount)).toEqual([1, 1]);
        expect(pool.openNodes).toEqual([]);
    });

    it('does nothing when releasing a node it has no session for', () => {
        pool.release('nowhere');
        expect(sdk.sessions).toEqual([]);
    });

    describe('with another session key', () => {
        it('gives the node a second session that does not queue behind the shared one', () => {
            const read = pool.begin('host1');
            const change = pool.begin('host1', HOST_CHANGE_SESSION_KEY);
            expect(sdk.sessions.map(s => [s.nodeName, s.key])).toEqual([['host1', GATEWAY_SESSION_KEY], ['host1', HOST_CHANGE_SESSION_KEY]]);
            expect([read.isActive(), change.isActive()]).toEqual([true, true]);
            expect(change.key).toBe(HOST_CHANGE_SESSION_KEY);
            expect(pool.openNodes).toEqual(['host1']);
        });

        it('reuses the keyed session and releases only the one asked for', () => {
            pool.begin('host1', HOST_CHANGE_SESSION_KEY).end();
            pool.begin('host1', HOST_CHANGE_SESSION_KEY).end();
            pool.begin('host1').end();
            pool.release('host1', HOST_CHANGE_SESSION_KEY);
            expect(sdk.sessions.map(s => [s.key, s.disposeCount])).toEqual([[HOST_CHANGE_SESSION_KEY, 1], [GATEWAY_SESSION_KEY, 0]]);
        });
    });
});
