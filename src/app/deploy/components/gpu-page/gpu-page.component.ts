import { ChangeDetectionStrategy, Component, EventEmitter, Input, Output } from '@angular/core';
import type { HostGpu } from '../../domain/deployment-prerequisites';
import type { ValidationMessage } from '../../domain/validation-message';
import type { GpuChoice, GpuPassthroughType } from '../../domain/wizard-model';
import { extensionStrings } from '../../../shared/extension-strings';
import { formatText } from '../../../shared/format-text';
import { eventText, formatNumberText, parseNumberText } from '../shared/input-text';
import { fieldHasError } from '../shared/field-messages';
import { describedBy } from '../shared/field-ids';

/** Page 5: no GPU, Direct Device Assignment or paravirtualization, of a GPU the host reports, and how many. */
@Component({
    selector: 'em-gpu-page',
    templateUrl: './gpu-page.component.html',
    styleUrls: ['../shared/wizard-form.css'],
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class GpuPageComponent {
    /** The choice. */
    @Input() public gpu: GpuChoice | null = null;
    /** The host's GPUs, null before they were read. */
    @Input() public gpus: readonly HostGpu[] | null = null;
    /** The page's messages. */
    @Input() public messages: readonly ValidationMessage[] = [];
    /** Whether the host has fixed this choice (the VM exists). */
    @Input() public locked = false;
    /** Emits the whole choice on every change. */
    @Output() public readonly gpuChange = new EventEmitter<GpuChoice>();

    protected readonly strings = extensionStrings().Deploy.Gpu;
    protected readonly describedBy = describedBy;
    protected readonly types: readonly (GpuPassthroughType | 'none')[] = ['none', 'DirectDeviceAssignment', 'ParaVirtualization'];
    protected readonly parseNumber = parseNumberText;
    protected readonly formatNumber = formatNumberText;

    protected invalid(field: string): boolean {
        return fieldHasError(this.messages, field);
    }

    protected typeLabel(type: GpuPassthroughType | 'none'): string {
        return type === 'none' ? this.strings.none : type === 'DirectDeviceAssignment' ? this.strings.dda : this.strings.paravirtualization;
    }

    protected gpuOption(gpu: HostGpu): string {
        return formatText(this.strings.gpuOption, { name: gpu.name, count: gpu.count });
    }

    protected setType(passthroughType: GpuPassthroughType | 'none'): void {
        const first = this.gpus?.[0]?.name ?? '';
        this.gpuChange.emit(passthroughType === 'none' ? { passthroughType, gpuName: '', gpuCount: null }
            : { passthroughType, gpuName: this.gpu?.gpuName || first, gpuCount: 1 });
    }

    protected setGpuName(event: Event): void {
        if (this.gpu) {
            this.gpuChange.emit({ ...this.gpu, gpuName: eventText(event) });
        }
    }

    protected setCount(event: Event): void {
        if (this.gpu) {
            this.gpuChange.emit({ ...this.gpu, gpuCount: parseNumberText(eventText(event)) });
        }
    }
}
