import { GatewayError } from '../../../core/gateway/gateway-error';
import { allByTest, byTest, renderComponent, textOf } from '../../../testing/render-component';
import { GatewayErrorPanelComponent } from './gateway-error-panel.component';

describe('GatewayErrorPanelComponent', () => {
    it('explains an unreachable host and offers a retry', () => {
        const fixture = renderComponent(GatewayErrorPanelComponent, {
            error: new GatewayError('host-unreachable', 'WinRM cannot complete the operation.', { status: 500 }), hostName: 'host1'
        });
        expect(byTest(fixture, 'gateway-error').getAttribute('data-kind')).toBe('host-unreachable');
        expect(textOf(byTest(fixture, 'error-title'))).toBe('Cannot reach host1');
        expect(textOf(byTest(fixture, 'error-explanation'))).toContain('PowerShell remoting (WinRM)');
        expect(textOf(byTest(fixture, 'error-message'))).toBe('WinRM cannot complete the operation.');
        // The raw message is behind a Details disclosure, closed until asked for.
        const details = byTest(fixture, 'error-details') as HTMLDetailsElement;
        expect(details.tagName).toBe('DETAILS');
        expect(details.open).toBe(false);
        expect(details.contains(byTest(fixture, 'error-message'))).toBe(true);
        expect(allByTest(fixture, 'error-code')).toEqual([]);
        const retries: void[] = [];
        fixture.componentInstance.retry.subscribe(() => retries.push(undefined));
        byTest(fixture, 'retry-button').click();
        expect(retries).toHaveLength(1);
    });

    it('shows a script error with its message and code', () => {
        const fixture = renderComponent(GatewayErrorPanelComponent, {
            error: new GatewayError('script-error', 'The AzureEFLOW module could not be loaded.', { code: 'EflowModuleUnavailable' }),
            hostName: 'host1'
        });
        expect(textOf(byTest(fixture, 'error-title'))).toBe('Could not read the EFLOW state of host1');
        expect(textOf(byTest(fixture, 'error-message'))).toBe('The AzureEFLOW module could not be loaded.');
        expect(byTest(fixture, 'error-code').getAttribute('data-code')).toBe('EflowModuleUnavailable');
        expect(textOf(byTest(fixture, 'error-code'))).toBe('Code: EflowModuleUnavailable');
    });

    it('as a banner, says how old the shown data is and why the refresh failed, without a retry button', () => {
        const fixture = renderComponent(GatewayErrorPanelComponent, {
            error: new GatewayError('timeout', 'Get-EflowHostOverview did not finish within 60 s and was cancelled.'),
            hostName: 'host1', mode: 'banner', lastUpdated: Date.parse('2026-11-22T10:00:00Z')
        });
        const banner = byTest(fixture, 'refresh-failure');
        expect(banner.getAttribute('data-kind')).toBe('timeout');
        expect(textOf(banner)).toMatch(/^Showing data from .+\. The last refresh failed\. The host took too long/);
        expect(textOf(banner.querySelector('sme-page-alert-bar'))).not.toContain('did not finish within 60 s');
        expect(textOf(byTest(fixture, 'error-details'))).toContain('did not finish within 60 s');
        expect(allByTest(fixture, 'retry-button')).toEqual([]);
    });
});
