import { BehaviorSubject, Observable, SchedulerLike, Subscription } from 'rxjs';
import { EflowDeployService } from '../../core/gateway/eflow-deploy.service';
import { GatewayError } from '../../core/gateway/gateway-error';
import { toGatewayError } from '../../core/gateway/transport-errors';
import { buildDeployPlan } from '../domain/deploy-plan';
import {
    blockedRun, callFailed, callStarted, callSucceeded, progressReported, remainingCalls, runCancelled, runningStep, startDeployRun,
    type DeployRun
} from '../domain/deploy-run';
import type { DeployStepId } from '../domain/deploy-steps';
import type { DeploymentStateSnapshot } from '../domain/deployment-state';
import { startRunRecord, withStepOutcome, type DeployStepRecord, type DeploymentRunRecord } from '../domain/deployment-run-record';
import { emptyProvisioningSecrets, type ProvisioningSecrets } from '../domain/provisioning-secrets';
import { detectResumePoint } from '../domain/resume-detection';
import type { WizardModel } from '../domain/wizard-model';
import type { DeployExecutionEvent, DeployStepExecutor } from './deploy-step-executor';
import type { WizardDraftStorage } from './wizard-draft-storage';

/** The error code recorded for a step the admin stopped. */
export const CANCELLED_CODE = 'Cancelled';

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
    /** Whether the admin is asked to confirm stopping the run. */
    confirmingCancel: boolean;
}

/**
 * One host's deploy run: reads the host's state, builds the domain's plan from it, carries out the pending calls
 * (DeployStepExecutor), folds what they report into the run (deploy-run.ts) and the run record, which it saves into
 * the host's draft after every step. It belongs to the DeployRunRegistry, not to the wizard page, so closing the
 * wizard does not stop a deployment: reopening it shows the run again. Retries follow the failure's recovery:
 * rerun the failed call, or read the host again and plan anew (Deploy-Eflow never runs on a host that has a VM).
 * Every read of the host is checked for the resume blockers first (an interrupted Deploy-Eflow's disk, another
 * session deploying, ...): a blocked host gets a failed run that says why, and nothing is sent.
 * The secrets it is started with stay in memory only as long as its calls run.
 */
export class DeployRunController {
    private readonly stateSubject: BehaviorSubject<DeployRunState>;
    private execution: Subscription | null = null;
    private preparation: Subscription | null = null;
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
            run: null, record: initialRecord, snapshot: null, preparingRun: false, prepareError: null, confirmingCancel: false
        });
        this.state$ = this.stateSubject.asObservable();
    }

    /** The current state. */
    public get state(): DeployRunState {
        return this.stateSubject.value;
    }

    /** Whether a run (or the read before it) is going on. */
    public isRunning(): boolean {
        return this.execution !== null || this.preparation !== null;
    }

    /** A new run with `model`: a new record, a fresh read of the host, the plan, the calls. */
    public start(model: WizardModel, secrets: ProvisioningSecrets): void {
        if (this.isRunning()) {
            return;
        }
        this.model = model;
        this.secrets = secrets;
        this.update({ run: null, prepareError: null, confirmingCancel: false });
        this.saveRecord(startRunRecord(model, this.now()));
        this.planFromHostAndRun();
    }

    /** Goes on after a failure or a cancel, as the failure's recovery says; nothing for "edit" or "none". */
    public retry(model: WizardModel, secrets: ProvisioningSecrets): void {
        const run = this.state.run;
        if (this.isRunning()) {
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
        if (this.execution !== null) {
            this.update({ confirmingCancel: true });
        }
    }

    /** Hides it: the run goes on. */
    public dismissCancel(): void {
        this.update({ confirmingCancel: false });
    }

    /** Stops the run: unsubscribing cancels the script in flight on the gateway; no further call starts. */
    public confirmCancel(): void {
        const run = this.state.run;
        this.update({ confirmingCancel: false });
        if (this.execution === null || run === null) {
            return;
        }
        this.execution.unsubscribe();
        this.ended();
        const step = runningStep(run);
        this.update({ run: runCancelled(run) });
        if (step !== null) {
            this.record([step], { outcome: 'failed', at: this.now(), errorCode: CANCELLED_CODE, message: null });
        }
    }

    /** Stops whatever runs (the app closes). */
    public stop(): void {
        this.preparation?.unsubscribe();
        this.execution?.unsubscribe();
        this.preparation = null;
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
                const run = blockedRun(startDeployRun(buildDeployPlan(model, snapshot, record)), detectResumePoint(snapshot, record).blockers);
                this.update({ snapshot, run, preparingRun: false });
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
                break;
            }
        }
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
