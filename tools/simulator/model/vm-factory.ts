/**
 * Builds VM records: at Deploy-Eflow time and for the fleet's pre-deployed hosts. Also the IoT Edge pieces that
 * provisioning and restarts reset (modules, aziot services).
 */
import { addMs } from '../runtime/clock';
import type {
    AziotService, EdgeModule, EflowNetworkType, ProvisioningType, VmEndpoint, VmRuntime, VmState
} from '../state/host-state';
import { cidrOf } from './ipv4';
import { edgeImageTag } from './products';

export const AZIOT_SERVICE_NAMES = ['aziot-edged', 'aziot-identityd', 'aziot-keyd', 'aziot-certd', 'aziot-tpmd'];

/** Default VM sizes of Deploy-Eflow 1.4+ (eflow.md section 3). */
export const DEFAULT_VM = { cpuCount: 1, memoryMb: 1024, osDiskGb: 29, dataDiskGb: 10, logSize: 'Small' as const };

export interface PrimaryNetwork {
    switchName: string;
    type: EflowNetworkType;
    allocationMethod: 'Dynamic' | 'Static';
    ipAddress: string;
    prefixLength: number;
    gateway: string;
}

export interface NewVm {
    hostComputerName: string;
    id: string;
    macHex: string;
    cpuCount: number;
    memoryMb: number;
    osDiskGb: number;
    dataDiskGb: number;
    logSize: 'Small' | 'Large';
    gpu: VmState['gpu'];
    network: PrimaryNetwork;
    runtime: VmRuntime;
    telemetry: 'Optional' | 'Required';
    createdAt: string;
}

/** `<HOSTNAME>-EFLOW`. */
export function vmNameFor(computerName: string): string {
    return `${computerName}-EFLOW`;
}

/** `<HOSTNAME>-EFLOWInterface`, the primary vNIC. */
export function primaryInterfaceName(computerName: string): string {
    return `${computerName}-EFLOWInterface`;
}

/** The aziot services as they are on a VM that is (or is not) provisioned. */
export function aziotServicesFor(provisioningType: ProvisioningType | null): AziotService[] {
    return AZIOT_SERVICE_NAMES.map(name => {
        const running = provisioningType !== null && (name !== 'aziot-tpmd' || provisioningType === 'DpsTPM');
        return { name, state: running ? 'Running' : 'Ready', reason: null };
    });
}

/** A module that has been running since `startedAt`. */
export function runningModule(name: string, image: string, startedAt: string): EdgeModule {
    return { name, status: 'running', exitCode: 0, image, restartCount: 0, startedAt, stoppedAt: null,
        crashAfterSeconds: null };
}

/** The system modules right after provisioning: only edgeAgent until IoT Hub sends a deployment. */
export function freshlyProvisionedModules(runtime: VmRuntime, startedAt: string): EdgeModule[] {
    return [runningModule('edgeAgent', `mcr.microsoft.com/azureiotedge-agent:${edgeImageTag(runtime)}`, startedAt)];
}

/** edgeAgent + edgeHub + a sample module, as on a device with a deployment. */
export function deployedModules(runtime: VmRuntime, startedAt: string): EdgeModule[] {
    const tag = edgeImageTag(runtime);
    return [
        runningModule('edgeAgent', `mcr.microsoft.com/azureiotedge-agent:${tag}`, startedAt),
        runningModule('edgeHub', `mcr.microsoft.com/azureiotedge-hub:${tag}`, addMs(startedAt, 20_000)),
        runningModule('SimulatedTemperatureSensor',
            'mcr.microsoft.com/azureiotedge-simulated-temperature-sensor:1.5', addMs(startedAt, 45_000))
    ];
}

/** A freshly created (deployed, not provisioned, running) VM. */
export function createVm(spec: NewVm): VmState {
    const { network } = spec;
    const endpoint: VmEndpoint = {
        name: primaryInterfaceName(spec.hostComputerName),
        switchName: network.switchName,
        macAddress: `00:15:5d:${spec.macHex.slice(0, 2)}:${spec.macHex.slice(2, 4)}:${spec.macHex.slice(4, 6)}`,
        ipAddress: network.ipAddress,
        prefixLength: network.prefixLength,
        gateway: network.gateway,
        allocationMethod: network.allocationMethod,
        guestInterfaceName: 'eth0',
        dnsServers: []
    };
    const totalStorageMb = spec.dataDiskGb * 1024 - 180;
    return {
        id: spec.id,
        name: vmNameFor(spec.hostComputerName),
        powerState: 'Running',
        cpuCount: spec.cpuCount,
        memoryMb: spec.memoryMb,
        gpu: spec.gpu,
        osDiskGb: spec.osDiskGb,
        dataDiskGb: spec.dataDiskGb,
        logSize: spec.logSize,
        macAddress: endpoint.macAddress,
        ipAddress: network.ipAddress,
        networks: [{ name: network.switchName, type: network.type, allocationMethod: network.allocationMethod,
            cidr: cidrOf(network.ipAddress, network.prefixLength) }],
        endpoints: [endpoint],
        features: { DpsTpm: false, Defender: false },
        telemetry: spec.telemetry,
        sharedFolders: [],
        provisioning: null,
        runtime: spec.runtime,
        modules: [],
        aziotServices: aziotServicesFor(null),
        usedMemMb: Math.round(spec.memoryMb * 0.28),
        totalStorageMb,
        usedStorageMb: Math.round(totalStorageMb * 0.12),
        startedAt: spec.createdAt,
        createdAt: spec.createdAt
    };
}
