/**
 * The steps of wizard page 9 (Deploy): what each does, the gateway script that does it, the Write-Progress
 * activity by which the script's progress is attributed to it, and the rules for retrying and cancelling it.
 *
 * The activity texts are part of the scripts' contract: the scripts write exactly these strings
 * (test/scripts/deploy/script-sync.spec.ts checks it).
 */
import type { DeployTextKey } from './message-text';

export type DeployStepId =
    | 'downloadMsi'
    | 'installMsi'
    | 'createSwitch'
    | 'deployVm'
    | 'configureVm'
    | 'provision'
    | 'verify';

export const DEPLOY_STEP_ORDER: readonly DeployStepId[] =
    ['downloadMsi', 'installMsi', 'createSwitch', 'deployVm', 'configureVm', 'provision', 'verify'];

/** The gateway scripts of the deploy steps (src/resources/scripts/deploy). */
export type DeployScriptName =
    | 'Install-EflowProduct'
    | 'New-EflowVirtualSwitch'
    | 'New-EflowVirtualMachine'
    | 'Set-EflowVmConfiguration'
    | 'Set-EflowVmProvisioning'
    | 'Test-EflowDeployment';

/**
 * What to do before running a failed step again.
 *  - rerun: the script is idempotent; run it again as it is.
 *  - refreshFirst: read the deployment state again and rebuild the plan; run the step only if it is still not done.
 *    Used where a failure can leave the step half done (Deploy-Eflow must never run on a host that has a VM).
 */
export type RetryRule = 'rerun' | 'refreshFirst';

export interface DeployStepDefinition {
    id: DeployStepId;
    script: DeployScriptName;
    /** The Write-Progress activity the script reports this step under. */
    progressActivity: string;
    retry: RetryRule;
    /**
     * Shown before cancelling while this step runs; null when stopping it is harmless. Stopping Deploy-Eflow
     * half-way leaves a partial VM that only uninstalling EFLOW removes. A `Deploy.Text` key.
     */
    cancelWarning: DeployTextKey | null;
    /**
     * The Stop button's label while this step runs, naming what stopping leaves behind; absent: the plain "Stop". A
     * `Deploy.Text` key.
     */
    stopLabel?: DeployTextKey;
}

export const DEPLOY_STEPS: Readonly<Record<DeployStepId, DeployStepDefinition>> = {
    downloadMsi: {
        id: 'downloadMsi', script: 'Install-EflowProduct',
        progressActivity: 'Downloading the EFLOW installer', retry: 'rerun', cancelWarning: null
    },
    installMsi: {
        id: 'installMsi', script: 'Install-EflowProduct',
        progressActivity: 'Installing the EFLOW MSI', retry: 'rerun',
        cancelWarning: 'cancelInstallMsi'
    },
    createSwitch: {
        id: 'createSwitch', script: 'New-EflowVirtualSwitch',
        progressActivity: 'Creating the virtual switch', retry: 'rerun', cancelWarning: null
    },
    deployVm: {
        id: 'deployVm', script: 'New-EflowVirtualMachine',
        progressActivity: 'Deploying the EFLOW virtual machine', retry: 'refreshFirst',
        cancelWarning: 'cancelDeployVm', stopLabel: 'stopLeavePartialVm'
    },
    configureVm: {
        id: 'configureVm', script: 'Set-EflowVmConfiguration',
        progressActivity: 'Configuring DNS, features and telemetry', retry: 'rerun', cancelWarning: null
    },
    provision: {
        id: 'provision', script: 'Set-EflowVmProvisioning',
        progressActivity: 'Provisioning the device', retry: 'refreshFirst', cancelWarning: null
    },
    verify: {
        id: 'verify', script: 'Test-EflowDeployment',
        progressActivity: 'Verifying the deployment', retry: 'rerun', cancelWarning: null
    }
};

/** The step a Write-Progress activity belongs to, or null for an activity no step reports. */
export function stepOfProgressActivity(activity: string): DeployStepId | null {
    const step = DEPLOY_STEP_ORDER.find(id => DEPLOY_STEPS[id].progressActivity === activity);
    return step ?? null;
}
