import { hashForHostName, hostNameFromHash, shellOptionsFromQuery, toolRouteFromHash } from './shell-location';

describe('shell location', () => {
    it.each(['edge-01', 'host with space', 'ünï%code'])('round-trips the host name %j through the hash', name => {
        expect(hostNameFromHash(hashForHostName(name))).toBe(name);
    });

    it('writes the WAC-like connection route', () => {
        expect(hashForHostName('edge-01')).toBe('#/connections/edge-01');
    });

    it.each(['', '#', '#/connections/', '#/settings/edge-01', '#/connections/%E0%A4%A'])(
        'selects no host for %j', hash => {
            expect(hostNameFromHash(hash)).toBeNull();
        });

    it('ignores a tool path after the host name', () => {
        expect(hostNameFromHash('#/connections/edge-01/tools/eflow')).toBe('edge-01');
    });

    it('reads a deep link into the tool as the route the Open request carries', () => {
        expect(hashForHostName('edge-01', 'deploy')).toBe('#/connections/edge-01/tools/eflow/deploy');
        expect(toolRouteFromHash(hashForHostName('edge 01', 'deploy'))).toBe('/deploy');
        expect(toolRouteFromHash('#/connections/edge-01/tools/eflow/deploy?page=provisioning')).toBe('/deploy?page=provisioning');
    });

    it.each(['#/connections/edge-01', '#/connections/edge-01/tools/eflow', '#/connections/edge-01/tools/other/deploy', '#/settings/x'])(
        'opens the tool at its start for %j', hash => {
            expect(toolRouteFromHash(hash)).toBe('/');
        });

    it.each([
        ['', '1.0.0'],
        ['?gatewayApiVersion=2.0.0', '2.0.0'],
        ['?gatewayApiVersion=1.0.0', '1.0.0'],
        ['?gatewayApiVersion=3.0.0', '1.0.0']
    ])('reads gatewayApiVersion from %j as %s', (search, version) => {
        expect(shellOptionsFromQuery(search).gatewayApiVersion).toBe(version);
    });
});
