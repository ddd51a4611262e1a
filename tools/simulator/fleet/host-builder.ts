/**
 * Builds simulated hosts from a few facts: a base Windows machine (client or server) and the EFLOW layers on top
 * (installed, deployed, provisioned). The default and generated fleets are written with these, so every host has
 * consistent derived facts (memory taken by a running VM, files, product codes).
 */
import { randomUUID } from 'crypto';
import type { ConnectionType } from '../api';
import { DAY_MS, MINUTE_MS } from '../runtime/clock';
import type {
    Architecture, EflowNetworkType, HostState, ProvisioningInfo, ProvisioningType, VmState
} from '../state/host-state';
import { hexFromSeed, windowsMac } from '../model/ids';
import { addFile, applyInstall, newInstall, vhdxFilePath } from '../model/install';
import { productByKey, runtimeForVersion } from '../model/products';
import {
    aziotServicesFor, createVm, deployedModules, freshlyProvisionedModules, type PrimaryNetwork
} from '../model/vm-factory';

export interface BaseHostOptions {
    name: string;
    description: string;
    tags: string[];
    kind: 'client' | 'server';
    /** Caption, edition, display version, build, UBR. */
    os?: { caption: string; editionId: string; displayVersion: string; build: number; ubr: number };
    architecture?: Architecture;
    logicalProcessors?: number;
    totalMemoryMb?: number;
    freeMemoryMb?: number;
    systemDrive?: { sizeGb: number; freeGb: number };
    hyperV?: 'Enabled' | 'Disabled' | 'NotAvailable';
    isVirtualMachine?: boolean;
    /** An Azure VM (implies isVirtualMachine): the WindowsAzureGuestAgent service, Azure's NIC and display adapter. */
    azureVm?: boolean;
    gpus?: HostState['windows']['gpus'];
    now: Date;
}

const CLIENT_OS = { caption: 'Microsoft Windows 11 Enterprise', editionId: 'Enterprise', displayVersion: '23H2',
    build: 22631, ubr: 4169 };
const SERVER_OS = { caption: 'Microsoft Windows Server 2022 Datacenter', editionId: 'ServerDatacenter',
    displayVersion: '21H2', build: 20348, ubr: 2655 };

/** The display adapter of a VM without a GPU size: no passthrough (the prerequisites leave out `Microsoft *` adapters). */
const AZURE_VM_DISPLAY = { name: 'Microsoft Hyper-V Video', pnpDeviceId: 'VMBUS\\{DA0A7802-E377-4AAC-8E77-0558EB1073F8}',
    adapterRamBytes: 0, ddaCapable: false, paravirtualizationCapable: false };

/** The NetBIOS computer name of a node name: first label, upper case, at most 15 characters. */
export function computerNameOf(nodeName: string): string {
    return (nodeName.split('.')[0] ?? nodeName).toUpperCase().slice(0, 15);
}

/** A Windows host without EFLOW. */
export function baseHost(options: BaseHostOptions): HostState {
    const server = options.kind === 'server';
    const os = options.os ?? (server ? SERVER_OS : CLIENT_OS);
    const architecture = options.architecture ?? 'x64';
    const hyperV = options.hyperV ?? 'Enabled';
    const logicalProcessors = options.logicalProcessors ?? 8;
    const totalMemoryMb = options.totalMemoryMb ?? 16384;
    const seed = options.name;
    const connectionType: ConnectionType = server ? 'msft.sme.connection-type.server'
        : 'msft.sme.connection-type.windows-client';
    const lanOctet = 20 + parseInt(hexFromSeed(seed, 2), 16) % 200;
    const azureVm = options.azureVm ?? false;
    const virtualMachine = azureVm || (options.isVirtualMachine ?? false);
    const host: HostState = {
        name: options.name,
        connectionType,
        tags: options.tags,
        description: options.description,
        windows: {
            computerName: computerNameOf(options.name),
            machineGuid: randomUUID(),
            caption: os.caption,
            productType: server ? 3 : 1,
            editionId: os.editionId,
            displayVersion: os.displayVersion,
            build: os.build,
            ubr: os.ubr,
            architecture,
            processorName: architecture === 'ARM64' ? 'Snapdragon (TM) 8cx Gen 3 @ 3.0 GHz'
                : 'Intel(R) Core(TM) i7-1185G7 @ 3.00GHz',
            cores: Math.max(1, Math.floor(logicalProcessors / 2)),
            logicalProcessors,
            totalMemoryMb,
            freeMemoryMb: options.freeMemoryMb ?? Math.round(totalMemoryMb * 0.55),
            systemDrive: { letter: 'C:', sizeGb: options.systemDrive?.sizeGb ?? 476,
                freeGb: options.systemDrive?.freeGb ?? 212 },
            hyperV,
            hypervisorPresent: hyperV === 'Enabled',
            virtualizationFirmwareEnabled: true,
            secondLevelAddressTranslation: true,
            isVirtualMachine: virtualMachine,
            isAzureVm: azureVm,
            manufacturer: virtualMachine ? 'Microsoft Corporation' : server ? 'Dell Inc.' : 'LENOVO',
            model: virtualMachine ? 'Virtual Machine' : server ? 'PowerEdge R650' : '20XW0055US',
            openSshClient: true,
            pendingReboot: { componentBasedServicing: false, windowsUpdate: false },
            vSwitches: [],
            netAdapters: [{
                // An Azure VM's NIC is a Hyper-V synthetic adapter (Azure runs on Hyper-V).
                name: 'Ethernet', ifIndex: 12,
                interfaceDescription: azureVm ? 'Microsoft Hyper-V Network Adapter' : 'Intel(R) Ethernet Connection (13) I219-LM',
                status: 'Up', macAddress: windowsMac(`8c:16:45:${(hexFromSeed(`${seed}/nic`, 6).match(/../g) ?? []).join(':')}`),
                linkSpeed: '1 Gbps', physical: true
            }],
            ipAddresses: [{ ipAddress: `192.168.1.${lanOctet}`, prefixLength: 24, ifIndex: 12 }],
            nats: [],
            gpus: options.gpus ?? (azureVm ? [AZURE_VM_DISPLAY] : [{ name: 'Intel(R) Iris(R) Xe Graphics', pnpDeviceId:
                'PCI\\VEN_8086&DEV_9A49&SUBSYS_22DA17AA&REV_01\\3&11583659&0&10', adapterRamBytes: 1073741824,
                ddaCapable: false, paravirtualizationCapable: true }]),
            files: [],
            programs: [
                { displayName: 'Microsoft Edge', displayVersion: '131.0.2903.99', publisher: 'Microsoft Corporation',
                    installDate: '20241212', installLocation: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application',
                    keyName: 'Microsoft Edge', wow6432: true },
                { displayName: 'Microsoft Update Health Tools', displayVersion: '5.72.0.0', publisher: 'Microsoft Corporation',
                    installDate: '20240611', installLocation: '', keyName: '{1FC1A6C2-576E-489A-9B4A-92D21F542136}',
                    wow6432: false }
            ],
            lanAddresses: ['192.168.1.1'],
            internet: true,
            lastBootTime: new Date(options.now.getTime() - 3 * DAY_MS).toISOString()
        },
        eflow: null,
        vm: null,
        rebootingUntil: null,
        history: []
    };
    if (hyperV === 'Enabled' && !server) {
        // Client SKUs get the Default Switch (ICS) with Hyper-V.
        host.windows.vSwitches.push({ name: 'Default Switch', type: 'Internal', netAdapterName: null,
            allowManagementOS: true });
    }
    return host;
}

/** Installs an EFLOW MSI (catalog key) `daysAgo` days before now. */
export function withInstall(host: HostState, msiKey: string, now: Date, daysAgo: number): HostState {
    const product = productByKey(msiKey);
    if (!product) {
        throw new Error(`unknown MSI ${msiKey}`);
    }
    applyInstall(host, newInstall(product, new Date(now.getTime() - daysAgo * DAY_MS)));
    return host;
}

export interface DeployOptions {
    cpuCount?: number;
    memoryMb?: number;
    dataDiskGb?: number;
    powerState?: 'Running' | 'Off';
    network?: { switchName: string; type: EflowNetworkType; static?: { ip: string; prefix: number; gateway: string } };
    /** Minutes the VM has been up. */
    uptimeMinutes?: number;
    usedStoragePercent?: number;
}

/** Deploys the VM on an installed host (Deploy-Eflow already ran when the fleet starts). */
export function withVm(host: HostState, now: Date, options: DeployOptions = {}): VmState {
    const install = host.eflow;
    if (!install) {
        throw new Error(`${host.name}: install EFLOW before deploying`);
    }
    const seed = host.name;
    const network = primaryNetwork(seed, options.network);
    const uptimeMs = (options.uptimeMinutes ?? 3 * 24 * 60) * MINUTE_MS;
    const createdAt = new Date(Date.parse(install.installDate) + 30 * MINUTE_MS).toISOString();
    const vm = createVm({
        hostComputerName: host.windows.computerName,
        id: hexFromSeed(`${seed}/vm`, 15),
        macHex: hexFromSeed(`${seed}/mac`, 6),
        cpuCount: options.cpuCount ?? 2,
        memoryMb: options.memoryMb ?? 4096,
        osDiskGb: 29,
        dataDiskGb: options.dataDiskGb ?? 10,
        logSize: 'Small',
        gpu: null,
        network,
        runtime: runtimeForVersion(install.version, install.architecture),
        telemetry: 'Optional',
        createdAt
    });
    vm.startedAt = new Date(now.getTime() - uptimeMs).toISOString();
    vm.powerState = options.powerState ?? 'Running';
    if (options.usedStoragePercent !== undefined) {
        vm.usedStorageMb = Math.round(vm.totalStorageMb * options.usedStoragePercent / 100);
    }
    if (vm.powerState === 'Running') {
        host.windows.freeMemoryMb = Math.max(0, host.windows.freeMemoryMb - vm.memoryMb);
    }
    install.deployment = 'complete';
    addFile(host, { path: vhdxFilePath(install), kind: 'vhdx' });
    host.vm = vm;
    return vm;
}

function primaryNetwork(seed: string, option: DeployOptions['network']): PrimaryNetwork {
    const octet = 100 + parseInt(hexFromSeed(`${seed}/ip`, 2), 16) % 100;
    if (!option || option.type === 'ICS') {
        return { switchName: option?.switchName ?? 'Default Switch', type: 'ICS', allocationMethod: 'Dynamic',
            ipAddress: `172.27.120.${octet}`, prefixLength: 20, gateway: '172.27.112.1' };
    }
    if (option.static) {
        return { switchName: option.switchName, type: option.type, allocationMethod: 'Static',
            ipAddress: option.static.ip, prefixLength: option.static.prefix, gateway: option.static.gateway };
    }
    return { switchName: option.switchName, type: option.type, allocationMethod: 'Dynamic',
        ipAddress: `192.168.1.${octet}`, prefixLength: 24, gateway: '192.168.1.1' };
}

/** Provisions the deployed VM (non-secret identity only) and gives it running modules. */
export function withProvisioning(host: HostState, type: ProvisioningType,
    identity: Partial<Omit<ProvisioningInfo, 'type' | 'provisionedAt'>>, withDeployment = true): VmState {
    const vm = host.vm;
    if (!vm) {
        throw new Error(`${host.name}: deploy before provisioning`);
    }
    vm.provisioning = {
        type,
        iotHubHostname: identity.iotHubHostname ?? null,
        deviceId: identity.deviceId ?? null,
        scopeId: identity.scopeId ?? null,
        registrationId: identity.registrationId ?? null,
        globalEndpoint: identity.globalEndpoint ?? null,
        identityCertPath: identity.identityCertPath ?? null,
        identityPrivKeyPath: identity.identityPrivKeyPath ?? null,
        provisionedAt: new Date(Date.parse(vm.createdAt) + 10 * MINUTE_MS).toISOString()
    };
    vm.aziotServices = aziotServicesFor(type);
    vm.modules = withDeployment ? deployedModules(vm.runtime, vm.startedAt) : freshlyProvisionedModules(vm.runtime,
        vm.startedAt);
    vm.usedMemMb = Math.round(vm.memoryMb * 0.42);
    return vm;
}
