/**
 * Start-EflowVm, Stop-EflowVm, Set-EflowVM. The power change takes effect when the command is issued; the wait
 * that follows is for the guest (boot, SSH). Cancelling during the wait therefore leaves the new power state,
 * which is the definite state to show.
 */
import { powerOff, powerOn, restartGuest } from '../../model/install';
import { failEflow } from '../../runtime/failure';
import type { CmdletHandler } from '../../runtime/handler';
import { StepLog } from '../../runtime/long-operation';
import { ok } from '../../runtime/outcome';
import { requireRunningVm, requireVm } from './guards';
import * as messages from './messages';

export const startEflowVm: CmdletHandler = async context => {
    const vm = requireVm(context);
    const log = new StepLog(context, 'Start-EflowVm');
    if (vm.powerState === 'Running') {
        log.line(`Virtual machine ${vm.name} is already running`);
        return ok(null);
    }
    if (vm.memoryMb > context.host.windows.freeMemoryMb) {
        failEflow(messages.startMemoryError(vm.name, vm.memoryMb));
    }
    log.line(`Starting virtual machine (name: ${vm.name})`);
    powerOn(context.host, vm, context.clock.now());
    context.changed();
    await log.step('Waiting for the virtual machine to boot', 30, 8000);
    await log.step('Waiting for the virtual machine to accept SSH connections', 80, 4000);
    log.line(`Virtual machine ${vm.name} started`);
    log.completed('Started');
    return ok(null);
};

export const stopEflowVm: CmdletHandler = async context => {
    const vm = requireVm(context);
    const log = new StepLog(context, 'Stop-EflowVm');
    if (vm.powerState === 'Off') {
        log.line(`Virtual machine ${vm.name} is already stopped`);
        return ok(null);
    }
    log.line(`Stopping virtual machine (name: ${vm.name})`);
    powerOff(context.host, vm);
    context.changed();
    await log.step('Waiting for the virtual machine to shut down', 50, 5000);
    log.line(`Virtual machine ${vm.name} stopped`);
    log.completed('Stopped');
    return ok(null);
};

export const setEflowVm: CmdletHandler = async context => {
    const vm = requireRunningVm(context);
    const { params, host } = context;
    const cpuCount = params.int('cpuCount') ?? vm.cpuCount;
    const memoryMb = params.int('memoryInMB') ?? vm.memoryMb;
    if (cpuCount < 1 || cpuCount > host.windows.logicalProcessors) {
        failEflow(messages.NOT_ENOUGH_CPU);
    }
    if (memoryMb < 1024) {
        failEflow(messages.memoryTooSmall(memoryMb));
    }
    if (memoryMb % 2 !== 0) {
        failEflow(messages.memoryNotEven(memoryMb));
    }
    // The VM's own memory comes back to the pool when it is resized.
    if (memoryMb > host.windows.freeMemoryMb + vm.memoryMb) {
        failEflow(messages.NOT_ENOUGH_MEMORY);
    }
    const gpuType = params.string('gpuPassthroughType');
    let gpu = vm.gpu;
    if (gpuType !== null) {
        if (gpuType.toLowerCase() === 'none') {
            gpu = null;
        } else {
            const gpuName = params.string('gpuName');
            if (gpuName === null) {
                failEflow(messages.GPU_NAME_REQUIRED);
            }
            const dda = gpuType.toLowerCase() === 'directdeviceassignment';
            const matching = host.windows.gpus.filter(g => g.name.toLowerCase() === gpuName.toLowerCase());
            const count = params.int('gpuCount') ?? 1;
            if (dda && !/nvidia.*\b(t4|a2)\b/i.test(gpuName)) {
                failEflow(messages.unsupportedDda(gpuName));
            }
            if (!matching.some(g => dda ? g.ddaCapable : g.paravirtualizationCapable) || count > matching.length ||
                !dda && count !== 1) {
                failEflow(messages.GPU_NOT_SUPPORTED);
            }
            gpu = { name: matching[0]?.name ?? gpuName, passthroughType: dda ? 'DirectDeviceAssignment'
                : 'ParaVirtualization', count };
        }
    }
    const log = new StepLog(context, 'Set-EflowVM');
    log.line(`Reconfiguring virtual machine ${vm.name} (cpuCount: ${cpuCount}, memoryInMB: ${memoryMb})`);
    host.windows.freeMemoryMb = host.windows.freeMemoryMb + vm.memoryMb - memoryMb;
    vm.cpuCount = cpuCount;
    vm.memoryMb = memoryMb;
    vm.gpu = gpu;
    restartGuest(vm, context.clock.now());
    context.changed();
    await log.step('Restarting the virtual machine with the new configuration', 60, 10000);
    log.completed('Reconfigured');
    return ok(null);
};
