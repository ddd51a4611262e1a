import { allByTest } from '../../../testing/render-component';
import { validationError } from '../../domain/validation-message';
import type { GpuChoice } from '../../domain/wizard-model';
import { choose, fieldElement, renderDeployComponent, shownCodes, typeInto } from '../../testing/render-deploy-component';
import { GpuPageComponent } from './gpu-page.component';

const none: GpuChoice = { passthroughType: 'none', gpuName: '', gpuCount: null };
const gpus = [{ name: 'NVIDIA Tesla T4', count: 2, supportedPassthroughTypes: ['DirectDeviceAssignment'] }];

describe('GpuPageComponent', () => {
    it('picks a GPU the host reports and its count for Direct Device Assignment', () => {
        const fixture = renderDeployComponent(GpuPageComponent, { gpu: none, gpus });
        const emitted: GpuChoice[] = [];
        fixture.componentInstance.gpuChange.subscribe((value: GpuChoice) => emitted.push(value));
        choose(fieldElement(fixture, 'gpu.passthroughType', 'DirectDeviceAssignment'));
        expect(emitted[0]).toEqual({ passthroughType: 'DirectDeviceAssignment', gpuName: 'NVIDIA Tesla T4', gpuCount: 1 });
        fixture.componentRef.setInput('gpu', emitted[0]);
        fixture.componentRef.setInput('messages', [validationError('gpu.gpuCount', 'gpuCountTooHigh', { max: 2 })]);
        fixture.detectChanges();
        typeInto(fieldElement(fixture, 'gpu.gpuCount'), '3');
        expect(emitted[1].gpuCount).toBe(3);
        expect(shownCodes(fixture, 'gpu.gpuCount')).toEqual(['gpuCountTooHigh']);
    });

    it('offers no passthrough on a host without GPUs', () => {
        const fixture = renderDeployComponent(GpuPageComponent, { gpu: none, gpus: [] });
        expect(fieldElement(fixture, 'gpu.passthroughType', 'ParaVirtualization').disabled).toBe(true);
        expect(allByTest(fixture, 'no-gpus')).toHaveLength(1);
    });
});
