/**
 * Per-host fault knobs: the full form of HostFaults (every optional field filled) and the one-shot consumption
 * rule, kept in one place so every handler fires faults the same way.
 */
import type { DeployFailureStep, FaultMode, HostFaults } from '../api';

/** HostFaults with every field present. */
export type FaultState = Required<HostFaults>;

/** Faults that fire once or stick (everything except the transport knobs). */
export type OneShotFaultName =
    'msiInstallFailure' | 'deployNotEnoughMemory' | 'deployNotEnoughDisk' | 'switchCreationFailure' |
    'provisioningFailure' | 'deployNotEnoughCpu' | 'provisioningEchoesSecrets';

/** A host without faults. */
export function noFaults(): FaultState {
    return {
        offline: false,
        latencyMs: 0,
        failureRate: 0,
        getEflowVmThrows: null,
        msiInstallFailure: null,
        deployNotEnoughMemory: null,
        deployNotEnoughDisk: null,
        switchCreationFailure: null,
        vmCreationFailure: null,
        msiUninstallFailure: null,
        provisioningFailure: null,
        deployNotEnoughCpu: null,
        provisioningEchoesSecrets: null,
        hyperVReadFailure: null
    };
}

/** `base` with the given fields replaced (undefined fields leave the old value). */
export function mergeFaults(base: FaultState, change: Partial<HostFaults>): FaultState {
    const merged: FaultState = { ...base };
    for (const [key, value] of Object.entries(change) as [keyof HostFaults, unknown][]) {
        if (value !== undefined) {
            (merged as Record<keyof HostFaults, unknown>)[key] = value;
        }
    }
    return merged;
}

/**
 * Whether the named fault fires now. A `once` fault clears itself when it fires (the caller persists the change).
 */
export function consumeFault(faults: FaultState, name: OneShotFaultName): boolean {
    const mode: FaultMode | null = faults[name];
    if (mode === null) {
        return false;
    }
    if (mode === 'once') {
        faults[name] = null;
    }
    return true;
}

/** Whether VM creation fails at `step` now (clears a `once` fault when it fires). */
export function consumeVmCreationFault(faults: FaultState, step: DeployFailureStep): boolean {
    const fault = faults.vmCreationFailure;
    if (fault === null || fault.step !== step) {
        return false;
    }
    if (fault.mode === 'once') {
        faults.vmCreationFailure = null;
    }
    return true;
}

/** The exit code an injected uninstall failure makes msiexec /x return now, or null (clears a `once` fault when it fires). */
export function consumeUninstallFault(faults: FaultState): number | null {
    const fault = faults.msiUninstallFailure;
    if (fault === null) {
        return null;
    }
    if (fault.mode === 'once') {
        faults.msiUninstallFailure = null;
    }
    return fault.exitCode;
}
