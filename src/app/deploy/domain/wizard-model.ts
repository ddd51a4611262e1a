/**
 * What the admin chooses in the deployment wizard, page by page.
 *
 * Conventions:
 *  - Text fields hold what was typed; an empty string means "not given" (the cmdlet's default applies).
 *  - Numeric fields are `null` while the input is empty; the validation rules report that.
 *  - Secrets (the device connection string, the DPS symmetric key) are NOT part of this model: they live in
 *    `ProvisioningSecrets` (provisioning-secrets.ts), in memory only. Everything here may therefore be persisted,
 *    exported and shown; `wizard-model.spec.ts` proves at compile time that no secret field can creep in.
 */
import type { EflowArchitecture, EflowChannel } from './product-catalog';
import type { ProvisioningChoice } from './provisioning-choice';

/** Where the MSI comes from: the channel's aka.ms link, or a file the host can read (local path or UNC share). */
export type MsiSource =
    | { kind: 'download' }
    | { kind: 'hostPath'; msiPath: string };

/** Page 2: product, channel and install locations. */
export interface ProductChoice {
    channel: EflowChannel;
    architecture: EflowArchitecture;
    source: MsiSource;
    /** MSI INSTALLDIR; empty: the MSI's default (C:\Program Files\Azure IoT Edge). */
    installPath: string;
    /** MSI VHDXDIR; empty: the install path. */
    vhdxPath: string;
}

/**
 * The VM's disk: Deploy-Eflow takes either -vmDiskSize (the whole disk) or -vmDataSize (the data partition), never
 * both (eflow.md section 3), so the model cannot hold both.
 */
export type DiskChoice =
    | { kind: 'default' }
    | { kind: 'osDisk'; vmDiskSizeGB: number | null }
    | { kind: 'dataPartition'; vmDataSizeGB: number | null };

export type VmLogSize = 'Small' | 'Large';

/** Page 3: VM size. */
export interface VmSizeChoice {
    cpuCount: number | null;
    memoryInMB: number | null;
    disk: DiskChoice;
    /** Small = 1 GB, Large = 6 GB log partition. */
    vmLogSize: VmLogSize;
}

/** The switch types Deploy-Eflow accepts in -vswitchType. */
export type EflowSwitchType = 'Internal' | 'External';

/**
 * The virtual switch of the VM's first network.
 *  - defaultSwitch: Hyper-V's Default Switch (client SKUs only): no -vswitchName/-vswitchType at all.
 *  - existing: a switch already on the host.
 *  - newExternal: the wizard creates an External switch bound to a physical adapter.
 *  - newInternal: the wizard creates an Internal switch with a NAT; the static gateway becomes the host's address
 *    on it (eflow.md section 9, Internal switch recipe). Server SKUs only, and static addressing only.
 */
export type SwitchChoice =
    | { kind: 'defaultSwitch' }
    | { kind: 'existing'; switchName: string; switchType: EflowSwitchType }
    | { kind: 'newExternal'; switchName: string; adapterName: string }
    | { kind: 'newInternal'; switchName: string };

export type Ipv4Addressing = 'dhcp' | 'static';

/** The three static address fields, which Deploy-Eflow takes together or not at all. */
export interface StaticIpv4Fields {
    ip4Address: string;
    ip4PrefixLength: number | null;
    ip4GatewayAddress: string;
}

/** Page 4: network. */
export interface NetworkChoice {
    virtualSwitch: SwitchChoice;
    addressing: Ipv4Addressing;
    /** Kept while DHCP is chosen so that switching back does not lose what was typed; ignored for DHCP. */
    staticIp: StaticIpv4Fields;
    /** Set with Set-EflowVmDNSServers after deployment; empty: leave DNS as deployed (DHCP-provided). */
    dnsServers: string[];
}

export type GpuPassthroughType = 'DirectDeviceAssignment' | 'ParaVirtualization';

/** Page 5: GPU passthrough. */
export interface GpuChoice {
    passthroughType: GpuPassthroughType | 'none';
    /** A name from the host's GPU list. */
    gpuName: string;
    /** DDA: 1..GPUs of that model on the host; GPU-PV: 1. */
    gpuCount: number | null;
}

/** Page 6: VM features (Set-EflowVmFeature) and terms. */
export interface FeaturesAndTerms {
    /** TPM passthrough, needed for DpsTPM provisioning. */
    dpsTpm: boolean;
    /** Microsoft Defender for IoT micro-agent. */
    defender: boolean;
    /** Deploy-Eflow -acceptOptionalTelemetry Yes|No. */
    optionalTelemetry: boolean;
    eulaAccepted: boolean;
}

/** Everything the wizard collects except secrets. Safe to persist, export and display. */
export interface WizardModel {
    product: ProductChoice;
    vmSize: VmSizeChoice;
    network: NetworkChoice;
    gpu: GpuChoice;
    features: FeaturesAndTerms;
    provisioning: ProvisioningChoice;
}
