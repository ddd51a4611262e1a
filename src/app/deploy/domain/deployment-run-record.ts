/**
 * What the wizard remembers of a deployment run (persisted by the UI, e.g. in WAC's user settings, keyed by host):
 * the choices and the outcome of each step. It holds no secrets because WizardModel cannot. The host's own state
 * (deployment-state.ts) always wins over this record; the record fills in what the host cannot tell, such as
 * whether the post-deployment configuration was applied and which choices to resume with.
 */
import type { DeployStepId } from './deploy-steps';
import type { WizardModel } from './wizard-model';

export type DeployStepOutcome = 'running' | 'succeeded' | 'failed';

export interface DeployStepRecord {
    outcome: DeployStepOutcome;
    /** When the outcome was recorded, ISO 8601. */
    at: string;
    /** The script's error code (`[Code]` prefix) for a failure, null otherwise. */
    errorCode: string | null;
    /** The underlying message of a failure (scripts never put secrets in messages), null otherwise. */
    message: string | null;
}

export interface DeploymentRunRecord {
    /** When the run started, ISO 8601. */
    startedAt: string;
    model: WizardModel;
    steps: Partial<Record<DeployStepId, DeployStepRecord>>;
}

/** Whether the record says a step succeeded. */
export function recordedSuccess(record: DeploymentRunRecord | null, step: DeployStepId): boolean {
    return record?.steps[step]?.outcome === 'succeeded';
}

/** A record for a run that starts now with `model` (steps of earlier runs are not carried over). */
export function startRunRecord(model: WizardModel, startedAt: string): DeploymentRunRecord {
    return { startedAt, model, steps: {} };
}

/** The record with the outcome of `step` set (replacing an earlier outcome of the same step). */
export function withStepOutcome(record: DeploymentRunRecord, step: DeployStepId, outcome: DeployStepRecord): DeploymentRunRecord {
    return { ...record, steps: { ...record.steps, [step]: outcome } };
}
