import { EflowVm, HostOverviewPayload, SectionError } from '../models/host-overview';
import { checkReadiness, isHostPlatformReady } from './readiness';

/**
 * Where a host is on the EFLOW lifecycle (install the MSI, run Deploy-Eflow once, provision):
 * - `not-ready`: no EFLOW, and the host cannot run it (OS edition or build, architecture, Hyper-V);
 * - `not-installed`: no EFLOW, the platform is ready;
 * - `install-unknown`: whether EFLOW is installed could not be read. Never taken for `not-installed`: installing
 *   the MSI again over an installation is not a repair;
 * - `deployment-in-progress`: the MSI is in, no VM yet, and a session is deploying right now (the host-wide lock
 *   New-EflowVirtualMachine holds). Never taken for `installed`: a second Deploy-Eflow would be refused or clash;
 * - `partial-deployment`: the MSI is in, no VM, but a VM disk is left: Deploy-Eflow failed part-way and refuses to
 *   run again until EFLOW is uninstalled (the wizard offers that clean-up);
 * - `installed`: the MSI is in, no VM has been deployed (Verify-EflowVm said so) and no VM disk is left;
 * - `vm-unknown`: the MSI is in, but whether the VM exists could not be checked (AzureEFLOW would not load,
 *   the deployment lock or VM disk could not be read, or
 *   Verify-EflowVm failed). Never taken for `installed`: Deploy-Eflow runs once per installation, so offering it
 *   for a VM that may exist would be wrong;
 * - `vm-deployed`: the VM exists but is not known to be provisioned (not provisioned, or unreadable while off);
 * - `provisioned`: the VM is provisioned with IoT Hub or DPS.
 */
export type EflowInstallState =
    | 'not-ready' | 'not-installed' | 'install-unknown' | 'deployment-in-progress' | 'partial-deployment' | 'installed'
    | 'vm-unknown' | 'vm-deployed' | 'provisioned';

/** The codes of the script's errors that leave the installation's existence unknown. */
export const INSTALL_PRESENCE_ERROR_CODES: readonly string[] = ['EflowInstallationUnreadable'];
/**
 * The codes of the script's errors that leave the VM's existence unknown. An unreadable deployment lock or VM disk
 * counts too: without them "no VM" may be a deployment running or one that failed part-way, and offering
 * Deploy-Eflow for either would be wrong.
 */
export const VM_PRESENCE_ERROR_CODES: readonly string[] = ['EflowModuleUnavailable', 'EflowVmUnverifiable', 'DeploymentLockUnreadable', 'VhdxUnreadable'];

/** The VM power state as the UI distinguishes it. `other` covers transitions (`Starting`, `Stopping`, ...). */
export type VmPowerState = 'running' | 'off' | 'unknown' | 'other';

/** Derives the install state from an overview. */
export function deriveInstallState(overview: HostOverviewPayload): EflowInstallState {
    const eflow = overview.eflow;
    if (!eflow) {
        if (overview.errors.some(error => INSTALL_PRESENCE_ERROR_CODES.includes(error.code))) {
            return 'install-unknown';
        }
        return isHostPlatformReady(checkReadiness(overview.host)) ? 'not-installed' : 'not-ready';
    }
    if (eflow.vm) {
        return isProvisioned(eflow.vm) ? 'provisioned' : 'vm-deployed';
    }
    // A running deployment comes first: while Deploy-Eflow works, Verify-EflowVm may say anything.
    if (overview.deploymentInProgress === true) {
        return 'deployment-in-progress';
    }
    if (eflow.vmExists !== false || overview.deploymentInProgress === null || eflow.vhdxPresent === null) {
        return 'vm-unknown';
    }
    return eflow.vhdxPresent ? 'partial-deployment' : 'installed';
}

/**
 * Why the installation's or the VM's existence is unknown: the errors of the reads that failed (empty when both
 * are known).
 */
export function presenceErrors(overview: HostOverviewPayload): SectionError[] {
    return overview.errors.filter(error => INSTALL_PRESENCE_ERROR_CODES.includes(error.code) || VM_PRESENCE_ERROR_CODES.includes(error.code));
}

/** Whether the VM reports a provisioned device (`Provisioned`, any case). */
export function isProvisioned(vm: EflowVm): boolean {
    return vm.provisioning.state.toLowerCase() === 'provisioned';
}

/** Normalizes Get-EflowVm's `VmPowerState`. */
export function derivePowerState(vm: EflowVm): VmPowerState {
    switch (vm.powerState.trim().toLowerCase()) {
        case 'running':
            return 'running';
        case 'off':
            return 'off';
        case 'unknown':
        case '':
            return 'unknown';
        default:
            return 'other';
    }
}
