import { rendered } from '../testing/rendered-text';
import type { HostGpu } from './deployment-prerequisites';
import { isDocumentedDdaModel, validateGpu } from './gpu-rules';

const hostGpus: HostGpu[] = [
    { name: 'NVIDIA Tesla T4', count: 2, supportedPassthroughTypes: ['DirectDeviceAssignment'] },
    { name: 'NVIDIA GeForce RTX 3060', count: 1, supportedPassthroughTypes: ['ParaVirtualization'] },
    { name: 'Intel(R) UHD Graphics 770', count: 1, supportedPassthroughTypes: null }
];
const codes = (messages: { code: string }[]): string[] => messages.map(m => m.code);

describe('validateGpu', () => {
    it('needs nothing without passthrough', () => {
        expect(validateGpu({ passthroughType: 'none', gpuName: '', gpuCount: null }, hostGpus)).toEqual([]);
    });

    it('needs a GPU from the host\'s list', () => {
        expect(codes(validateGpu({ passthroughType: 'ParaVirtualization', gpuName: '', gpuCount: 1 }, hostGpus))).toEqual(['gpuNameRequired']);
        expect(codes(validateGpu({ passthroughType: 'ParaVirtualization', gpuName: 'AMD Radeon', gpuCount: 1 }, hostGpus))).toEqual(['gpuNotFound']);
        expect(validateGpu({ passthroughType: 'ParaVirtualization', gpuName: 'AMD Radeon', gpuCount: 1 }, null)).toEqual([]);
    });

    it('bounds the DDA count to 1..GPUs of that model', () => {
        const dda = (gpuCount: number | null) => validateGpu({ passthroughType: 'DirectDeviceAssignment', gpuName: 'NVIDIA Tesla T4', gpuCount }, hostGpus);
        expect(codes(dda(0))).toEqual(['gpuCountTooLow']);
        expect(dda(1)).toEqual([]);
        expect(dda(2)).toEqual([]);
        expect(rendered(dda(3))).toEqual([expect.objectContaining({ code: 'gpuCountTooHigh', text: 'The host has 2 GPUs of this model; assign at most 2.' })]);
        expect(codes(dda(null))).toEqual(['gpuCountRequired']);
    });

    it('shares exactly one GPU with paravirtualization', () => {
        const pv = (gpuCount: number | null) => validateGpu({ passthroughType: 'ParaVirtualization', gpuName: 'NVIDIA GeForce RTX 3060', gpuCount }, hostGpus);
        expect(pv(1)).toEqual([]);
        expect(pv(null)).toEqual([]);
        expect(codes(pv(2))).toEqual(['gpuPvCountNotOne']);
    });

    it('refuses a type EFLOW reports as unsupported for that GPU', () => {
        expect(rendered(validateGpu({ passthroughType: 'ParaVirtualization', gpuName: 'NVIDIA Tesla T4', gpuCount: 1 }, hostGpus))).toEqual([
            expect.objectContaining({ code: 'gpuTypeUnsupported', text: 'EFLOW reports that "NVIDIA Tesla T4" supports DirectDeviceAssignment, not ParaVirtualization.' })
        ]);
    });

    it('warns (does not block) DDA on a model the docs do not list', () => {
        expect(validateGpu({ passthroughType: 'DirectDeviceAssignment', gpuName: 'Intel(R) UHD Graphics 770', gpuCount: 1 }, hostGpus)).toEqual([
            expect.objectContaining({ code: 'ddaModelNotDocumented', severity: 'warning' })
        ]);
    });
});

describe('isDocumentedDdaModel', () => {
    it('knows the Tesla T4 and the A2 under their driver names only', () => {
        expect(isDocumentedDdaModel('NVIDIA Tesla T4')).toBe(true);
        expect(isDocumentedDdaModel('NVIDIA T4')).toBe(true);
        expect(isDocumentedDdaModel('NVIDIA A2')).toBe(true);
        expect(isDocumentedDdaModel('NVIDIA A20')).toBe(false);
        expect(isDocumentedDdaModel('NVIDIA RTX A2000')).toBe(false);
        expect(isDocumentedDdaModel('AMD T4')).toBe(false);
    });
});
