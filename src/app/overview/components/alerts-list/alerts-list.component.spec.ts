import { OverviewAlert } from '../../../core/domain/alerts';
import { allByTest, renderComponent, textOf } from '../../../testing/render-component';
import { AlertsListComponent } from './alerts-list.component';

const alerts: OverviewAlert[] = [
    { id: 'systemModuleDown:edgeHub', kind: 'systemModuleDown', severity: 'critical', params: { module: 'edgeHub', status: 'failed', description: 'x' } },
    { id: 'vmDiskLow', kind: 'vmDiskLow', severity: 'warning', params: { percentFree: '7.5' } },
    { id: 'updateAvailable', kind: 'updateAvailable', severity: 'info', params: { installed: '1.5.6.08025', latest: '1.5.7.01026' } }
];

describe('AlertsListComponent', () => {
    it('renders the alerts in the given order with severity, title and what to do', () => {
        const fixture = renderComponent(AlertsListComponent, { alerts });
        const rows = allByTest(fixture, 'alert-row');
        expect(rows.map(r => [r.getAttribute('data-kind'), r.getAttribute('data-severity')])).toEqual(
            [['systemModuleDown', 'critical'], ['vmDiskLow', 'warning'], ['updateAvailable', 'info']]);
        expect(textOf(rows[0].querySelector('[data-test="alert-title"]'))).toBe('edgeHub is not running (failed)');
        expect(textOf(rows[0].querySelector('[data-test="alert-action"]'))).toMatch(/^What to do: The IoT Edge runtime cannot work without edgeHub\./);
        expect(textOf(rows[1].querySelector('[data-test="alert-title"]'))).toBe('The VM disk is almost full (7.5% free)');
        expect(textOf(rows[2].querySelector('[data-test="alert-title"]'))).toBe('EFLOW 1.5.7.01026 is available (installed: 1.5.6.08025)');
        expect(rows[0].querySelector('sme-status-icon .sme-color-critical, sme-status-icon .sme-color-error')).not.toBeNull();
    });

    it('shows alert dates with the cards\' date formatter, not as yyyy-MM-dd', () => {
        const fixture = renderComponent(AlertsListComponent, { alerts: [
            { id: 'supportEndingSoon', kind: 'supportEndingSoon', severity: 'warning', params: { train: '1.5 LTS', supportEnds: '2026-11-30', days: '7' } }
        ] });
        expect(textOf(allByTest(fixture, 'alert-title')[0])).toBe('Support for EFLOW 1.5 LTS ends on Nov 30, 2026 (in 7 days)');
    });

    it('says what to do per error code and puts the host\'s raw message behind Details', () => {
        const raw = 'Could not resolve virtual machine IP address at line 1542';
        const fixture = renderComponent(AlertsListComponent, { alerts: [
            { id: 'sectionError:a', kind: 'sectionError', severity: 'warning', params: { source: 'Get-EflowVm', code: 'EflowVmUnavailable', message: raw } },
            { id: 'sectionError:b', kind: 'sectionError', severity: 'warning', params: { source: 'Get-Thing', code: 'SomethingNew', message: 'boom' } }
        ] });
        const actions = allByTest(fixture, 'alert-action').map(textOf);
        expect(actions[0]).toBe('What to do: EFLOW lost track of its virtual machine. In an elevated PowerShell session on the host run '
            + 'Stop-EflowVm, then Start-EflowVm: that clears it in the known cases (an unresolved VM IP address, issue #279).');
        expect(actions[0]).not.toContain(raw);
        expect(actions[1]).toBe('What to do: The rest of the page is current; this part may be missing. This page reads it again on its next refresh.');
        const details = allByTest(fixture, 'alert-details');
        expect(details[0].tagName).toBe('DETAILS');
        expect(textOf(details[0])).toBe(`Details ${raw} (code EflowVmUnavailable)`);
    });

    it('says when there are no alerts', () => {
        const fixture = renderComponent(AlertsListComponent, { alerts: [] });
        expect(allByTest(fixture, 'alert-row')).toEqual([]);
        expect(textOf(allByTest(fixture, 'alerts-empty')[0])).toBe('No alerts.');
    });
});
