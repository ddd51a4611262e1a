import type { EflowVm, SectionError } from '../models/host-overview';

/**
 * Get-EflowVm lists the modules through `sudo iotedge list`, so while IoT Edge does not run (not provisioned yet, or
 * its daemon down) it throws "Unexpected return from 'sudo iotedge list'" (eflow.md section 5). The overview then
 * learns from Get-EflowVmAddr that the VM runs and reads the runtime itself: only the VM's size and resource use are
 * missing. That failure is expected and explained, not an error of the read.
 */
export const IOTEDGE_LIST_FAILURE = "Unexpected return from 'sudo iotedge list'";

/** Whether `error` is Get-EflowVm's documented failure while IoT Edge is down, on a VM that was still read as running. */
export function isRuntimeDownRead(error: SectionError, vm: EflowVm | null): boolean {
    return error.code === 'EflowVmUnavailable' && error.message.includes(IOTEDGE_LIST_FAILURE) &&
        vm !== null && vm.powerState.trim().toLowerCase() === 'running';
}
