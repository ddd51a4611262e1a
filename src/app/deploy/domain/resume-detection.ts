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
import { secretFieldFor } from './provisioning-secrets';
import type { WizardPageId } from './wizard-pages';

/** How far EFLOW got on the host. */
export type ResumePhase = 'fresh' | 'productInstalled' | 'vmDeployed' | 'provisioned' | 'blocked';

export interface ResumeBlocker {
    code: string;
    /** Plain English: what is wrong and what to do. */
    text: string;
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
    summary: string;
}

/**
 * What a deployed VM has fixed on pages that stay open: its switch and address, and the license terms, which were
 * accepted when Deploy-Eflow ran (nothing the wizard runs from here on takes them).
 */
const VM_FIXED_FIELDS = ['network.virtualSwitch', 'network.addressing', 'network.staticIp', 'features.eulaAccepted'];

function blockersOf(snapshot: DeploymentStateSnapshot): ResumeBlocker[] {
    const blockers: ResumeBlocker[] = [];
    if (snapshot.deploymentInProgress) {
        blockers.push({ code: 'deploymentRunning',
            text: 'A deployment is running on this host right now, started from another session. Wait for it to finish, then refresh.' });
    }
    if (snapshot.product === null) {
        if (snapshot.hyperVState === 'EnablePending') {
            blockers.push({ code: 'restartToEnableHyperV', text: 'Hyper-V was enabled and needs a restart of the host to work. Restart it, then refresh.' });
        }
        return blockers;
    }
    if (!snapshot.moduleAvailable) {
        blockers.push({ code: 'moduleUnavailable',
            text: `${snapshot.product.productName} is installed but its AzureEFLOW PowerShell module cannot be loaded. Repair or reinstall EFLOW, then refresh.` });
    } else if (snapshot.vmExists === null) {
        blockers.push({ code: 'vmStateUnknown',
            text: 'Could not tell whether the EFLOW VM exists (Verify-EflowVm failed). The wizard does not deploy a VM until it can tell; refresh to try again.' });
    } else if (snapshot.vmExists === false && snapshot.vhdxPresent === true && !snapshot.deploymentInProgress) {
        // While Deploy-Eflow runs, the VM disk is its own work in progress, not the remains of an interrupted run.
        blockers.push({ code: 'partialDeployment',
            text: 'An earlier Deploy-Eflow stopped part-way: a VM disk exists but no VM. EFLOW deploys once per installation, so uninstall and reinstall EFLOW, then run the wizard again.' });
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

function summaryOf(phase: ResumePhase, snapshot: DeploymentStateSnapshot, record: DeploymentRunRecord | null): string {
    const product = snapshot.product ? `${snapshot.product.productName} ${snapshot.product.version}` : '';
    switch (phase) {
        case 'blocked':
            return 'The wizard cannot continue on this host yet.';
        case 'fresh':
            return record ? 'A previous deployment stopped before EFLOW was installed. Review the settings and deploy again.'
                : 'EFLOW is not installed on this host yet.';
        case 'productInstalled':
            return `${product} is installed but no VM is deployed yet. The wizard continues with the VM settings.`;
        case 'vmDeployed':
            return snapshot.vmPowerState === 'Running'
                ? 'The EFLOW VM is deployed but the device is not provisioned yet. The wizard continues with configuration and provisioning.'
                : 'The EFLOW VM is deployed but stopped; the next step starts it and checks whether the device is provisioned.';
        case 'provisioned':
            return `EFLOW is deployed and provisioned on this host (${snapshot.provisioning.source ?? 'unknown source'}). Nothing is left to do.`;
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
