/**
 * The output contract of src/resources/scripts/deploy/Get-EflowDeploymentPrerequisites.ps1: the prerequisite checks
 * of wizard page 1 and the host facts the later pages validate against (processors, free memory, switches,
 * adapters, GPUs). The script is the source of truth for the values; this file for the shape.
 */

import type { HostBasics } from '../../core/models/host-basics';
import type { PrerequisiteReason } from './prerequisite-reasons';

/** Bump when the shape changes incompatibly (2: checks carry a reason code and its facts instead of sentences). */
export const DEPLOYMENT_PREREQUISITES_SCHEMA_VERSION = 2;

export type PrerequisiteStatus = 'pass' | 'warning' | 'fail';

/** The checks the script runs, in the order it reports them. */
export type PrerequisiteCheckId =
    | 'os-edition'
    | 'architecture'
    | 'hyperv-feature'
    | 'hyperv-services'
    | 'virtualization-firmware'
    | 'hypervisor-present'
    | 'nested-virtualization'
    | 'memory'
    | 'disk'
    | 'openssh-client'
    | 'pending-reboot'
    | 'virtual-switch'
    | 'existing-eflow';

/** The value of one fact a check's sentence needs (prerequisite-reasons.ts says which kind each param is). */
export type PrerequisiteParam = string | number | readonly string[];

export interface PrerequisiteCheck {
    id: PrerequisiteCheckId;
    status: PrerequisiteStatus;
    /**
     * Why the check has its status, e.g. `serverBuildTooOld`: the UI words what was found and what to do from it
     * (prerequisite-text.ts), so the host sends no sentences.
     */
    reason: PrerequisiteReason;
    /** The facts the reason's sentences name, e.g. `{ caption: 'Microsoft Windows Server 2016', build: 14393 }`. */
    params: Readonly<Record<string, PrerequisiteParam>>;
}

/** `Internal`, `External` or `Private` (Private switches cannot carry the EFLOW VM). */
export type HostSwitchType = 'Internal' | 'External' | 'Private';

export interface HostVirtualSwitch {
    name: string;
    switchType: HostSwitchType;
    /** The physical adapter an External switch is bound to (its InterfaceDescription), null otherwise. */
    netAdapterInterfaceDescription: string | null;
}

export interface HostNetAdapter {
    name: string;
    interfaceDescription: string;
    /** `Up`, `Disconnected`, ... as Get-NetAdapter reports it. */
    status: string;
}

/** One GPU model on the host and how many of it there are. */
export interface HostGpu {
    name: string;
    count: number;
    /**
     * The passthrough types EFLOW supports for it (Get-EflowHostConfiguration GpuInfo), or null when EFLOW is not
     * installed yet and the list comes from Win32_VideoController alone.
     */
    supportedPassthroughTypes: string[] | null;
}

/**
 * The Hyper-V feature (client) or role (server); `Unknown` when reading it failed (the prerequisites then list the
 * read error and warn, rather than take the host for an edition without Hyper-V).
 */
export type HyperVFeatureState = 'Enabled' | 'Disabled' | 'EnablePending' | 'NotAvailable' | 'Unknown';

export interface DeploymentHostFacts extends HostBasics {
    /** ProductType 2 or 3 (eflowAutoDeploy's rule). */
    isServerSku: boolean;
    hyperV: {
        featureState: HyperVFeatureState;
        hypervisorPresent: boolean;
        virtualizationFirmwareEnabled: boolean;
        /** vmms, vmcompute, hvhost: `Running`, `Stopped` or `NotFound`. */
        services: { vmms: string; vmcompute: string; hvhost: string };
    };
    /**
     * The WindowsAzureGuestAgent service exists (eflow.md section 3): an Azure VM, which needs a size with nested
     * virtualization and cannot use an External switch. Null when the service list could not be read (see errors).
     */
    isAzureVm: boolean | null;
    /** ssh.exe present; null when it could not be checked. */
    openSshClient: boolean | null;
    rebootPending: boolean;
    /** The installed EFLOW product, null when none. */
    eflow: { productName: string; version: string; vmDeployed: boolean | null } | null;
    switches: HostVirtualSwitch[];
    physicalAdapters: HostNetAdapter[];
    gpus: HostGpu[];
}

export interface DeploymentPrerequisitesPayload {
    schemaVersion: number;
    collectedAt: string;
    checks: PrerequisiteCheck[];
    host: DeploymentHostFacts;
    /** Facts that could not be read (each with the cmdlet and its message); the matching check says so too. */
    errors: { source: string; code: string; message: string }[];
}

/** Whether the checks allow going on: no check failed. */
export function prerequisitesPassed(checks: readonly PrerequisiteCheck[]): boolean {
    return checks.every(check => check.status !== 'fail');
}
