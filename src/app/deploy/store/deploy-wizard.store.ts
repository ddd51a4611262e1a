import { Inject, Injectable, OnDestroy } from '@angular/core';
import { BehaviorSubject, forkJoin, Observable, SchedulerLike, Subscription } from 'rxjs';
import { filter, map, shareReplay } from 'rxjs/operators';
import { EflowDeployService } from '../../core/gateway/eflow-deploy.service';
import { toGatewayError } from '../../core/gateway/transport-errors';
import { APP_SCHEDULER } from '../../core/time/app-scheduler';
import { importAutoDeployConfig } from '../domain/auto-deploy-import';
import type { DeployStepId } from '../domain/deploy-steps';
import type { DeploymentPrerequisitesPayload } from '../domain/deployment-prerequisites';
import type { DeploymentStateSnapshot } from '../domain/deployment-state';
import { hasRequiredSecret, type SecretFieldName } from '../domain/provisioning-secrets';
import { emptyRememberedEntries, rememberEntries } from '../domain/remembered-entries';
import { detectResumePoint } from '../domain/resume-detection';
import { hasErrors } from '../domain/validation-message';
import { createDefaultWizardModel, withProvisioningOffered } from '../domain/wizard-defaults';
import { WIZARD_DRAFT_VERSION } from '../domain/wizard-draft';
import type { WizardModel } from '../domain/wizard-model';
import { canOpenPage, chooseStartPage, nextPage, previousPage } from '../domain/wizard-navigation';
import type { WizardPageId } from '../domain/wizard-pages';
import { buildWizardViewModel, canStartDeploy, wizardValidation, type WizardViewModel } from '../view-model/wizard-view-model';
import type { DeployRunController, DeployRunState } from './deploy-run.controller';
import { DeployRunRegistry } from './deploy-run-registry';
import { DeployWizardState, initialDeployWizardState } from './deploy-wizard-state';
import { HostInputChecker } from './host-input-checker';
import { HyperVEnablingRegistry, IDLE_HYPER_V_ENABLING } from './hyper-v-enabling.registry';
import { whenRestartedHostAnswers } from './host-restart-watch';
import { WizardDraftStorage } from './wizard-draft-storage';

/**
 * The deployment wizard's state for one host (headless: the components only render it). Opening a host reads its
 * prerequisites and deployment state (two gateway calls), restores the admin's draft for that host and decides where
 * to continue (resume-detection.ts). Every change of a choice is validated at once (the view model), saved to the
 * draft (never a secret), and, for paths and addresses, checked on the host after a pause in typing. The deploy
 * run itself is the host's DeployRunController (DeployRunRegistry), whose state this store shows: a run outlives the
 * page, and so does enabling Hyper-V (HyperVEnablingRegistry). Provided by the wizard page, so it lives and dies with
 * it; destroying it cancels the reads and checks it runs, never a change of the host.
 */
@Injectable()
export class DeployWizardStore implements OnDestroy {
    private readonly stateSubject = new BehaviorSubject<DeployWizardState>(initialDeployWizardState());
    private load: Subscription | null = null;
    /** The as-you-type questions to the host about paths and addresses. */
    private readonly hostChecks: HostInputChecker;
    private hyperVWatch: Subscription | null = null;
    /** The wait for a host restarting to enable Hyper-V to answer again. */
    private restartWatch: Subscription | null = null;
    /** The host's run and the subscription that shows it here. */
    private runs: DeployRunController | null = null;
    private runWatch: Subscription | null = null;
    /** The last run snapshot merged into the state, so an older read never replaces a newer one. */
    private mergedSnapshot: DeploymentStateSnapshot | null = null;

    /** The wizard's state; emits on every change. */
    public readonly state$: Observable<DeployWizardState> = this.stateSubject.asObservable();

    /**
     * What the wizard shows, derived once per state change and shared: the frame, the SDK wizard's step and its
     * Next button all read the same view model (the last one is replayed to a step created later).
     */
    public readonly viewModel$: Observable<WizardViewModel> = this.state$.pipe(
        map(buildWizardViewModel),
        shareReplay({ bufferSize: 1, refCount: true }));

    constructor(
        private readonly deploy: EflowDeployService,
        private readonly drafts: WizardDraftStorage,
        private readonly registry: DeployRunRegistry,
        private readonly hyperVCalls: HyperVEnablingRegistry,
        @Inject(APP_SCHEDULER) private readonly scheduler: SchedulerLike) {
        this.hostChecks = new HostInputChecker(
            (node, question) => this.deploy.testDeploymentInput(node, {
                paths: question.paths, msiPath: question.msiPath ?? undefined, ip4Address: question.ip4Address ?? undefined,
                ip4GatewayAddress: question.ip4GatewayAddress ?? undefined
            }),
            {
                current: () => ({ node: this.state.node, model: this.state.model, answers: this.state.hostCheckAnswers }),
                record: changes => this.update(changes)
            },
            scheduler);
    }

    /** The current state. */
    public get state(): DeployWizardState {
        return this.stateSubject.value;
    }

    /**
     * Opens the wizard on `node` (null: no connection). `requestedPage`: where the caller wants to land (the
     * dashboard's "Provision"), honoured when the host allows it.
     */
    public open(node: string | null, requestedPage: WizardPageId | null = null): void {
        this.stopAll();
        const draft = node ? this.drafts.load(node) : null;
        const initial = initialDeployWizardState();
        this.stateSubject.next({
            ...initial,
            node,
            status: node ? 'loading' : 'idle',
            model: draft?.model ?? initial.model,
            remembered: draft?.remembered ?? initial.remembered,
            record: draft?.record ?? null
        });
        if (node) {
            this.watchRun(this.registry.controllerFor(node, draft?.record ?? null));
            this.watchHyperV(node);
            this.readHost(node, { draftPage: draft?.page ?? null, requestedPage, keepPage: false, fillDefaults: draft === null });
        }
    }

    /** Reads the host again (after enabling Hyper-V, a restart, or a blocker the admin resolved), keeping the entries. */
    public refresh(): void {
        const node = this.state.node;
        if (node && !this.state.refreshing && this.state.status !== 'loading') {
            this.update({ refreshing: true, status: this.state.status === 'failed' ? 'loading' : this.state.status });
            this.readHost(node, { draftPage: null, requestedPage: null, keepPage: true, fillDefaults: false });
        }
    }

    /** Next: the following page, when the current one has no error and no host check is outstanding. */
    public goNext(): void {
        const page = this.state.page;
        if (page === 'done' || this.state.hostChecksPending || hasErrors(wizardValidation(this.state).get(page) ?? [])) {
            return;
        }
        const next = nextPage(page);
        if (next) {
            this.showPage(next);
        }
    }

    /** Back: the previous page (entries are kept). */
    public goBack(): void {
        const page = this.state.page;
        const previous = page === 'done' ? null : previousPage(page);
        if (previous && !this.isRunning()) {
            this.showPage(previous);
        }
    }

    /**
     * Opens a page from the step list (or a review link), as far as validation lets the admin through. A page opened
     * from the review offers the way back to it (backToReview) instead of Next through every page in between.
     */
    public goTo(page: WizardPageId): void {
        const current = this.state.page === 'done' ? 'review' : this.state.page;
        if (!this.isRunning() && canOpenPage(page, current, wizardValidation(this.state))) {
            this.update({ returnToReview: this.state.returnToReview || (current === 'review' && page !== 'review') });
            this.showPage(page);
        }
    }

    /** "Back to review" on a page reached with the review's "Change": straight back, as far as validation allows. */
    public backToReview(): void {
        if (this.state.returnToReview) {
            this.goTo('review');
        }
    }

    /**
     * Replaces one page's choices (the pages emit their whole section on every keystroke), remembering what the
     * chosen kinds hold so that switching kinds and back restores it.
     */
    public updateModel<K extends keyof WizardModel>(section: K, value: WizardModel[K]): void {
        if (this.state.resume?.lockedPages.includes(section) || this.isRunning()) {
            return;
        }
        const model = { ...this.state.model, [section]: value };
        this.update({ model, remembered: rememberEntries(this.state.remembered, model) });
        this.saveDraft();
        this.hostChecks.schedule();
    }

    /** Sets a secret: kept in memory only, never saved. */
    public setSecret(name: SecretFieldName, value: string): void {
        this.update({ secrets: { ...this.state.secrets, [name]: value } });
    }

    /**
     * Fills the wizard from an eflowAutoDeploy file. A file with errors changes nothing; secrets it holds are used
     * for this deployment only.
     */
    public importFile(fileName: string, text: string): void {
        const host = this.state.prerequisites?.host ?? null;
        const result = importAutoDeployConfig(text, {
            hostSwitches: host?.switches ?? null, physicalAdapters: host?.physicalAdapters ?? null, stateSwitches: this.state.snapshot?.switches ?? null
        });
        if (!result.ok) {
            this.update({ importOutcome: { fileName, applied: false, errors: result.errors, warnings: result.warnings } });
            return;
        }
        const locked = this.state.resume?.lockedPages ?? [];
        // What the host has fixed stays as it is: an imported file cannot change a deployed VM.
        const model = { ...result.model };
        for (const section of ['product', 'vmSize', 'gpu'] as const) {
            if (locked.includes(section)) {
                Object.assign(model, { [section]: this.state.model[section] });
            }
        }
        if (this.state.resume?.lockedFields.includes('network.virtualSwitch')) {
            const current = this.state.model.network;
            model.network = { ...model.network, virtualSwitch: current.virtualSwitch, addressing: current.addressing, staticIp: current.staticIp };
        }
        const secrets = {
            devConnString: result.secrets.devConnString || this.state.secrets.devConnString,
            symmKey: result.secrets.symmKey || this.state.secrets.symmKey
        };
        this.update({ model, remembered: rememberEntries(this.state.remembered, model), secrets,
            importOutcome: { fileName, applied: true, errors: [], warnings: result.warnings } });
        this.saveDraft();
        this.hostChecks.schedule();
    }

    /**
     * Enables Hyper-V on the host; `restart`: restart it right away when that is needed. The call belongs to the app
     * (HyperVEnablingRegistry), not to this page: leaving the wizard must not cancel a host change half way.
     */
    public enableHyperV(restart: boolean): void {
        if (this.state.node) {
            this.hyperVCalls.enable(this.state.node, restart);
        }
    }

    /** Deploy (from the review): reads the host's state, plans from it and runs the plan. */
    public deployNow(): void {
        if (this.state.page === 'review' && canStartDeploy(this.state)) {
            this.showPage('deploy');
            this.runs?.start(this.state.model, this.state.secrets);
        }
    }

    /**
     * Retry after a failure or a cancel, as the failure's recovery says (rerun the step, or read the host first). A
     * provisioning still to do needs its secret, which a reopened wizard no longer has: it asks for it first.
     */
    public retry(): void {
        const provisionLeft = this.state.run?.steps.some(step => step.id === 'provision' && step.state !== 'done' && step.state !== 'succeeded');
        if (provisionLeft && !hasRequiredSecret(this.state.model.provisioning, this.state.secrets)) {
            this.showPage('provisioning');
            return;
        }
        this.runs?.retry(this.state.model, this.state.secrets);
    }

    /** Asks to stop the run: the Deploy page shows the running step's warning first. */
    public requestCancel(): void {
        this.runs?.requestCancel();
    }

    /** Keeps the run going. */
    public dismissCancel(): void {
        this.runs?.dismissCancel();
    }

    /** Stops the run: the script in flight is cancelled on the gateway. `shownStep`: the step whose warning was confirmed. */
    public confirmCancel(shownStep: DeployStepId | null): void {
        this.runs?.confirmCancel(shownStep);
    }

    /**
     * Uninstalls EFLOW after Deploy-Eflow left a partial deployment. When it is done the wizard reads the host again
     * and continues from the product install (resume detection), with every entry kept.
     */
    public removeInstallation(): void {
        this.runs?.removeInstallation(this.state.model.product.vhdxPath);
    }

    /** Forgets the host's draft and run: the deployment is finished. */
    public finish(): void {
        if (this.state.node) {
            this.drafts.clear(this.state.node);
            this.registry.release(this.state.node);
        }
    }

    /** Saves the draft (model, page, record) of the current host. */
    public saveDraft(): void {
        const { node, model, remembered, page, record } = this.state;
        if (node && page !== 'done') {
            this.drafts.save(node, { version: WIZARD_DRAFT_VERSION, model, remembered, page, record });
        }
    }

    /** Stops the reads and checks (cancelled on the gateway) and stops showing the run, which goes on. */
    public ngOnDestroy(): void {
        this.stopAll();
        this.stateSubject.complete();
    }

    private readHost(node: string, options: { draftPage: WizardPageId | null; requestedPage: WizardPageId | null;
        keepPage: boolean; fillDefaults: boolean }): void {
        this.load?.unsubscribe();
        const load = forkJoin({
            prerequisites: this.deploy.getPrerequisites(node),
            snapshot: this.deploy.getDeploymentState(node, this.state.model.product.vhdxPath)
        }).subscribe({
            next: ({ prerequisites, snapshot }) => this.hostRead(prerequisites, snapshot, options),
            error: (error: unknown) => this.update({ status: 'failed', refreshing: false, loadError: toGatewayError(error) })
        });
        // An answer that came at once has finished the read already.
        this.load = load.closed ? null : load;
    }

    private hostRead(prerequisites: DeploymentPrerequisitesPayload, snapshot: DeploymentStateSnapshot,
        options: { draftPage: WizardPageId | null; requestedPage: WizardPageId | null; keepPage: boolean; fillDefaults: boolean }): void {
        const resume = detectResumePoint(snapshot, this.state.record);
        // A first visit starts from defaults that fit the host (architecture, a switch its SKU allows).
        // Opened to provision (only provisioning left): a real method is preselected instead of "Later".
        const model = withProvisioningOffered(options.fillDefaults ? createDefaultWizardModel(prerequisites.host) : this.state.model, resume);
        const remembered = options.fillDefaults ? rememberEntries(emptyRememberedEntries(), model) : this.state.remembered;
        const next: DeployWizardState = { ...this.state, prerequisites, snapshot, resume, model, remembered, status: 'ready', loadError: null, refreshing: false };
        const prerequisitesPass = !hasErrors(wizardValidation(next).get('prerequisites') ?? []);
        const current = this.state.page === 'done' ? null : this.state.page;
        // A run that goes on (started before the wizard was closed) is shown where it is.
        const page = this.isRunning() ? 'deploy'
            : chooseStartPage(resume, prerequisitesPass, options.keepPage ? current : options.draftPage, options.requestedPage);
        this.stateSubject.next({ ...next, page });
        this.saveDraft();
        this.hostChecks.schedule(0);
    }

    /** Shows the host's run in this store's state, from now until the store stops. */
    private watchRun(controller: DeployRunController): void {
        this.runs = controller;
        this.mergedSnapshot = controller.state.snapshot;
        this.runWatch = controller.state$.subscribe(run => this.mergeRun(run));
    }

    private mergeRun(run: DeployRunState): void {
        const newRead = run.snapshot !== null && run.snapshot !== this.mergedSnapshot;
        this.mergedSnapshot = run.snapshot;
        const removed = run.removal?.status === 'succeeded' && this.state.removal?.status === 'running';
        this.update({
            run: run.run, record: run.record, preparingRun: run.preparingRun, prepareError: run.prepareError, confirmingCancel: run.confirmingCancel,
            cancelPrompt: run.cancelPrompt, partialDeployment: run.partialDeployment, checkingHost: run.checkingHost, removal: run.removal,
            // The run's read of the host is newer than the wizard's own: where the host stands follows it.
            ...(newRead && run.snapshot ? { snapshot: run.snapshot, resume: detectResumePoint(run.snapshot, run.record) } : {})
        });
        if (removed && this.state.node) {
            // EFLOW is gone: where the wizard continues follows from a fresh read (the product install), not from the page shown.
            this.update({ refreshing: true });
            this.readHost(this.state.node, { draftPage: null, requestedPage: null, keepPage: false, fillDefaults: false });
        }
    }

    private isRunning(): boolean {
        return this.runs?.isRunning() ?? false;
    }

    private showPage(page: WizardPageId): void {
        this.update({ page, importOutcome: page === 'review' ? this.state.importOutcome : null,
            returnToReview: page !== 'review' && this.state.returnToReview });
        this.saveDraft();
    }

    /**
     * Shows the host's Hyper-V enabling: one still running from an earlier page, and every change from now on (an
     * earlier page's finished call is that page's news: the host's facts, read again, tell where Hyper-V stands).
     */
    private watchHyperV(node: string): void {
        this.hyperVWatch = this.hyperVCalls.state$(node)
            .pipe(filter((enabling, index) => index > 0 || enabling.status === 'running'))
            .subscribe(enabling => {
                const wasRunning = this.state.hyperV.status === 'running';
                this.update({ hyperV: enabling });
                if (wasRunning && enabling.status === 'done') {
                    if (enabling.result?.restarting) {
                        this.awaitRestart(node);
                    } else {
                        this.refresh();
                    }
                }
            });
    }

    /**
     * A restarting host does not answer for a while: its results are marked as from before the restart, and it is
     * read again on its own as soon as it answers (the admin need not guess when to click "Check again").
     */
    private awaitRestart(node: string): void {
        this.restartWatch?.unsubscribe();
        this.update({ hostRestarting: true });
        this.restartWatch = whenRestartedHostAnswers(() => this.deploy.getPrerequisites(node), this.scheduler).subscribe(() => {
            this.restartWatch = null;
            // The restart is over: its note gives way to the host's new facts.
            this.update({ hostRestarting: false, hyperV: IDLE_HYPER_V_ENABLING });
            this.refresh();
        });
    }

    private stopAll(): void {
        for (const subscription of [this.load, this.hyperVWatch, this.restartWatch, this.runWatch]) {
            subscription?.unsubscribe();
        }
        this.hostChecks.stop();
        this.load = this.hyperVWatch = this.restartWatch = this.runWatch = null;
        this.runs = null;
    }

    private update(changes: Partial<DeployWizardState>): void {
        if (!this.stateSubject.closed) {
            this.stateSubject.next({ ...this.state, ...changes });
        }
    }
}
