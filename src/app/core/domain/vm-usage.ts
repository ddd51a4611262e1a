import { VmStats } from '../models/host-overview';

/**
 * Resource use of the EFLOW VM from Get-EflowVm's SystemStatistics. Linux counts page cache as used, so "free"
 * here is `Available*`, what the kernel can hand out, not total minus used.
 */

/** One resource's use. */
export interface ResourceUse {
    usedMb: number;
    totalMb: number;
    availableMb: number;
    /** Available as a fraction of total, 0..1; 0 when the total is unknown (0). */
    availableFraction: number;
}

/** Memory and storage use of the VM. */
export interface VmUsage {
    memory: ResourceUse;
    storage: ResourceUse;
}

/** Computes the VM's memory and storage use. */
export function vmUsage(stats: VmStats): VmUsage {
    return {
        memory: resourceUse(stats.usedMemMb, stats.totalMemMb, stats.availableMemMb),
        storage: resourceUse(stats.usedStorageMb, stats.totalStorageMb, stats.availableStorageMb)
    };
}

function resourceUse(usedMb: number, totalMb: number, availableMb: number): ResourceUse {
    return { usedMb, totalMb, availableMb, availableFraction: totalMb > 0 ? clamp(availableMb / totalMb) : 0 };
}

function clamp(fraction: number): number {
    return Math.min(1, Math.max(0, fraction));
}
