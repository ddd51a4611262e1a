/**
 * Where the wizard starts on a host, from the host's deployment state and the record of an earlier run: on a bare
 * host at the prerequisites; with the MSI in and no VM at the VM settings; with a VM and no provisioning at the
 * remaining configuration; with everything done at "done". Deploy-Eflow never runs twice on one install: a host
 * whose VM state cannot be read, or that shows the remains of an interrupted Deploy-Eflow, is blocked instead.
 */
import type { DeploymentRunRecord } from './deployment-run-record';
import type { DeploymentStateSnapshot } from './deployment-state';
import { detectDoneSteps } from './done-steps';
import { DEPLOY_STEP_ORDER, type DeployStepId } from './deploy-steps';
import { messageOf, type MessageText } from './message-text';
import { secretFieldFor } from './provisioning-secrets';
import type { WizardPageId } from './wizard-pages';

/** How far EFLOW got on the host. */
export type ResumePhase = 'fresh' | 'productInstalled' | 'vmDeployed' | 'provisioned' | 'blocked';

export interface ResumeBlocker {
    code: string;
    /** What is wrong and what to do. */
    text: MessageText;
}

export interface ResumeDecision {
    phase: ResumePhase;
    /** The page the wizard opens on; `done` when nothing is left (the UI offers the overview instead). */
    startPage: WizardPageId | 'done';
    /** Pages whose every choice the host has fixed (shown read-only, not validated again). */
    lockedPages: WizardPageId[];
    /**
     * Model fields the host has fixed on pages that stay partly editable (dotted prefixes): after deployment the
     * switch and address are fixed, while DNS servers can still be set.
     */
    lockedFields: string[];
    /** Deploy steps already done: the plan skips them. */
    doneSteps: DeployStepId[];
    /** Why the wizard cannot go on (it starts on the prerequisites page and shows them); empty otherwise. */
    blockers: ResumeBlocker[];
    /** One or two sentences for the wizard's banner. */
    summary: MessageText;
}

/**
 * What a deployed VM has fixed on pages that stay open: its switch and address, and the license terms, which were
 * accepted when Deploy-Eflow ran (nothing the wizard runs from here on takes them).
 */
const VM_FIXED_FIELDS = ['network.virtualSwitch', 'network.addressing', 'network.staticIp', 'features.eulaAccepted'];

function blockersOf(snapshot: DeploymentStateSnapshot): ResumeBlocker[] {
    const blockers: ResumeBlocker[] = [];
    if (snapshot.deploymentInProgress) {
        blockers.push({ code: 'deploymentRunning', text: messageOf('resumeDeploymentRunning') });
    }
    if (snapshot.product === null) {
        if (snapshot.hyperVState === 'EnablePending') {
            blockers.push({ code: 'restartToEnableHyperV', text: messageOf('resumeRestartToEnableHyperV') });
        }
        return blockers;
    }
    if (!snapshot.moduleAvailable) {
        blockers.push({ code: 'moduleUnavailable', text: messageOf('resumeModuleUnavailable', { product: snapshot.product.productName }) });
    } else if (snapshot.vmExists === null) {
        blockers.push({ code: 'vmStateUnknown', text: messageOf('resumeVmStateUnknown') });
    } else if (snapshot.vmExists === false && snapshot.vhdxPresent === true && !snapshot.deploymentInProgress) {
        // While Deploy-Eflow runs, the VM disk is its own work in progress, not the remains of an interrupted run.
        blockers.push({ code: 'partialDeployment', text: messageOf('resumePartialDeployment') });
    }
    return blockers;
}

function lockedPagesFor(phase: ResumePhase): WizardPageId[] {
    switch (phase) {
        case 'productInstalled':
            return ['product'];
        case 'vmDeployed':
        case 'provisioned':
            return ['product', 'vmSize', 'gpu'];
        default:
            return [];
    }
}

function phaseOf(snapshot: DeploymentStateSnapshot, done: Set<DeployStepId>): ResumePhase {
    if (done.has('provision')) {
        return 'provisioned';
    }
    if (done.has('deployVm')) {
        return 'vmDeployed';
    }
    return snapshot.product === null ? 'fresh' : 'productInstalled';
}

function startPageOf(phase: ResumePhase, record: DeploymentRunRecord | null, done: Set<DeployStepId>):
    WizardPageId | 'done' {
    switch (phase) {
        case 'blocked':
            return 'prerequisites';
        case 'fresh':
            return record ? 'review' : 'prerequisites';
        case 'productInstalled':
            return record ? 'review' : 'vmSize';
        case 'vmDeployed':
            if (!record) {
                return 'network';
            }
            if (record.model.provisioning.type === 'skip' && done.has('configureVm')) {
                return 'done'; // the earlier run chose not to provision and configured everything else
            }
            // Secrets are never stored: a provisioning that needs one must have it typed again.
            return secretFieldFor(record.model.provisioning) !== null ? 'provisioning' : 'review';
        case 'provisioned':
            return 'done';
    }
}

function summaryOf(phase: ResumePhase, snapshot: DeploymentStateSnapshot, record: DeploymentRunRecord | null): MessageText {
    const product = snapshot.product ? `${snapshot.product.productName} ${snapshot.product.version}` : '';
    switch (phase) {
        case 'blocked':
            return messageOf('resumeBlocked');
        case 'fresh':
            return messageOf(record ? 'resumeFreshAfterRun' : 'resumeFresh');
        case 'productInstalled':
            return messageOf('resumeProductInstalled', { product });
        case 'vmDeployed':
            return messageOf(snapshot.vmPowerState === 'Running' ? 'resumeVmDeployed' : 'resumeVmDeployedStopped');
        case 'provisioned':
            return messageOf('resumeProvisioned', { source: snapshot.provisioning.source ?? messageOf('resumeUnknownSource') });
    }
}

/** The decision for a host. `record`: the earlier run on this host, if the UI has one. */
export function detectResumePoint(snapshot: DeploymentStateSnapshot, record: DeploymentRunRecord | null): ResumeDecision {
    const blockers = blockersOf(snapshot);
    const done = detectDoneSteps(snapshot, record?.model ?? null, record);
    const phase = blockers.length > 0 ? 'blocked' : phaseOf(snapshot, done);
    const settledPhase = phase === 'blocked' ? phaseOf(snapshot, done) : phase;
    return {
        phase,
        startPage: startPageOf(phase, record, done),
        lockedPages: lockedPagesFor(settledPhase),
        lockedFields: settledPhase === 'vmDeployed' || settledPhase === 'provisioned' ? [...VM_FIXED_FIELDS] : [],
        doneSteps: DEPLOY_STEP_ORDER.filter(step => done.has(step)),
        blockers,
        summary: summaryOf(phase, snapshot, record)
    };
}
