import { rendered } from '../testing/rendered-text';
import { broadcastAddress, formatIpv4, networkAddress, nonUnicastReason, parseIpv4, sameSubnet, subnetCidr } from './ipv4';

describe('parseIpv4', () => {
    it('reads strict dotted decimal at both ends of the range', () => {
        expect(parseIpv4('0.0.0.0')).toBe(0);
        expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
        expect(parseIpv4('192.168.1.10')).toBe(0xc0a8010a);
    });

    it('refuses octets above 255, leading zeros, short forms and surrounding text', () => {
        for (const text of ['256.1.1.1', '10.0.0.010', '10.1', '10.0.0.1 ', ' 10.0.0.1', '10.0.0.1\n', '10.0.0.-1', '1e1.0.0.1', '']) {
            expect(parseIpv4(text)).toBeNull();
        }
    });
});

describe('subnet arithmetic', () => {
    const address = parseIpv4('192.168.10.50') as number;

    it('finds network and broadcast addresses for /24, /30 and /1', () => {
        expect(formatIpv4(networkAddress(address, 24))).toBe('192.168.10.0');
        expect(formatIpv4(broadcastAddress(address, 24))).toBe('192.168.10.255');
        expect(formatIpv4(networkAddress(address, 30))).toBe('192.168.10.48');
        expect(formatIpv4(broadcastAddress(address, 30))).toBe('192.168.10.51');
        expect(formatIpv4(networkAddress(address, 1))).toBe('128.0.0.0');
        expect(formatIpv4(broadcastAddress(address, 1))).toBe('255.255.255.255');
    });

    it('tells whether two addresses share a subnet', () => {
        const other = parseIpv4('192.168.11.1') as number;
        expect(sameSubnet(address, other, 24)).toBe(false);
        expect(sameSubnet(address, other, 23)).toBe(true);
    });

    it('writes a subnet in CIDR notation and refuses bad input', () => {
        expect(subnetCidr('172.20.0.1', 24)).toBe('172.20.0.0/24');
        expect(subnetCidr('172.20.0.1', 33)).toBeNull();
        expect(subnetCidr('172.20.0', 24)).toBeNull();
    });
});

describe('nonUnicastReason', () => {
    it('names this-network, loopback, multicast and reserved addresses, and accepts ordinary ones', () => {
        expect(rendered(nonUnicastReason(parseIpv4('0.1.2.3') as number))).toContain('0.0.0.0/8');
        expect(rendered(nonUnicastReason(parseIpv4('127.0.0.1') as number))).toContain('loopback');
        expect(rendered(nonUnicastReason(parseIpv4('224.0.0.1') as number))).toContain('multicast');
        expect(rendered(nonUnicastReason(parseIpv4('239.255.255.255') as number))).toContain('multicast');
        expect(rendered(nonUnicastReason(parseIpv4('240.0.0.1') as number))).toContain('reserved');
        expect(rendered(nonUnicastReason(parseIpv4('1.0.0.0') as number))).toBeNull();
        expect(rendered(nonUnicastReason(parseIpv4('223.255.255.254') as number))).toBeNull();
    });
});
