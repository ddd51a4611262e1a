/**
 * Runs the deployment scripts (src/resources/scripts/deploy) in the PowerShell host against the simulated default
 * fleet, recording every stand-in call they make. Written before test/scripts/harness.ts existed; it also lets a
 * test hold a script inside a cmdlet call (`beforeForward`), which the deployment-lock test needs.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { writeStandInModules } from '../../../tools/eflow-spec/standin-module';
import { PwshHost } from '../../../tools/pwsh-host/client';
import type { ErrorRecordJson, JsonValue, ProgressRecordJson } from '../../../tools/pwsh-host/protocol';
import type { RunResult } from '../../../tools/pwsh-host/run-types';
import type { SimulatorApi, StandInCall } from '../../../tools/simulator/api';
import { createSimulator } from '../../../tools/simulator/index';

export const DEPLOY_SCRIPT_FOLDER = path.resolve(__dirname, '../../../src/resources/scripts/deploy');

/** Start-up of the host process is slow on small machines; a guard against hangs, not a performance bound. */
export const HOST_START_TIMEOUT_MS = 180_000;
/** A guard against a hung script run (a whole deployment runs several scripts). */
export const RUN_TIMEOUT_MS = 120_000;

export type DeployScriptName =
    | 'Get-EflowDeploymentPrerequisites'
    | 'Get-EflowDeploymentState'
    | 'Enable-EflowHostHyperV'
    | 'Install-EflowProduct'
    | 'New-EflowVirtualSwitch'
    | 'New-EflowVirtualMachine'
    | 'Set-EflowVmConfiguration'
    | 'Set-EflowVmProvisioning'
    | 'Test-EflowDeployment'
    | 'Test-EflowDeploymentInput';

/** One script run: how it ended, what it returned, and which stand-in calls it made. */
export interface ScriptRun {
    result: RunResult;
    /** Every stand-in call, in order, with the parameters as the stand-in received them. */
    calls: StandInCall[];
    /** The terminating error's message, null when the run completed. */
    failure: string | null;
    progress: ProgressRecordJson[];
    errors: ErrorRecordJson[];
}

export interface RunOptions {
    /** Awaited before a call is handed to the simulator: a test can hold a script inside a cmdlet. */
    beforeForward?: (call: StandInCall) => Promise<void>;
}

export class DeployHarness {
    private constructor(readonly sim: SimulatorApi, private readonly host: PwshHost, private readonly moduleDir: string) {}

    /** A PowerShell host with the stand-in modules and a fresh, instant default-fleet simulator. */
    static async start(): Promise<DeployHarness> {
        const moduleDir = mkdtempSync(path.join(tmpdir(), 'eflow-deploy-scripts-'));
        const modules = writeStandInModules(moduleDir);
        const host = await PwshHost.start({ modulePaths: [modules.moduleRoot], imports: [modules.windowsModule] });
        const sim = createSimulator({ stateDir: null, fleet: 'default', timeScale: 0 });
        return new DeployHarness(sim, host, moduleDir);
    }

    /** Runs a deploy script for a simulated host with the given parameters (bound as real parameters). */
    async run(hostName: string, script: DeployScriptName, parameters: { [name: string]: JsonValue } = {},
        options: RunOptions = {}): Promise<ScriptRun> {
        const calls: StandInCall[] = [];
        const handle = this.host.run({ host: hostName, scriptPath: path.join(DEPLOY_SCRIPT_FOLDER, `${script}.ps1`), parameters }, {
            onCall: async (message, emit, signal) => {
                const call: StandInCall = { host: message.host, module: message.module, command: message.command, parameters: message.parameters };
                calls.push(call);
                await options.beforeForward?.(call);
                return this.sim.call(call, emit, signal);
            }
        });
        const result = await handle.done;
        const terminating = result.errors.find(e => e.terminating) ?? null;
        return {
            result, calls, progress: result.progress, errors: result.errors,
            failure: result.state === 'Completed' ? null : terminating?.message ?? `run ${result.state}`
        };
    }

    async stop(): Promise<void> {
        await this.host.stop();
        rmSync(this.moduleDir, { recursive: true, force: true });
    }
}

/** The one object a script returned; fails the test when it returned none or several, or failed. */
export function outputOf(run: ScriptRun): { [key: string]: JsonValue } {
    if (run.failure !== null) {
        throw new Error(`The script failed: ${run.failure}`);
    }
    if (run.result.outputs.length !== 1) {
        throw new Error(`Expected one output object, got ${run.result.outputs.length}: ${JSON.stringify(run.result.outputs)}`);
    }
    const output = run.result.outputs[0];
    if (typeof output !== 'object' || output === null || Array.isArray(output)) {
        throw new Error(`Expected an object, got ${JSON.stringify(output)}`);
    }
    return output;
}

/** The stand-in calls of one command. */
export function callsOf(run: ScriptRun, command: string): StandInCall[] {
    return run.calls.filter(call => call.command === command);
}

/** The code of a coded failure (`[Code] message`), null when the run did not fail with one. */
export function failureCode(run: ScriptRun): string | null {
    return /^\[([A-Za-z0-9]+)\] /.exec(run.failure ?? '')?.[1] ?? null;
}

/**
 * Calls that change a host (by verb), to assert that a refused run changed nothing. Invoke-EflowVmCommand counts as a
 * read: the deploy scripts send it constant, read-only command lines only (grep, cat, iotedge status and list).
 */
export function changingCalls(run: ScriptRun): StandInCall[] {
    return run.calls.filter(call => !/^(Get|Test|Verify|Import)-/i.test(call.command) && call.command !== 'Invoke-EflowVmCommand');
}
