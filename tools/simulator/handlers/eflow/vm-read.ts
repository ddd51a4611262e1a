/** Read-only AzureEFLOW cmdlets: the VM, its address, name, features, telemetry, TPM data, host capacity. */
import { hexFromSeed } from '../../model/ids';
import { vmNameFor } from '../../model/vm-factory';
import { failEflow } from '../../runtime/failure';
import type { CmdletHandler, HandlerContext } from '../../runtime/handler';
import { StepLog } from '../../runtime/long-operation';
import { ok } from '../../runtime/outcome';
import { addFile } from '../../model/install';
import { installOf, requireReachableVm, requireRunningVm, requireVm } from './guards';
import { IOTEDGE_LIST_UNEXPECTED, IP_UNRESOLVED, TPM_NOT_ENABLED, unknownFeature } from './messages';
import { edgeDaemonRunning, eflowVmView } from './vm-view';

/** Feature names as the module spells them; input is matched case-insensitively. */
export const VM_FEATURES = ['DpsTpm', 'Defender'] as const;
export type VmFeature = typeof VM_FEATURES[number];

/** The canonical feature name, or the documented error. */
export function featureNamed(context: HandlerContext): VmFeature {
    const given = context.params.string('feature') ?? '';
    const match = VM_FEATURES.find(feature => feature.toLowerCase() === given.toLowerCase());
    if (!match) {
        failEflow(unknownFeature(given));
    }
    return match;
}

export const getEflowVm: CmdletHandler = context => {
    if (context.faults.getEflowVmThrows !== null) {
        failEflow(context.faults.getEflowVmThrows);
    }
    const vm = requireVm(context);
    if (vm.powerState === 'Running' && vm.ipAddress === null) {
        failEflow(IP_UNRESOLVED);
    }
    // A running VM's ModuleList comes from `sudo iotedge list`, which fails while aziot-edged does not run.
    if (vm.powerState === 'Running' && !edgeDaemonRunning(vm)) {
        failEflow(IOTEDGE_LIST_UNEXPECTED);
    }
    return ok(eflowVmView(vm, context.clock.now()));
};

export const getEflowVmAddr: CmdletHandler = context => {
    const vm = requireRunningVm(context);
    const log = new StepLog(context, 'Get-EflowVmAddr');
    log.line(`Querying IP and MAC addresses from virtual machine (${vm.name})`);
    if (vm.ipAddress === null) {
        failEflow(IP_UNRESOLVED);
    }
    log.plain(` - Virtual machine MAC: ${vm.macAddress}`);
    log.plain(` - Virtual machine IP : ${vm.ipAddress} retrieved directly from virtual machine`);
    return ok([vm.macAddress, vm.ipAddress]);
};

export const getEflowVmName: CmdletHandler = context => ok(vmNameFor(context.host.windows.computerName));

export const verifyEflowVm: CmdletHandler = context =>
    ok(context.host.vm !== null && context.host.eflow?.deployment === 'complete');

export const getEflowHostConfiguration: CmdletHandler = context => {
    const windows = context.host.windows;
    const gpu = windows.gpus.find(candidate => candidate.ddaCapable || candidate.paravirtualizationCapable);
    const passthroughTypes = gpu ? [
        ...(gpu.ddaCapable ? ['DirectDeviceAssignment'] : []),
        ...(gpu.paravirtualizationCapable ? ['ParaVirtualization'] : [])
    ] : [];
    return ok({
        FreePhysicalMemoryInMB: windows.freeMemoryMb,
        NumberOfLogicalProcessors: windows.logicalProcessors,
        DiskInfo: { Drive: windows.systemDrive.letter, FreeSizeInGB: windows.systemDrive.freeGb,
            TotalSizeInGB: windows.systemDrive.sizeGb },
        GpuInfo: { Count: gpu ? windows.gpus.filter(g => g.name === gpu.name).length : 0,
            SupportedPassthroughTypes: passthroughTypes, Name: gpu?.name ?? '' }
    });
};

export const getEflowVmTelemetryOption: CmdletHandler = context => ok(requireVm(context).telemetry);

export const getEflowVmFeature: CmdletHandler = context => {
    if (!context.params.has('feature')) {
        const vm = requireVm(context);
        return ok(VM_FEATURES.map(feature => ({ Feature: feature, Enabled: vm.features[feature] })));
    }
    const feature = featureNamed(context);
    return ok(requireVm(context).features[feature]);
};

export const getEflowVmTpmProvisioningInfo: CmdletHandler = context => {
    const vm = requireReachableVm(context);
    if (!vm.features.DpsTpm) {
        failEflow(TPM_NOT_ENABLED);
    }
    // Public TPM data (endorsement key, registration id): derived from the VM id, stable per VM.
    const endorsementKey = Buffer.from(hexFromSeed(`${vm.id}/ek`, 96), 'hex').toString('base64');
    return ok({ 'Endorsement Key': `AToAAQALAAMAsgAgg3GXZ0SEs/gakMyNRqXXJP1S124GUgtk8qHaGzMUaaoABgCAAEMAEAgAAAAAAAEA${endorsementKey}`,
        'Registration ID': hexFromSeed(`${vm.id}/registration`, 64) });
};

export const getEflowLogs: CmdletHandler = async context => {
    const install = installOf(context);
    const log = new StepLog(context, 'Get-EflowLogs');
    await log.step('Collecting Logs from Deployment...', 5, 500);
    await log.step('Collecting configuration', 20, 1000);
    await log.step("Collecting 'Azure IoT Edge for Linux on Windows' event logs", 40, 1500);
    if (context.host.vm?.powerState === 'Running' && context.host.vm.ipAddress !== null) {
        await log.step('Collecting virtual machine logs', 60, 3000);
    }
    const zipPath = `${install.installPath}\\eflowlogs.zip`;
    await log.step(`Compressing logs into ${zipPath}`, 90, 800);
    addFile(context.host, { path: zipPath, kind: 'zip' });
    context.changed();
    log.completed('Logs collected');
    return ok(zipPath);
};
