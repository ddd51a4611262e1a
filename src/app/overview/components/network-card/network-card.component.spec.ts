import { aRunningVm } from '../../../testing/host-overview.fixtures';
import { allByTest, byTest, renderComponent, textOf } from '../../../testing/render-component';
import { NetworkCardComponent } from './network-card.component';

describe('NetworkCardComponent', () => {
    it('lists endpoints with address and prefix, MAC and switch, and the networks', () => {
        const vm = aRunningVm();
        const fixture = renderComponent(NetworkCardComponent, { endpoints: vm.endpoints, networks: vm.networks });
        const [endpoint] = allByTest(fixture, 'endpoint-row');
        expect(endpoint.getAttribute('data-endpoint')).toBe('FACTORY-PC-01-EFLOWInterface');
        expect(textOf(byTest(fixture, 'endpoint-ip'))).toBe('172.27.120.111/20');
        expect(textOf(byTest(fixture, 'endpoint-mac'))).toBe('00:15:5d:4e:15:2c');
        expect(textOf(endpoint)).toContain('Default Switch');
        // The wizard's Network page words the Default Switch's kind, not Get-EflowNetwork's "ICS".
        expect(allByTest(fixture, 'network-row').map(r => textOf(r))).toEqual(
            ['Default Switch Internal, with NAT: addresses from the host Dynamic 172.27.112.0/20']);
        // Cells wrap (the SDK table would cut them), addresses stay on one line.
        expect(byTest(fixture, 'endpoint-ip').classList).toContain('em-no-wrap');
        expect(fixture.nativeElement.querySelector('table').classList).toContain('em-wrapping-table');
    });

    it.each([
        ['currentState:OK previousState:OK', 'ok', 'OK'],
        ['currentState:Degraded previousState:OK', 'degraded', 'Degraded (Degraded)'],
        ['', 'unknown', 'Unknown']
    ])('words the endpoint health "%s" instead of pasting it', (healthStatus, state, text) => {
        const endpoint = { ...aRunningVm().endpoints[0], healthStatus };
        const fixture = renderComponent(NetworkCardComponent, { endpoints: [endpoint], networks: [] });
        const cell = byTest(fixture, 'endpoint-health');
        expect(cell.getAttribute('data-health')).toBe(state);
        expect(textOf(cell)).toBe(text);
    });

    it('shows an endpoint without an address and an endpoint section error', () => {
        const endpoint = { ...aRunningVm().endpoints[0], ipAddress: null, prefixLength: null, gateway: null };
        const fixture = renderComponent(NetworkCardComponent, {
            endpoints: [endpoint], networks: [],
            errors: [{ source: 'Get-EflowVmEndpoint', code: 'EndpointUnavailable', message: 'timed out' }]
        });
        expect(textOf(byTest(fixture, 'endpoint-ip'))).toBe('None');
        expect(textOf(byTest(fixture, 'section-error'))).toBe('Get-EflowVmEndpoint: timed out (EndpointUnavailable)');
    });
});
