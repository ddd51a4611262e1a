import { RunningGateway, startGateway } from './index';
import { FakeScriptRunner, FakeTerminatingError } from './testing/fake-script-runner';
import { FakeSimulator } from './testing/fake-simulator';
import { chunkOf, commandBody, deferred, send } from './testing/gateway-client';
import { nextHeldWait } from './testing/held-waits';

const LEGACY = (node: string, rest: string): string =>
    `/api/nodes/${node}/features/powershellApi/${rest}${rest.includes('?') ? '&' : '?'}api-version=2019-02-01`;
const V2 = (node: string, rest: string): string => `/api/services/WinREST/PowerShell/nodes/${node}/${rest}`;

describe('gateway PowerShell API', () => {
    let runner: FakeScriptRunner;
    let gateway: RunningGateway;

    async function start(timings: { initialWaitMs: number; pollWaitMs: number }): Promise<void> {
        runner = new FakeScriptRunner();
        gateway = await startGateway({
            port: 0, simulator: new FakeSimulator(['host1', 'host2']), runner, ...timings
        });
    }

    afterEach(async () => {
        await gateway.close();
    });

    describe.each([
        ['legacy', LEGACY],
        ['v2', V2]
    ])('%s URL family', (_family, url) => {
        beforeEach(() => start({ initialWaitMs: 2000, pollWaitMs: 2000 }));

        it('runs an automatic (polling) command and answers its output with completed "True"', async () => {
            runner.define('two-items', async io => io.output({ n: 1 }, { n: 2 }));

            const result = await send(gateway.url, 'POST', url('host1', 'invokeCommand'),
                commandBody('two-items', { invokeMode: 'Polling' }));

            expect(result.status).toBe(200);
            const chunk = chunkOf(result);
            expect(chunk).toEqual({
                sessionId: expect.any(String), completed: 'True', results: [{ n: 1 }, { n: 2 }], progress: [], errors: []
            });
            expect(runner.runs.map(run => run.node)).toEqual(['host1']);
        });

        it('runs a keyed session command, then another in the same session', async () => {
            runner.define('first', async io => io.output('one'));
            runner.define('second', async io => io.output('two'));

            const created = chunkOf(await send(gateway.url, 'PUT', url('host2', 'pssessions/overview-newSession'),
                commandBody('first')));
            const again = chunkOf(await send(gateway.url, 'POST',
                url('host2', `pssessions/${created.sessionId}/invokeCommand`), commandBody('second')));

            expect(created.results).toEqual(['one']);
            expect(again.sessionId).toBe(created.sessionId);
            expect(again.results).toEqual(['two']);
            expect(again.completed).toBe('True');
        });

        it('answers polls with only what is new, and long-polls until something new arrives', async () => {
            await gateway.close();
            await start({ initialWaitMs: 100, pollWaitMs: 10_000 });
            const firstGate = deferred();
            const secondGate = deferred();
            runner.define('staged', async io => {
                io.output('a');
                await firstGate.promise;
                io.progress('Installing', 50);
                io.output('b');
                await secondGate.promise;
            });

            const created = chunkOf(await send(gateway.url, 'PUT', url('host1', 'pssessions/instantSession'),
                commandBody('staged')));
            expect(created).toMatchObject({ completed: 'False', results: ['a'] });

            // The poll is held open until the script writes more: resolve the gate once it waits.
            const poll = send(gateway.url, 'GET', url('host1', `pssessions/${created.sessionId}?$expand=output`));
            expect((await nextHeldWait(poll)).timeoutMs).toBe(10_000);
            firstGate.resolve();
            const second = chunkOf(await poll);
            expect(second.results).toEqual(['b']);
            expect(second.progress.map(record => [record.activity, record.percentComplete])).toEqual([['Installing', 50]]);
            expect(second.completed).toBe('False');

            const lastPoll = send(gateway.url, 'GET', url('host1', `pssessions/${created.sessionId}?$expand=output`));
            await nextHeldWait(lastPoll);
            secondGate.resolve();
            const last = chunkOf(await lastPoll);
            expect(last).toMatchObject({ completed: 'True', results: [], progress: [], errors: [] });
        });
    });

    describe('waiting and polling', () => {
        beforeEach(() => start({ initialWaitMs: 50, pollWaitMs: 150 }));

        it('waits as long as the body\'s waitTimeMs for the command to finish', async () => {
            const gate = deferred();
            runner.define('gated', async io => {
                await gate.promise;
                io.output('done');
            });

            const answer = send(gateway.url, 'POST', LEGACY('host1', 'invokeCommand'),
                commandBody('gated', { invokeMode: 'Polling', waitTimeMs: 60_000 }));
            // Held for the body's 60 s, not the gateway's own 50 ms initial wait.
            expect((await nextHeldWait(answer)).timeoutMs).toBe(60_000);
            gate.resolve();

            expect(chunkOf(await answer)).toMatchObject({ completed: 'True', results: ['done'] });
        });

        it('answers with completed "False" after the gateway\'s initial wait when the body sets no waitTimeMs', async () => {
            const gate = deferred();
            runner.define('gated', async io => {
                await gate.promise;
                io.output('done');
            });

            const first = chunkOf(await send(gateway.url, 'POST', LEGACY('host1', 'invokeCommand'),
                commandBody('gated', { invokeMode: 'Polling' })));
            gate.resolve();

            expect(first).toMatchObject({ completed: 'False', results: [] });
        });

        it('answers an empty "False" chunk when a poll sees nothing new within the poll wait', async () => {
            const gate = deferred();
            runner.define('gated', () => gate.promise);
            const created = chunkOf(await send(gateway.url, 'PUT', LEGACY('host1', 'pssessions/k-newSession'),
                commandBody('gated')));

            const poll = chunkOf(await send(gateway.url, 'GET', LEGACY('host1', `pssessions/${created.sessionId}?$expand=output`)));
            gate.resolve();

            expect(poll).toEqual({ sessionId: created.sessionId, completed: 'False', results: [], progress: [], errors: [] });
        });

        it('drops an automatic session once its end has been delivered', async () => {
            const created = chunkOf(await send(gateway.url, 'POST', LEGACY('host1', 'invokeCommand'),
                commandBody('anything', { invokeMode: 'Polling' })));
            expect(created.completed).toBe('True');

            const poll = await send(gateway.url, 'GET', LEGACY('host1', `pssessions/${created.sessionId}?$expand=output`));
            expect(poll.status).toBe(404);
        });
    });

    describe('sessions', () => {
        beforeEach(() => start({ initialWaitMs: 50, pollWaitMs: 2000 }));

        it('runs the commands of one keyed session one at a time', async () => {
            const gate = deferred();
            runner.define('blocking', async io => {
                await gate.promise;
                io.output('first done');
            });
            runner.define('next', async io => io.output('second done'));

            const created = chunkOf(await send(gateway.url, 'PUT', LEGACY('host1', 'pssessions/seq-newSession'),
                commandBody('blocking')));
            const queued = chunkOf(await send(gateway.url, 'POST',
                LEGACY('host1', `pssessions/${created.sessionId}/invokeCommand`), commandBody('next')));
            expect(queued.completed).toBe('False');
            expect(runner.runs.map(run => run.script)).toEqual(['blocking']);

            gate.resolve();
            const polled = chunkOf(await send(gateway.url, 'GET',
                LEGACY('host1', `pssessions/${created.sessionId}?$expand=output`)));

            expect(polled).toMatchObject({ completed: 'True', results: ['second done'] });
            const [first, second] = runner.runs;
            expect(second.startOrder).toBeGreaterThan(first.endOrder ?? Infinity);
        });

        it('runs different sessions at the same time', async () => {
            const gate = deferred();
            runner.define('blocking', () => gate.promise);

            await send(gateway.url, 'PUT', LEGACY('host1', 'pssessions/a-newSession'), commandBody('blocking'));
            await send(gateway.url, 'PUT', LEGACY('host1', 'pssessions/b-newSession'), commandBody('blocking'));

            expect(runner.running).toBe(2);
            gate.resolve();
        });

        it('cancels the running command and answers completed "True"', async () => {
            runner.define('endless', io => new Promise(resolve => io.signal.addEventListener('abort', () => resolve())));
            const created = chunkOf(await send(gateway.url, 'PUT', LEGACY('host1', 'pssessions/c-newSession'),
                commandBody('endless')));
            expect(created.completed).toBe('False');

            const cancelled = await send(gateway.url, 'POST', LEGACY('host1', `pssessions/${created.sessionId}/cancel`));

            expect(cancelled.status).toBe(200);
            expect(chunkOf(cancelled).completed).toBe('True');
            expect(runner.runs[0].state).toBe('Stopped');
        });

        it('deletes a session: its command is stopped and the session is gone', async () => {
            runner.define('endless', io => new Promise(resolve => io.signal.addEventListener('abort', () => resolve())));
            const created = chunkOf(await send(gateway.url, 'PUT', LEGACY('host1', 'pssessions/d-newSession'),
                commandBody('endless')));

            const deleted = await send(gateway.url, 'DELETE', LEGACY('host1', `pssessions/${created.sessionId}`));
            const pollAfter = await send(gateway.url, 'GET', LEGACY('host1', `pssessions/${created.sessionId}?$expand=output`));

            expect(deleted.status).toBe(204);
            expect(runner.runs[0].state).toBe('Stopped');
            expect(pollAfter.status).toBe(404);
            expect(pollAfter.json).toEqual({ error: { code: 'NotFound', message: expect.stringContaining(created.sessionId) } });
        });

        it('does not show a session through another node\'s URL', async () => {
            const created = chunkOf(await send(gateway.url, 'PUT', LEGACY('host1', 'pssessions/e-newSession'),
                commandBody('anything')));

            const viaOtherNode = await send(gateway.url, 'GET', LEGACY('host2', `pssessions/${created.sessionId}?$expand=output`));

            expect(viaOtherNode.status).toBe(404);
        });
    });

    describe('errors', () => {
        beforeEach(() => start({ initialWaitMs: 2000, pollWaitMs: 2000 }));

        it('returns Write-Error records in the errors channel of a normal answer', async () => {
            runner.define('writes-error', async io => {
                io.output('partial');
                io.writeError('[DiskLow] Only 2 GB free.');
            });

            const result = await send(gateway.url, 'POST', LEGACY('host1', 'invokeCommand'),
                commandBody('writes-error', { invokeMode: 'Polling' }));

            expect(result.status).toBe(200);
            expect(chunkOf(result)).toMatchObject({
                completed: 'True',
                results: ['partial'],
                errors: [{
                    errorType: 'WriteErrorException',
                    message: '[DiskLow] Only 2 GB free.',
                    detailRecord: { nativeErrorCode: 0, hResult: -2146233087, remoteExceptionMessage: '[DiskLow] Only 2 GB free.' }
                }]
            });
        });

        it('delivers pending output first, then a terminating error as HTTP 400 with error.message', async () => {
            runner.define('throws', async io => {
                io.output('before');
                throw new FakeTerminatingError('[InvalidStaticIp] 10.0.0.300 is not a valid IPv4 address.');
            });

            const first = await send(gateway.url, 'PUT', LEGACY('host1', 'pssessions/t-newSession'), commandBody('throws'));
            const sessionId = chunkOf(first).sessionId;
            const second = await send(gateway.url, 'GET', LEGACY('host1', `pssessions/${sessionId}?$expand=output`));

            expect(first.status).toBe(200);
            expect(chunkOf(first)).toMatchObject({ completed: 'False', results: ['before'] });
            expect(second.status).toBe(400);
            expect(second.json).toMatchObject({
                error: { code: 'RuntimeException', message: '[InvalidStaticIp] 10.0.0.300 is not a valid IPv4 address.' },
                sessionId,
                completed: 'True',
                exception: '[InvalidStaticIp] 10.0.0.300 is not a valid IPv4 address.'
            });
        });

        it('answers 404 NotFound for a node the fleet does not have', async () => {
            const result = await send(gateway.url, 'POST', LEGACY('nosuchhost', 'invokeCommand'), commandBody('x'));

            expect(result.status).toBe(404);
            expect(result.json).toEqual({ error: { code: 'NotFound', message: expect.stringContaining('nosuchhost') } });
            expect(runner.runs).toHaveLength(0);
        });

        it('answers 400 when the body carries no script', async () => {
            const result = await send(gateway.url, 'POST', LEGACY('host1', 'invokeCommand'),
                JSON.stringify({ properties: { command: 'Get-Thing' } }));

            expect(result.status).toBe(400);
            expect(result.json).toMatchObject({ error: { code: 'BadRequest' } });
        });

        it('answers 405 for a method that is not an operation on a PowerShell path', async () => {
            const result = await send(gateway.url, 'PATCH', LEGACY('host1', 'invokeCommand'), commandBody('x'));

            expect(result.status).toBe(405);
        });
    });
});
