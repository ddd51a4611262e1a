/**
 * The output contract of `src/resources/scripts/overview/Get-EflowHostOverview.ps1`: one object per refresh,
 * everything the host overview dashboard shows. The script is the source of truth for the values; this file is
 * the source of truth for the shape. A response that does not match is rejected by `parseHostOverview`
 * (host-overview.parse.ts) with a specific error rather than rendered half-right.
 *
 * Conventions: dates are ISO 8601 strings; sizes carry their unit in the name; a section the script could not
 * read is `null` and the reason is in `errors`, so one failing cmdlet never hides the rest of the page.
 */

import type { HostBasics } from './host-basics';
import type { ScriptReadError } from './read-errors.parse';

/** Bump when the shape changes incompatibly; the parser refuses other versions. */
export const HOST_OVERVIEW_SCHEMA_VERSION = 2;

export interface HostOverviewPayload {
    schemaVersion: number;
    /** When the script ran, host clock, ISO 8601 UTC. */
    collectedAt: string;
    host: HostFacts;
    /**
     * Whether a session is deploying on the host right now (the host-wide lock New-EflowVirtualMachine holds while
     * Deploy-Eflow runs). `null` when the lock could not be asked (code `DeploymentLockUnreadable` in `errors`).
     */
    deploymentInProgress: boolean | null;
    /** `null` when no EFLOW product is installed on the host. */
    eflow: EflowInstallation | null;
    /** Sections that failed, each with the cmdlet and its message. Empty when everything was read. */
    errors: SectionError[];
}

/** The Windows facts, plus the Hyper-V state as the dashboard reads it. */
export interface HostFacts extends HostBasics {
    hyperV: {
        /** The Hyper-V feature (client) or role (server): `Enabled`, `EnablePending`, `Disabled` or `NotAvailable`. */
        featureState: string;
        /** Win32_ComputerSystem.HypervisorPresent. */
        hypervisorPresent: boolean;
    };
}

export interface EflowInstallation {
    /** ARP DisplayName: "Azure IoT Edge LTS" or "Azure IoT Edge" (CR). */
    productName: string;
    /** ARP DisplayVersion, e.g. "1.5.7.01026". */
    version: string;
    /** ARP InstallDate as an ISO date (yyyy-MM-dd), `null` when the registry lacks it. */
    installDate: string | null;
    installPath: string | null;
    services: {
        /** `Running`, `Stopped`, ... or `NotFound`. */
        wssdAgent: string;
        eflowProxy: string;
    };
    /**
     * Verify-EflowVm's answer: whether Deploy-Eflow created the VM. `null` when unknown: the AzureEFLOW module would
     * not load or Verify-EflowVm failed (its error is in `errors`, codes `EflowModuleUnavailable` /
     * `EflowVmUnverifiable`). Unknown is never "no VM": the dashboard must not offer to deploy again.
     */
    vmExists: boolean | null;
    /**
     * Whether a VM disk (`*EFLOW.vhdx`) lies in the install folder. Without a VM it is what a Deploy-Eflow that
     * failed part-way leaves (Deploy-Eflow then refuses to run again). `null` when the folder could not be read
     * (code `VhdxUnreadable`).
     */
    vhdxPresent: boolean | null;
    /** The VM, exactly when `vmExists` is true; `null` otherwise. */
    vm: EflowVm | null;
}

export interface EflowVm {
    name: string;
    /**
     * Get-EflowVm VmPowerState: `Running` or `Off` (others passed through). When Get-EflowVm failed (it does on a
     * running VM while IoT Edge is unhealthy), `Running` if Get-EflowVmAddr answered with the VM's address, else
     * `Unknown`.
     */
    powerState: string;
    cpuCount: number | null;
    memoryMB: number | null;
    /** Get-EflowVm EdgeRuntimeVersion; `null` when the VM is off or Get-EflowVm failed. */
    runtime: { iotEdgeVersion: string; mobyEngineVersion: string; mobyCliVersion: string } | null;
    /** Get-EflowVm SystemStatistics; `null` when the VM is off or Get-EflowVm failed. */
    stats: VmStats | null;
    endpoints: VmEndpoint[];
    networks: VmNetwork[];
    /**
     * Raw lines of `sudo iotedge list`, `null` when not run (VM off or power state unknown) or failed. Parsed by
     * core/domain.
     */
    iotedgeList: string[] | null;
    /** Raw lines of `sudo iotedge system status`, `null` when not run or failed. */
    systemStatus: string[] | null;
    /** `Provisioned` (source known), `NotProvisioned`, or `Unknown` (VM off or unreadable). */
    provisioning: { state: string; source: string | null };
}

export interface VmStats {
    totalMemMb: number;
    usedMemMb: number;
    availableMemMb: number;
    totalStorageMb: number;
    usedStorageMb: number;
    availableStorageMb: number;
    cpuCount: number;
    kernelVersion: string;
}

export interface VmEndpoint {
    name: string;
    macAddress: string;
    /** e.g. "currentState:OK previousState:OK". */
    healthStatus: string;
    ipAddress: string | null;
    prefixLength: number | null;
    gateway: string | null;
    /** `Static` or `Dynamic`. */
    allocationMethod: string | null;
    /** The virtual switch the endpoint is on. */
    subnet: string | null;
}

export interface VmNetwork {
    name: string;
    type: string;
    allocationMethod: string | null;
    cidr: string | null;
}

/** A section the script could not read: the cmdlet, a stable code (e.g. "EflowVmUnavailable") and its message. */
export type SectionError = ScriptReadError;
