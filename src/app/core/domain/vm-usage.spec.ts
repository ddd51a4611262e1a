import { vmUsage } from './vm-usage';

describe('vmUsage', () => {
    it('uses the available figures, not total minus used', () => {
        const usage = vmUsage({
            totalMemMb: 2000, usedMemMb: 1900, availableMemMb: 600,
            totalStorageMb: 10000, usedStorageMb: 9000, availableStorageMb: 500, cpuCount: 2, kernelVersion: 'k'
        });
        expect(usage.memory.availableFraction).toBeCloseTo(0.3);
        expect(usage.storage.availableFraction).toBeCloseTo(0.05);
        expect(usage.storage).toMatchObject({ usedMb: 9000, totalMb: 10000, availableMb: 500 });
    });

    it('reports 0 available for an unknown (zero) total and clamps odd figures into 0..1', () => {
        const usage = vmUsage({
            totalMemMb: 0, usedMemMb: 0, availableMemMb: 10,
            totalStorageMb: 100, usedStorageMb: 0, availableStorageMb: 150, cpuCount: 1, kernelVersion: 'k'
        });
        expect(usage.memory.availableFraction).toBe(0);
        expect(usage.storage.availableFraction).toBe(1);
    });
});
