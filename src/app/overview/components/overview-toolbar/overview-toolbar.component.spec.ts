import { ComponentFixture } from '@angular/core/testing';
import { byTest, renderComponent, setInputs, textOf } from '../../../testing/render-component';
import { formatDateTime } from '../../../shared/display-format';
import { OverviewToolbarComponent } from './overview-toolbar.component';

const NOW = Date.parse('2026-11-22T10:05:00Z');

describe('OverviewToolbarComponent', () => {
    let fixture: ComponentFixture<OverviewToolbarComponent>;

    beforeEach(() => {
        fixture = renderComponent(OverviewToolbarComponent, {
            hostName: 'FACTORY-PC-01', lastUpdated: NOW - 3 * 60_000, now: NOW, stale: false, refreshing: false,
            autoRefresh: true, nextRefreshAt: NOW + 27_000, consecutiveFailures: 0
        });
    });

    it('shows the host name and the age of the data, with the exact time on hover', () => {
        expect(textOf(byTest(fixture, 'host-name'))).toBe('FACTORY-PC-01');
        const lastUpdated = byTest(fixture, 'last-updated');
        expect(textOf(lastUpdated)).toBe('Updated 3 min ago');
        expect(lastUpdated.getAttribute('title')).toBe(formatDateTime(NOW - 3 * 60_000));
    });

    it('moves the relative time as the clock ticks', () => {
        setInputs(fixture, { now: NOW + 2 * 60 * 60_000 });
        expect(textOf(byTest(fixture, 'last-updated'))).toBe('Updated 2 h ago');
    });

    it('says when nothing was read yet', () => {
        setInputs(fixture, { lastUpdated: null });
        expect(textOf(byTest(fixture, 'last-updated'))).toBe('Not updated yet');
        expect(byTest(fixture, 'last-updated').hasAttribute('title')).toBe(false);
    });

    it('shows the stale marker only for stale data', () => {
        expect(fixture.nativeElement.querySelector('[data-test="stale-marker"]')).toBeNull();
        setInputs(fixture, { stale: true });
        expect(textOf(byTest(fixture, 'stale-marker'))).toContain('Stale');
    });

    it('describes auto-refresh: healthy interval, retry countdown, paused', () => {
        expect(textOf(byTest(fixture, 'auto-refresh-state'))).toBe('Auto-refresh every 30 s');
        setInputs(fixture, { consecutiveFailures: 2, nextRefreshAt: NOW + 9_500 });
        expect(textOf(byTest(fixture, 'auto-refresh-state'))).toBe('Refresh failed (attempt 2); retrying in 10 s');
        setInputs(fixture, { autoRefresh: false });
        expect(textOf(byTest(fixture, 'auto-refresh-state'))).toBe('Auto-refresh paused');
        expect(textOf(byTest(fixture, 'auto-refresh-toggle'))).toBe('Resume auto-refresh');
    });

    it('emits a refresh request on click, and disables the button while refreshing', () => {
        const requests: void[] = [];
        fixture.componentInstance.refreshRequested.subscribe(() => requests.push(undefined));
        byTest(fixture, 'refresh-button').click();
        expect(requests).toHaveLength(1);
        setInputs(fixture, { refreshing: true });
        const button = byTest(fixture, 'refresh-button') as HTMLButtonElement;
        expect(button.disabled).toBe(true);
        expect(textOf(button)).toBe('Refreshing...');
    });

    it('emits the opposite auto-refresh state when the switch is clicked', () => {
        const changes: boolean[] = [];
        fixture.componentInstance.autoRefreshChange.subscribe((enabled: boolean) => changes.push(enabled));
        byTest(fixture, 'auto-refresh-toggle').click();
        expect(changes).toEqual([false]);
    });
});
