/**
 * Output shapes of the VM read cmdlets (eflow.md section 5), built from the state at now(). Kept apart from the
 * handlers because the VM shell (iotedge list, free, df) shows the same figures.
 */
import type { JsonValue } from '../../../pwsh-host/protocol';
import { roughDuration } from '../../model/humanize';
import { modulesAt } from '../../model/modules';
import type { EdgeModule, VmEndpoint, VmNetwork, VmState } from '../../state/host-state';

/** The guest's view of its memory: a little goes to the kernel. */
export function guestTotalMemMb(vm: VmState): number {
    return vm.memoryMb - 262;
}

/** The humanized DESCRIPTION column of `iotedge list`. */
export function moduleDescription(module: EdgeModule, now: Date): string {
    const since = (iso: string | null): string => roughDuration(now.getTime() - Date.parse(iso ?? now.toISOString()));
    switch (module.status) {
        case 'running':
            return `Up ${since(module.startedAt)}`;
        case 'stopped':
            return `Stopped ${since(module.stoppedAt)} ago`;
        case 'failed':
            return `Failed (${module.exitCode}) ${since(module.stoppedAt)} ago`;
        case 'dead':
            return `Dead ${since(module.stoppedAt)} ago`;
        default:
            return 'Unknown';
    }
}

/** Whether aziot-edged runs, so that `iotedge list` can answer (and Get-EflowVm, whose ModuleList it fills). */
export function edgeDaemonRunning(vm: VmState): boolean {
    return vm.aziotServices.some(service => service.name === 'aziot-edged' && service.state === 'Running');
}

/** `systemctl status aziot-edged` head lines, what SystemCtlStatus shows. */
function systemCtlStatus(vm: VmState, now: Date): string[] {
    const edged = vm.aziotServices.find(service => service.name === 'aziot-edged');
    const started = new Date(Date.parse(vm.startedAt) + 20_000);
    const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][started.getUTCDay()];
    const stamp = `${day} ${started.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
    const active = edged?.state === 'Running' ? `active (running) since ${stamp}; ${roughDuration(now.getTime() -
        started.getTime())} ago` : edged?.state === 'Down' ? `failed (Result: exit-code) since ${stamp}`
        : 'inactive (dead)';
    return [
        '● aziot-edged.service - Azure IoT Edge daemon',
        '     Loaded: loaded (/usr/lib/systemd/system/aziot-edged.service; enabled; vendor preset: enabled)',
        `     Active: ${active}`
    ];
}

/** One ModuleList entry: the columns of `iotedge list` as properties. */
function moduleListEntry(module: EdgeModule, now: Date): JsonValue {
    return { Name: module.name, Status: module.status, Description: moduleDescription(module, now),
        Config: module.image };
}

/**
 * The Get-EflowVm object. Version, status and statistics are {} while the VM is Off (issue #273). While it runs,
 * the caller has checked that aziot-edged runs: otherwise Get-EflowVm fails (see getEflowVm).
 */
export function eflowVmView(vm: VmState, now: Date): JsonValue {
    const running = vm.powerState === 'Running';
    const totalMem = guestTotalMemMb(vm);
    return {
        VmConfiguration: {
            ID: vm.id,
            name: vm.name,
            properties: {
                HighAvailabilityState: 'UNKNOWN_HA_STATE',
                disableHighAvailability: false,
                hardwareProfile: { customsize: { cpucount: vm.cpuCount, gpucount: vm.gpu?.count ?? 0,
                    memorymb: vm.memoryMb }, vmSize: 'Custom' },
                isPlaceholder: false,
                networkProfile: { networkInterfaces: vm.endpoints.map(endpoint =>
                    ({ virtualNetworkInterfaceReference: endpoint.name })) },
                osProfile: { computerName: vm.name, linuxConfiguration: { disablePasswordAuthentication: true },
                    osbootstrapengine: 'CloudInit' }
            },
            tags: {}
        },
        VmPowerState: vm.powerState,
        EdgeRuntimeVersion: running ? { IotEdgeVersion: vm.runtime.iotEdgeVersion,
            MobyEngineVersion: vm.runtime.mobyEngineVersion, MobyCliVersion: vm.runtime.mobyCliVersion } : {},
        EdgeRuntimeStatus: running ? {
            SystemCtlStatus: systemCtlStatus(vm, now),
            ModuleList: modulesAt(vm.modules, now).map(m => moduleListEntry(m, now))
        } : {},
        SystemStatistics: running ? {
            TotalMemMb: totalMem,
            UsedMemMb: vm.usedMemMb,
            AvailableMemMb: Math.max(0, totalMem - vm.usedMemMb - 150),
            TotalStorageMb: vm.totalStorageMb,
            UsedStorageMb: vm.usedStorageMb,
            AvailableStorageMb: Math.max(0, vm.totalStorageMb - vm.usedStorageMb),
            CpuCount: vm.cpuCount,
            KernelVersion: vm.runtime.kernelVersion
        } : {}
    };
}

/** A Get-EflowVmEndpoint / Add-EflowVmEndpoint object. */
export function endpointView(endpoint: VmEndpoint): JsonValue {
    return {
        Name: endpoint.name,
        MacAddress: endpoint.macAddress,
        HealthStatus: 'currentState:OK previousState:OK',
        IpConfiguration: { Address: endpoint.ipAddress, PrefixLength: endpoint.prefixLength, Gateway: endpoint.gateway,
            AllocationMethod: endpoint.allocationMethod, SubNet: endpoint.switchName },
        GuestInterfaceName: endpoint.guestInterfaceName
    };
}

/** A Get-EflowNetwork / Add-EflowNetwork object. */
export function networkView(network: VmNetwork): JsonValue {
    return { Name: network.name, AllocationMethod: network.allocationMethod, Cidr: network.cidr, Type: network.type };
}
