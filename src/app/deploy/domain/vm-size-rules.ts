/**
 * Rules of wizard page 3 (VM size), from Deploy-Eflow's documented ranges (eflow.md section 3, 1.4+ values).
 * Host-dependent limits take the host's figures as arguments; `null` skips that limit (facts not read yet).
 */
import type { DiskChoice, VmSizeChoice } from './wizard-model';
import { formatCount, validationError, validationWarning, type ValidationMessage } from './validation-message';

export const MIN_MEMORY_MB = 1024;
export const MIN_VM_DISK_GB = 21;
export const MAX_VM_DISK_GB = 2000;
export const MIN_VM_DATA_GB = 2;
export const MAX_VM_DATA_GB = 2000;
/** What the default VM needs free on the disk (eflow.md section 7). */
export const DEFAULT_VM_DISK_NEED_GB = 18;

/** -cpuCount: a whole number 1..host logical processors. */
export function validateCpuCount(cpuCount: number | null, hostLogicalProcessors: number | null): ValidationMessage[] {
    const field = 'vmSize.cpuCount';
    if (cpuCount === null) {
        return [validationError(field, 'cpuRequired', 'Enter the number of virtual processors.')];
    }
    if (!Number.isInteger(cpuCount)) {
        return [validationError(field, 'cpuNotWhole', 'The number of virtual processors must be a whole number.')];
    }
    if (cpuCount < 1) {
        return [validationError(field, 'cpuTooLow', 'The VM needs at least 1 virtual processor.')];
    }
    if (hostLogicalProcessors !== null && cpuCount > hostLogicalProcessors) {
        return [validationError(field, 'cpuTooHigh',
            `This host has ${hostLogicalProcessors} logical processors; the VM can have at most ${hostLogicalProcessors}.`)];
    }
    return [];
}

/** -memoryInMB: even, at least 1024, at most the host's free memory. */
export function validateMemory(memoryInMB: number | null, hostFreeMemoryMB: number | null): ValidationMessage[] {
    const field = 'vmSize.memoryInMB';
    if (memoryInMB === null) {
        return [validationError(field, 'memoryRequired', 'Enter the VM memory in MB.')];
    }
    if (!Number.isInteger(memoryInMB)) {
        return [validationError(field, 'memoryNotWhole', 'The VM memory must be a whole number of MB.')];
    }
    if (memoryInMB < MIN_MEMORY_MB) {
        return [validationError(field, 'memoryTooLow', `The VM needs at least ${formatCount(MIN_MEMORY_MB)} MB of memory.`)];
    }
    if (memoryInMB % 2 !== 0) {
        return [validationError(field, 'memoryOdd',
            `Deploy-Eflow accepts only an even number of MB; ${formatCount(memoryInMB)} is odd.`)];
    }
    if (hostFreeMemoryMB !== null && memoryInMB > hostFreeMemoryMB) {
        const largestEven = hostFreeMemoryMB - (hostFreeMemoryMB % 2);
        return [validationError(field, 'memoryAboveFree',
            `Only ${formatCount(hostFreeMemoryMB)} MB of memory is free on the host; choose at most ${formatCount(largestEven)} MB.`)];
    }
    return [];
}

/** A whole number within `min..max` GB, or the error for it. */
function validateSizeGB(value: number | null, min: number, max: number, field: string, label: string, code: string):
    ValidationMessage[] {
    if (value === null) {
        return [validationError(field, `${code}Required`, `Enter the ${label} in GB.`)];
    }
    if (!Number.isInteger(value)) {
        return [validationError(field, `${code}NotWhole`, `The ${label} must be a whole number of GB.`)];
    }
    if (value < min || value > max) {
        return [validationError(field, `${code}OutOfRange`,
            `The ${label} must be between ${min} and ${formatCount(max)} GB; ${formatCount(value)} is outside.`)];
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
        messages = validateSizeGB(disk.vmDiskSizeGB, MIN_VM_DISK_GB, MAX_VM_DISK_GB, 'vmSize.disk.vmDiskSizeGB', 'VM disk size', 'vmDiskSize');
        sizeGB = disk.vmDiskSizeGB;
    } else if (disk.kind === 'dataPartition') {
        messages = validateSizeGB(disk.vmDataSizeGB, MIN_VM_DATA_GB, MAX_VM_DATA_GB, 'vmSize.disk.vmDataSizeGB', 'data partition size', 'vmDataSize');
        sizeGB = disk.vmDataSizeGB;
    }
    if (messages.length === 0 && sizeGB !== null && hostFreeDiskGB !== null && sizeGB > hostFreeDiskGB) {
        const field = disk.kind === 'osDisk' ? 'vmSize.disk.vmDiskSizeGB' : 'vmSize.disk.vmDataSizeGB';
        messages.push(validationWarning(field, 'diskAboveFree',
            `The host has ${formatCount(hostFreeDiskGB)} GB free; the VM disk grows as it is used and can fill the drive.`));
    }
    return messages;
}

/**
 * Both disk sizes given (possible in an imported eflowAutoDeploy file, never in the wizard's own model):
 * Deploy-Eflow takes one or the other.
 */
export function validateDiskExclusive(vmDiskSizeGB: number | null, vmDataSizeGB: number | null): ValidationMessage[] {
    if (vmDiskSizeGB !== null && vmDataSizeGB !== null) {
        return [validationError('vmSize.disk', 'diskSizesExclusive',
            'Give either the VM disk size (vmDiskSize) or the data partition size (vmDataSize), not both.')];
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
