/**
 * Runs the real gateway scripts (src/resources/scripts) in PowerShell 7 against the simulated fleet: one warm
 * PowerShell host with the generated stand-in modules, and a fresh in-memory simulator per harness.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeStandInModules } from '../../tools/eflow-spec/standin-module';
import { PwshHost } from '../../tools/pwsh-host/client';
import type { CallEvent, CallOutcome, JsonValue } from '../../tools/pwsh-host/protocol';
import type { RunInput, RunResult } from '../../tools/pwsh-host/run-types';
import type { SimulatorApi, StandInCall } from '../../tools/simulator/api';
import { createSimulator } from '../../tools/simulator/index';

export const SCRIPTS_ROOT = path.resolve(__dirname, '../../src/resources/scripts');

/** Every gateway script, as absolute paths. */
export function allScripts(dir: string = SCRIPTS_ROOT): string[] {
    return readdirSync(dir).flatMap(entry => {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) return allScripts(full);
        return entry.endsWith('.ps1') ? [full] : [];
    });
}

/** A script run and every stand-in call it made (for "arrives literally" and "changes nothing" checks). */
export interface ScriptRun extends RunResult {
    calls: StandInCall[];
    events: CallEvent[];
}

/** Options of one script run. */
export interface ScriptRunOptions {
    /** Awaited before a stand-in call is handed to the simulator: a test can hold a script inside a cmdlet. */
    beforeForward?: (call: StandInCall) => Promise<void>;
    /**
     * A stand-in answer of the test's own for a call, instead of the simulator's (null: the simulator answers), e.g.
     * a host object named with a hostile string. The call is recorded either way.
     */
    answer?: (call: StandInCall) => CallOutcome | null;
}

export interface ScriptHarness {
    simulator: SimulatorApi;
    /** Runs `src/resources/scripts/<relativePath>` for `host` with parameters bound as real parameters. */
    run(relativePath: string, host: string, parameters?: { [name: string]: JsonValue }, options?: ScriptRunOptions): Promise<ScriptRun>;
    /**
     * Runs inline PowerShell for `host`: questions to the host itself (which commands exist), or a script as the
     * gateway receives it (sdk-command.ts).
     */
    runInline(script: string, host?: string, options?: ScriptRunOptions): Promise<ScriptRun>;
    /** Replaces the simulator with a fresh one (the default fleet as built). */
    resetSimulator(): void;
    close(): Promise<void>;
}

export async function startScriptHarness(options: { timeScale?: number } = {}): Promise<ScriptHarness> {
    const moduleDir = mkdtempSync(path.join(tmpdir(), 'eflow-script-tests-'));
    const modules = writeStandInModules(moduleDir);
    const host = await PwshHost.start({ runspaces: 2, modulePaths: [modules.moduleRoot], imports: [modules.windowsModule] });
    const newSimulator = (): SimulatorApi => createSimulator({ stateDir: null, fleet: 'default', timeScale: options.timeScale ?? 0 });
    let simulator = newSimulator();
    return {
        get simulator() {
            return simulator;
        },
        run(relativePath, hostName, parameters = {}, options = {}) {
            return runTracked({ host: hostName, scriptPath: path.join(SCRIPTS_ROOT, relativePath), parameters }, options);
        },
        runInline(script, hostName = 'ready-to-deploy', options = {}) {
            return runTracked({ host: hostName, script }, options);
        },
        resetSimulator() {
            simulator = newSimulator();
        },
        async close() {
            await host.stop();
            rmSync(moduleDir, { recursive: true, force: true });
        }
    };

    async function runTracked(input: RunInput, options: ScriptRunOptions = {}): Promise<ScriptRun> {
        const calls: StandInCall[] = [];
        const events: CallEvent[] = [];
        const handle = host.run(input, {
            onCall: async (call, emit, signal) => {
                const standIn: StandInCall = { host: call.host, module: call.module, command: call.command, parameters: call.parameters };
                calls.push(standIn);
                await options.beforeForward?.(standIn);
                const answered = options.answer?.(standIn) ?? null;
                if (answered !== null) {
                    return answered;
                }
                return simulator.call(standIn, event => {
                    events.push(event);
                    emit(event);
                }, signal);
            }
        });
        const result = await handle.done;
        return { ...result, calls, events };
    }
}

/** The one object a script returns; fails with the script's errors when it returned anything else. */
export function singleOutput(run: ScriptRun): { [key: string]: JsonValue } {
    if (run.state !== 'Completed' || run.outputs.length !== 1) {
        const errors = run.errors.map(e => e.message).join('\n');
        throw new Error(`Expected one output object from a completed run, got state ${run.state}, ` +
            `${run.outputs.length} outputs.\n${errors}`);
    }
    const [output] = run.outputs;
    if (output === null || typeof output !== 'object' || Array.isArray(output)) {
        throw new Error(`Expected an object, got ${JSON.stringify(output)}`);
    }
    return output;
}

/** A host's state without its operation history (which records reads too), for "changes nothing" checks. */
export function stateWithoutHistory(simulator: SimulatorApi, hostName: string): JsonValue {
    const state = simulator.getHostState(hostName) as { [key: string]: JsonValue };
    const { history: _history, ...rest } = state;
    return rest;
}
