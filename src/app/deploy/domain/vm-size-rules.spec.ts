import { rendered } from '../testing/rendered-text';
import { validateCpuCount, validateDisk, validateDiskExclusive, validateMemory } from './vm-size-rules';

const codes = (messages: { code: string }[]): string[] => messages.map(m => m.code);

describe('validateCpuCount', () => {
    it('accepts 1 and the host\'s logical processor count, rejects 0 and one more', () => {
        expect(validateCpuCount(1, 8)).toEqual([]);
        expect(validateCpuCount(7, 8)).toEqual([]);
        expect(codes(validateCpuCount(8, 8))).toEqual(['cpuHostLeftLow']);
        expect(codes(validateCpuCount(0, 8))).toEqual(['cpuTooLow']);
        expect(rendered(validateCpuCount(9, 8))).toEqual([expect.objectContaining({
            field: 'vmSize.cpuCount', code: 'cpuTooHigh', severity: 'error',
            text: 'This host has 8 logical processors; the VM can have at most 8.'
        })]);
    });

    it('warns, with the numbers, when the VM takes every logical processor (allowed: a warning, not an error)', () => {
        expect(rendered(validateCpuCount(8, 8))).toEqual([expect.objectContaining({
            field: 'vmSize.cpuCount', code: 'cpuHostLeftLow', severity: 'warning',
            text: '8 of 8 logical processors leaves the host 0 of its own; keep at least 1 so the host stays responsive.'
        })]);
    });

    it('asks for a value and for a whole number', () => {
        expect(codes(validateCpuCount(null, 8))).toEqual(['cpuRequired']);
        expect(codes(validateCpuCount(1.5, 8))).toEqual(['cpuNotWhole']);
    });

    it('skips the host limit while the host facts are unknown', () => {
        expect(validateCpuCount(64, null)).toEqual([]);
    });
});

describe('validateMemory', () => {
    it('accepts 1024 and rejects 1022 (below the minimum) and 1023/1025 (odd)', () => {
        expect(validateMemory(1024, 8192)).toEqual([]);
        expect(codes(validateMemory(1022, 8192))).toEqual(['memoryTooLow']);
        expect(codes(validateMemory(1023, 8192))).toEqual(['memoryTooLow']);
        expect(rendered(validateMemory(1025, 8192))).toEqual([expect.objectContaining({
            code: 'memoryOdd', text: 'Deploy-Eflow accepts only an even number of MB; 1,025 is odd.'
        })]);
        expect(validateMemory(1026, 8192)).toEqual([]);
    });

    it('accepts exactly the free memory and rejects the next even value, naming the largest even choice', () => {
        expect(codes(validateMemory(4096, 4096))).toEqual(['memoryHostLeftLow']);
        expect(validateMemory(4098, 4096)).toEqual([expect.objectContaining({ code: 'memoryAboveFree', severity: 'error' })]);
        expect(rendered(validateMemory(4096, 4095)[0].text)).toBe('Only 4,095 MB of memory is free on the host; choose at most 4,094 MB.');
    });

    it('reports every error that applies: 99999 MB is odd and above the free memory', () => {
        expect(rendered(validateMemory(99999, 9011))).toEqual([
            expect.objectContaining({ code: 'memoryOdd', severity: 'error', text: 'Deploy-Eflow accepts only an even number of MB; 99,999 is odd.' }),
            expect.objectContaining({ code: 'memoryAboveFree', severity: 'error',
                text: 'Only 9,011 MB of memory is free on the host; choose at most 9,010 MB.' })
        ]);
    });

    it('warns, with the numbers, when the host keeps less than 2 GB free; not at exactly 2 GB', () => {
        expect(rendered(validateMemory(9010, 9011))).toEqual([expect.objectContaining({
            field: 'vmSize.memoryInMB', code: 'memoryHostLeftLow', severity: 'warning',
            text: '9,010 MB leaves the host 1 MB of its 9,011 MB free memory; keep at least 2,048 MB so the host and its other workloads keep running.'
        })]);
        expect(validateMemory(6962, 9010)).toEqual([]);
        expect(codes(validateMemory(6964, 9010))).toEqual(['memoryHostLeftLow']);
    });

    it('asks for a value and for a whole number', () => {
        expect(codes(validateMemory(null, 8192))).toEqual(['memoryRequired']);
        expect(codes(validateMemory(2048.5, 8192))).toEqual(['memoryNotWhole']);
    });
});

describe('validateDisk', () => {
    it('takes the default disk without any check', () => {
        expect(validateDisk({ kind: 'default' }, 1)).toEqual([]);
    });

    it('bounds vmDiskSize to 21..2000 GB on both sides', () => {
        const disk = (size: number) => validateDisk({ kind: 'osDisk', vmDiskSizeGB: size }, null);
        expect(codes(disk(20))).toEqual(['vmDiskSizeOutOfRange']);
        expect(disk(21)).toEqual([]);
        expect(disk(2000)).toEqual([]);
        expect(rendered(disk(2001)[0])).toEqual(expect.objectContaining({
            field: 'vmSize.disk.vmDiskSizeGB', text: 'The VM disk size must be between 21 and 2,000 GB; 2,001 is outside.'
        }));
    });

    it('bounds vmDataSize to 2..2000 GB on both sides', () => {
        const data = (size: number) => validateDisk({ kind: 'dataPartition', vmDataSizeGB: size }, null);
        expect(codes(data(1))).toEqual(['vmDataSizeOutOfRange']);
        expect(data(2)).toEqual([]);
        expect(data(2000)).toEqual([]);
        expect(codes(data(2001))).toEqual(['vmDataSizeOutOfRange']);
    });

    it('asks for a size and a whole number', () => {
        expect(codes(validateDisk({ kind: 'osDisk', vmDiskSizeGB: null }, null))).toEqual(['vmDiskSizeRequired']);
        expect(codes(validateDisk({ kind: 'dataPartition', vmDataSizeGB: 2.5 }, null))).toEqual(['vmDataSizeNotWhole']);
    });

    it('warns when the disk can outgrow the free space, not when it fits exactly', () => {
        expect(validateDisk({ kind: 'osDisk', vmDiskSizeGB: 100 }, 100)).toEqual([]);
        expect(validateDisk({ kind: 'osDisk', vmDiskSizeGB: 101 }, 100)).toEqual([
            expect.objectContaining({ code: 'diskAboveFree', severity: 'warning' })
        ]);
    });
});

describe('validateDiskExclusive', () => {
    it('rejects both sizes together and accepts either alone', () => {
        expect(codes(validateDiskExclusive(30, 10))).toEqual(['diskSizesExclusive']);
        expect(validateDiskExclusive(30, null)).toEqual([]);
        expect(validateDiskExclusive(null, 10)).toEqual([]);
    });
});
