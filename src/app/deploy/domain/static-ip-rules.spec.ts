import { rendered } from '../testing/rendered-text';
import { validatePrefixLength, validateStaticIp, validateStaticIpCompleteness } from './static-ip-rules';
import type { StaticIpv4Fields, SwitchChoice } from './wizard-model';

const external: SwitchChoice = { kind: 'existing', switchName: 'LAN', switchType: 'External' };
const noChecks = { addressInUse: null, gatewayReachable: null };
const fields = (ip4Address: string, ip4PrefixLength: number | null, ip4GatewayAddress: string): StaticIpv4Fields =>
    ({ ip4Address, ip4PrefixLength, ip4GatewayAddress });
const codes = (messages: { code: string }[]): string[] => messages.map(m => m.code);

describe('validateStaticIpCompleteness', () => {
    it('accepts all three or none, and names each missing field of a partial set', () => {
        expect(validateStaticIpCompleteness(fields('10.0.0.5', 24, '10.0.0.1'), false)).toEqual([]);
        expect(validateStaticIpCompleteness(fields('', null, ''), false)).toEqual([]);
        expect(validateStaticIpCompleteness(fields('10.0.0.5', null, ''), false).map(m => m.field))
            .toEqual(['network.staticIp.ip4PrefixLength', 'network.staticIp.ip4GatewayAddress']);
        expect(validateStaticIpCompleteness(fields('', null, ''), true)).toHaveLength(3);
    });
});

describe('validatePrefixLength', () => {
    it('accepts 1..30 and refuses 0, 31, 32 and fractions', () => {
        expect(validatePrefixLength(1)).toEqual([]);
        expect(validatePrefixLength(30)).toEqual([]);
        for (const bad of [0, 31, 32, 24.5]) {
            expect(codes(validatePrefixLength(bad))).toEqual(['prefixOutOfRange']);
        }
    });
});

describe('validateStaticIp', () => {
    it('accepts a host address with a gateway in its subnet', () => {
        expect(validateStaticIp(fields('192.168.10.50', 24, '192.168.10.1'), external, noChecks)).toEqual([]);
    });

    it('refuses any static address on the Default Switch', () => {
        expect(codes(validateStaticIp(fields('192.168.10.50', 24, '192.168.10.1'), { kind: 'defaultSwitch' }, noChecks)))
            .toEqual(['staticIpOnDefaultSwitch']);
    });

    it('says which text is not an address', () => {
        expect(rendered(validateStaticIp(fields('10.0.0.300', 24, '10.0.0.1'), external, noChecks))).toEqual([expect.objectContaining({
            code: 'ip4AddressInvalid', field: 'network.staticIp.ip4Address',
            text: '"10.0.0.300" is not an IPv4 address: write four numbers from 0 to 255 separated by dots, without leading zeros.'
        })]);
        expect(codes(validateStaticIp(fields('10.0.0.5', 24, '10.0.0'), external, noChecks))).toEqual(['gatewayInvalid']);
        expect(codes(validateStaticIp(fields('127.0.0.5', 8, '127.0.0.1'), external, noChecks))).toEqual(['ip4AddressNotUnicast', 'gatewayNotUnicast']);
    });

    it('refuses the network and broadcast addresses and accepts the addresses next to them', () => {
        expect(codes(validateStaticIp(fields('10.0.0.0', 24, '10.0.0.1'), external, noChecks))).toEqual(['ip4AddressIsNetwork']);
        expect(codes(validateStaticIp(fields('10.0.0.255', 24, '10.0.0.1'), external, noChecks))).toEqual(['ip4AddressIsBroadcast']);
        expect(validateStaticIp(fields('10.0.0.254', 24, '10.0.0.1'), external, noChecks)).toEqual([]);
        expect(validateStaticIp(fields('10.0.0.2', 24, '10.0.0.1'), external, noChecks)).toEqual([]);
    });

    it('needs the gateway inside the subnet, not its network or broadcast address, and not the VM address', () => {
        expect(rendered(validateStaticIp(fields('10.0.0.5', 24, '10.0.1.1'), external, noChecks))).toEqual([expect.objectContaining({
            code: 'gatewayOutsideSubnet', text: 'The gateway 10.0.1.1 is not in the VM\'s subnet 10.0.0.0/24.'
        })]);
        expect(validateStaticIp(fields('10.0.0.5', 23, '10.0.1.1'), external, noChecks)).toEqual([]);
        expect(codes(validateStaticIp(fields('10.0.0.5', 24, '10.0.0.255'), external, noChecks))).toEqual(['gatewayNotHostAddress']);
        expect(codes(validateStaticIp(fields('10.0.0.5', 24, '10.0.0.5'), external, noChecks))).toEqual(['ip4AddressIsGateway']);
    });

    it('works at the prefix bounds: /30 has two host addresses, /1 half the address space', () => {
        expect(validateStaticIp(fields('10.0.0.2', 30, '10.0.0.1'), external, noChecks)).toEqual([]);
        expect(codes(validateStaticIp(fields('10.0.0.3', 30, '10.0.0.1'), external, noChecks))).toEqual(['ip4AddressIsBroadcast']);
        expect(validateStaticIp(fields('10.0.0.5', 1, '100.0.0.1'), external, noChecks)).toEqual([]);
    });

    it('turns the host\'s ping answers into an error (address in use) and a warning (gateway silent)', () => {
        const ip = fields('192.168.10.50', 24, '192.168.10.1');
        expect(codes(validateStaticIp(ip, external, { addressInUse: true, gatewayReachable: true }))).toEqual(['ip4AddressInUse']);
        expect(validateStaticIp(ip, external, { addressInUse: false, gatewayReachable: false })).toEqual([
            expect.objectContaining({ code: 'gatewayUnreachable', severity: 'warning' })
        ]);
        expect(validateStaticIp(ip, external, { addressInUse: false, gatewayReachable: true })).toEqual([]);
    });

    it('does not apply ping answers to a new Internal switch, which has no network yet', () => {
        const ip = fields('172.20.0.2', 24, '172.20.0.1');
        expect(validateStaticIp(ip, { kind: 'newInternal', switchName: 'NAT' }, { addressInUse: true, gatewayReachable: false })).toEqual([]);
    });
});
