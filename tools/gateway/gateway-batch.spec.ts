import { RunningGateway, startGateway } from './index';
import { FakeScriptRunner } from './testing/fake-script-runner';
import { FakeSimulator } from './testing/fake-simulator';
import { commandBody, deferred, parseLikeSdk, sdkBatchBody, SdkBatchPart } from './testing/gateway-client';
import { nextHeldWait } from './testing/held-waits';

const SESSION_URL = (id: string): string => `features/powershellApi/pssessions/${id}`;

describe('gateway /api/batch', () => {
    let runner: FakeScriptRunner;
    let simulator: FakeSimulator;
    let gateway: RunningGateway;

    beforeEach(async () => {
        runner = new FakeScriptRunner();
        simulator = new FakeSimulator(['host1', 'host2', 'host3', 'host4']);
        gateway = await startGateway({ port: 0, simulator, runner, initialWaitMs: 300, pollWaitMs: 2000 });
    });

    afterEach(async () => {
        await gateway.close();
    });

    async function postBatch(parts: SdkBatchPart[]): Promise<{ status: number; contentType: string; text: string }> {
        const boundary = 'b7e1f7f4-35a5-4c4f-9d0e-33c1d7d3a001';
        const response = await fetch(`${gateway.url}/api/batch?api-version=2019-02-01`, {
            method: 'POST',
            headers: { 'content-type': `multipart/mixed; boundary=${boundary}`, accept: 'multipart/mixed' },
            body: sdkBatchBody(boundary, gateway.url.replace('http://', ''), parts)
        });
        return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
    }

    it('runs one command on several nodes and answers each part by its request-id', async () => {
        runner.define('who', async io => io.output({ node: io.node }));
        const nodes = ['host1', 'host2', 'host3'];

        const answer = await postBatch(nodes.map((node, index) => ({
            method: 'PUT', node, relativeUrl: SESSION_URL(`guid-${index}`), requestId: `req-${node}`, body: commandBody('who')
        })));

        expect(answer.status).toBe(200);
        expect(answer.contentType).toMatch(/^multipart\/mixed; boundary=batchresponse_[0-9a-f-]{36}$/);
        const parts = parseLikeSdk(answer.text);
        expect(parts.map(part => [part.requestId, part.status])).toEqual(
            [['req-host1', 200], ['req-host2', 200], ['req-host3', 200]]);
        expect(parts.map(part => part.data)).toEqual(nodes.map((node, index) => ({
            properties: {
                sessionId: `guid-${index}`, completed: 'True', results: [{ node }], progress: [], errors: []
            }
        })));
    });

    it('runs the nodes of a batch concurrently', async () => {
        const gate = deferred();
        runner.define('blocking', () => gate.promise);

        const batch = postBatch(['host1', 'host2', 'host3'].map((node, index) => ({
            method: 'PUT' as const, node, relativeUrl: SESSION_URL(`c-${index}`), requestId: `r${index}`, body: commandBody('blocking')
        })));
        // Wait for the runs to start rather than for a fixed time: a loaded machine may take a while. Were the nodes
        // run one after another, only one would ever be running (the gate holds it), and this gives up.
        for (let waited = 0; runner.running < 3 && waited < 10_000; waited += 20) {
            await new Promise(resolve => setTimeout(resolve, 20));
        }
        const runningTogether = runner.running;
        gate.resolve();
        await batch;

        expect(runningTogether).toBe(3);
    });

    it('lets the client poll only its incomplete nodes in the next round', async () => {
        const gate = deferred();
        runner.define('fast', async io => io.output('fast'));
        runner.define('slow', async io => {
            await gate.promise;
            io.output('slow');
        });

        const first = parseLikeSdk((await postBatch([
            { method: 'PUT', node: 'host1', relativeUrl: SESSION_URL('s-fast'), requestId: 'a', body: commandBody('fast') },
            { method: 'PUT', node: 'host2', relativeUrl: SESSION_URL('s-slow'), requestId: 'b', body: commandBody('slow') }
        ])).text);
        const poll = postBatch([
            { method: 'GET', node: 'host2', relativeUrl: `${SESSION_URL('s-slow')}?$expand=output`, requestId: 'c' }
        ]);
        // The poll part is held open (the gateway's 2 s poll wait) until the slow node has news.
        expect((await nextHeldWait(poll)).timeoutMs).toBe(2000);
        gate.resolve();
        const second = parseLikeSdk((await poll).text);

        expect(first.map(part => (part.data as { properties: { completed: string } }).properties.completed))
            .toEqual(['True', 'False']);
        expect(second).toEqual([{
            status: 200, requestId: 'c',
            data: { properties: { sessionId: 's-slow', completed: 'True', results: ['slow'], progress: [], errors: [] } }
        }]);
    });

    it('answers an offline node\'s part with an error the SDK keeps, while the other nodes succeed', async () => {
        simulator.setFaults('host3', { offline: true });

        const parts = parseLikeSdk((await postBatch(['host1', 'host3'].map((node, index) => ({
            method: 'PUT' as const, node, relativeUrl: SESSION_URL(`o-${index}`), requestId: node, body: commandBody('x')
        })))).text);

        expect(parts[0]).toMatchObject({ requestId: 'host1', status: 200 });
        expect(parts[1]).toMatchObject({
            requestId: 'host3', status: 500,
            data: { error: { code: 'PSRemotingTransportException',
                message: expect.stringContaining('Connecting to remote server host3 failed') } }
        });
    });

    it('answers non-PowerShell parts with an error instead of dropping them', async () => {
        const parts = parseLikeSdk((await postBatch([
            { method: 'GET', node: 'host1', relativeUrl: 'features/cim/namespaces/root', requestId: 'cim' }
        ])).text);

        expect(parts).toEqual([{ status: 404, requestId: 'cim', data: { error: { code: 'NotFound', message: expect.any(String) } } }]);
    });

    it('cancels and closes sessions through batch parts (PUT .../cancel, DELETE)', async () => {
        runner.define('endless', io => new Promise(resolve => io.signal.addEventListener('abort', () => resolve())));
        await postBatch([{ method: 'PUT', node: 'host1', relativeUrl: SESSION_URL('k1'), requestId: 'p', body: commandBody('endless') }]);

        const cancelled = parseLikeSdk((await postBatch([
            { method: 'PUT', node: 'host1', relativeUrl: `${SESSION_URL('k1')}/cancel`, requestId: 'c' }
        ])).text);
        const closed = parseLikeSdk((await postBatch([
            { method: 'DELETE', node: 'host1', relativeUrl: SESSION_URL('k1'), requestId: 'd' }
        ])).text);

        expect(cancelled).toEqual([{ status: 200, requestId: 'c', data: expect.objectContaining({
            properties: expect.objectContaining({ completed: 'True' }) }) }]);
        expect(runner.runs[0].state).toBe('Stopped');
        expect(closed).toEqual([{ status: 204, requestId: 'd', data: undefined }]);
    });

    it('refuses a batch that is not multipart/mixed', async () => {
        const response = await fetch(`${gateway.url}/api/batch?api-version=2019-02-01`, {
            method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}'
        });

        expect(response.status).toBe(400);
    });
});
