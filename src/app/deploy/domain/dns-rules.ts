/**
 * Rules for the DNS servers set with Set-EflowVmDNSServers after deployment (eflow.md sections 2 and 9).
 */
import { nonUnicastReason, parseIpv4 } from './ipv4';
import { messageOf } from './message-text';
import { validationError, validationWarning, type ValidationMessage } from './validation-message';
import type { Ipv4Addressing } from './wizard-model';

/**
 * Not documented by EFLOW. systemd-resolved uses servers in order and a handful is the practical most; the bound
 * keeps the script's -DnsServers array (ValidateCount) finite.
 */
export const MAX_DNS_SERVERS = 8;

/** Each DNS server a valid unicast IPv4, no duplicates, at most MAX_DNS_SERVERS; a warning for static without DNS. */
export function validateDnsServers(dnsServers: readonly string[], addressing: Ipv4Addressing): ValidationMessage[] {
    const messages: ValidationMessage[] = [];
    if (dnsServers.length > MAX_DNS_SERVERS) {
        messages.push(validationError('network.dnsServers', 'dnsTooMany', { max: MAX_DNS_SERVERS, count: dnsServers.length }));
    }
    const seen = new Set<number>();
    dnsServers.forEach((server, index) => {
        const field = `network.dnsServers.${index}`;
        const value = parseIpv4(server);
        if (value === null) {
            messages.push(validationError(field, 'dnsInvalid',
                server.length === 0 ? messageOf('dnsEmpty') : messageOf('dnsInvalid', { server })));
            return;
        }
        const reason = nonUnicastReason(value);
        if (reason) {
            messages.push(validationError(field, 'dnsNotUnicast', { server, reason }));
        } else if (seen.has(value)) {
            messages.push(validationError(field, 'dnsDuplicate', { server }));
        }
        seen.add(value);
    });
    if (addressing === 'static' && dnsServers.length === 0) {
        messages.push(validationWarning('network.dnsServers', 'dnsMissingForStatic'));
    }
    return messages;
}
