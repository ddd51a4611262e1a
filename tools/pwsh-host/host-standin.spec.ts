/**
 * Stand-in calls through Invoke-EflowSimulatorCall (from a fixture module shaped like the generated stand-ins):
 * parameter conversion, events, results, errors as the calling script sees them, and cancellation.
 */
import { PwshHost } from './client';
import type { CallMessage, CallOutcome } from './protocol';
import { STAND_IN_HANDLER_FAILED } from './run-tracker';
import type { RunHandlers } from './run-types';
import { deferred, HOST_START_TIMEOUT_MS, STAND_IN_FIXTURE_MODULE } from './spec-support';

jest.setTimeout(60_000);

/** Handlers answering every call with `outcome`, recording the calls. */
function answering(outcome: CallOutcome, extra: Partial<RunHandlers> = {}): RunHandlers & { calls: CallMessage[] } {
    const calls: CallMessage[] = [];
    return { ...extra, calls, onCall: async (call) => { calls.push(call); return outcome; } };
}

/** The simulator's answer for a missing VM, optionally with a value written after a non-terminating error. */
const notFound = (terminating: boolean, value?: string): CallOutcome => ({
    ok: false,
    error: { message: 'VM not found', errorId: 'VmNotFound', category: 'ObjectNotFound', terminating },
    ...(value === undefined ? {} : { value })
});

describe('stand-in calls', () => {
    let host: PwshHost;

    beforeAll(async () => {
        host = await PwshHost.start({ runspaces: 2, imports: [STAND_IN_FIXTURE_MODULE] });
    }, HOST_START_TIMEOUT_MS);

    afterAll(() => host.stop());

    it('sends the bound parameters as JSON and gives the script the result as objects', async () => {
        const handlers = answering({ ok: true, value: { name: 'vm1', state: 'Running', nested: { deep: 42 }, list: [1, 2] } });
        const result = await host.run({
            host: 'host-a',
            script: [
                '$vm = Get-FixtureVm \'vm1\' -Size Large -Tags a, b -Count 2 -Force -Options @{ k = \'v\'; n = @(1, 2) }',
                '$vm -is [pscustomobject]',
                '$vm.nested.deep',
                '$vm.list.Count',
                '$vm.state'
            ].join('\n')
        }, handlers).done;

        expect(handlers.calls).toEqual([expect.objectContaining({
            type: 'call', host: 'host-a', module: 'Fixture', command: 'Get-FixtureVm',
            parameters: { Name: 'vm1', Size: 'Large', Tags: ['a', 'b'], Count: 2, Force: true, Options: { k: 'v', n: [1, 2] } }
        })]);
        expect(result.outputs).toEqual([true, 42, 2, 'Running']);
        expect(result.state).toBe('Completed');
    });

    it('relays the call\'s events to the caller\'s streams while the call is pending', async () => {
        const events: string[] = [];
        const result = await host.run({
            host: 'host-a',
            script: '\'before\'\nStart-FixtureDeploy -Name vm1 -Verbose\n\'after\''
        }, {
            onCall: async (_call, emit) => {
                emit({ kind: 'information', message: 'Downloading' });
                emit({ kind: 'progress', activity: 'Deploying', status: 'Copying', percentComplete: 50 });
                emit({ kind: 'warning', message: 'Low disk' });
                emit({ kind: 'verbose', message: 'step 2' });
                emit({ kind: 'progress', activity: 'Deploying', status: 'Done', percentComplete: 100, completed: true });
                return { ok: true, value: 'deployed' };
            },
            onOutput: (item) => events.push(`output:${String(item)}`),
            onProgress: (record) => events.push(`progress:${record.activity}:${record.statusDescription}:${record.percentComplete}:${record.recordType}`),
            onStream: (record) => events.push(`${record.stream}:${record.message}`)
        }).done;

        expect(events).toEqual([
            'output:before',
            'information:Downloading',
            'progress:Deploying:Copying:50:Processing',
            'warning:Low disk',
            'verbose:step 2',
            'progress:Deploying:Done:100:Completed',
            'output:deployed',
            'output:after'
        ]);
        expect(result.state).toBe('Completed');
    });

    it('enumerates an array result and writes nothing for null', async () => {
        let answer: CallOutcome = { ok: true, value: [1, { a: 2 }, [3, 4]] };
        const handlers: RunHandlers = { onCall: async () => answer };
        const many = await host.run({ host: 'host-a', script: '$r = @(Get-FixtureVm); $r.Count; $r[1].a; $r[2].Count' }, handlers).done;
        answer = { ok: true, value: null };
        const none = await host.run({ host: 'host-a', script: '$r = Get-FixtureVm; $null -eq $r; @(Get-FixtureVm).Count' }, handlers).done;

        expect(many.outputs).toEqual([3, 2, 2]);
        expect(none.outputs).toEqual([true, 0]);
    });

    it('raises a terminating error that try/catch in the script catches', async () => {
        const result = await host.run({
            host: 'host-a',
            script: 'try { Get-FixtureVm -Name x; \'not reached\' } catch { $_.Exception.Message; $_.FullyQualifiedErrorId; $_.CategoryInfo.Category.ToString() }\n\'continued\''
        }, answering(notFound(true))).done;

        expect(result.outputs).toEqual(['VM not found', expect.stringMatching(/^VmNotFound(,|$)/), 'ObjectNotFound', 'continued']);
        expect(result.errors).toEqual([]);
        expect(result.state).toBe('Completed');
    });

    it('makes an uncaught terminating error end the run under $ErrorActionPreference = Stop', async () => {
        const result = await host.run({
            host: 'host-a', script: '$ErrorActionPreference = \'Stop\'\nGet-FixtureVm -Name x\n\'not reached\''
        }, answering(notFound(true))).done;

        expect(result.state).toBe('Failed');
        expect(result.outputs).toEqual([]);
        expect(result.errors).toEqual([expect.objectContaining({ message: 'VM not found', category: 'ObjectNotFound', terminating: true })]);
    });

    it('ends the script on an uncaught terminating error, as AzureEFLOW\'s throw does', async () => {
        const result = await host.run({ host: 'host-a', script: '\'first\'\nGet-FixtureVm -Name x\n\'not reached\'' },
            answering(notFound(true))).done;

        expect(result.state).toBe('Failed');
        expect(result.outputs).toEqual(['first']);
        expect(result.errors).toEqual([expect.objectContaining({ message: 'VM not found', terminating: true })]);
    });

    it('lets a trap statement handle a terminating error', async () => {
        const result = await host.run({
            host: 'host-a', script: 'trap { "trapped: $($_.Exception.Message)"; continue }\nGet-FixtureVm\n\'after\''
        }, answering(notFound(true))).done;

        expect(result.outputs).toEqual(['trapped: VM not found', 'after']);
        expect(result.state).toBe('Completed');
    });

    it('writes a non-terminating error and then the value', async () => {
        const result = await host.run({ host: 'host-a', script: 'Get-FixtureVm -Name x\n\'continued\'' },
            answering(notFound(false, 'partial'))).done;

        expect(result.outputs).toEqual(['partial', 'continued']);
        expect(result.errors).toEqual([expect.objectContaining({
            message: 'VM not found', category: 'ObjectNotFound', terminating: false,
            fullyQualifiedErrorId: expect.stringMatching(/^VmNotFound/)
        })]);
    });

    it('honours -ErrorAction on the stand-in for a non-terminating error', async () => {
        const result = await host.run({
            host: 'host-a',
            script: [
                '$quiet = Get-FixtureVm -ErrorAction SilentlyContinue',
                '"quiet:$quiet"',
                'try { Get-FixtureVm -ErrorAction Stop; \'not reached\' } catch { "caught:$($_.Exception.Message)" }'
            ].join('\n')
        }, answering(notFound(false, 'partial'))).done;

        expect(result.outputs).toEqual(['quiet:partial', 'caught:VM not found']);
        expect(result.errors).toEqual([]);
    });

    it('validates the stand-in\'s parameters before calling the simulator', async () => {
        const handlers = answering({ ok: true, value: null });
        const result = await host.run({ host: 'host-a', script: 'Get-FixtureVm -Size Huge' }, handlers).done;

        expect(handlers.calls).toEqual([]);
        expect(result.errors[0].message).toContain('Cannot validate argument on parameter \'Size\'. The argument "Huge" does not belong to the set "Small,Large"');
    });

    it('turns a failing handler into a terminating error in the script', async () => {
        const result = await host.run({
            host: 'host-a', script: 'try { Get-FixtureVm } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }'
        }, { onCall: async () => { throw new Error('simulator bug'); } }).done;

        expect(result.outputs).toEqual([expect.stringMatching(new RegExp(`^${STAND_IN_HANDLER_FAILED}`)), expect.stringContaining('simulator bug')]);
    });

    describe('cancellation', () => {
        it('stops a run blocked in a stand-in call and aborts the call', async () => {
            const called = deferred<AbortSignal>();
            const handle = host.run({ host: 'host-a', script: 'Get-FixtureVm\n\'after\'' }, {
                onCall: (_call, _emit, signal) => {
                    called.resolve(signal);
                    return new Promise<CallOutcome>(() => undefined);
                }
            });
            const signal = await called.promise;
            handle.cancel();
            const result = await handle.done;

            expect(result.state).toBe('Stopped');
            expect(result.outputs).toEqual([]);
            expect(signal.aborted).toBe(true);
            const next = await host.run({ host: 'host-b', script: '\'runspace still usable\'' }, answering({ ok: true, value: null })).done;
            expect(next.outputs).toEqual(['runspace still usable']);
        });

        it('stops a run in Start-Sleep', async () => {
            const sleeping = deferred<void>();
            const handle = host.run({ host: 'host-a', script: 'Write-Host \'sleeping\'\nStart-Sleep -Seconds 600\n\'woke\'' }, {
                onCall: async () => ({ ok: true, value: null }),
                onStream: () => sleeping.resolve()
            });
            await sleeping.promise;
            handle.cancel();
            const result = await handle.done;

            expect(result.state).toBe('Stopped');
            expect(result.outputs).toEqual([]);
        });

        it('stops a run that is still queued for a runspace', async () => {
            const blockers = [deferred<void>(), deferred<void>()];
            const bothCalled = [deferred<void>(), deferred<void>()];
            const running = blockers.map((blocker, index) => host.run({ host: `busy-${index}`, script: 'Get-FixtureVm' }, {
                onCall: async () => {
                    bothCalled[index].resolve();
                    await blocker.promise;
                    return { ok: true, value: 'released' };
                }
            }));
            await Promise.all(bothCalled.map((d) => d.promise));
            const queued = host.run({ host: 'queued', script: '\'should not run\'' }, answering({ ok: true, value: null }));
            queued.cancel();
            const queuedResult = await queued.done;
            blockers.forEach((blocker) => blocker.resolve());
            const released = await Promise.all(running.map((r) => r.done));

            expect(queuedResult.state).toBe('Stopped');
            expect(queuedResult.outputs).toEqual([]);
            expect(released.map((r) => r.outputs)).toEqual([['released'], ['released']]);
        });
    });
});
