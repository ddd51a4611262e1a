import { RunningGateway, startGateway } from './index';
import { FakeScriptRunner } from './testing/fake-script-runner';
import { FakeSimulator } from './testing/fake-simulator';
import { commandBody, send } from './testing/gateway-client';

describe('gateway HTTP surface', () => {
    let simulator: FakeSimulator;
    let gateway: RunningGateway;

    beforeEach(async () => {
        simulator = new FakeSimulator(['host1', 'host2']);
        gateway = await startGateway({ port: 0, simulator, runner: new FakeScriptRunner(), initialWaitMs: 500, pollWaitMs: 500 });
    });

    afterEach(async () => {
        await gateway.close();
    });

    it('answers the gateway status as a desktop, non-elevated gateway', async () => {
        const result = await send(gateway.url, 'GET', '/api/gateway/status');

        expect(result.status).toBe(200);
        expect(result.json).toEqual({ gatewayMode: 'Desktop', isGatewayProcessElevated: false, name: 'localhost' });
    });

    it('answers anything else with 404 NotFound', async () => {
        const result = await send(gateway.url, 'GET', '/api/nodes/host1/features/cim/namespaces/root');

        expect(result.status).toBe(404);
        expect(result.json).toEqual({ error: { code: 'NotFound', message: expect.any(String) } });
    });

    describe('CORS', () => {
        it('answers a preflight with 204, the origin echoed, credentials allowed and the asked headers', async () => {
            const result = await send(gateway.url, 'OPTIONS', '/api/nodes/host1/features/powershellApi/invokeCommand', undefined, {
                origin: 'http://localhost:4200',
                'access-control-request-method': 'POST',
                'access-control-request-headers': 'content-type,x-ms-sme-module-name,x-ms-sme-module-version'
            });

            expect(result.status).toBe(204);
            expect(result.headers.get('access-control-allow-origin')).toBe('http://localhost:4200');
            expect(result.headers.get('access-control-allow-credentials')).toBe('true');
            expect(result.headers.get('access-control-allow-methods')).toBe('GET,PUT,POST,DELETE,PATCH');
            expect(result.headers.get('access-control-allow-headers'))
                .toBe('content-type,x-ms-sme-module-name,x-ms-sme-module-version');
        });

        it('echoes the origin on ordinary answers, errors included', async () => {
            const ok = await send(gateway.url, 'GET', '/api/gateway/status', undefined, { origin: 'http://127.0.0.1:9000' });
            const missing = await send(gateway.url, 'GET', '/nothing', undefined, { origin: 'http://127.0.0.1:9000' });

            for (const result of [ok, missing]) {
                expect(result.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:9000');
                expect(result.headers.get('access-control-allow-credentials')).toBe('true');
                // The SDK reads x-ms-sme-jea-endpoint from error answers to retry against JEA.
                expect(result.headers.get('access-control-expose-headers')).toBe('x-ms-sme-jea-endpoint');
            }
        });
    });

    describe('simulator control API', () => {
        it('lists hosts and shows one host\'s state', async () => {
            const hosts = await send(gateway.url, 'GET', '/sim/hosts');
            const host = await send(gateway.url, 'GET', '/sim/hosts/host2');
            const missing = await send(gateway.url, 'GET', '/sim/hosts/nohost');

            expect((hosts.json as { name: string }[]).map(listed => listed.name)).toEqual(['host1', 'host2']);
            expect(host.json).toMatchObject({ name: 'host2' });
            expect(missing.status).toBe(404);
        });

        it('sets a host\'s faults and answers the resulting connection', async () => {
            const result = await send(gateway.url, 'PATCH', '/sim/hosts/host1/faults', JSON.stringify({ offline: true, latencyMs: 20 }));

            expect(result.status).toBe(200);
            expect(result.json).toEqual({ name: 'host1', connection: { reachable: false, latencyMs: 20, failureRate: 0 } });
            expect(simulator.connection('host1').reachable).toBe(false);
        });

        it('refuses faults it does not know or values out of range', async () => {
            const unknown = await send(gateway.url, 'PATCH', '/sim/hosts/host1/faults', JSON.stringify({ explode: true }));
            const badRate = await send(gateway.url, 'PATCH', '/sim/hosts/host1/faults', JSON.stringify({ failureRate: 2 }));

            expect([unknown.status, badRate.status]).toEqual([400, 400]);
            expect(simulator.connection('host1').failureRate).toBe(0);
        });

        it('reads and changes the global knobs, and resets the fleet', async () => {
            const patched = await send(gateway.url, 'PATCH', '/sim/knobs', JSON.stringify({ latencyMs: 5, timeScale: 0.5 }));
            const read = await send(gateway.url, 'GET', '/sim/knobs');
            const reset = await send(gateway.url, 'POST', '/sim/reset');

            expect(patched.json).toEqual({ latencyMs: 5, failureRate: 0, timeScale: 0.5 });
            expect(read.json).toEqual(patched.json);
            expect(reset.status).toBe(204);
            expect(simulator.getGlobalKnobs().latencyMs).toBe(0);
        });
    });

    describe('request log', () => {
        it('records method, path, family, node, command, session and status of each request', async () => {
            await send(gateway.url, 'POST', '/api/nodes/host1/features/powershellApi/invokeCommand?api-version=2019-02-01',
                JSON.stringify({ properties: { script: 'Get-Overview', command: 'Get-EflowHostOverview', state: 'ready' } }));
            await send(gateway.url, 'GET', '/api/gateway/status');

            const entries = (await send(gateway.url, 'GET', '/sim/requests?since=0')).json as Record<string, unknown>[];

            expect(entries[0]).toEqual({
                seq: 1, time: expect.any(String), method: 'POST',
                path: '/api/nodes/host1/features/powershellApi/invokeCommand?api-version',
                family: 'legacy', node: 'host1', command: 'Get-EflowHostOverview', sessionId: expect.any(String),
                status: 200, durationMs: expect.any(Number), batchParts: null
            });
            expect(entries[1]).toMatchObject({ seq: 2, family: 'status', path: '/api/gateway/status', status: 200 });
        });

        it('never keeps script text or parameter values, in single requests or batch parts', async () => {
            const secret = 'HostName=hub.azure-devices.net;SharedAccessKey=c2VjcmV0a2V5';
            const script = `function SmeSubmit{ param($ConnectionString) Set-Thing }\nSmeSubmit -ConnectionString (cvt '"${secret}"')`;
            const body = commandBody(script, { command: 'Set-EflowProvisioning', parameters: { ConnectionString: secret } });
            await send(gateway.url, 'PUT', `/api/nodes/host1/features/powershellApi/pssessions/p-newSession?api-version=2019-02-01&token=${encodeURIComponent(secret)}`, body);
            const boundary = 'bb';
            await fetch(`${gateway.url}/api/batch?api-version=2019-02-01`, {
                method: 'POST',
                headers: { 'content-type': `multipart/mixed; boundary=${boundary}` },
                body: `--${boundary}\r\nContent-Type: application/http; msgtype=request\r\n\r\n` +
                    `PUT /api/nodes/host2/features/powershellApi/pssessions/g1?api-version=2019-02-01 HTTP/1.1\r\n` +
                    `request-id: r1\r\n\r\n${body}\r\n--${boundary}--`
            });

            const logText = (await send(gateway.url, 'GET', '/sim/requests')).text;

            expect(logText).not.toContain('SharedAccessKey');
            expect(logText).not.toContain('c2VjcmV0a2V5');
            expect(logText).not.toContain('SmeSubmit');
            expect(logText).toContain('Set-EflowProvisioning');
            const batchEntry = (JSON.parse(logText) as { family: string; batchParts: unknown[] }[])
                .find(entry => entry.family === 'batch');
            expect(batchEntry?.batchParts).toEqual([{
                method: 'PUT', path: '/api/nodes/host2/features/powershellApi/pssessions/g1?api-version',
                node: 'host2', command: 'Set-EflowProvisioning', sessionId: 'g1', status: 200
            }]);
        });

        it('answers only entries after "since", and forgets everything on DELETE', async () => {
            await send(gateway.url, 'GET', '/api/gateway/status');
            await send(gateway.url, 'GET', '/api/gateway/status');
            const afterFirst = (await send(gateway.url, 'GET', '/sim/requests?since=1')).json as { seq: number }[];
            await send(gateway.url, 'DELETE', '/sim/requests');
            const afterClear = (await send(gateway.url, 'GET', '/sim/requests?since=0')).json as { seq: number; method: string }[];

            expect(afterFirst.map(entry => entry.seq)).toEqual([2]);
            expect(afterClear.map(entry => entry.method)).toEqual(['DELETE']);
        });
    });
});
