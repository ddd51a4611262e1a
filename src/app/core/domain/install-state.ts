import { EflowVm, HostOverviewPayload } from '../models/host-overview';
import { checkReadiness, isHostPlatformReady } from './readiness';

/**
 * Where a host is on the EFLOW lifecycle (install the MSI, run Deploy-Eflow once, provision):
 * - `not-ready`: no EFLOW, and the host cannot run it (OS edition or build, architecture, Hyper-V);
 * - `not-installed`: no EFLOW, the platform is ready;
 * - `installed`: the MSI is in, no VM has been deployed;
 * - `vm-deployed`: the VM exists but is not known to be provisioned (not provisioned, or unreadable while off);
 * - `provisioned`: the VM is provisioned with IoT Hub or DPS.
 */
export type EflowInstallState = 'not-ready' | 'not-installed' | 'installed' | 'vm-deployed' | 'provisioned';

/** The VM power state as the UI distinguishes it. `other` covers transitions (`Starting`, `Stopping`, ...). */
export type VmPowerState = 'running' | 'off' | 'unknown' | 'other';

/** Derives the install state from an overview. */
export function deriveInstallState(overview: HostOverviewPayload): EflowInstallState {
    const eflow = overview.eflow;
    if (!eflow) {
        return isHostPlatformReady(checkReadiness(overview.host)) ? 'not-installed' : 'not-ready';
    }
    if (!eflow.vm) {
        return 'installed';
    }
    return isProvisioned(eflow.vm) ? 'provisioned' : 'vm-deployed';
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
