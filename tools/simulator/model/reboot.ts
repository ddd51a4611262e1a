/**
 * A host reboot: pending feature changes take effect (Hyper-V EnablePending → Enabled), pending-reboot flags clear,
 * the host is unreachable for the reboot, and a running EFLOW VM comes back (wssdagent restarts it).
 */
import type { HostState } from '../state/host-state';
import { restartGuest } from './install';

/** Simulated reboot duration (ms at timeScale 1). */
export const REBOOT_MS = 60_000;

export function applyReboot(host: HostState, now: Date, unreachableMs: number): void {
    const windows = host.windows;
    const bootedAt = new Date(now.getTime() + unreachableMs);
    if (windows.hyperV === 'EnablePending') {
        windows.hyperV = 'Enabled';
        windows.hypervisorPresent = windows.virtualizationFirmwareEnabled;
        if (windows.productType === 1 && !windows.vSwitches.some(s => s.name === 'Default Switch')) {
            windows.vSwitches.push({ name: 'Default Switch', type: 'Internal', netAdapterName: null,
                allowManagementOS: true });
        }
    }
    windows.pendingReboot = { componentBasedServicing: false, windowsUpdate: false };
    windows.lastBootTime = bootedAt.toISOString();
    host.rebootingUntil = unreachableMs > 0 ? bootedAt.toISOString() : null;
    if (host.vm && host.vm.powerState === 'Running') {
        restartGuest(host.vm, bootedAt);
    }
}
