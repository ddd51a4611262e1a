import { EflowVm, HostOverviewPayload, SectionError } from '../models/host-overview';
import { checkReadiness, isHostPlatformReady } from './readiness';

/**
 * Where a host is on the EFLOW lifecycle (install the MSI, run Deploy-Eflow once, provision):
 * - `not-ready`: no EFLOW, and the host cannot run it (OS edition or build, architecture, Hyper-V);
 * - `not-installed`: no EFLOW, the platform is ready;
 * - `install-unknown`: whether EFLOW is installed could not be read. Never taken for `not-installed`: installing
 *   the MSI again over an installation is not a repair;
 * - `installed`: the MSI is in, no VM has been deployed (Verify-EflowVm said so);
 * - `vm-unknown`: the MSI is in, but whether the VM exists could not be checked (AzureEFLOW would not load, or
 *   Verify-EflowVm failed). Never taken for `installed`: Deploy-Eflow runs once per installation, so offering it
 *   for a VM that may exist would be wrong;
 * - `vm-deployed`: the VM exists but is not known to be provisioned (not provisioned, or unreadable while off);
 * - `provisioned`: the VM is provisioned with IoT Hub or DPS.
 */
export type EflowInstallState =
    'not-ready' | 'not-installed' | 'install-unknown' | 'installed' | 'vm-unknown' | 'vm-deployed' | 'provisioned';

/** The codes of the script's errors that leave the installation's existence unknown. */
export const INSTALL_PRESENCE_ERROR_CODES: readonly string[] = ['EflowInstallationUnreadable'];
/** The codes of the script's errors that leave the VM's existence unknown. */
export const VM_PRESENCE_ERROR_CODES: readonly string[] = ['EflowModuleUnavailable', 'EflowVmUnverifiable'];

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
    return eflow.vmExists === false ? 'installed' : 'vm-unknown';
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
