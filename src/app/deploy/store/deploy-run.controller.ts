import { BehaviorSubject, Observable, SchedulerLike, Subscription } from 'rxjs';
import { EflowDeployService } from '../../core/gateway/eflow-deploy.service';
import { GatewayError } from '../../core/gateway/gateway-error';
import { toGatewayError } from '../../core/gateway/transport-errors';
import type { RemoveInstallationResult } from '../../core/models/deploy-results';
import { followRun, mayConfirmCancel, openCancelPrompt, type CancelPrompt } from '../domain/cancel-prompt';
import { buildDeployPlan } from '../domain/deploy-plan';
import {
    blockedRun, callFailed, callStarted, callSucceeded, progressReported, remainingCalls, runCancelled, runningStep, startDeployRun,
    type DeployRun
} from '../domain/deploy-run';
import type { DeployStepId } from '../domain/deploy-steps';
import type { DeploymentStateSnapshot } from '../domain/deployment-state';
import { startRunRecord, withStepOutcome, type DeployStepRecord, type DeploymentRunRecord } from '../domain/deployment-run-record';
import {
    deployVmEnded, partialDeploymentInLog, partialDeploymentOnHost, withPartialDeployment, type PartialDeploymentEvidence
} from '../domain/partial-deployment';
import { emptyProvisioningSecrets, type ProvisioningSecrets } from '../domain/provisioning-secrets';
import { detectResumePoint } from '../domain/resume-detection';
import type { WizardModel } from '../domain/wizard-model';
import type { DeployExecutionEvent, DeployStepExecutor } from './deploy-step-executor';
import type { WizardDraftStorage } from './wizard-draft-storage';

/** The error code recorded for a step the admin stopped. */
export const CANCELLED_CODE = 'Cancelled';

/** How long Stop stays disabled after the run moved on to another step while the Stop prompt was open. */
export const CANCEL_REARM_MS = 2_000;

/** The uninstall that recovers from a partial deployment (Remove-EflowInstallation). */
export interface EflowRemovalState {
    status: 'running' | 'failed' | 'succeeded';
    /** The last progress line it reported, null before any. */
    detail: string | null;
    /** Why it failed (a script error carries the script's code), for status `failed`. */
    error: GatewayError | null;
    /** What it did, for status `succeeded`. */
    result: RemoveInstallationResult | null;
}

/** What a host's deploy run is at a moment. */
export interface DeployRunState {
    /** The run, null before the first Deploy. */
    run: DeployRun | null;
    /** The record of the last run (saved with the draft after every step). */
    record: DeploymentRunRecord | null;
    /** The host's state as last read before (re)planning, null before. */
    snapshot: DeploymentStateSnapshot | null;
    /** Whether that read runs. */
    preparingRun: boolean;
    prepareError: GatewayError | null;
    /** Whether the admin is asked to confirm stopping the run (`cancelPrompt` is not null). */
    confirmingCancel: boolean;
    /** The Stop prompt: whose warning it shows and whether Stop may be confirmed now; null when closed. */
    cancelPrompt: CancelPrompt | null;
    /**
     * Whether Deploy-Eflow left a partial deployment (a VM disk without a VM), read from the host after it failed or was
     * stopped, or found before a run: no retry can go on, only the uninstall (`removeInstallation`).
     */
    partialDeployment: boolean;
    /** Whether the host is read after Deploy-Eflow failed or was stopped, to tell whether it left a partial deployment. */
    checkingHost: boolean;
    /** The uninstall, null before any. */
    removal: EflowRemovalState | null;
}

/**
 * One host's deploy run: reads the host's state, builds the domain's plan from it, carries out the pending calls
 * (DeployStepExecutor), folds what they report into the run (deploy-run.ts) and the run record, which it saves into
 * the host's draft after every step. It belongs to the DeployRunRegistry, not to the wizard page, so closing the
 * wizard does not stop a deployment: reopening it shows the run again. Retries follow the failure's recovery:
 * rerun the failed call, or read the host again and plan anew (Deploy-Eflow never runs on a host that has a VM).
 * Every read of the host is checked for the resume blockers first (an interrupted Deploy-Eflow's disk, another
 * session deploying, ...): a blocked host gets a failed run that says why, and nothing is sent. After Deploy-Eflow
 * failed or was stopped it reads the host to tell whether a partial deployment was left (partial-deployment.ts): then
 * no retry runs, only the uninstall (Remove-EflowInstallation), after which the wizard starts again from the product
 * install. The Stop prompt follows the running step and holds Stop for a moment when it changes (cancel-prompt.ts).
 * The secrets it is started with stay in memory only as long as its calls run.
 */
export class DeployRunController {
    private readonly stateSubject: BehaviorSubject<DeployRunState>;
    private execution: Subscription | null = null;
    private preparation: Subscription | null = null;
    private hostCheck: Subscription | null = null;
    private removalCall: Subscription | null = null;
    private rearm: Subscription | null = null;
    private model: WizardModel | null = null;
    private secrets: ProvisioningSecrets = emptyProvisioningSecrets();

    /** The run's state; emits on every change. */
    public readonly state$: Observable<DeployRunState>;

    constructor(
        private readonly node: string,
        initialRecord: DeploymentRunRecord | null,
        private readonly deploy: EflowDeployService,
        private readonly executor: DeployStepExecutor,
        private readonly drafts: WizardDraftStorage,
        private readonly scheduler: SchedulerLike) {
        this.stateSubject = new BehaviorSubject<DeployRunState>({
            run: null, record: initialRecord, snapshot: null, preparingRun: false, prepareError: null, confirmingCancel: false,
            cancelPrompt: null, partialDeployment: false, checkingHost: false, removal: null
        });
        this.state$ = this.stateSubject.asObservable();
    }

    /** The current state. */
    public get state(): DeployRunState {
        return this.stateSubject.value;
    }

    /** Whether a run (or the read before it), or the uninstall, is going on. */
    public isRunning(): boolean {
        return this.execution !== null || this.preparation !== null || this.removalCall !== null;
    }

    /** A new run with `model`: a new record, a fresh read of the host, the plan, the calls. */
    public start(model: WizardModel, secrets: ProvisioningSecrets): void {
        if (this.isRunning()) {
            return;
        }
        this.model = model;
        this.secrets = secrets;
        this.update({ run: null, prepareError: null, partialDeployment: false, removal: null });
        this.closeCancelPrompt();
        this.saveRecord(startRunRecord(model, this.now()));
        this.planFromHostAndRun();
    }

    /** Goes on after a failure or a cancel, as the failure's recovery says; nothing for "edit" or "none". */
    public retry(model: WizardModel, secrets: ProvisioningSecrets): void {
        const run = this.state.run;
        // After a partial deployment every retry meets the same disk: only the uninstall goes on.
        if (this.isRunning() || this.state.checkingHost || this.state.partialDeployment) {
            return;
        }
        this.model = model;
        this.secrets = secrets;
        // A stopped step may have left the host half way: read it again, as for a refreshFirst failure.
        const recovery = run === null ? 'refreshFirst' : run.status === 'cancelled' ? 'refreshFirst' : run.failure?.recovery.kind;
        if (recovery === 'rerun' && run !== null) {
            this.execute(run);
        } else if (recovery === 'refreshFirst') {
            this.planFromHostAndRun();
        }
    }

    /** Shows the running step's cancel warning. */
    public requestCancel(): void {
        const run = this.state.run;
        if (this.execution !== null && run !== null) {
            this.update({ confirmingCancel: true, cancelPrompt: openCancelPrompt(run) });
        }
    }

    /** Hides it: the run goes on. */
    public dismissCancel(): void {
        this.closeCancelPrompt();
    }

    /**
     * Stops the run: unsubscribing cancels the script in flight on the gateway; no further call starts. `shownStep`:
     * the step whose warning the admin confirmed; a confirmation of another step's warning (the run moved on meanwhile),
     * or one while Stop is disarmed, stops nothing and the prompt stays open.
     */
    public confirmCancel(shownStep: DeployStepId | null): void {
        const run = this.state.run;
        const prompt = this.state.cancelPrompt;
        if (this.execution === null || run === null || prompt === null) {
            this.closeCancelPrompt();
            return;
        }
        if (!mayConfirmCancel(prompt, run, shownStep)) {
            return;
        }
        this.closeCancelPrompt();
        this.execution.unsubscribe();
        this.ended();
        const step = runningStep(run);
        const cancelled = runCancelled(run);
        this.update({ run: cancelled });
        if (step !== null) {
            this.record([step], { outcome: 'failed', at: this.now(), errorCode: CANCELLED_CODE, message: null });
        }
        this.checkForPartialDeployment(cancelled);
    }

    /**
     * Uninstalls EFLOW (Remove-EflowInstallation), the way out of a partial deployment. Afterwards the run is cleared:
     * the wizard reads the host again and continues from the product install with the admin's entries.
     */
    public removeInstallation(vhdxPath: string): void {
        if (this.isRunning()) {
            return;
        }
        this.update({ removal: { status: 'running', detail: null, error: null, result: null } });
        let result: RemoveInstallationResult | null = null;
        const removal = this.deploy.removeInstallation(this.node, vhdxPath).subscribe({
            next: event => {
                if (event.type === 'result') {
                    result = event.result;
                } else if (event.progress.statusDescription) {
                    this.update({ removal: { status: 'running', detail: event.progress.statusDescription, error: null, result: null } });
                }
            },
            error: (error: unknown) => {
                this.removalCall = null;
                this.update({ removal: { status: 'failed', detail: null, error: toGatewayError(error), result: null } });
            },
            complete: () => {
                this.removalCall = null;
                this.update({
                    removal: { status: 'succeeded', detail: null, error: null, result },
                    run: null, partialDeployment: false, snapshot: null, prepareError: null
                });
            }
        });
        this.removalCall = removal.closed ? null : removal;
    }

    /** Stops whatever runs (the app closes). */
    public stop(): void {
        for (const subscription of [this.preparation, this.execution, this.hostCheck, this.removalCall, this.rearm]) {
            subscription?.unsubscribe();
        }
        this.preparation = this.hostCheck = this.removalCall = this.rearm = null;
        this.ended();
        this.stateSubject.complete();
    }

    private planFromHostAndRun(): void {
        const model = this.model;
        if (model === null) {
            return;
        }
        this.update({ preparingRun: true, prepareError: null });
        const preparation = this.deploy.getDeploymentState(this.node, model.product.vhdxPath).subscribe({
            next: (snapshot: DeploymentStateSnapshot) => {
                this.preparation = null;
                const record = this.state.record;
                const blockers = detectResumePoint(snapshot, record).blockers;
                const run = blockedRun(startDeployRun(buildDeployPlan(model, snapshot, record)), blockers);
                const partialDeployment = blockers.some(blocker => blocker.code === 'partialDeployment');
                this.update({ snapshot, run, preparingRun: false, partialDeployment });
                if (run.status === 'failed') {
                    this.ended();
                    return;
                }
                this.execute(run);
            },
            error: (error: unknown) => {
                this.preparation = null;
                this.update({ preparingRun: false, prepareError: toGatewayError(error) });
            }
        });
        // An answer that came at once has finished the read already.
        this.preparation = preparation.closed ? null : preparation;
    }

    private execute(run: DeployRun): void {
        const calls = remainingCalls(run);
        if (calls.length === 0 || this.model === null) {
            this.ended();
            return;
        }
        const execution = this.executor.execute(this.node, calls, this.secrets, this.model.provisioning.type === 'skip').subscribe({
            next: event => this.apply(event),
            complete: () => this.ended()
        });
        this.execution = execution.closed ? null : execution;
    }

    /** No call runs any more: the secrets are let go (a retry gets them again from the wizard). */
    private ended(): void {
        this.execution = null;
        this.secrets = emptyProvisioningSecrets();
    }

    private apply(event: DeployExecutionEvent): void {
        const run = this.state.run;
        if (run === null) {
            return;
        }
        switch (event.type) {
            case 'callStarted':
                this.update({ run: callStarted(run, event.step) });
                this.record([event.step], { outcome: 'running', at: this.now(), errorCode: null, message: null });
                break;
            case 'progress':
                this.update({ run: progressReported(run, event.activity, event.statusDescription) });
                break;
            case 'callSucceeded': {
                const next = callSucceeded(run, event.step);
                this.update({ run: next });
                // Every step this run finished that the record does not have as finished yet (a call carries several).
                const recorded = this.state.record?.steps ?? {};
                const succeeded = next.steps.filter(step => step.state === 'succeeded' && recorded[step.id]?.outcome !== 'succeeded');
                this.record(succeeded.map(step => step.id), { outcome: 'succeeded', at: this.now(), errorCode: null, message: null });
                break;
            }
            case 'callFailed': {
                const next = callFailed(run, event.step, event.message, event.text);
                this.update({ run: next });
                if (next.failure) {
                    this.record([next.failure.step], { outcome: 'failed', at: this.now(), errorCode: next.failure.code, message: next.failure.underlyingMessage });
                }
                this.checkForPartialDeployment(next);
                break;
            }
        }
        this.followCancelPrompt();
    }

    /**
     * After Deploy-Eflow failed or was stopped, asks the host whether it left a partial deployment (its log alone
     * cannot tell a failure before the disk from one after it for every message). Until the answer no retry is offered.
     */
    private checkForPartialDeployment(run: DeployRun): void {
        if (!deployVmEnded(run) || this.model === null) {
            return;
        }
        this.hostCheck?.unsubscribe();
        this.update({ checkingHost: true });
        const settle = (evidence: PartialDeploymentEvidence, snapshot: DeploymentStateSnapshot | null): void => {
            this.hostCheck = null;
            const partialDeployment = evidence === 'partial';
            const current = this.state.run;
            this.update({
                checkingHost: false, partialDeployment,
                run: partialDeployment && current !== null ? withPartialDeployment(current) : current,
                ...(snapshot !== null ? { snapshot } : {})
            });
        };
        const check = this.deploy.getDeploymentState(this.node, this.model.product.vhdxPath).subscribe({
            next: snapshot => {
                const onHost = partialDeploymentOnHost(snapshot, this.state.record);
                settle(onHost === 'unknown' ? partialDeploymentInLog(run) : onHost, snapshot);
            },
            // No answer: the log line tells whether Deploy-Eflow got as far as the disk.
            error: () => settle(partialDeploymentInLog(run), null)
        });
        this.hostCheck = check.closed ? null : check;
    }

    /** Keeps the Stop prompt on the step that runs; when that changed, Stop is disarmed for a moment. */
    private followCancelPrompt(): void {
        const prompt = this.state.cancelPrompt;
        const run = this.state.run;
        if (prompt === null || run === null) {
            return;
        }
        if (run.status !== 'running') {
            this.closeCancelPrompt();
            return;
        }
        const next = followRun(prompt, run);
        if (next === prompt) {
            return;
        }
        this.update({ cancelPrompt: next });
        this.rearm?.unsubscribe();
        this.rearm = this.scheduler.schedule(() => {
            this.rearm = null;
            const shown = this.state.cancelPrompt;
            if (shown !== null && shown.step === next.step) {
                this.update({ cancelPrompt: { ...shown, armed: true } });
            }
        }, CANCEL_REARM_MS);
    }

    private closeCancelPrompt(): void {
        this.rearm?.unsubscribe();
        this.rearm = null;
        this.update({ confirmingCancel: false, cancelPrompt: null });
    }

    private record(steps: readonly DeployStepId[], outcome: DeployStepRecord): void {
        let record = this.state.record;
        if (record === null || steps.length === 0) {
            return;
        }
        for (const step of steps) {
            record = withStepOutcome(record, step, outcome);
        }
        this.saveRecord(record);
    }

    private saveRecord(record: DeploymentRunRecord): void {
        this.update({ record });
        this.drafts.saveRecord(this.node, record);
    }

    private update(changes: Partial<DeployRunState>): void {
        if (!this.stateSubject.closed) {
            this.stateSubject.next({ ...this.state, ...changes });
        }
    }

    private now(): string {
        return new Date(this.scheduler.now()).toISOString();
    }
}
