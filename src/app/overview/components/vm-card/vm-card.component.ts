import { ChangeDetectionStrategy, Component, Input, OnChanges } from '@angular/core';
import { HealthAlertSeverity, PageAlert, StatusIconType } from '@microsoft/windows-admin-center-sdk/angular';
import { derivePowerState, isProvisioned, VmPowerState } from '../../../core/domain/install-state';
import { isRuntimeDownRead } from '../../../core/domain/runtime-down-read';
import { vmUsage } from '../../../core/domain/vm-usage';
import { EflowVm, SectionError, VmEndpoint } from '../../../core/models/host-overview';
import { formatWhole, megabytesToGigabytes } from '../../../shared/display-format';
import { extensionStrings } from '../../../shared/extension-strings';
import { formatText } from '../../../shared/format-text';
import { powerStateIcon, StatusIconName } from '../../view-model/status-icons';

/** A capacity bar's figures. */
interface CapacityFigures {
    used: number;
    total: number;
    usedText: string;
    freeText: string;
    totalText: string;
}

/**
 * The EFLOW VM: power state, size, memory and disk use (capacity bars), IP and MAC, kernel and provisioning. When
 * Get-EflowVm failed, its section error is shown here and the rest of the card shows what is known.
 */
@Component({
    selector: 'em-vm-card',
    templateUrl: './vm-card.component.html',
    styleUrls: ['../overview-card.css'],
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class VmCardComponent implements OnChanges {
    /** The VM. */
    @Input() public vm: EflowVm | null = null;
    /** Errors of the sections this card shows (Get-EflowVm). */
    @Input() public errors: readonly SectionError[] = [];

    protected readonly strings = extensionStrings().Overview.Vm;
    protected powerState: VmPowerState = 'unknown';
    protected powerStateText = '';
    protected powerIcon: StatusIconName = StatusIconType.Unknown;
    protected memorySize = '';
    protected memory: CapacityFigures | null = null;
    protected disk: CapacityFigures | null = null;
    protected endpoint: VmEndpoint | null = null;
    protected provisioningText = '';
    protected statsMissingText = '';
    protected errorAlerts: PageAlert[] = [];

    public ngOnChanges(): void {
        const vm = this.vm;
        if (!vm) {
            return;
        }
        this.powerState = derivePowerState(vm);
        this.powerStateText = this.powerState === 'other' ? vm.powerState : this.strings.PowerStates[this.powerState];
        this.powerIcon = powerStateIcon(this.powerState);
        this.memorySize = vm.memoryMB === null ? this.strings.notAvailable : this.megabytes(vm.memoryMB);
        const usage = vm.stats ? vmUsage(vm.stats) : null;
        this.memory = usage ? this.capacity(usage.memory.totalMb - usage.memory.availableMb, usage.memory.totalMb, usage.memory.availableMb) : null;
        this.disk = usage ? this.capacity(usage.storage.totalMb - usage.storage.availableMb, usage.storage.totalMb, usage.storage.availableMb) : null;
        this.endpoint = vm.endpoints.find((endpoint: VmEndpoint) => !!endpoint.ipAddress) ?? vm.endpoints[0] ?? null;
        this.provisioningText = this.describeProvisioning(vm);
        this.statsMissingText = this.powerState === 'running' || this.powerState === 'unknown'
            ? this.strings.statsNotRead
            : this.strings.statsUnavailable;
        this.errorAlerts = this.errors.map((error: SectionError) => isRuntimeDownRead(error, vm)
            ? { severity: HealthAlertSeverity.Info, message: formatText(this.strings.detailsWhileEdgeDown, { message: error.message }) }
            // The raw message and its fix are in the alerts list: the card only says what is missing.
            : { severity: HealthAlertSeverity.Error, message: formatText(this.strings.sectionError, { code: error.code }) });
    }

    private describeProvisioning(vm: EflowVm): string {
        if (isProvisioned(vm)) {
            return formatText(this.strings.provisionedBy, { source: vm.provisioning.source ?? '' });
        }
        return vm.provisioning.state.toLowerCase() === 'notprovisioned' ? this.strings.notProvisioned : this.strings.provisioningUnknown;
    }

    private megabytes(value: number): string {
        return value >= 1024
            ? formatText(extensionStrings().Overview.Capacity.gigabytes, { value: megabytesToGigabytes(value) })
            : formatText(extensionStrings().Overview.Capacity.megabytes, { value: formatWhole(value) });
    }

    private capacity(usedMb: number, totalMb: number, availableMb: number): CapacityFigures {
        return {
            used: Math.max(0, usedMb),
            total: totalMb,
            usedText: this.megabytes(Math.max(0, usedMb)),
            freeText: this.megabytes(availableMb),
            totalText: this.megabytes(totalMb)
        };
    }
}
