/**
 * The simulated state of one host. Plain JSON data (persisted as is), never secrets: provisioning keeps only the
 * non-secret identity data (hub host name, device id, scope id, registration id, certificate paths).
 * Dates are ISO 8601 strings. Everything derived (service lists, iotedge output, CIM objects) is computed from this
 * at read time, so there is one source of truth.
 */
import type { ConnectionType } from '../api';

export type HyperVState = 'Enabled' | 'Disabled' | 'EnablePending' | 'NotAvailable';
export type Architecture = 'x64' | 'ARM64';
export type SwitchType = 'Internal' | 'External' | 'Private';
export type AdapterStatus = 'Up' | 'Disconnected';
export type ServiceStatus = 'Running' | 'Stopped';
export type PowerState = 'Running' | 'Off';
export type ProvisioningType = 'ManualConnectionString' | 'ManualX509' | 'DpsTPM' | 'DpsX509' | 'DpsSymmetricKey';
export type ModuleStatus = 'running' | 'stopped' | 'failed' | 'dead' | 'unknown';
export type AziotServiceState = 'Running' | 'Ready' | 'Down';
/** Network type as EFLOW reports it; `ICS` is the Default Switch. */
export type EflowNetworkType = 'ICS' | 'Internal' | 'External';
/**
 * none: never deployed on this install; inProgress: Deploy-Eflow is running; incomplete: a Deploy-Eflow was
 * interrupted after it created the storage VHD (uninstall and reinstall needed); complete: the VM exists.
 */
export type DeploymentState = 'none' | 'inProgress' | 'incomplete' | 'complete';

export interface VSwitch {
    name: string;
    type: SwitchType;
    /** Physical adapter of an External switch. */
    netAdapterName: string | null;
    allowManagementOS: boolean;
}

export interface NetAdapter {
    name: string;
    interfaceDescription: string;
    ifIndex: number;
    status: AdapterStatus;
    macAddress: string;
    linkSpeed: string;
    physical: boolean;
}

export interface HostIpAddress {
    ipAddress: string;
    prefixLength: number;
    ifIndex: number;
}

export interface NetNat {
    name: string;
    internalIPInterfaceAddressPrefix: string;
}

export interface Gpu {
    name: string;
    pnpDeviceId: string;
    adapterRamBytes: number;
    /** Host-side support for Direct Device Assignment (only NVIDIA T4 / A2 per TSERR) and for GPU-PV. */
    ddaCapable: boolean;
    paravirtualizationCapable: boolean;
}

/** A file on the host the simulator knows about (certificates, downloaded MSIs, the VHDX, logs). */
export interface HostFile {
    path: string;
    /** What the file is, for the handlers that read it. */
    kind: 'msi' | 'certificate' | 'privateKey' | 'vhdx' | 'zip' | 'json' | 'other';
    /** For kind 'msi': the MSI catalog key (see model/products.ts). */
    msiKey?: string;
    /**
     * For kind 'msi' without a catalog key: the package of another product, as its database describes it. An 'msi'
     * file with neither is damaged: Windows Installer cannot open it.
     */
    msiPackage?: MsiPackageFacts;
    /** For kind 'json': the text (e.g. a shared folders description). Never a secret. */
    content?: string;
}

/** What a package's database says about it: Property table values and the Summary Information Template. */
export interface MsiPackageFacts {
    productName: string;
    productVersion: string;
    manufacturer: string;
    /** PID_TEMPLATE, "<platform>;<languages>", e.g. "x64;1033", "Arm64;1033", "Intel;1033". */
    template: string;
}

/** A non-EFLOW entry of the Uninstall registry keys (so the keys look like a real machine's). */
export interface InstalledProgram {
    displayName: string;
    displayVersion: string;
    publisher: string;
    /** yyyyMMdd */
    installDate: string;
    installLocation: string;
    /** Key name (PSChildName): a product code GUID in braces, or a plain name. */
    keyName: string;
    /** Under WOW6432Node (32-bit) instead of the 64-bit key. */
    wow6432: boolean;
}

export interface WindowsFacts {
    computerName: string;
    /**
     * HKLM\SOFTWARE\Microsoft\Cryptography MachineGuid. Random per built fleet, not derived from the name: the scripts
     * name the host-wide deployment lock after it, and that lock is a real named mutex, shared by every process on
     * this Linux box, so two fleets (two test suites, two emulators) must not have the same machines.
     */
    machineGuid: string;
    caption: string;
    /** 1 workstation, 2 domain controller, 3 server. */
    productType: 1 | 2 | 3;
    editionId: string;
    /** e.g. 23H2 (Windows NT\CurrentVersion DisplayVersion). */
    displayVersion: string;
    build: number;
    ubr: number;
    architecture: Architecture;
    processorName: string;
    cores: number;
    logicalProcessors: number;
    totalMemoryMb: number;
    /** Free memory now (the running EFLOW VM's memory already taken out). */
    freeMemoryMb: number;
    systemDrive: { letter: string; sizeGb: number; freeGb: number };
    hyperV: HyperVState;
    hypervisorPresent: boolean;
    virtualizationFirmwareEnabled: boolean;
    secondLevelAddressTranslation: boolean;
    isVirtualMachine: boolean;
    /** An Azure VM: the WindowsAzureGuestAgent service runs (eflow.md section 3); always a virtual machine too. */
    isAzureVm: boolean;
    manufacturer: string;
    model: string;
    openSshClient: boolean;
    pendingReboot: { componentBasedServicing: boolean; windowsUpdate: boolean };
    vSwitches: VSwitch[];
    netAdapters: NetAdapter[];
    ipAddresses: HostIpAddress[];
    nats: NetNat[];
    gpus: Gpu[];
    files: HostFile[];
    programs: InstalledProgram[];
    /** Addresses on the host's networks that answer ping (gateways, LAN peers). */
    lanAddresses: string[];
    /** Whether the host reaches the Internet (downloads, public pings). */
    internet: boolean;
    lastBootTime: string;
}

export interface EflowInstall {
    /** ARP DisplayName: `Azure IoT Edge LTS` or `Azure IoT Edge` (CR). */
    productName: string;
    version: string;
    architecture: Architecture;
    installDate: string;
    installPath: string;
    vhdxPath: string;
    /** `{GUID}`: the Uninstall key name (PSChildName), used by msiexec /x. */
    productCode: string;
    wssdAgent: ServiceStatus;
    eflowProxy: ServiceStatus;
    /** WSSDAgent's certificate expiry: install + one calendar year (updates do not renew it). */
    wssdCertificateExpiry: string;
    deployment: DeploymentState;
    /** 1.1 -> 1.4 migration in progress (Start-EflowMigration ran, not yet confirmed or restored). */
    migrationPending: boolean;
}

export interface VmNetwork {
    name: string;
    type: EflowNetworkType;
    allocationMethod: 'Dynamic' | 'Static';
    cidr: string;
}

export interface VmEndpoint {
    name: string;
    switchName: string;
    macAddress: string;
    ipAddress: string;
    prefixLength: number;
    gateway: string;
    allocationMethod: 'Dynamic' | 'Static';
    guestInterfaceName: string;
    dnsServers: string[];
}

export interface SharedFolder {
    sharedFolderRoot: string;
    hostFolderPath: string;
    readOnly: boolean;
    targetFolderOnGuest: string;
}

/** Provisioning as the VM knows it: the type and the non-secret identity data only. */
export interface ProvisioningInfo {
    type: ProvisioningType;
    iotHubHostname: string | null;
    deviceId: string | null;
    scopeId: string | null;
    registrationId: string | null;
    globalEndpoint: string | null;
    identityCertPath: string | null;
    identityPrivKeyPath: string | null;
    provisionedAt: string;
}

export interface EdgeModule {
    name: string;
    status: ModuleStatus;
    exitCode: number;
    image: string;
    restartCount: number;
    startedAt: string;
    /** When it stopped or failed (null while running). */
    stoppedAt: string | null;
    /**
     * A crash-looping module: this many seconds after each start it fails again with exit code 137, computed from
     * now() at read time (so `iotedge restart` helps only for a while, as in life).
     */
    crashAfterSeconds: number | null;
}

export interface AziotService {
    name: string;
    state: AziotServiceState;
    /** For Down: the reason printed after `Down - `. */
    reason: string | null;
}

export interface VmRuntime {
    iotEdgeVersion: string;
    mobyEngineVersion: string;
    mobyCliVersion: string;
    kernelVersion: string;
    osName: string;
    osVersion: string;
}

export interface VmState {
    id: string;
    name: string;
    powerState: PowerState;
    cpuCount: number;
    memoryMb: number;
    gpu: { name: string; passthroughType: 'DirectDeviceAssignment' | 'ParaVirtualization'; count: number } | null;
    osDiskGb: number;
    dataDiskGb: number;
    logSize: 'Small' | 'Large';
    macAddress: string;
    /** Primary endpoint address; null = the host cannot resolve it (broken VM networking). */
    ipAddress: string | null;
    networks: VmNetwork[];
    endpoints: VmEndpoint[];
    features: { DpsTpm: boolean; Defender: boolean };
    telemetry: 'Optional' | 'Required';
    sharedFolders: SharedFolder[];
    provisioning: ProvisioningInfo | null;
    runtime: VmRuntime;
    modules: EdgeModule[];
    aziotServices: AziotService[];
    /** Guest figures (the VM's own view). */
    usedMemMb: number;
    totalStorageMb: number;
    usedStorageMb: number;
    startedAt: string;
    createdAt: string;
}

/** One entry of the per-host operation history (names of parameters only: values may be secrets). */
export interface OperationRecord {
    at: string;
    module: string;
    command: string;
    parameterNames: string[];
    outcome: 'ok' | 'error' | 'stopped';
    message: string | null;
}

export interface HostState {
    name: string;
    connectionType: ConnectionType;
    tags: string[];
    description: string;
    windows: WindowsFacts;
    eflow: EflowInstall | null;
    vm: VmState | null;
    /** While set and in the future, the host is rebooting (unreachable). */
    rebootingUntil: string | null;
    history: OperationRecord[];
}
