import { ChangeDetectionStrategy, Component, Input, OnChanges } from '@angular/core';
import { ALERT_DATE_PARAMS, OverviewAlert } from '../../../core/domain/alerts';
import { ModuleStatus } from '../../../core/domain/iotedge-list';
import { formatDate } from '../../../shared/display-format';
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
    /** The host's own message behind a Details disclosure (a section error's), empty when there is none. */
    details: string;
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
            const sectionError = alert.kind === 'sectionError';
            if (sectionError) {
                // What to do depends on what failed; the host's message goes behind Details.
                const fixes: Readonly<Record<string, string>> = this.strings.Alerts.SectionErrorFix;
                params['fix'] = fixes[params['code'] ?? ''] ?? fixes['generic'];
            }
            return {
                alert,
                icon: alertIcon(alert.severity),
                severityText: this.strings.Alerts.Severity[alert.severity],
                title: formatText(texts.title, params),
                action: formatText(this.strings.Overview.Alerts.whatToDo, { action: formatText(texts.action, params) }),
                details: sectionError ? formatText(this.strings.Overview.Alerts.errorDetails, params) : ''
            };
        });
    }

    protected trackById(_index: number, row: AlertRow): string {
        return row.alert.id;
    }

    /**
     * Module statuses arrive as `iotedge list` words: show them in the UI language. Dates arrive as yyyy-MM-dd: show
     * them as the cards do (one formatter).
     */
    private localizeParams(params: Readonly<Record<string, string>>): Record<string, string> {
        const statuses: Record<ModuleStatus, string> = this.strings.Overview.Modules.Statuses;
        const localized: Record<string, string> = { ...params };
        const status = params['status'] as ModuleStatus | undefined;
        if (status && status in statuses) {
            localized['status'] = statuses[status].toLowerCase();
        }
        for (const name of ALERT_DATE_PARAMS) {
            if (params[name]) {
                localized[name] = formatDate(params[name]);
            }
        }
        return localized;
    }
}
