/**
 * Measures the emulator's own time to answer a batch of one small script for N nodes (default 100), the way the
 * SDK's batch client drives it: one PUT round, GET rounds for incomplete nodes, then a DELETE round (not timed).
 *
 *   npx tsx tools/gateway/measure-batch.ts [--nodes 100] [--repeat 5] [--workers N] [--runspaces N] [--no-powershell]
 *
 * `--no-powershell` swaps the PowerShell pool for an instant in-process runner: what remains is the gateway's own
 * floor (HTTP, multipart, sessions, simulator transport checks).
 * Prints, per repetition, the client-side time until every node completed, the number of rounds, and the
 * gateway's own handling time from its request log. The first repetition after start-up is reported apart (warm-up).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { RunningGateway, startGateway } from './index';
import { startGatewayStack } from './stack';
import { FakeScriptRunner } from './testing/fake-script-runner';
import { createSimulator } from '../simulator/index';

/** The SDK's wrapper around a one-line script (PowerShell.createCommand without parameters). */
const SMALL_SCRIPT = "function cvt($o){return ConvertFrom-Json $o}\n function SmeSubmit{\n'ok'\n}\nSmeSubmit";

interface RoundResult {
    incomplete: string[];
}

function numberFlag(name: string, fallback: number | undefined): number | undefined {
    const index = process.argv.indexOf(`--${name}`);
    if (index < 0) {
        return fallback;
    }
    const value = Number(process.argv[index + 1]);
    if (!Number.isInteger(value) || value < 1) {
        throw new Error(`--${name} needs a whole number of at least 1.`);
    }
    return value;
}

function batchBody(boundary: string, host: string, parts: { method: string; node: string; rest: string; body?: string }[]): string {
    const lines: string[] = [];
    for (const part of parts) {
        lines.push(`--${boundary}`, 'Content-Type: application/http; msgtype=request', 'Content-Transfer-Encoding: binary\r\n');
        const separator = part.rest.includes('?') ? '&' : '?';
        lines.push(`${part.method} /api/nodes/${part.node}/features/powershellApi/${part.rest}${separator}api-version=2019-02-01 HTTP/1.1`);
        lines.push(`Host: ${host}`, `request-id: ${part.node}`);
        lines.push(...(part.body ? ['Content-Type: application/json; charset=utf-8', '\r\n', part.body] : ['\r\n']));
    }
    lines.push(`--${boundary}--`);
    return lines.join('\r\n');
}

async function round(url: string, parts: { method: string; node: string; rest: string; body?: string }[]): Promise<RoundResult> {
    const boundary = randomUUID();
    const response = await fetch(`${url}/api/batch?api-version=2019-02-01`, {
        method: 'POST',
        headers: { 'content-type': `multipart/mixed; boundary=${boundary}`, accept: 'multipart/mixed' },
        body: batchBody(boundary, url.replace('http://', ''), parts)
    });
    const text = await response.text();
    const incomplete: string[] = [];
    for (const item of text.split(/--batchresponse_[0-9a-f-]+/)) {
        const requestId = /request-id: (\S+)/.exec(item)?.[1];
        const json = item.split('\r\n').find(row => row.startsWith('{') && row.endsWith('}'));
        if (requestId && json && (JSON.parse(json) as { properties?: { completed?: string } }).properties?.completed === 'False') {
            incomplete.push(requestId);
        }
    }
    return { incomplete };
}

async function main(): Promise<void> {
    const nodeCount = numberFlag('nodes', 100) ?? 100;
    const repeat = numberFlag('repeat', 5) ?? 5;
    const stateDir = mkdtempSync(path.join(tmpdir(), 'eflow-measure-'));
    const withoutPowerShell = process.argv.includes('--no-powershell');
    const stack: MeasuredStack = withoutPowerShell ? await instantStack(nodeCount) : await pooledStack(nodeCount, stateDir);
    try {
        const nodes = stack.simulator.listHosts().map(host => host.name).slice(0, nodeCount);
        const body = JSON.stringify({ properties: { script: SMALL_SCRIPT, command: 'Get-Ok', module: 'Contoso.Eflow', parameters: {}, state: 'ready' } });
        const runs: { ms: number; rounds: number; gatewayMs: number }[] = [];
        for (let iteration = 0; iteration <= repeat; iteration++) {
            const sessions = new Map(nodes.map(node => [node, randomUUID()]));
            const firstSeq = stack.gateway.requestLog.lastSeq;
            const started = performance.now();
            let result = await round(stack.url, nodes.map(node => ({ method: 'PUT', node, rest: `pssessions/${sessions.get(node)}`, body })));
            let rounds = 1;
            while (result.incomplete.length > 0) {
                result = await round(stack.url, result.incomplete.map(node =>
                    ({ method: 'GET', node, rest: `pssessions/${sessions.get(node)}?$expand=output` })));
                rounds++;
            }
            const elapsed = performance.now() - started;
            const gatewayMs = stack.gateway.requestLog.since(firstSeq).reduce((sum, entry) => sum + entry.durationMs, 0);
            await round(stack.url, nodes.map(node => ({ method: 'DELETE', node, rest: `pssessions/${sessions.get(node)}` })));
            runs.push({ ms: elapsed, rounds, gatewayMs });
        }
        const [warmUp, ...measured] = runs;
        const sorted = measured.map(run => run.ms).sort((a, b) => a - b);
        process.stdout.write(`Batch of one small script for ${nodeCount} nodes (${stack.runnerDescription})\n`);
        process.stdout.write(`  warm-up: ${warmUp.ms.toFixed(0)} ms, ${warmUp.rounds} round(s)\n`);
        for (const run of measured) {
            process.stdout.write(`  run: ${run.ms.toFixed(0)} ms until all complete, ${run.rounds} round(s), gateway handling ${run.gatewayMs} ms\n`);
        }
        process.stdout.write(`  median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms, ` +
            `max ${sorted[sorted.length - 1].toFixed(0)} ms\n`);
    } finally {
        await stack.close();
        rmSync(stateDir, { recursive: true, force: true });
    }
}

interface MeasuredStack {
    url: string;
    gateway: RunningGateway;
    simulator: { listHosts(): { name: string }[] };
    runnerDescription: string;
    close(): Promise<void>;
}

/** The real stack: PowerShell host pool and simulator. */
async function pooledStack(nodeCount: number, stateDir: string): Promise<MeasuredStack> {
    const stack = await startGatewayStack({
        port: 0, stateDir, fleet: nodeCount, timeScale: 0,
        workers: numberFlag('workers', undefined), runspaces: numberFlag('runspaces', undefined)
    });
    const description = `pool: ${stack.pool.hosts.length} processes x ${stack.pool.hosts[0]?.runspaces ?? '?'} runspaces`;
    return { ...stack, runnerDescription: description };
}

/** The gateway with an instant fake runner over a memory-only generated fleet. */
async function instantStack(nodeCount: number): Promise<MeasuredStack> {
    const simulator = createSimulator({ fleet: { generated: nodeCount }, timeScale: 0 });
    const gateway = await startGateway({ port: 0, simulator, runner: new FakeScriptRunner() });
    return { url: gateway.url, gateway, simulator, runnerDescription: 'no PowerShell: instant runner', close: () => gateway.close() };
}

main().catch((error: unknown) => {
    process.stderr.write(`measure-batch failed: ${error instanceof Error ? error.message : 'unknown error'}\n`);
    process.exit(1);
});
