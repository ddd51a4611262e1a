/** IPv4 helpers for the network validation rules (Deploy-Eflow, Add-EflowVmEndpoint, DNS servers). */

/** Whether `text` is a dotted-quad IPv4 address (each part 0..255, no leading zeros beyond "0"). */
export function isIpv4(text: string): boolean {
    const parts = text.split('.');
    return parts.length === 4 && parts.every(part => /^(0|[1-9][0-9]{0,2})$/.test(part) && Number(part) <= 255);
}

export function ipv4ToNumber(text: string): number {
    return text.split('.').reduce((value, part) => value * 256 + Number(part), 0);
}

export function numberToIpv4(value: number): string {
    return [24, 16, 8, 0].map(shift => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** Whether two addresses share the first `prefixLength` bits. */
export function sameSubnet(first: string, second: string, prefixLength: number): boolean {
    const size = 2 ** (32 - Math.max(0, Math.min(32, prefixLength)));
    return Math.floor(ipv4ToNumber(first) / size) === Math.floor(ipv4ToNumber(second) / size);
}

/** The network of `address`/`prefixLength` in CIDR notation, e.g. 172.20.0.0/24. */
export function cidrOf(address: string, prefixLength: number): string {
    const size = 2 ** (32 - prefixLength);
    return `${numberToIpv4(Math.floor(ipv4ToNumber(address) / size) * size)}/${prefixLength}`;
}

/** Whether `address` lies in `cidr` (a.b.c.d/n). */
export function inCidr(address: string, cidr: string): boolean {
    const [network, prefix] = cidr.split('/');
    return isIpv4(address) && network !== undefined && sameSubnet(address, network, Number(prefix));
}
