/** Get-CimInstance over the Win32 classes the product reads, with the property names Windows returns. */
import type { JsonValue } from '../../../pwsh-host/protocol';
import type { CmdletHandler } from '../../runtime/handler';
import { ok, windowsError } from '../../runtime/outcome';
import type { HostState } from '../../state/host-state';
import { parseWqlFilter } from './wql-filter';

type Instance = { [property: string]: JsonValue };
const GB = 1024 ** 3;
const CIM_ERROR_SUFFIX = 'Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand';

function operatingSystem(host: HostState): Instance[] {
    const w = host.windows;
    return [{
        Caption: w.caption,
        ProductType: w.productType,
        BuildNumber: String(w.build),
        Version: `10.0.${w.build}`,
        OSArchitecture: w.architecture === 'ARM64' ? 'ARM 64-bit Processor' : '64-bit',
        FreePhysicalMemory: w.freeMemoryMb * 1024,
        TotalVisibleMemorySize: w.totalMemoryMb * 1024,
        CSName: w.computerName,
        SystemDrive: w.systemDrive.letter,
        LastBootUpTime: w.lastBootTime,
        OperatingSystemSKU: w.productType === 1 ? 4 : 8
    }];
}

function computerSystem(host: HostState): Instance[] {
    const w = host.windows;
    return [{
        Name: w.computerName,
        Manufacturer: w.manufacturer,
        Model: w.model,
        HypervisorPresent: w.hypervisorPresent,
        NumberOfLogicalProcessors: w.logicalProcessors,
        NumberOfProcessors: 1,
        TotalPhysicalMemory: w.totalMemoryMb * 1024 * 1024
    }];
}

function processor(host: HostState): Instance[] {
    const w = host.windows;
    return [{
        Name: w.processorName,
        DeviceID: 'CPU0',
        // Win32_Processor.Architecture: 9 = x64, 12 = ARM64.
        Architecture: w.architecture === 'ARM64' ? 12 : 9,
        NumberOfCores: w.cores,
        NumberOfLogicalProcessors: w.logicalProcessors,
        VirtualizationFirmwareEnabled: w.virtualizationFirmwareEnabled,
        SecondLevelAddressTranslationExtensions: w.secondLevelAddressTranslation
    }];
}

function logicalDisk(host: HostState): Instance[] {
    const drive = host.windows.systemDrive;
    return [{
        DeviceID: drive.letter,
        DriveType: 3,
        FileSystem: 'NTFS',
        VolumeName: 'Windows',
        Size: drive.sizeGb * GB,
        FreeSpace: drive.freeGb * GB
    }];
}

function videoController(host: HostState): Instance[] {
    return host.windows.gpus.map((gpu, index) => ({
        Name: gpu.name,
        DeviceID: `VideoController${index + 1}`,
        PNPDeviceID: gpu.pnpDeviceId,
        AdapterRAM: gpu.adapterRamBytes
    }));
}

function baseBoard(host: HostState): Instance[] {
    return [{ Manufacturer: host.windows.manufacturer, Product: host.windows.isVirtualMachine ? 'Virtual Machine'
        : host.windows.model }];
}

const CLASSES: ReadonlyMap<string, (host: HostState) => Instance[]> = new Map([
    ['win32_operatingsystem', operatingSystem],
    ['win32_computersystem', computerSystem],
    ['win32_processor', processor],
    ['win32_logicaldisk', logicalDisk],
    ['win32_videocontroller', videoController],
    ['win32_baseboard', baseBoard]
]);

function selectProperties(instance: Instance, properties: string[]): Instance {
    const selected: Instance = {};
    for (const wanted of properties) {
        const key = Object.keys(instance).find(name => name.toLowerCase() === wanted.toLowerCase());
        if (key !== undefined) {
            selected[key] = instance[key] ?? null;
        }
    }
    return selected;
}

export const getCimInstance: CmdletHandler = context => {
    const { params, host } = context;
    const namespace = (params.string('Namespace') ?? 'root/cimv2').replace(/\\/g, '/').toLowerCase();
    if (namespace !== 'root/cimv2') {
        return windowsError('Invalid namespace ', `HRESULT 0x8004100e,${CIM_ERROR_SUFFIX}`, 'MetadataError');
    }
    const className = params.string('ClassName') ?? '';
    const source = CLASSES.get(className.toLowerCase());
    if (!source) {
        return windowsError('Invalid class ', `HRESULT 0x80041010,${CIM_ERROR_SUFFIX}`, 'MetadataError');
    }
    let instances = source(host);
    const filter = params.string('Filter');
    if (filter !== null && filter.trim() !== '') {
        const predicate = parseWqlFilter(filter);
        if (!predicate) {
            return windowsError('Invalid query ', `HRESULT 0x80041017,${CIM_ERROR_SUFFIX}`, 'InvalidArgument');
        }
        instances = instances.filter(predicate);
    }
    const properties = params.strings('Property');
    return ok(properties.length > 0 ? instances.map(instance => selectProperties(instance, properties)) : instances);
};
