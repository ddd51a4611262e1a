/**
 * Runs the deployment scripts (src/resources/scripts/deploy) in the PowerShell host against the simulated default
 * fleet, on top of the shared script harness (../harness.ts), with the deploy tests' view of a run: its failure
 * message, and every stand-in call in order. `beforeForward` lets a test hold a script inside a cmdlet call,
 * which the deployment-lock test needs.
 */
import { readdirSync, statSync } from 'fs';
import * as path from 'path';
import type { ErrorRecordJson, JsonValue, ProgressRecordJson } from '../../../tools/pwsh-host/protocol';
import type { RunResult } from '../../../tools/pwsh-host/run-types';
import type { SimulatorApi, StandInCall } from '../../../tools/simulator/api';
import { PowerShellScripts } from '../../../src/generated/powershell-scripts';
import type { ScriptParameters } from '../../../src/app/core/gateway/script-parameters';
import { startScriptHarness, type ScriptHarness, type ScriptRunOptions } from '../harness';
import { sdkCommandScript } from '../sdk-command';

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
    | 'Test-EflowDeploymentInput'
    | 'Remove-EflowInstallation';

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

export type RunOptions = ScriptRunOptions;

/** What the deploy tests use: the simulator and a way to run a deploy script. */
export interface DeployHarness {
    readonly sim: SimulatorApi;
    /** Runs a deploy script for a simulated host with the given parameters (bound as real parameters). */
    run(hostName: string, script: DeployScriptName, parameters?: { [name: string]: JsonValue }, options?: RunOptions): Promise<ScriptRun>;
    /**
     * Runs a deploy script as Windows Admin Center receives it: the generated text (gulp generate) as the body of the
     * SDK's `SmeSubmit` function, the values appended by the core layer (sdk-command.ts).
     */
    runAsSent(hostName: string, script: DeployScriptName, parameters?: ScriptParameters, options?: RunOptions): Promise<ScriptRun>;
}

const GENERATED_SCRIPTS = path.resolve(__dirname, '../../../src/generated/powershell-scripts.ts');
const SHARED_FUNCTIONS = path.resolve(__dirname, '../../../src/resources/script-functions');

/**
 * The generated script of a deploy script (`New-EflowVirtualMachine` -> `PowerShellScripts.Deploy.New_EflowVirtualMachine`).
 * Fails when the generated file is older than the script or a shared function: a stale text would test old code.
 */
function generatedScript(script: DeployScriptName): { script: string } {
    const generatedAt = statSync(GENERATED_SCRIPTS).mtimeMs;
    const sources = [path.join(DEPLOY_SCRIPT_FOLDER, `${script}.ps1`),
        ...readdirSync(SHARED_FUNCTIONS).map(file => path.join(SHARED_FUNCTIONS, file))];
    const newer = sources.filter(source => statSync(source).mtimeMs > generatedAt);
    if (newer.length > 0) {
        throw new Error(`src/generated/powershell-scripts.ts is older than ${newer.map(f => path.basename(f)).join(', ')}: run npx gulp generate.`);
    }
    const name = script.replace('-', '_') as keyof typeof PowerShellScripts.Deploy;
    return PowerShellScripts.Deploy[name];
}

async function runDeployScript(scripts: ScriptHarness, hostName: string, script: DeployScriptName,
    parameters: { [name: string]: JsonValue } = {}, options: RunOptions = {}): Promise<ScriptRun> {
    return asDeployRun(await scripts.run(`deploy/${script}.ps1`, hostName, parameters, options));
}

/**
 * The deploy tests' view of a run. `asSent`: the script ran inside the SDK's SmeSubmit wrapper, where a parameter
 * binding failure only ends the SmeSubmit statement (the run itself completes): as for the core layer, which fails a
 * call on any error record the gateway returns, any error is then the failure.
 */
function asDeployRun(result: Awaited<ReturnType<ScriptHarness['run']>>, asSent = false): ScriptRun {
    const terminating = result.errors.find(e => e.terminating) ?? null;
    let failure = result.state === 'Completed' ? null : terminating?.message ?? `run ${result.state}`;
    if (asSent && failure === null && result.errors.length > 0) {
        failure = result.errors[0].message;
    }
    return { result, calls: result.calls, progress: result.progress, errors: result.errors, failure };
}

/**
 * Registers the suite's lifecycle: one PowerShell host for the file, and the default fleet restored before every
 * test. Returns the harness to use in the tests.
 */
export function useDeployHarness(): DeployHarness {
    let scripts: ScriptHarness | undefined;
    beforeAll(async () => {
        scripts = await startScriptHarness();
    }, HOST_START_TIMEOUT_MS);
    afterAll(async () => {
        await scripts?.close();
    });
    beforeEach(() => {
        scripts?.simulator.reset();
    });
    const started = (): ScriptHarness => {
        if (!scripts) throw new Error('The script harness has not started (use it inside tests).');
        return scripts;
    };
    return {
        get sim() {
            return started().simulator;
        },
        run: (hostName, script, parameters, options) => runDeployScript(started(), hostName, script, parameters, options),
        runAsSent: async (hostName, script, parameters = {}, options = {}) =>
            asDeployRun(await started().runInline(sdkCommandScript(generatedScript(script), parameters), hostName, options), true)
    };
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
