/**
 * IPv4 arithmetic for the static address rules. Only strict dotted-decimal text is an address here: "10.0.0.010"
 * (leading zero, read as octal by some tools) and "10.1" (which .NET's IPAddress.Parse accepts) are not.
 */
import { messageOf, type MessageText } from './message-text';
import { IPV4_PATTERN } from './script-patterns';

/** Parses strict dotted-decimal IPv4 to a 32-bit unsigned number, or null. */
export function parseIpv4(text: string): number | null {
    if (!IPV4_PATTERN.test(text)) {
        return null;
    }
    return text.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

/** The dotted-decimal text of a 32-bit unsigned number. */
export function formatIpv4(value: number): string {
    return [24, 16, 8, 0].map(shift => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** The network address of `address` in a subnet of `prefixLength`. */
export function networkAddress(address: number, prefixLength: number): number {
    const hostSize = 2 ** (32 - prefixLength);
    return address - (address % hostSize);
}

/** The broadcast address of `address` in a subnet of `prefixLength`. */
export function broadcastAddress(address: number, prefixLength: number): number {
    return networkAddress(address, prefixLength) + 2 ** (32 - prefixLength) - 1;
}

/** Whether two addresses are in the same subnet of `prefixLength`. */
export function sameSubnet(first: number, second: number, prefixLength: number): boolean {
    return networkAddress(first, prefixLength) === networkAddress(second, prefixLength);
}

/** Why an address cannot be a unicast host address at all (regardless of subnet), or null when it can. */
export function nonUnicastReason(address: number): MessageText | null {
    const firstOctet = Math.floor(address / 2 ** 24);
    if (firstOctet === 0) {
        return messageOf('reasonThisNetwork');
    }
    if (firstOctet === 127) {
        return messageOf('reasonLoopback');
    }
    if (firstOctet >= 224 && firstOctet <= 239) {
        return messageOf('reasonMulticast');
    }
    if (firstOctet >= 240) {
        return messageOf('reasonReserved');
    }
    return null;
}

/** The subnet of an address in CIDR notation, e.g. ("172.20.0.1", 24) -> "172.20.0.0/24"; null for bad input. */
export function subnetCidr(addressText: string, prefixLength: number): string | null {
    const address = parseIpv4(addressText);
    if (address === null || !Number.isInteger(prefixLength) || prefixLength < 0 || prefixLength > 32) {
        return null;
    }
    return `${formatIpv4(networkAddress(address, prefixLength))}/${prefixLength}`;
}
