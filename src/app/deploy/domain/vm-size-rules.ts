/**
 * Rules of wizard page 3 (VM size), from Deploy-Eflow's documented ranges (eflow.md section 3, 1.4+ values).
 * Host-dependent limits take the host's figures as arguments; `null` skips that limit (facts not read yet).
 */
import type { DiskChoice, VmSizeChoice } from './wizard-model';
import { messageOf, type DeployTextKey } from './message-text';
import { validationError, validationWarning, type ValidationMessage } from './validation-message';

export const MIN_MEMORY_MB = 1024;
export const MIN_VM_DISK_GB = 21;
export const MAX_VM_DISK_GB = 2000;
export const MIN_VM_DATA_GB = 2;
export const MAX_VM_DATA_GB = 2000;
/** What the default VM needs free on the disk (eflow.md section 7). */
export const DEFAULT_VM_DISK_NEED_GB = 18;

/** What the host should keep for itself: at least one logical processor and 2 GB of free memory (a warning below). */
export const HOST_RESERVE_CPUS = 1;
export const HOST_RESERVE_MEMORY_MB = 2048;

/**
 * -cpuCount: a whole number 1..host logical processors. Every processor is allowed (Deploy-Eflow takes it), but a
 * host left with no logical processor of its own stalls under the VM's load: warned, with the numbers.
 */
export function validateCpuCount(cpuCount: number | null, hostLogicalProcessors: number | null): ValidationMessage[] {
    const field = 'vmSize.cpuCount';
    if (cpuCount === null) {
        return [validationError(field, 'cpuRequired')];
    }
    if (!Number.isInteger(cpuCount)) {
        return [validationError(field, 'cpuNotWhole')];
    }
    if (cpuCount < 1) {
        return [validationError(field, 'cpuTooLow')];
    }
    if (hostLogicalProcessors !== null && cpuCount > hostLogicalProcessors) {
        return [validationError(field, 'cpuTooHigh', { max: hostLogicalProcessors })];
    }
    if (hostLogicalProcessors !== null && hostLogicalProcessors - cpuCount < HOST_RESERVE_CPUS) {
        return [validationWarning(field, 'cpuHostLeftLow', { count: cpuCount, total: hostLogicalProcessors, left: hostLogicalProcessors - cpuCount })];
    }
    return [];
}

/**
 * -memoryInMB: even, at least 1024, at most the host's free memory. Every error that applies is reported (99999 MB is
 * odd and above the free memory: fixing one must not reveal the other only then). Within the free memory, leaving
 * the host less than 2 GB is a warning with the numbers.
 */
export function validateMemory(memoryInMB: number | null, hostFreeMemoryMB: number | null): ValidationMessage[] {
    const field = 'vmSize.memoryInMB';
    if (memoryInMB === null) {
        return [validationError(field, 'memoryRequired')];
    }
    if (!Number.isInteger(memoryInMB)) {
        return [validationError(field, 'memoryNotWhole')];
    }
    if (memoryInMB < MIN_MEMORY_MB) {
        return [validationError(field, 'memoryTooLow', { min: MIN_MEMORY_MB })];
    }
    const errors: ValidationMessage[] = [];
    if (memoryInMB % 2 !== 0) {
        errors.push(validationError(field, 'memoryOdd', { value: memoryInMB }));
    }
    if (hostFreeMemoryMB !== null && memoryInMB > hostFreeMemoryMB) {
        const largestEven = hostFreeMemoryMB - (hostFreeMemoryMB % 2);
        errors.push(validationError(field, 'memoryAboveFree', { free: hostFreeMemoryMB, max: largestEven }));
    } else if (hostFreeMemoryMB !== null && hostFreeMemoryMB - memoryInMB < HOST_RESERVE_MEMORY_MB) {
        errors.push(validationWarning(field, 'memoryHostLeftLow',
            { memory: memoryInMB, free: hostFreeMemoryMB, left: hostFreeMemoryMB - memoryInMB, reserve: HOST_RESERVE_MEMORY_MB }));
    }
    return errors;
}

/** A whole number within `min..max` GB, or the error for it. */
function validateSizeGB(value: number | null, min: number, max: number, field: string, label: DeployTextKey,
    code: 'vmDiskSize' | 'vmDataSize'): ValidationMessage[] {
    const labelText = messageOf(label);
    if (value === null) {
        return [validationError(field, `${code}Required`, messageOf('sizeRequired', { label: labelText }))];
    }
    if (!Number.isInteger(value)) {
        return [validationError(field, `${code}NotWhole`, messageOf('sizeNotWhole', { label: labelText }))];
    }
    if (value < min || value > max) {
        return [validationError(field, `${code}OutOfRange`, messageOf('sizeOutOfRange', { label: labelText, min, max, value }))];
    }
    return [];
}

/**
 * The disk choice: -vmDiskSize 21..2000 GB or -vmDataSize 2..2000 GB (never both: the model cannot hold both).
 * A warning when the disk may outgrow the free space on the host's system drive: the VHDX is dynamically expanding,
 * so Deploy-Eflow succeeds, but the drive fills up as the VM writes.
 */
export function validateDisk(disk: DiskChoice, hostFreeDiskGB: number | null): ValidationMessage[] {
    let messages: ValidationMessage[] = [];
    let sizeGB: number | null = null;
    if (disk.kind === 'osDisk') {
        messages = validateSizeGB(disk.vmDiskSizeGB, MIN_VM_DISK_GB, MAX_VM_DISK_GB, 'vmSize.disk.vmDiskSizeGB', 'labelVmDiskSize', 'vmDiskSize');
        sizeGB = disk.vmDiskSizeGB;
    } else if (disk.kind === 'dataPartition') {
        messages = validateSizeGB(disk.vmDataSizeGB, MIN_VM_DATA_GB, MAX_VM_DATA_GB, 'vmSize.disk.vmDataSizeGB', 'labelDataPartitionSize', 'vmDataSize');
        sizeGB = disk.vmDataSizeGB;
    }
    if (messages.length === 0 && sizeGB !== null && hostFreeDiskGB !== null && sizeGB > hostFreeDiskGB) {
        const field = disk.kind === 'osDisk' ? 'vmSize.disk.vmDiskSizeGB' : 'vmSize.disk.vmDataSizeGB';
        messages.push(validationWarning(field, 'diskAboveFree', { free: hostFreeDiskGB }));
    }
    return messages;
}

/**
 * Both disk sizes given (possible in an imported eflowAutoDeploy file, never in the wizard's own model):
 * Deploy-Eflow takes one or the other.
 */
export function validateDiskExclusive(vmDiskSizeGB: number | null, vmDataSizeGB: number | null): ValidationMessage[] {
    if (vmDiskSizeGB !== null && vmDataSizeGB !== null) {
        return [validationError('vmSize.disk', 'diskSizesExclusive')];
    }
    return [];
}

/** The host figures page 3 checks against. */
export interface VmSizeHostLimits {
    logicalProcessors: number | null;
    freeMemoryMB: number | null;
    freeDiskGB: number | null;
}

/** Every rule of page 3. */
export function validateVmSize(vmSize: VmSizeChoice, limits: VmSizeHostLimits): ValidationMessage[] {
    return [
        ...validateCpuCount(vmSize.cpuCount, limits.logicalProcessors),
        ...validateMemory(vmSize.memoryInMB, limits.freeMemoryMB),
        ...validateDisk(vmSize.disk, limits.freeDiskGB)
    ];
}
