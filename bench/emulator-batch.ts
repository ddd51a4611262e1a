/**
 * The gateway emulator's own time to answer one `/api/batch` of the overview script for N simulated hosts, driven
 * the way the SDK's batch client drives it: one PUT round, then GET rounds for the incomplete nodes only, then a
 * DELETE round (not timed). This is the floor later fleet work is measured against.
 *
 *   npx tsx bench/emulator-batch.ts [--nodes 100,1000] [--repeat 3] [--no-powershell]
 *
 * `--no-powershell` swaps PowerShell for an instant runner: what remains is the gateway's own handling (HTTP,
 * multipart, sessions, transport checks).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PowerShellScripts } from '../src/generated/powershell-scripts';
import { startGateway } from '../tools/gateway/index';
import { startGatewayStack } from '../tools/gateway/stack';
import { FakeScriptRunner } from '../tools/gateway/testing/fake-script-runner';
import { createSimulator } from '../tools/simulator/index';
import { runBatchToCompletion } from './batch-driver';
import { median, printTable } from './report';

/** The overview script wrapped as the SDK's PowerShell.createCommand wraps a script without parameters. */
const OVERVIEW_BODY = JSON.stringify({
    properties: {
        script: `function cvt($o){return ConvertFrom-Json $o}\n function SmeSubmit{\n${PowerShellScripts.Overview.Get_EflowHostOverview.script}}\nSmeSubmit`,
        command: PowerShellScripts.Overview.Get_EflowHostOverview.command,
        module: PowerShellScripts.module,
        parameters: {},
        state: 'ready'
    }
});

export interface EmulatorBatchFigure {
    nodes: number;
    runner: string;
    warmUpMs: number;
    medianMs: number;
    minMs: number;
    rounds: number;
    perHostMs: number;
    gatewayHandlingMs: number;
}

interface BenchStack {
    url: string;
    nodes: string[];
    lastSeq(): number;
    handlingMsSince(seq: number): number;
    runner: string;
    close(): Promise<void>;
}

async function openStack(nodeCount: number, withPowerShell: boolean): Promise<BenchStack> {
    if (!withPowerShell) {
        const simulator = createSimulator({ stateDir: null, fleet: { generated: nodeCount }, timeScale: 0 });
        const gateway = await startGateway({ port: 0, simulator, runner: new FakeScriptRunner() });
        return {
            url: gateway.url, nodes: simulator.listHosts().map(h => h.name), runner: 'instant runner (no PowerShell)',
            lastSeq: () => gateway.requestLog.lastSeq,
            handlingMsSince: seq => gateway.requestLog.since(seq).reduce((sum, e) => sum + e.durationMs, 0),
            close: () => gateway.close()
        };
    }
    const stateDir = mkdtempSync(path.join(tmpdir(), 'eflow-bench-'));
    const stack = await startGatewayStack({ port: 0, stateDir, fleet: nodeCount, timeScale: 0 });
    return {
        url: stack.url,
        // Offline hosts never answer a batch part with PowerShell output: keep them, as a fleet view would.
        nodes: stack.simulator.listHosts().map(h => h.name),
        runner: `PowerShell pool ${stack.pool.hosts.length} x ${stack.pool.hosts[0]?.runspaces ?? '?'} runspaces`,
        lastSeq: () => stack.gateway.requestLog.lastSeq,
        handlingMsSince: seq => stack.gateway.requestLog.since(seq).reduce((sum, e) => sum + e.durationMs, 0),
        close: async () => {
            await stack.close();
            rmSync(stateDir, { recursive: true, force: true });
        }
    };
}

/** Measures one fleet size: a warm-up batch, then `repeat` measured batches. */
export async function measureEmulatorBatch(nodeCount: number, repeat: number, withPowerShell = true): Promise<EmulatorBatchFigure> {
    const stack = await openStack(nodeCount, withPowerShell);
    try {
        const runs: { ms: number; rounds: number; handlingMs: number }[] = [];
        for (let iteration = 0; iteration <= repeat; iteration++) {
            const seq = stack.lastSeq();
            const result = await runBatchToCompletion(stack.url, stack.nodes, OVERVIEW_BODY);
            runs.push({ ms: result.ms, rounds: result.rounds, handlingMs: stack.handlingMsSince(seq) });
        }
        const [warmUp, ...measured] = runs;
        const medianMs = median(measured.map(r => r.ms));
        return {
            nodes: nodeCount, runner: stack.runner, warmUpMs: warmUp?.ms ?? 0, medianMs,
            minMs: Math.min(...measured.map(r => r.ms)), rounds: Math.max(...measured.map(r => r.rounds)),
            perHostMs: medianMs / nodeCount, gatewayHandlingMs: median(measured.map(r => r.handlingMs))
        };
    } finally {
        await stack.close();
    }
}

export function printEmulatorBatch(figures: EmulatorBatchFigure[]): void {
    printTable('Emulator: one /api/batch of the overview script (until every host completed)',
        ['hosts', 'runner', 'warm-up ms', 'median ms', 'min ms', 'rounds', 'ms per host'],
        figures.map(f => [f.nodes, f.runner, f.warmUpMs.toFixed(0), f.medianMs.toFixed(0), f.minMs.toFixed(0), f.rounds,
            f.perHostMs.toFixed(2)]));
    const [small, large] = figures;
    if (small && large) {
        process.stdout.write(`  ratio ${large.nodes}/${small.nodes} hosts: ${(large.medianMs / small.medianMs).toFixed(1)}x time for ` +
            `${(large.nodes / small.nodes).toFixed(0)}x hosts\n`);
    }
}

async function main(): Promise<void> {
    const flag = (name: string): string | undefined => {
        const index = process.argv.indexOf(`--${name}`);
        return index >= 0 ? process.argv[index + 1] : undefined;
    };
    const sizes = (flag('nodes') ?? '100,1000').split(',').map(Number);
    const repeat = Number(flag('repeat') ?? '3');
    const withPowerShell = !process.argv.includes('--no-powershell');
    const figures: EmulatorBatchFigure[] = [];
    for (const size of sizes) {
        figures.push(await measureEmulatorBatch(size, repeat, withPowerShell));
    }
    printEmulatorBatch(figures);
}

if (require.main === module) {
    main().catch((error: unknown) => {
        process.stderr.write(`emulator-batch failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
        process.exit(1);
    });
}
