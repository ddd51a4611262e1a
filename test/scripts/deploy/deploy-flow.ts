/**
 * Drives a whole deployment the way the wizard will: read the host's state, build the domain's deploy plan, run each
 * pending step's script with its planned parameters (the secret added only to the provisioning call).
 */
import { buildDeployPlan, withProvisioningSecret, type DeployPlan } from '../../../src/app/deploy/domain/deploy-plan';
import type { DeployStepId } from '../../../src/app/deploy/domain/deploy-steps';
import type { DeploymentStateSnapshot } from '../../../src/app/deploy/domain/deployment-state';
import type { DeploymentRunRecord } from '../../../src/app/deploy/domain/deployment-run-record';
import type { ProvisioningSecrets } from '../../../src/app/deploy/domain/provisioning-secrets';
import type { WizardModel } from '../../../src/app/deploy/domain/wizard-model';
import type { DeployHarness, DeployScriptName, ScriptRun } from './deploy-harness';
import { outputOf } from './deploy-harness';

/** The host's deployment state, as the wizard reads it. */
export async function readState(harness: DeployHarness, host: string): Promise<DeploymentStateSnapshot> {
    return outputOf(await harness.run(host, 'Get-EflowDeploymentState')) as unknown as DeploymentStateSnapshot;
}

export interface FlowResult {
    plan: DeployPlan;
    /** The runs of the steps that ran, by step. */
    runs: Map<DeployStepId, ScriptRun>;
    /** The step that failed, null when every step ran. */
    failedStep: DeployStepId | null;
}

/** Plans from the host's current state and runs the pending steps in order, stopping at the first failure. */
export async function runDeployPlan(harness: DeployHarness, host: string, model: WizardModel, secrets: ProvisioningSecrets,
    record: DeploymentRunRecord | null = null): Promise<FlowResult> {
    const plan = buildDeployPlan(model, await readState(harness, host), record);
    const runs = new Map<DeployStepId, ScriptRun>();
    for (const step of plan.steps) {
        if (step.call === null) {
            continue;
        }
        const run = await harness.run(host, step.call.script as DeployScriptName, withProvisioningSecret(step.call, secrets));
        runs.set(step.id, run);
        if (run.failure !== null) {
            return { plan, runs, failedStep: step.id };
        }
    }
    return { plan, runs, failedStep: null };
}

/** Every text a run produced for the caller: outputs, progress, errors and host streams. */
export function visibleText(run: ScriptRun): string {
    return JSON.stringify({ outputs: run.result.outputs, progress: run.progress, errors: run.errors, streams: run.result.streams });
}
