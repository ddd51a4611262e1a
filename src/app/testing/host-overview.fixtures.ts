import { EflowInstallation, EflowVm, HostFacts, HostOverviewPayload } from '../core/models/host-overview';

/**
 * Test data: host overviews as the overview script returns them, one per situation the dashboard must show.
 * Each builder returns a fresh object, so a test may change it freely.
 */

/** `sudo iotedge list` of a healthy provisioned device, as the TabWriter pads it. */
export const HEALTHY_IOTEDGE_LIST: string[] = [
    'NAME             STATUS           DESCRIPTION      Config',
    'SimulatedTemperatureSensor running          Up 3 minutes     mcr.microsoft.com/azureiotedge-simulated-temperature-sensor:1.5',
    'edgeAgent        running          Up 10 minutes    mcr.microsoft.com/azureiotedge-agent:1.5',
    'edgeHub          running          Up 10 minutes    mcr.microsoft.com/azureiotedge-hub:1.5'
];

/** `sudo iotedge system status` with every service up. */
export const HEALTHY_SYSTEM_STATUS: string[] = [
    'System services:',
    '    aziot-edged             Running',
    '    aziot-identityd         Running',
    '    aziot-keyd              Running',
    '    aziot-certd             Running',
    '    aziot-tpmd              Ready',
    '',
    "Use 'iotedge system logs' to check for non-fatal errors.",
    "Use 'iotedge check' to diagnose connectivity and configuration issues."
];

/** A Windows 11 IoT Enterprise host that meets every requirement. */
export function aReadyHost(): HostFacts {
    return {
        computerName: 'FACTORY-PC-01',
        osCaption: 'Microsoft Windows 11 IoT Enterprise',
        productType: 1,
        buildNumber: 22631,
        ubr: 4317,
        architecture: 'x64',
        logicalProcessors: 8,
        totalMemoryMB: 16384,
        freeMemoryMB: 9000,
        systemDrive: { name: 'C:', totalGB: 237.5, freeGB: 120.25 },
        hyperV: { featureState: 'Enabled', hypervisorPresent: true },
        isVirtualMachine: false
    };
}

/** A running, provisioned EFLOW VM with three modules up. */
export function aRunningVm(): EflowVm {
    return {
        name: 'FACTORY-PC-01-EFLOW',
        powerState: 'Running',
        cpuCount: 2,
        memoryMB: 2048,
        runtime: { iotEdgeVersion: '1.5.21', mobyEngineVersion: '25.0.3', mobyCliVersion: '25.0.3' },
        stats: {
            totalMemMb: 1967,
            usedMemMb: 820,
            availableMemMb: 1050,
            totalStorageMb: 9900,
            usedStorageMb: 2970,
            availableStorageMb: 6930,
            cpuCount: 2,
            kernelVersion: '6.6.96.1-1.azl3'
        },
        endpoints: [{
            name: 'FACTORY-PC-01-EFLOWInterface',
            macAddress: '00:15:5d:4e:15:2c',
            healthStatus: 'currentState:OK previousState:OK',
            ipAddress: '172.27.120.111',
            prefixLength: 20,
            gateway: '172.27.112.1',
            allocationMethod: 'Dynamic',
            subnet: 'Default Switch'
        }],
        networks: [{ name: 'Default Switch', type: 'ICS', allocationMethod: 'Dynamic', cidr: '172.27.112.0/20' }],
        iotedgeList: [...HEALTHY_IOTEDGE_LIST],
        systemStatus: [...HEALTHY_SYSTEM_STATUS],
        provisioning: { state: 'Provisioned', source: 'ManualConnectionString' }
    };
}

/** The VM after Stop-EflowVm: no runtime, no statistics, nothing read inside it. */
export function aStoppedVm(): EflowVm {
    return {
        ...aRunningVm(),
        powerState: 'Off',
        runtime: null,
        stats: null,
        iotedgeList: null,
        systemStatus: null,
        provisioning: { state: 'Unknown', source: null }
    };
}

/** EFLOW 1.5 LTS, current, installed on 2026-06-01, with the given VM (`null`: MSI only, Verify-EflowVm false). */
export function anInstallation(vm: EflowVm | null = aRunningVm()): EflowInstallation {
    return {
        productName: 'Azure IoT Edge LTS',
        version: '1.5.7.01026',
        installDate: '2026-06-01',
        installPath: 'C:\\Program Files\\Azure IoT Edge',
        services: { wssdAgent: 'Running', eflowProxy: 'Running' },
        vmExists: vm !== null,
        vhdxPresent: vm !== null,
        vm
    };
}

/** Verify-EflowVm's failure after a reboot (eflow.md 14, issue #61): the module could not be loaded. */
export const VERIFY_EFLOW_VM_FAILURE =
    "The 'Verify-EflowVm' command was found in the module 'AzureEFLOW', but the module could not be loaded.";

/**
 * EFLOW installed, but whether its VM exists is unknown: Verify-EflowVm failed (`vmExists` null, no VM) and the
 * script listed the failure in `errors`.
 */
export function aHostWithUnverifiableVm(): HostOverviewPayload {
    return {
        ...aHealthyOverview(),
        eflow: { ...anInstallation(null), vmExists: null },
        errors: [{ source: 'Verify-EflowVm', code: 'EflowVmUnverifiable', message: VERIFY_EFLOW_VM_FAILURE }]
    };
}

/** What Get-EflowHostOverview reports when the installation itself could not be read (the registry denied). */
export const INSTALLATION_UNREADABLE = 'Requested registry access is not allowed.';

/** A host whose EFLOW installation could not be read: neither "installed" nor "not installed" is known. */
export function aHostWithUnreadableInstallation(): HostOverviewPayload {
    return {
        ...aHealthyOverview(),
        eflow: null,
        errors: [{ source: 'EFLOW installation', code: 'EflowInstallationUnreadable', message: INSTALLATION_UNREADABLE }]
    };
}

/**
 * A healthy provisioned host. Against a catalogue in which its version is current and supported it raises no alerts;
 * against the shipped one (1.5 LTS ends November 2026) only the support notice.
 */
export function aHealthyOverview(): HostOverviewPayload {
    return {
        schemaVersion: 2,
        collectedAt: '2026-11-22T10:00:00Z',
        host: aReadyHost(),
        deploymentInProgress: false,
        eflow: anInstallation(),
        errors: []
    };
}

/** A ready host without EFLOW. */
export function aHostWithoutEflow(): HostOverviewPayload {
    return { ...aHealthyOverview(), eflow: null };
}

/** Windows 10 Home: no Hyper-V, cannot run EFLOW. */
export function aHomeEditionHost(): HostOverviewPayload {
    return {
        ...aHostWithoutEflow(),
        host: {
            ...aReadyHost(),
            osCaption: 'Microsoft Windows 10 Home',
            buildNumber: 19045,
            hyperV: { featureState: 'NotAvailable', hypervisorPresent: false }
        }
    };
}

/** Deploy-Eflow running in another session (the wizard closed): MSI in, no VM yet, the host-wide lock held. */
export function aHostDeploying(): HostOverviewPayload {
    return { ...aHealthyOverview(), deploymentInProgress: true, eflow: { ...anInstallation(null), vhdxPresent: true } };
}

/** A Deploy-Eflow that failed part-way: its VM disk is left, no VM (Verify-EflowVm false). */
export function aPartialDeployment(): HostOverviewPayload {
    return { ...aHealthyOverview(), eflow: { ...anInstallation(null), vhdxPresent: true } };
}

/** A moment at which `aHealthyOverview()` is current: shortly after it was collected. */
export const FIXTURE_NOW = Date.parse('2026-11-22T10:00:05Z');
