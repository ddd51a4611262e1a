/**
 * The whole emulator in one call: simulator, stand-in modules in a temporary folder, the PowerShell host pool,
 * and the gateway wired to them. For the CLI (main.ts), the dev shell, tests and benchmarks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeStandInModules } from '../eflow-spec/standin-module';
import { PwshHostPool } from '../pwsh-host/pool';
import type { SimulatorApi } from '../simulator/api';
import { createSimulator } from '../simulator/index';
import { RunningGateway, startGateway } from './index';
import { PoolScriptRunner } from './pool-script-runner';
import type { GatewayStackOptions } from './stack-options';

export type { GatewayStackOptions, FleetChoice } from './stack-options';

export interface GatewayStack {
    /** The gateway's base URL, e.g. `http://127.0.0.1:4300`. */
    url: string;
    gateway: RunningGateway;
    simulator: SimulatorApi;
    pool: PwshHostPool;
    /** Closes the gateway, stops the PowerShell processes, saves the simulator's state, removes temp files. */
    close(): Promise<void>;
}

/** Starts simulator, PowerShell host pool and gateway; on failure, stops whatever had started. */
export async function startGatewayStack(options: GatewayStackOptions): Promise<GatewayStack> {
    const simulator = createSimulator({
        stateDir: options.stateDir,
        fleet: options.fleet === 'default' ? 'default' : { generated: options.fleet },
        timeScale: options.timeScale
    });
    applyKnobs(simulator, options);

    const moduleDir = mkdtempSync(path.join(tmpdir(), 'eflow-standin-'));
    let pool: PwshHostPool;
    try {
        const modules = writeStandInModules(moduleDir);
        pool = await PwshHostPool.start({
            processes: options.workers,
            runspaces: options.runspaces,
            modulePaths: [modules.moduleRoot],
            imports: [modules.windowsModule]
        });
    } catch (error) {
        rmSync(moduleDir, { recursive: true, force: true });
        throw error;
    }

    let gateway: RunningGateway;
    try {
        gateway = await startGateway({
            host: options.host,
            port: options.port,
            simulator,
            runner: new PoolScriptRunner(pool, simulator),
            initialWaitMs: options.initialWaitMs,
            pollWaitMs: options.pollWaitMs,
            sessionIdleMs: options.sessionIdleMs
        });
    } catch (error) {
        await pool.stop();
        rmSync(moduleDir, { recursive: true, force: true });
        throw error;
    }

    let closing: Promise<void> | null = null;
    return {
        url: gateway.url,
        gateway,
        simulator,
        pool,
        close: () => {
            closing ??= (async () => {
                // Gateway first: it stops the sessions' commands while the pool can still answer.
                await gateway.close();
                await pool.stop();
                await simulator.flush();
                rmSync(moduleDir, { recursive: true, force: true });
            })();
            return closing;
        }
    };
}

/** Global knobs and offline hosts from the options; an unknown offline host is an error, not a silent no-op. */
function applyKnobs(simulator: SimulatorApi, options: GatewayStackOptions): void {
    const knobs: { latencyMs?: number; failureRate?: number; timeScale?: number } = {};
    if (options.latencyMs !== undefined) {
        knobs.latencyMs = options.latencyMs;
    }
    if (options.failureRate !== undefined) {
        knobs.failureRate = options.failureRate;
    }
    if (options.timeScale !== undefined) {
        knobs.timeScale = options.timeScale;
    }
    simulator.setGlobalKnobs(knobs);
    for (const host of options.offline ?? []) {
        if (!simulator.hasHost(host)) {
            throw new Error(`--offline names '${host}', which is not in the fleet.`);
        }
        simulator.setFaults(host, { offline: true });
    }
}
