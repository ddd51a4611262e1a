/**
 * The output contract of src/resources/scripts/deploy/Get-EflowDeploymentPrerequisites.ps1: the prerequisite checks
 * of wizard page 1 and the host facts the later pages validate against (processors, free memory, switches,
 * adapters, GPUs). The script is the source of truth for the values; this file for the shape.
 */

import type { HostBasics } from '../../core/models/host-basics';

/** Bump when the shape changes incompatibly. */
export const DEPLOYMENT_PREREQUISITES_SCHEMA_VERSION = 1;

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

export interface PrerequisiteCheck {
    id: PrerequisiteCheckId;
    status: PrerequisiteStatus;
    /** What was found, in plain words, e.g. "Windows 11 Enterprise, build 22631". */
    detail: string;
    /** What to do about a warning or failure; null when the check passed. */
    fix: string | null;
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
