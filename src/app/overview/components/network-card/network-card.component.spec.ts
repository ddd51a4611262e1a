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
        expect(allByTest(fixture, 'network-row').map(r => textOf(r))).toEqual(['Default Switch ICS Dynamic 172.27.112.0/20']);
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
