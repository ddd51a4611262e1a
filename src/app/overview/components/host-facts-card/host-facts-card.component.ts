import { ChangeDetectionStrategy, Component, Input, OnChanges } from '@angular/core';
import { failingChecks, isHostPlatformReady, ReadinessCheck } from '../../../core/domain/readiness';
import { HostFacts } from '../../../core/models/host-overview';
import { formatDecimal, megabytesToGigabytes } from '../../../shared/display-format';
import { extensionStrings } from '../../../shared/extension-strings';
import { formatText } from '../../../shared/format-text';
import { okIcon, StatusIconName } from '../../view-model/status-icons';

/** The Windows host's facts (OS, build, architecture, processors, memory, disk, Hyper-V) and readiness summary. */
@Component({
    selector: 'em-host-facts-card',
    templateUrl: './host-facts-card.component.html',
    styleUrls: ['../overview-card.css'],
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class HostFactsCardComponent implements OnChanges {
    /** The host's facts. */
    @Input() public host: HostFacts | null = null;
    /** The readiness checks of the host. */
    @Input() public readiness: readonly ReadinessCheck[] = [];
    /**
     * Whether to show the readiness summary: the requirements are those of a deployment, so a host whose VM is
     * deployed is not judged by them (its low disk or memory is an alert instead).
     */
    @Input() public showReadiness = true;

    protected readonly strings = extensionStrings().Overview;
    protected ready = false;
    protected readyIcon: StatusIconName = okIcon(false);
    protected readinessText = '';
    protected build = '';
    protected hyperV = '';
    protected memory = { usedGB: 0, totalGB: 0, used: '', free: '', total: '' };
    protected disk = { title: '', usedGB: 0, totalGB: 0, used: '', free: '', total: '' };

    public ngOnChanges(): void {
        const host = this.host;
        if (!host) {
            return;
        }
        const failing = failingChecks(this.readiness);
        this.ready = isHostPlatformReady(this.readiness) && failing.length === 0;
        this.readyIcon = okIcon(this.ready);
        // Name what is not met: a bare count sends the admin looking for it.
        this.readinessText = this.ready
            ? this.strings.Readiness.ready
            : formatText(this.strings.Readiness.notMet, {
                checks: failing.map((check: ReadinessCheck) => this.strings.Readiness.Checks[check.id]).join(', ')
            });
        this.build = host.ubr > 0 ? `${host.buildNumber}.${host.ubr}` : String(host.buildNumber);
        const hyperVState = host.hyperV.hypervisorPresent ? this.strings.Host.hypervisorRunning : this.strings.Host.hypervisorNotRunning;
        this.hyperV = formatText(hyperVState, { state: host.hyperV.featureState });
        const gigabytes = (value: string): string => formatText(this.strings.Capacity.gigabytes, { value });
        const totalMemoryGB = host.totalMemoryMB / 1024;
        const usedMemoryGB = Math.max(0, host.totalMemoryMB - host.freeMemoryMB) / 1024;
        this.memory = {
            usedGB: usedMemoryGB,
            totalGB: totalMemoryGB,
            used: gigabytes(formatDecimal(usedMemoryGB)),
            free: gigabytes(megabytesToGigabytes(host.freeMemoryMB)),
            total: gigabytes(formatDecimal(totalMemoryGB))
        };
        const drive = host.systemDrive;
        this.disk = {
            title: formatText(this.strings.Host.systemDrive, { drive: drive.name }),
            usedGB: Math.max(0, drive.totalGB - drive.freeGB),
            totalGB: drive.totalGB,
            used: gigabytes(formatDecimal(Math.max(0, drive.totalGB - drive.freeGB))),
            free: gigabytes(formatDecimal(drive.freeGB)),
            total: gigabytes(formatDecimal(drive.totalGB))
        };
    }
}
