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

    it('says when there are no alerts', () => {
        const fixture = renderComponent(AlertsListComponent, { alerts: [] });
        expect(allByTest(fixture, 'alert-row')).toEqual([]);
        expect(textOf(allByTest(fixture, 'alerts-empty')[0])).toBe('No alerts.');
    });
});
