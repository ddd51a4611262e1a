import { ChangeDetectionStrategy, Component, Input, OnChanges } from '@angular/core';
import { OverviewAlert } from '../../../core/domain/alerts';
import { ModuleStatus } from '../../../core/domain/iotedge-list';
import { extensionStrings } from '../../../shared/extension-strings';
import { formatText } from '../../../shared/format-text';
import { alertIcon, StatusIconName } from '../../view-model/status-icons';

/** An alert row, ready to render. */
interface AlertRow {
    alert: OverviewAlert;
    icon: StatusIconName;
    severityText: string;
    title: string;
    action: string;
}

/**
 * The host's alerts, most severe first, each with what to do about it. The order comes from the domain
 * (`deriveAlerts`); this component only renders.
 */
@Component({
    selector: 'em-alerts-list',
    templateUrl: './alerts-list.component.html',
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class AlertsListComponent implements OnChanges {
    /** The alerts, in display order. */
    @Input() public alerts: readonly OverviewAlert[] = [];

    protected readonly strings = extensionStrings();
    protected rows: AlertRow[] = [];

    public ngOnChanges(): void {
        this.rows = this.alerts.map((alert: OverviewAlert) => {
            const texts = this.strings.Alerts[alert.kind];
            const params = this.localizeParams(alert.params);
            return {
                alert,
                icon: alertIcon(alert.severity),
                severityText: this.strings.Alerts.Severity[alert.severity],
                title: formatText(texts.title, params),
                action: formatText(this.strings.Overview.Alerts.whatToDo, { action: formatText(texts.action, params) })
            };
        });
    }

    protected trackById(_index: number, row: AlertRow): string {
        return row.alert.id;
    }

    /** Module statuses arrive as `iotedge list` words; show them in the UI language. */
    private localizeParams(params: Readonly<Record<string, string>>): Record<string, string> {
        const statuses: Record<ModuleStatus, string> = this.strings.Overview.Modules.Statuses;
        const status = params['status'] as ModuleStatus | undefined;
        return status && status in statuses ? { ...params, status: statuses[status].toLowerCase() } : { ...params };
    }
}
