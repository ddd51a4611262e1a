/**
 * The Deploy page's run: the plan's steps with what each is doing now, the progress line it last reported, and the
 * failure, as plain transitions (a reducer) that the wizard's store applies as the gateway reports. One script call
 * can carry several steps (Install-EflowProduct downloads and installs): its progress records say which of them is
 * running, by their Write-Progress activity (deploy-steps.ts).
 */
import type { GatewayText } from '../../core/gateway/gateway-error';
import { describeCodedFailure, describeDeployFailure, type DeployFailure } from './deploy-failure';
import type { DeployPlan, PlannedDeployStep } from './deploy-plan';
import { stepOfProgressActivity, type DeployStepId } from './deploy-steps';
import { messageOf } from './message-text';
import type { ResumeBlocker } from './resume-detection';

/**
 * - done: the host had it done before this run; notNeeded: these choices do not need it;
 * - pending, running, succeeded, failed, cancelled: this run's doing.
 */
export type DeployStepState = 'done' | 'notNeeded' | 'pending' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface DeployStepProgress {
    id: DeployStepId;
    state: DeployStepState;
    /** The last progress line the step reported (a Deploy-Eflow log line, "Downloading ..."), null before any. */
    detail: string | null;
}

export type DeployRunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface DeployRun {
    /** The plan being carried out: its calls are what runs. */
    plan: DeployPlan;
    steps: DeployStepProgress[];
    status: DeployRunStatus;
    /** Why the run stopped, for status `failed`. */
    failure: DeployFailure | null;
    /** The step whose script call is running, null between calls. */
    activeCall: DeployStepId | null;
}

/** A run of `plan` that has not started a call yet. */
export function startDeployRun(plan: DeployPlan): DeployRun {
    return {
        plan,
        steps: plan.steps.map(step => ({ id: step.id, state: step.status, detail: null })),
        status: plan.firstPendingStep === null ? 'succeeded' : 'running',
        failure: null,
        activeCall: null
    };
}

/**
 * A run of `plan` that must not start: the host's state, read just before, has resume blockers (resume-detection.ts:
 * the disk of an interrupted Deploy-Eflow, another session deploying, a VM state that cannot be read, ...). Nothing
 * runs; the first pending step shows why. An interrupted Deploy-Eflow needs EFLOW uninstalled first (recovery
 * `uninstall`); the other blockers pass (or are fixed outside the wizard), and a retry reads the host again and checks again.
 * With no blocker, or nothing left to do, the run is returned as it is.
 */
export function blockedRun(run: DeployRun, blockers: readonly ResumeBlocker[]): DeployRun {
    const step = run.plan.firstPendingStep;
    if (step === null || blockers.length === 0) {
        return run;
    }
    const partial = blockers.find(blocker => blocker.code === 'partialDeployment');
    const failure: DeployFailure = partial
        // The same words, code and recovery as when New-EflowVirtualMachine itself finds the disk on the host.
        ? { ...describeCodedFailure(step, 'PartialDeploymentFound', ''), blockedBy: [partial.text] }
        : {
            step,
            code: blockers[0].code,
            explanation: messageOf('blockedRunExplanation'),
            underlyingMessage: '',
            underlyingText: null,
            blockedBy: blockers.map(blocker => blocker.text),
            recovery: { kind: 'refreshFirst' }
        };
    return {
        ...withSteps(run, progress => progress.id === step ? { ...progress, state: 'failed' } : progress),
        status: 'failed', failure, activeCall: null
    };
}

/**
 * The calls still to make, in order: those with a step that is pending, or failed or cancelled (a retry that reruns
 * it). A call counts by every step it carries: a failed install reruns the download's call.
 */
export function remainingCalls(run: DeployRun): PlannedDeployStep[] {
    const stateOf = new Map(run.steps.map(step => [step.id, step.state]));
    const unfinished = (id: DeployStepId): boolean => ['pending', 'failed', 'cancelled'].includes(stateOf.get(id) ?? 'done');
    return run.plan.steps.filter(step => step.call !== null && stepsOfCall(run, step.id).some(unfinished));
}

/** The steps a call carries: its own and those riding on it (installMsi on downloadMsi's call). */
function stepsOfCall(run: DeployRun, callStep: DeployStepId): DeployStepId[] {
    return run.plan.steps.filter(step => step.id === callStep || step.carriedBy === callStep).map(step => step.id);
}

function withSteps(run: DeployRun, change: (step: DeployStepProgress) => DeployStepProgress): DeployRun {
    return { ...run, steps: run.steps.map(change) };
}

/** The call of `callStep` started: its first step runs (again, after a failure); its other steps wait. */
export function callStarted(run: DeployRun, callStep: DeployStepId): DeployRun {
    const carried = stepsOfCall(run, callStep);
    return {
        ...withSteps(run, step => step.id === callStep ? { ...step, state: 'running', detail: null }
            : carried.includes(step.id) ? { ...step, state: 'pending', detail: null } : step),
        status: 'running', failure: null, activeCall: callStep
    };
}

/**
 * A progress record of the running call. An activity that names another step of the same call moves the call on to
 * that step (the earlier one succeeded); any other activity (a cmdlet's own, e.g. "Web request status") is a line of
 * the step that runs.
 */
export function progressReported(run: DeployRun, activity: string, statusDescription: string): DeployRun {
    if (run.activeCall === null || statusDescription.length === 0) {
        return run;
    }
    const carried = stepsOfCall(run, run.activeCall);
    const named = stepOfProgressActivity(activity);
    const running = run.steps.find(step => step.state === 'running' && carried.includes(step.id))?.id ?? run.activeCall;
    const target = named !== null && carried.includes(named) ? named : running;
    const order = carried.indexOf(target);
    return withSteps(run, step => {
        if (step.id === target) {
            return { ...step, state: 'running', detail: statusDescription };
        }
        // Steps of this call before the one now running are finished.
        return carried.includes(step.id) && carried.indexOf(step.id) < order ? { ...step, state: 'succeeded' } : step;
    });
}

/** The call of `callStep` returned: every step it carries succeeded. */
export function callSucceeded(run: DeployRun, callStep: DeployStepId): DeployRun {
    const carried = stepsOfCall(run, callStep);
    const next = withSteps(run, step => carried.includes(step.id) ? { ...step, state: 'succeeded' } : step);
    const finished = next.steps.every(step => step.state === 'done' || step.state === 'notNeeded' || step.state === 'succeeded');
    return { ...next, activeCall: null, status: finished ? 'succeeded' : 'running' };
}

/**
 * The call of `callStep` failed with `message` (`[Code] text` from the script, or a transport message). `text`: the
 * gateway layer's own words for that message, when it worded it itself (GatewayError.text).
 */
export function callFailed(run: DeployRun, callStep: DeployStepId, message: string, text: GatewayText | null = null): DeployRun {
    const carried = stepsOfCall(run, callStep);
    const failedStep = run.steps.find(step => step.state === 'running' && carried.includes(step.id))?.id ?? callStep;
    return {
        ...withSteps(run, step => step.id === failedStep ? { ...step, state: 'failed' } : step),
        status: 'failed', failure: { ...describeDeployFailure(failedStep, message), underlyingText: text }, activeCall: null
    };
}

/** The admin stopped the run: the running step is cancelled. */
export function runCancelled(run: DeployRun): DeployRun {
    return {
        ...withSteps(run, step => step.state === 'running' ? { ...step, state: 'cancelled' } : step),
        status: 'cancelled', activeCall: null
    };
}

/** The step that runs now, null when none does. */
export function runningStep(run: DeployRun): DeployStepId | null {
    return run.steps.find(step => step.state === 'running')?.id ?? null;
}

/** The code of a verification that found the device not healthy (not a script error: the wizard's own verdict). */
export const VERIFICATION_FAILURE_CODE = 'DeploymentNotHealthy';

/**
 * Whether the verification's verdict ends the deployment well, and if not, the `[Code] message` to fail the verify
 * step with.
 * `starting` is good: edgeAgent is pulled and started within minutes of provisioning. `notProvisioned` is good only
 * when the admin chose to provision later.
 */
export function verificationProblem(verdict: string, detail: string, provisioningSkipped: boolean): string | null {
    if (verdict === 'healthy' || verdict === 'starting' || (verdict === 'notProvisioned' && provisioningSkipped)) {
        return null;
    }
    // Coded like a script refusal, so the Deploy page explains it in plain words (deploy-error-codes.ts).
    return `[${VERIFICATION_FAILURE_CODE}] ${detail}`;
}
