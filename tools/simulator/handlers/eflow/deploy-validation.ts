/**
 * Deploy-Eflow's checks of its parameters against the host (eflow.md section 3 "Validation rules", section 7
 * prerequisites, section 9 networking, section 10 GPU). Returns the resolved VM settings or fails with the
 * documented (or a same-style) error. Pure with respect to the state: it changes nothing.
 */
import { failEflow, StandInFailure } from '../../runtime/failure';
import type { HandlerContext } from '../../runtime/handler';
import { nonInteractivePrompt } from '../../runtime/outcome';
import type { EflowNetworkType, HostState, VmState } from '../../state/host-state';
import { cidrOf, isIpv4, sameSubnet } from '../../model/ipv4';
import { trainOf } from '../../model/products';
import { DEFAULT_VM } from '../../model/vm-factory';
import * as messages from './messages';

export interface DeploySettings {
    cpuCount: number;
    memoryMb: number;
    osDiskGb: number;
    dataDiskGb: number;
    logSize: 'Small' | 'Large';
    telemetry: 'Optional' | 'Required';
    gpu: VmState['gpu'];
    network: { switchName: string; type: EflowNetworkType; adapter: string | null;
        static: { ip: string; prefix: number; gateway: string } | null };
    installOpenSsh: boolean;
}

/** Free space the default VM needs on the VHDX drive (eflow.md section 7: "about 18 GB"). */
export const REQUIRED_FREE_DISK_GB = 18;

function checkPrompts(context: HandlerContext): 'Optional' | 'Required' {
    const eula = context.params.string('acceptEula');
    const telemetry = context.params.string('acceptOptionalTelemetry');
    // Without these the module prompts, and a WAC session cannot answer a prompt.
    if (eula === null || telemetry === null) {
        throw new StandInFailure(nonInteractivePrompt());
    }
    if (eula.toLowerCase() !== 'yes') {
        failEflow(messages.EULA_DECLINED);
    }
    return telemetry.toLowerCase() === 'yes' ? 'Optional' : 'Required';
}

function checkSizes(context: HandlerContext, version: string): Pick<DeploySettings, 'cpuCount' | 'memoryMb' |
    'osDiskGb' | 'dataDiskGb' | 'logSize'> {
    const { params, host } = context;
    const cpuCount = params.int('cpuCount') ?? DEFAULT_VM.cpuCount;
    const memoryMb = params.int('memoryInMB') ?? DEFAULT_VM.memoryMb;
    const diskSize = params.int('vmDiskSize');
    const dataSize = params.int('vmDataSize');
    if (cpuCount < 1 || cpuCount > host.windows.logicalProcessors) {
        failEflow(messages.NOT_ENOUGH_CPU);
    }
    if (memoryMb < 1024) {
        failEflow(messages.memoryTooSmall(memoryMb));
    }
    if (memoryMb % 2 !== 0) {
        failEflow(messages.memoryNotEven(memoryMb));
    }
    if (memoryMb > host.windows.freeMemoryMb) {
        failEflow(messages.NOT_ENOUGH_MEMORY);
    }
    if (diskSize !== null && dataSize !== null) {
        failEflow(messages.DISK_AND_DATA_SIZE);
    }
    const is11 = trainOf(version) === '1.1';
    const [minDisk, maxDisk] = is11 ? [8, 256] : [21, 2000];
    if (diskSize !== null && (diskSize < minDisk || diskSize > maxDisk)) {
        failEflow(messages.diskSizeOutOfRange(diskSize, minDisk, maxDisk));
    }
    if (dataSize !== null && is11) {
        failEflow(messages.DATA_SIZE_NOT_IN_11);
    }
    if (dataSize !== null && (dataSize < 2 || dataSize > 2000)) {
        failEflow(messages.dataSizeOutOfRange(dataSize));
    }
    const logSize = (params.string('vmLogSize') ?? 'Small').toLowerCase() === 'large' ? 'Large' : 'Small';
    return { cpuCount, memoryMb, osDiskGb: diskSize ?? DEFAULT_VM.osDiskGb,
        dataDiskGb: dataSize ?? DEFAULT_VM.dataDiskGb, logSize };
}

/** Addresses that answer ping on the host's networks (used for the "IP in use" rule and Test-Connection). */
export function answeringAddresses(host: HostState): string[] {
    const vmAddresses = host.vm?.powerState === 'Running' ? host.vm.endpoints.map(e => e.ipAddress) : [];
    return [...host.windows.ipAddresses.map(a => a.ipAddress), ...host.windows.lanAddresses, ...vmAddresses];
}

function checkStaticIp(context: HandlerContext, type: EflowNetworkType): DeploySettings['network']['static'] {
    const { params, host } = context;
    const ip = params.string('ip4Address');
    const prefix = params.int('ip4PrefixLength');
    const gateway = params.string('ip4GatewayAddress');
    if (ip === null && prefix === null && gateway === null) {
        return null;
    }
    if (ip === null || prefix === null || gateway === null) {
        failEflow(messages.STATIC_IP_INCOMPLETE);
    }
    if (type === 'ICS') {
        failEflow(messages.STATIC_IP_ON_ICS);
    }
    for (const address of [ip, gateway]) {
        if (!isIpv4(address)) {
            failEflow(messages.invalidIp(address));
        }
    }
    if (ip === gateway) {
        failEflow(messages.ipEqualsGateway(ip));
    }
    if (!sameSubnet(ip, gateway, prefix)) {
        failEflow(messages.notSameSubnet(ip, gateway, prefix));
    }
    if (answeringAddresses(host).includes(ip)) {
        failEflow(messages.ipInUse(ip));
    }
    return { ip, prefix, gateway };
}

function checkNetwork(context: HandlerContext): DeploySettings['network'] {
    const { params, host } = context;
    const name = params.string('vswitchName');
    const typeName = params.string('vswitchType');
    const server = host.windows.productType !== 1;
    if (name === null && typeName === null) {
        if (server) {
            failEflow(messages.DEFAULT_SWITCH_ON_SERVER);
        }
        return { switchName: 'Default Switch', type: 'ICS', adapter: null, static: checkStaticIp(context, 'ICS') };
    }
    if (name === null || typeName === null) {
        failEflow(messages.SWITCH_NAME_AND_TYPE);
    }
    const type: EflowNetworkType = typeName.toLowerCase() === 'internal' ? 'Internal' : 'External';
    if (type === 'Internal' && !server) {
        failEflow(messages.INTERNAL_SWITCH_ON_CLIENT);
    }
    const matches = host.windows.vSwitches.filter(vSwitch => vSwitch.name.toLowerCase() === name.toLowerCase() &&
        vSwitch.type === type);
    if (matches.length === 0) {
        failEflow(messages.switchNotFound(name, type));
    }
    if (matches.length > 1) {
        failEflow(messages.MULTIPLE_SWITCHES);
    }
    const adapterName = matches[0]?.netAdapterName ?? null;
    if (type === 'External') {
        const adapter = host.windows.netAdapters.find(a => a.physical && a.name === adapterName);
        if (!adapter || adapter.status !== 'Up') {
            failEflow(messages.adapterDown(adapterName ?? '?', name));
        }
    }
    return { switchName: matches[0]?.name ?? name, type, adapter: adapterName, static: checkStaticIp(context, type) };
}

function checkGpu(context: HandlerContext): DeploySettings['gpu'] {
    const { params, host } = context;
    const typeName = params.string('gpuPassthroughType');
    const gpuName = params.string('gpuName');
    const type = typeName === null || typeName.toLowerCase() === 'none' ? null
        : typeName.toLowerCase() === 'directdeviceassignment' ? 'DirectDeviceAssignment' : 'ParaVirtualization';
    if (type === null) {
        if (gpuName !== null) {
            failEflow(messages.GPU_TYPE_REQUIRED);
        }
        return null;
    }
    if (gpuName === null) {
        failEflow(messages.GPU_NAME_REQUIRED);
    }
    const matching = host.windows.gpus.filter(gpu => gpu.name.toLowerCase() === gpuName.toLowerCase());
    const count = params.int('gpuCount') ?? 1;
    if (type === 'DirectDeviceAssignment') {
        // DDA is supported only for NVIDIA Tesla T4 and A2 (TSERR).
        if (!/nvidia.*\b(t4|a2)\b/i.test(gpuName)) {
            failEflow(messages.unsupportedDda(gpuName));
        }
        if (!matching.some(gpu => gpu.ddaCapable) || count > matching.length) {
            failEflow(messages.GPU_NOT_SUPPORTED);
        }
    } else if (!matching.some(gpu => gpu.paravirtualizationCapable) || count !== 1) {
        failEflow(messages.GPU_NOT_SUPPORTED);
    }
    return { name: matching[0]?.name ?? gpuName, passthroughType: type, count };
}

/** Checks that need no waiting: prompts, sizes, network, GPU (the module does them while "Creating configuration"). */
export function validateDeployParameters(context: HandlerContext, version: string): DeploySettings {
    const telemetry = checkPrompts(context);
    const sizes = checkSizes(context, version);
    const network = checkNetwork(context);
    const gpu = checkGpu(context);
    const customSsh = context.params.flag('customSsh');
    if (customSsh && !context.host.windows.openSshClient) {
        failEflow(messages.customSshMissing);
    }
    const sharedFolders = context.params.string('sharedFoldersJsonPath');
    if (sharedFolders !== null && !context.host.windows.files.some(f => f.path.toLowerCase() === sharedFolders.toLowerCase())) {
        failEflow(messages.hostFileNotFound(sharedFolders));
    }
    return { ...sizes, telemetry, network, gpu, installOpenSsh: !customSsh && !context.host.windows.openSshClient };
}

/** The Hyper-V prerequisites ("Checking host for required features"). */
export function checkHostFeatures(context: HandlerContext): void {
    const windows = context.host.windows;
    if (!windows.virtualizationFirmwareEnabled) {
        failEflow(messages.FIRMWARE_VIRTUALIZATION_OFF);
    }
    if (windows.hyperV !== 'Enabled' || !windows.hypervisorPresent) {
        failEflow(messages.HYPERVISOR_NOT_PRESENT);
    }
}

/** The VM's primary address: the static one, or a DHCP lease in the switch's subnet. */
export function primaryAddress(context: HandlerContext, settings: DeploySettings, macHex: string):
    { ip: string; prefix: number; gateway: string; allocation: 'Dynamic' | 'Static' } {
    const { network } = settings;
    if (network.static) {
        return { ...network.static, allocation: 'Static' };
    }
    const octet = 100 + parseInt(macHex.slice(4, 6), 16) % 100;
    if (network.type === 'ICS') {
        return { ip: `172.27.120.${octet}`, prefix: 20, gateway: '172.27.112.1', allocation: 'Dynamic' };
    }
    // DHCP on the network of the host interface bound to the switch (or the LAN for External).
    const hostAddress = context.host.windows.ipAddresses[0];
    const base = hostAddress ? cidrOf(hostAddress.ipAddress, 24).split('.').slice(0, 3).join('.') : '192.168.1';
    return { ip: `${base}.${octet}`, prefix: 24, gateway: `${base}.1`, allocation: 'Dynamic' };
}
