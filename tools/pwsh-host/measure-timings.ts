/**
 * Measures the PowerShell host's costs (not a test: numbers for people, printed as a table).
 *   npx tsx tools/pwsh-host/measure-timings.ts
 * Start-up to `ready`; warm time per trivial run; warm time per run making 5 stand-in calls, one process with
 * 4 runspaces, runs sequential and in parallel.
 */
import { performance } from 'perf_hooks';
import { PwshHost } from './client';
import type { RunHandlers } from './run-types';
import { STAND_IN_FIXTURE_MODULE } from './spec-support';

const STARTS = 3;
const WARM_UP_RUNS = 30;
const MEASURED_RUNS = 200;
const RUNSPACES = 4;

const answerAtOnce: RunHandlers = { onCall: async () => ({ ok: true, value: { name: 'vm', state: 'Running' } }) };
const FIVE_CALLS = '1..5 | ForEach-Object { (Get-FixtureVm -Name "vm$_").state }';

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

async function sequential(host: PwshHost, script: string, count: number): Promise<number[]> {
    const times: number[] = [];
    for (let index = 0; index < count; index++) {
        const started = performance.now();
        const result = await host.run({ host: 'bench', script }, answerAtOnce).done;
        if (result.state !== 'Completed') {
            throw new Error(`run ended ${result.state}: ${JSON.stringify(result.errors)}`);
        }
        times.push(performance.now() - started);
    }
    return times;
}

/** `RUNSPACES` runs in flight at all times (one worker per runspace); returns wall time per run and latencies. */
async function parallel(host: PwshHost, script: string, count: number): Promise<{ perRun: number; latencies: number[] }> {
    const started = performance.now();
    const perWorker = await Promise.all(Array.from({ length: RUNSPACES }, () => sequential(host, script, count / RUNSPACES)));
    return { perRun: (performance.now() - started) / count, latencies: perWorker.flat() };
}

async function main(): Promise<void> {
    const startTimes: number[] = [];
    for (let index = 0; index < STARTS; index++) {
        const started = performance.now();
        const host = await PwshHost.start({ runspaces: RUNSPACES, imports: [STAND_IN_FIXTURE_MODULE] });
        startTimes.push(performance.now() - started);
        await host.stop();
    }

    const host = await PwshHost.start({ runspaces: RUNSPACES, imports: [STAND_IN_FIXTURE_MODULE] });
    await sequential(host, '1', WARM_UP_RUNS);
    await sequential(host, FIVE_CALLS, WARM_UP_RUNS);
    const trivial = await sequential(host, '1', MEASURED_RUNS);
    const fiveSequential = await sequential(host, FIVE_CALLS, MEASURED_RUNS);
    const trivialParallel = await parallel(host, '1', MEASURED_RUNS);
    const fiveParallel = await parallel(host, FIVE_CALLS, MEASURED_RUNS);
    await host.stop();

    const format = (ms: number) => `${ms.toFixed(1)} ms`;
    const rows: [string, string][] = [
        [`start-up to ready (${RUNSPACES} runspaces + 1 module), median of ${STARTS}`, format(median(startTimes))],
        ['trivial run, sequential: median latency', format(median(trivial))],
        [`trivial run, ${RUNSPACES} in flight: wall time per run`, format(trivialParallel.perRun)],
        [`trivial run, ${RUNSPACES} in flight: median latency`, format(median(trivialParallel.latencies))],
        ['5 stand-in calls, sequential: median latency', format(median(fiveSequential))],
        [`5 stand-in calls, ${RUNSPACES} in flight: wall time per run`, format(fiveParallel.perRun)],
        [`5 stand-in calls, ${RUNSPACES} in flight: median latency`, format(median(fiveParallel.latencies))]
    ];
    for (const [label, value] of rows) {
        console.log(`${label.padEnd(60)} ${value}`);
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
