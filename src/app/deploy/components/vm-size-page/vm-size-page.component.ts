import { ChangeDetectionStrategy, Component, EventEmitter, Input, OnChanges, Output } from '@angular/core';
import type { DeploymentHostFacts } from '../../domain/deployment-prerequisites';
import type { ValidationMessage } from '../../domain/validation-message';
import { rememberedDisk, type RememberedEntries } from '../../domain/remembered-entries';
import type { DiskChoice, VmLogSize, VmSizeChoice } from '../../domain/wizard-model';
import { extensionStrings } from '../../../shared/extension-strings';
import { formatText } from '../../../shared/format-text';
import { formatWhole } from '../../../shared/display-format';
import { eventText, formatNumberText, parseNumberText } from '../shared/input-text';
import { fieldHasError } from '../shared/field-messages';
import { describedBy, hintId } from '../shared/field-ids';

/** What stays free on the host with this VM. */
interface HostLeft {
    cpu: string;
    memory: string;
    disk: string;
}

/**
 * Page 3: virtual processors, memory, the disk (default, whole disk or data partition: one or the other) and the log
 * partition, with the host's limits beside each field and what the host keeps once the VM runs.
 */
@Component({
    selector: 'em-vm-size-page',
    templateUrl: './vm-size-page.component.html',
    styleUrls: ['../shared/wizard-form.css'],
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class VmSizePageComponent implements OnChanges {
    /** The choices. */
    @Input() public vmSize: VmSizeChoice | null = null;
    /** The host's facts, null before they were read. */
    @Input() public host: DeploymentHostFacts | null = null;
    /** The page's messages. */
    @Input() public messages: readonly ValidationMessage[] = [];
    /** Whether the host has fixed these choices (the VM exists). */
    @Input() public locked = false;
    /** The size last typed for each disk kind (remembered-entries.ts): switching back to a kind brings it back. */
    @Input() public rememberedDisk: RememberedEntries['disk'] | null = null;
    /** Emits the whole choice on every change. */
    @Output() public readonly vmSizeChange = new EventEmitter<VmSizeChoice>();

    protected readonly strings = extensionStrings().Deploy.VmSize;
    protected readonly parseNumber = parseNumberText;
    protected readonly formatNumber = formatNumberText;
    protected readonly describedBy = describedBy;
    protected readonly hintId = hintId;
    protected cpuHint = '';
    protected memoryHint = '';
    protected left: HostLeft | null = null;

    public ngOnChanges(): void {
        const host = this.host;
        const vmSize = this.vmSize;
        this.cpuHint = host ? formatText(this.strings.cpuHint, { max: host.logicalProcessors }) : '';
        this.memoryHint = host ? formatText(this.strings.memoryHint, { free: formatWhole(host.freeMemoryMB) }) : '';
        this.left = host && vmSize ? this.hostLeft(host, vmSize) : null;
    }

    protected invalid(field: string): boolean {
        return fieldHasError(this.messages, field);
    }

    protected setNumber(field: 'cpuCount' | 'memoryInMB', event: Event): void {
        this.change({ [field]: parseNumberText(eventText(event)) });
    }

    protected setDiskKind(kind: DiskChoice['kind']): void {
        this.change({ disk: rememberedDisk(kind, this.rememberedDisk ?? { vmDiskSizeGB: null, vmDataSizeGB: null }) });
    }

    protected setDiskSize(event: Event): void {
        const size = parseNumberText(eventText(event));
        const kind = this.vmSize?.disk.kind;
        if (kind === 'osDisk') {
            this.change({ disk: { kind, vmDiskSizeGB: size } });
        } else if (kind === 'dataPartition') {
            this.change({ disk: { kind, vmDataSizeGB: size } });
        }
    }

    protected setLogSize(vmLogSize: VmLogSize): void {
        this.change({ vmLogSize });
    }

    protected diskSize(disk: DiskChoice): number | null {
        return disk.kind === 'osDisk' ? disk.vmDiskSizeGB : disk.kind === 'dataPartition' ? disk.vmDataSizeGB : null;
    }

    private hostLeft(host: DeploymentHostFacts, vmSize: VmSizeChoice): HostLeft {
        const cpu = Math.max(0, host.logicalProcessors - validNumber(vmSize.cpuCount));
        const memory = Math.max(0, host.freeMemoryMB - validNumber(vmSize.memoryInMB));
        const disk = Math.max(0, host.systemDrive.freeGB - validNumber(this.diskSize(vmSize.disk)));
        return {
            cpu: formatText(this.strings.leftCpu, { count: cpu, total: host.logicalProcessors }),
            memory: formatText(this.strings.leftMemory, { free: formatWhole(memory) }),
            disk: formatText(this.strings.leftDisk, { free: formatWhole(disk), drive: host.systemDrive.name })
        };
    }

    private change(changes: Partial<VmSizeChoice>): void {
        if (this.vmSize) {
            this.vmSizeChange.emit({ ...this.vmSize, ...changes });
        }
    }
}

/** A number the admin typed, or 0 while it is empty or not a number. */
function validNumber(value: number | null): number {
    return value !== null && Number.isFinite(value) ? value : 0;
}
