import { MAX_DNS_SERVERS, validateDnsServers } from './dns-rules';

const codes = (messages: { code: string }[]): string[] => messages.map(m => m.code);

describe('validateDnsServers', () => {
    it('accepts none with DHCP and valid unicast addresses', () => {
        expect(validateDnsServers([], 'dhcp')).toEqual([]);
        expect(validateDnsServers(['10.0.0.1', '1.1.1.1'], 'static')).toEqual([]);
    });

    it('reports each bad entry at its index', () => {
        expect(validateDnsServers(['10.0.0.1', 'dns.local', '', '224.0.0.1', '10.0.0.1'], 'dhcp').map(m => [m.field, m.code])).toEqual([
            ['network.dnsServers.1', 'dnsInvalid'],
            ['network.dnsServers.2', 'dnsInvalid'],
            ['network.dnsServers.3', 'dnsNotUnicast'],
            ['network.dnsServers.4', 'dnsDuplicate']
        ]);
    });

    it('accepts the maximum count and refuses one more', () => {
        const servers = (count: number) => Array.from({ length: count }, (_, i) => `10.0.0.${i + 1}`);
        expect(validateDnsServers(servers(MAX_DNS_SERVERS), 'dhcp')).toEqual([]);
        expect(codes(validateDnsServers(servers(MAX_DNS_SERVERS + 1), 'dhcp'))).toEqual(['dnsTooMany']);
    });

    it('warns when a static address has no DNS server', () => {
        expect(validateDnsServers([], 'static')).toEqual([expect.objectContaining({ code: 'dnsMissingForStatic', severity: 'warning' })]);
    });
});
