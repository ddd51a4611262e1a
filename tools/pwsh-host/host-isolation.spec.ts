/**
 * What runs share and what they must not: module and session cleanup between runs on one runspace, runs in
 * parallel across runspaces, and what happens when a host process dies (alone and in a pool).
 */
import * as path from 'path';
import { PwshHost, PwshHostCrashError } from './client';
import { PwshHostPool } from './pool';
import type { CallOutcome } from './protocol';
import {
    deferred, FIXTURE_MODULE_PATH, HOST_START_TIMEOUT_MS, noStandInCalls, STAND_IN_FIXTURE_MODULE
} from './spec-support';

jest.setTimeout(90_000);

describe('isolation between runs on one runspace', () => {
    let host: PwshHost;

    beforeAll(async () => {
        host = await PwshHost.start({ runspaces: 1, modulePaths: [FIXTURE_MODULE_PATH], imports: [STAND_IN_FIXTURE_MODULE] });
    }, HOST_START_TIMEOUT_MS);

    afterAll(() => host.stop());

    const run = (script: string) => host.run({ host: 'host-a', script }, noStandInCalls()).done;

    it('removes modules a run imported, so the next run loads them afresh', async () => {
        const first = await run('Get-LeakyFixtureCount\nGet-LeakyFixtureCount\n(Get-Module).Name -contains \'LeakyFixture\'');
        const second = await run('(Get-Module).Name -contains \'LeakyFixture\'\nGet-LeakyFixtureCount');

        expect(first.outputs).toEqual([1, 2, true]);
        expect(second.outputs).toEqual([false, 1]);
    });

    it('keeps the start-up modules, even after a run removed one', async () => {
        await run('Remove-Module StandInFixture');
        const next = await run('(Get-Module).Name -contains \'StandInFixture\'\n[bool](Get-Command Get-FixtureVm -ErrorAction SilentlyContinue)');

        expect(next.outputs).toEqual([true, true]);
    });

    it('resets global variables, functions, preferences, $Error and default parameter values', async () => {
        await run([
            '$global:leaked = \'yes\'',
            'function global:Get-Leaked { \'yes\' }',
            '$global:ErrorActionPreference = \'SilentlyContinue\'',
            '$global:VerbosePreference = \'Continue\'',
            '$PSDefaultParameterValues[\'Write-Host:NoNewline\'] = $true',
            'Write-Error \'recorded in $Error\''
        ].join('\n'));
        const next = await run([
            '$Error.Count',
            '$null -eq $global:leaked',
            '[bool](Get-Command Get-Leaked -ErrorAction SilentlyContinue)',
            '$ErrorActionPreference.ToString()',
            '$VerbosePreference.ToString()',
            '$PSDefaultParameterValues.Count'
        ].join('\n'));

        expect(next.outputs).toEqual([0, true, false, 'Continue', 'SilentlyContinue', 0]);
    });

    it('restores a redefined built-in function and the current location', async () => {
        const before = await run('prompt\n$PWD.Path');
        await run('function global:prompt { \'hijacked\' }\n$ExecutionContext.SessionState.Path.SetLocation(\'/\') | Out-Null');
        const after = await run('prompt\n$PWD.Path');

        expect(before.outputs[0]).not.toBe('hijacked');
        expect(before.outputs[1]).not.toBe('/');
        expect(after.outputs).toEqual(before.outputs);
    });

    it('keeps an inline script\'s own functions and variables in its local scope', async () => {
        await run('function Get-Local { 1 }\n$local = 1');
        const next = await run('[bool](Get-Command Get-Local -ErrorAction SilentlyContinue)\n$null -eq $local');

        expect(next.outputs).toEqual([false, true]);
    });
});

describe('concurrency across runspaces', () => {
    let host: PwshHost;

    beforeAll(async () => {
        // A module folder (not the .psm1 itself) works as --import too.
        host = await PwshHost.start({ runspaces: 3, imports: [path.dirname(STAND_IN_FIXTURE_MODULE)] });
    }, HOST_START_TIMEOUT_MS);

    afterAll(() => host.stop());

    it('runs as many runs at once as there are runspaces and queues the rest', async () => {
        const log: string[] = [];
        const release = deferred<void>();
        const threeCalled = deferred<void>();
        let calls = 0;
        const handles = [0, 1, 2, 3].map((index) => host.run({
            host: `host-${index}`,
            script: 'Get-FixtureVm\n[runspace]::DefaultRunspace.InstanceId.ToString()'
        }, {
            onCall: async (): Promise<CallOutcome> => {
                log.push(`call ${index}`);
                if (++calls === 3) {
                    threeCalled.resolve();
                }
                await release.promise;
                return { ok: true, value: null };
            }
        }));

        // Three calls pending at once is only possible when three runs execute in parallel.
        await threeCalled.promise;
        expect(host.load).toBe(4);
        log.push('release');
        release.resolve();
        const results = await Promise.all(handles.map((h) => h.done));

        expect(log.slice(0, 4)).toEqual([expect.stringMatching(/^call /), expect.stringMatching(/^call /), expect.stringMatching(/^call /), 'release']);
        expect(log).toHaveLength(5);
        expect(new Set(results.map((r) => r.outputs[0])).size).toBe(3);
        expect(host.load).toBe(0);
    });
});

describe('stopping a host', () => {
    it('stops the runs in flight, which end as Stopped, then exits', async () => {
        const host = await PwshHost.start({ runspaces: 1, imports: [STAND_IN_FIXTURE_MODULE] });
        const called = deferred<AbortSignal>();
        const blocked = host.run({ host: 'host-a', script: 'Get-FixtureVm' }, {
            onCall: (_call, _emit, signal) => {
                called.resolve(signal);
                return new Promise<CallOutcome>(() => undefined);
            }
        });
        const queued = host.run({ host: 'host-b', script: '\'never\'' }, noStandInCalls());
        const signal = await called.promise;

        await host.stop();

        expect((await blocked.done).state).toBe('Stopped');
        expect(await queued.done).toMatchObject({ state: 'Stopped', outputs: [] });
        expect(signal.aborted).toBe(true);
        expect(host.alive).toBe(false);
    }, HOST_START_TIMEOUT_MS);
});

describe('a host process that dies', () => {
    it('fails start-up, saying why, when a start-up module cannot be imported', async () => {
        await expect(PwshHost.start({ runspaces: 1, imports: [path.join(FIXTURE_MODULE_PATH, 'Missing.psm1')] }))
            .rejects.toThrow(/exited before it was ready[\s\S]*Missing\.psm1/);
    }, HOST_START_TIMEOUT_MS);


    it('rejects its runs in flight with a clear error and reports the crash', async () => {
        const host = await PwshHost.start({ runspaces: 1, imports: [STAND_IN_FIXTURE_MODULE] });
        const crashes: PwshHostCrashError[] = [];
        host.onCrash((error) => crashes.push(error));
        const called = deferred<void>();
        const handle = host.run({ host: 'host-a', script: 'Get-FixtureVm' }, {
            onCall: () => {
                called.resolve();
                return new Promise<CallOutcome>(() => undefined);
            }
        });
        await called.promise;

        process.kill(host.pid!, 'SIGKILL');

        await expect(handle.done).rejects.toThrow(/exited unexpectedly .*1 run\(s\) in flight were lost/);
        await expect(handle.done).rejects.toBeInstanceOf(PwshHostCrashError);
        expect(crashes).toHaveLength(1);
        expect(crashes[0].signal).toBe('SIGKILL');
        expect(host.alive).toBe(false);
        await expect(host.run({ host: 'host-a', script: '1' }, noStandInCalls()).done).rejects.toThrow(/not running/);
    }, HOST_START_TIMEOUT_MS);

    it('is replaced in a pool, and later runs go to the live processes', async () => {
        const pool = await PwshHostPool.start({ processes: 2, runspaces: 1 });
        try {
            const pids = (await Promise.all([0, 1].map(() => pool.run({ host: 'h', script: '$PID' }, noStandInCalls()).done)))
                .map((r) => r.outputs[0]);
            const victim = pool.hosts[0];
            const crashed = deferred<PwshHostCrashError>();
            pool.onCrash((error) => crashed.resolve(error));

            process.kill(victim.pid!, 'SIGKILL');
            await crashed.promise;
            const afterCrash = await pool.run({ host: 'h', script: '$PID' }, noStandInCalls()).done;

            expect(new Set(pids).size).toBe(2);
            expect(afterCrash.outputs[0]).not.toBe(victim.pid);
            expect(pool.restarts).toBe(1);
            // The replacement comes up on its own; once it is live, the pool has two processes again.
            while (pool.hosts.length < 2) {
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
            expect(pool.hosts.map((h) => h.pid)).not.toContain(victim.pid);
        } finally {
            await pool.stop();
        }
    }, HOST_START_TIMEOUT_MS);
});
