import { ChangeDetectionStrategy, Component, Input, OnChanges } from '@angular/core';
import { ReadinessCheck } from '../../../core/domain/readiness';
import { HostFacts } from '../../../core/models/host-overview';
import { formatDecimal, megabytesToGigabytes } from '../../../shared/display-format';
import { extensionStrings } from '../../../shared/extension-strings';
import { formatText } from '../../../shared/format-text';
import { readinessIcon, StatusIconName } from '../../view-model/status-icons';

/** One row of the checklist, ready to render. */
interface ChecklistRow {
    id: string;
    outcome: string;
    icon: StatusIconName;
    title: string;
    outcomeText: string;
    explanation: string;
}

/** The EFLOW requirements checklist: each check with its outcome and, when not met, why and what to do. */
@Component({
    selector: 'em-readiness-checklist',
    templateUrl: './readiness-checklist.component.html',
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class ReadinessChecklistComponent implements OnChanges {
    /** The checks, in display order. */
    @Input() public checks: readonly ReadinessCheck[] = [];
    /** The host the checks ran on, for the values in the explanations. */
    @Input() public host: HostFacts | null = null;
    /** Show only the checks that are not passed (the "cannot run EFLOW" view). */
    @Input() public onlyProblems = false;

    protected readonly strings = extensionStrings().Overview.Readiness;
    protected rows: ChecklistRow[] = [];

    public ngOnChanges(): void {
        const host = this.host;
        const values: Record<string, string> = host ? {
            caption: host.osCaption,
            build: String(host.buildNumber),
            architecture: host.architecture,
            // Memory in GB with one decimal, as the Host card's chart shows it: one fact, one unit.
            freeMemoryGB: megabytesToGigabytes(host.freeMemoryMB),
            freeGB: formatDecimal(host.systemDrive.freeGB),
            drive: host.systemDrive.name,
            hyperV: host.hyperV.featureState
        } : {};
        this.rows = this.checks
            .filter((check: ReadinessCheck) => !this.onlyProblems || check.outcome !== 'pass')
            .map((check: ReadinessCheck) => ({
                id: check.id,
                outcome: check.outcome,
                icon: readinessIcon(check.outcome),
                title: this.strings.Checks[check.id],
                outcomeText: this.strings.Outcome[check.outcome],
                // A met requirement shows what was measured (as the wizard's prerequisites do), not a stock phrase.
                explanation: formatText(check.reason === 'ok' ? this.strings.Measured[check.id] : this.strings.Reasons[check.reason], values)
            }));
    }
}
