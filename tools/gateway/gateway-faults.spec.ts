import { RunningGateway, startGateway } from './index';
import { NodeGate } from './node-gate';
import { FakeScriptRunner } from './testing/fake-script-runner';
import { FakeSimulator } from './testing/fake-simulator';
import { chunkOf, commandBody, send } from './testing/gateway-client';

const INVOKE = '/api/nodes/host1/features/powershellApi/invokeCommand?api-version=2019-02-01';

/** Stands in for the gateway's latency timer: records each wait and holds it until the test ends it. */
class HeldSleeps {
    readonly started: { ms: number; end: () => void }[] = [];
    private wakers: (() => void)[] = [];

    readonly sleep = (ms: number): Promise<void> => new Promise(resolve => {
        this.started.push({ ms, end: resolve });
        this.wakers.splice(0).forEach(wake => wake());
    });

    /** Resolves once `count` waits have started. */
    async untilStarted(count: number): Promise<void> {
        while (this.started.length < count) {
            await new Promise<void>(resolve => this.wakers.push(resolve));
        }
    }
}

describe('gateway fault knobs', () => {
    let simulator: FakeSimulator;
    let runner: FakeScriptRunner;
    let gateway: RunningGateway;
    let nextRandom: number;
    let sleeps: HeldSleeps;

    beforeEach(async () => {
        simulator = new FakeSimulator(['host1', 'host2']);
        runner = new FakeScriptRunner();
        nextRandom = 0.99;
        sleeps = new HeldSleeps();
        gateway = await startGateway({
            port: 0, simulator, runner, initialWaitMs: 500, pollWaitMs: 500, random: () => nextRandom, sleep: sleeps.sleep
        });
    });

    afterEach(async () => {
        await gateway.close();
    });

    it('answers an offline node with a WinRM connection failure and runs nothing', async () => {
        simulator.setFaults('host1', { offline: true });

        const result = await send(gateway.url, 'POST', INVOKE, commandBody('x', { invokeMode: 'Polling' }));

        expect(result.status).toBe(500);
        expect(result.json).toEqual({
            error: {
                code: 'PSRemotingTransportException',
                message: expect.stringMatching(/^Connecting to remote server host1 failed with the following error message : WinRM cannot complete the operation\./),
                detailRecord: { nativeErrorCode: 2150859046 }
            }
        });
        expect(runner.runs).toHaveLength(0);
    });

    it('fails a request transiently when the failure draw falls under the failure rate', async () => {
        await send(gateway.url, 'PATCH', '/sim/knobs', JSON.stringify({ failureRate: 0.5 }));

        nextRandom = 0.2;
        const failed = await send(gateway.url, 'POST', INVOKE, commandBody('x', { invokeMode: 'Polling' }));
        nextRandom = 0.7;
        const passed = await send(gateway.url, 'POST', INVOKE, commandBody('x', { invokeMode: 'Polling' }));

        expect(failed.status).toBe(500);
        expect(failed.json).toMatchObject({
            error: { code: 'PSRemotingTransportException', message: expect.stringContaining('Processing data from remote server host1 failed') }
        });
        expect(passed.status).toBe(200);
        expect(runner.runs).toHaveLength(1);
    });

    it('never fails cancel or close transiently, so cleanup always reaches the session', async () => {
        runner.define('endless', io => new Promise(resolve => io.signal.addEventListener('abort', () => resolve())));
        const created = chunkOf(await send(gateway.url, 'PUT',
            '/api/nodes/host1/features/powershellApi/pssessions/k-newSession?api-version=2019-02-01', commandBody('endless')));
        simulator.setFaults('host1', { failureRate: 1 });
        nextRandom = 0;

        const cancelled = await send(gateway.url, 'POST',
            `/api/nodes/host1/features/powershellApi/pssessions/${created.sessionId}/cancel?api-version=2019-02-01`);
        const closed = await send(gateway.url, 'DELETE',
            `/api/nodes/host1/features/powershellApi/pssessions/${created.sessionId}?api-version=2019-02-01`);

        expect([cancelled.status, closed.status]).toEqual([200, 204]);
    });

    it('holds the host\'s requests for its latency before they reach the host, and only that host\'s', async () => {
        simulator.setFaults('host1', { latencyMs: 300 });

        const slow = send(gateway.url, 'POST', INVOKE, commandBody('x', { invokeMode: 'Polling' }));
        await Promise.race([sleeps.untilStarted(1), slow.then(() => {
            throw new Error('host1 answered without waiting for its latency');
        })]);
        const heldRuns = runner.runs.length;
        // host2 has no latency: it is answered at once, while host1's request is still held.
        const fast = await send(gateway.url, 'POST', INVOKE.replace('host1', 'host2'), commandBody('x', { invokeMode: 'Polling' }));
        const runsBeforeRelease = runner.runs.map(run => run.node);
        sleeps.started[0].end();
        const slowAnswer = await slow;

        expect(sleeps.started.map(wait => wait.ms)).toEqual([300]);
        expect(heldRuns).toBe(0);
        expect(fast.status).toBe(200);
        expect(runsBeforeRelease).toEqual(['host2']);
        expect(slowAnswer.status).toBe(200);
        expect(runner.runs.map(run => run.node)).toEqual(['host2', 'host1']);
    });
});

describe('gateway refusals of a command', () => {
    let runner: FakeScriptRunner;
    let gateway: RunningGateway;

    beforeEach(async () => {
        runner = new FakeScriptRunner();
        gateway = await startGateway({ port: 0, simulator: new FakeSimulator(['host1', 'host2']), runner, initialWaitMs: 500, pollWaitMs: 500 });
    });

    afterEach(async () => {
        await gateway.close();
    });

    const refuse = (host: string, refusal: object | null) =>
        send(gateway.url, 'PUT', `/sim/hosts/${host}/refusal`, JSON.stringify(refusal));

    it('answers the next start of the command with 400 naming the JEA endpoint, runs nothing, then runs it again', async () => {
        const set = await refuse('host1', { command: 'get-fakething', status: 400, jeaEndpoint: 'EflowManagerJea' });
        expect(set.json).toEqual({ name: 'host1', refusal: { command: 'get-fakething', status: 400, jeaEndpoint: 'EflowManagerJea', mode: 'once' } });

        const refused = await send(gateway.url, 'POST', INVOKE, commandBody('x', { invokeMode: 'Polling' }), { origin: 'http://127.0.0.1:4200' });
        const again = await send(gateway.url, 'POST', INVOKE, commandBody('x', { invokeMode: 'Polling' }));

        expect(refused.status).toBe(400);
        expect(refused.headers.get('x-ms-sme-jea-endpoint')).toBe('EflowManagerJea');
        expect(refused.headers.get('access-control-expose-headers')).toBe('x-ms-sme-jea-endpoint');
        expect(refused.json).toEqual({ error: { code: 'BadRequest', message: 'get-fakething must run on the JEA endpoint.' } });
        expect(again.status).toBe(200);
        expect(runner.runs).toHaveLength(1);
        expect(gateway.requestLog.since(0).filter(entry => entry.family === 'legacy').map(entry => [entry.command, entry.status]))
            .toEqual([['Get-FakeThing', 400], ['Get-FakeThing', 200]]);
    });

    it('answers 401 and 403 as the SDK tells them apart, sticky until cleared, for that host and command only', async () => {
        await refuse('host1', { command: 'Get-FakeThing', status: 401, mode: 'sticky' });
        const other = await send(gateway.url, 'POST', INVOKE, commandBody('x', { invokeMode: 'Polling', command: 'Get-Other' }));
        const otherHost = await send(gateway.url, 'POST', INVOKE.replace('host1', 'host2'), commandBody('x', { invokeMode: 'Polling' }));
        const first = await send(gateway.url, 'POST', INVOKE, commandBody('x', { invokeMode: 'Polling' }));
        const second = await send(gateway.url, 'POST', INVOKE, commandBody('x', { invokeMode: 'Polling' }));
        await refuse('host1', { command: 'Get-FakeThing', status: 403 });
        const forbidden = await send(gateway.url, 'POST', INVOKE, commandBody('x', { invokeMode: 'Polling' }));
        await refuse('host1', { command: 'Get-FakeThing', status: 403, mode: 'sticky' });
        await refuse('host1', null);
        const cleared = await send(gateway.url, 'POST', INVOKE, commandBody('x', { invokeMode: 'Polling' }));

        expect([other.status, otherHost.status, first.status, second.status, forbidden.status, cleared.status])
            .toEqual([200, 200, 401, 401, 403, 200]);
        expect(first.json).toEqual({ error: { code: 'Unauthorized', message: 'Access to Get-FakeThing is denied for these credentials.' } });
        expect(first.headers.get('x-ms-sme-jea-endpoint')).toBeNull();
        expect(forbidden.json).toMatchObject({ error: { code: 'Forbidden', forbidden: 'Unauthorized' } });
    });

    it('refuses a refusal it cannot read, naming what is wrong', async () => {
        expect((await refuse('host1', { command: 'Get-FakeThing', status: 500 })).json)
            .toEqual({ error: { code: 'BadRequest', message: 'status must be 400, 401 or 403.' } });
        expect((await refuse('host1', { command: 'Get-FakeThing', status: 401, jea: 'x' })).json)
            .toEqual({ error: { code: 'BadRequest', message: "Unknown refusal field 'jea'." } });
        expect((await refuse('nohost', null)).status).toBe(404);
    });
});

describe('NodeGate', () => {
    it('waits the connection\'s latency (host latency plus the global knob) before letting a request through', async () => {
        const simulator = new FakeSimulator(['h']);
        simulator.setFaults('h', { latencyMs: 40 });
        simulator.setGlobalKnobs({ latencyMs: 60 });
        const sleeps: number[] = [];
        const gate = new NodeGate(simulator, () => 1, async ms => { sleeps.push(ms); });

        const refusal = await gate.admit('h', { transientFailureAllowed: true });

        expect(refusal).toBeNull();
        expect(sleeps).toEqual([100]);
    });

    it('answers 404 for an unknown node without waiting', async () => {
        const sleeps: number[] = [];
        const gate = new NodeGate(new FakeSimulator(['h']), () => 1, async ms => { sleeps.push(ms); });

        const refusal = await gate.admit('other', { transientFailureAllowed: true });

        expect(refusal?.status).toBe(404);
        expect(sleeps).toEqual([]);
    });
});
