/**
 * Test data for the deploy domain specs: a valid wizard model, host facts and a deployment state snapshot, each
 * built fresh per call so a test can change its copy.
 */
import type { DeploymentHostFacts } from '../deployment-prerequisites';
import type { DeploymentStateSnapshot } from '../deployment-state';
import type { WizardModel } from '../wizard-model';

/** A client host (Windows 11 Enterprise) with Hyper-V, the Default Switch, an External switch and one GPU. */
export function clientHostFacts(): DeploymentHostFacts {
    return {
        computerName: 'EDGE-01',
        osCaption: 'Microsoft Windows 11 Enterprise',
        productType: 1,
        isServerSku: false,
        buildNumber: 22631,
        ubr: 3880,
        architecture: 'x64',
        logicalProcessors: 8,
        totalMemoryMB: 16384,
        freeMemoryMB: 8192,
        systemDrive: { name: 'C:', totalGB: 476.3, freeGB: 120.5 },
        hyperV: {
            featureState: 'Enabled', hypervisorPresent: true, virtualizationFirmwareEnabled: false,
            services: { vmms: 'Running', vmcompute: 'Running', hvhost: 'Running' }
        },
        isVirtualMachine: false,
        isAzureVm: false,
        openSshClient: true,
        rebootPending: false,
        eflow: null,
        switches: [
            { name: 'Default Switch', switchType: 'Internal', netAdapterInterfaceDescription: null },
            { name: 'LAN', switchType: 'External', netAdapterInterfaceDescription: 'Intel(R) Ethernet Connection I219-LM' }
        ],
        physicalAdapters: [
            { name: 'Ethernet', interfaceDescription: 'Intel(R) Ethernet Connection I219-LM', status: 'Up' },
            { name: 'Ethernet 2', interfaceDescription: 'Realtek USB GbE Family Controller', status: 'Up' },
            { name: 'Wi-Fi', interfaceDescription: 'Intel(R) Wi-Fi 6 AX201 160MHz', status: 'Disconnected' }
        ],
        gpus: [{ name: 'NVIDIA Tesla T4', count: 2, supportedPassthroughTypes: ['DirectDeviceAssignment'] }]
    };
}

/** A Windows Server 2022 host with an Internal switch. */
export function serverHostFacts(): DeploymentHostFacts {
    return {
        ...clientHostFacts(),
        computerName: 'SRV-01',
        osCaption: 'Microsoft Windows Server 2022 Datacenter',
        productType: 3,
        isServerSku: true,
        buildNumber: 20348,
        switches: [
            { name: 'EFLOW-Internal', switchType: 'Internal', netAdapterInterfaceDescription: null },
            { name: 'Isolated', switchType: 'Private', netAdapterInterfaceDescription: null }
        ]
    };
}

/** A complete, valid model: LTS x64 download, 2 vCPU / 4096 MB, LAN switch with a static address, DNS, DPS keys. */
export function validWizardModel(): WizardModel {
    return {
        product: { channel: 'LTS', architecture: 'x64', source: { kind: 'download' }, installPath: '', vhdxPath: '' },
        vmSize: { cpuCount: 2, memoryInMB: 4096, disk: { kind: 'osDisk', vmDiskSizeGB: 64 }, vmLogSize: 'Small' },
        network: {
            virtualSwitch: { kind: 'existing', switchName: 'LAN', switchType: 'External' },
            addressing: 'static',
            staticIp: { ip4Address: '192.168.10.50', ip4PrefixLength: 24, ip4GatewayAddress: '192.168.10.1' },
            dnsServers: ['192.168.10.1', '1.1.1.1']
        },
        gpu: { passthroughType: 'none', gpuName: '', gpuCount: null },
        features: { dpsTpm: false, defender: true, optionalTelemetry: false, eulaAccepted: true },
        provisioning: { type: 'DpsSymmetricKey', scopeId: '0ne0012AB34', registrationId: 'edge-01', globalEndpoint: '' }
    };
}

/** A bare host: nothing installed. */
export function bareHostSnapshot(): DeploymentStateSnapshot {
    return {
        schemaVersion: 2,
        collectedAt: '2026-05-01T10:00:00.0000000Z',
        computerName: 'EDGE-01',
        product: null,
        moduleAvailable: false,
        vmExists: null,
        vhdxPresent: null,
        vmPowerState: null,
        provisioning: { state: 'Unknown', source: null },
        configuration: { dnsServers: null, dpsTpm: null, defender: null, optionalTelemetry: null },
        hyperVState: 'Enabled',
        rebootPending: false,
        deploymentInProgress: false,
        switches: [
            { name: 'Default Switch', switchType: 'Internal', hostAddresses: ['172.17.96.1/20'], natPrefix: null },
            { name: 'LAN', switchType: 'External', hostAddresses: null, natPrefix: null }
        ],
        errors: []
    };
}

/** The MSI is installed, no VM yet. */
export function installedHostSnapshot(): DeploymentStateSnapshot {
    return {
        ...bareHostSnapshot(),
        product: { productName: 'Azure IoT Edge LTS', version: '1.5.7.01026', installPath: 'C:\\Program Files\\Azure IoT Edge' },
        moduleAvailable: true,
        vmExists: false,
        vhdxPresent: false
    };
}

/** The VM runs, not provisioned, features off, required telemetry. */
export function deployedHostSnapshot(): DeploymentStateSnapshot {
    return {
        ...installedHostSnapshot(),
        vmExists: true,
        vhdxPresent: true,
        vmPowerState: 'Running',
        provisioning: { state: 'NotProvisioned', source: null },
        configuration: { dnsServers: [], dpsTpm: false, defender: false, optionalTelemetry: false }
    };
}

/** Provisioned through DPS. */
export function provisionedHostSnapshot(): DeploymentStateSnapshot {
    return { ...deployedHostSnapshot(), provisioning: { state: 'Provisioned', source: 'dps' } };
}

/** A base64 key of `bytes` bytes (all 0x2a). */
export function base64Key(bytes: number): string {
    return btoa('*'.repeat(bytes));
}
