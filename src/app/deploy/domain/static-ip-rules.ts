/**
 * Rules for the VM's static IPv4 address (wizard page 4, eflow.md sections 3 and 9).
 *
 * Prefix length: 1..30. A /31 or /32 subnet has no address that is neither the network nor the broadcast address
 * and differs from the gateway (RFC 3021 point-to-point /31 links are not how a Hyper-V switch is used), and /0 has
 * no network at all; Deploy-Eflow's own parameter allows 0..32, so the wizard is stricter on purpose.
 */
import {
    broadcastAddress, formatIpv4, networkAddress, nonUnicastReason, parseIpv4, sameSubnet
} from './ipv4';
import { messageOf, type DeployTextKey } from './message-text';
import { validationError, validationWarning, type ValidationMessage } from './validation-message';
import type { StaticIpv4Fields, SwitchChoice } from './wizard-model';

export const MIN_PREFIX_LENGTH = 1;
export const MAX_PREFIX_LENGTH = 30;

const ADDRESS_FIELD = 'network.staticIp.ip4Address';
const PREFIX_FIELD = 'network.staticIp.ip4PrefixLength';
const GATEWAY_FIELD = 'network.staticIp.ip4GatewayAddress';

/** Results of the host-side checks (Test-EflowDeploymentInput): null when not run yet or not applicable. */
export interface StaticIpHostChecks {
    /** The address answers ping from the host: another device uses it. */
    addressInUse: boolean | null;
    /** The gateway answers ping from the host. */
    gatewayReachable: boolean | null;
}

/**
 * The three fields go together or not at all (Deploy-Eflow's rule). Returns one error per missing field, or none when
 * all three or none are given. For the wizard's own "static" choice `requireAll` makes all-empty an error too.
 */
export function validateStaticIpCompleteness(fields: StaticIpv4Fields, requireAll: boolean): ValidationMessage[] {
    const given = {
        address: fields.ip4Address.length > 0,
        prefix: fields.ip4PrefixLength !== null,
        gateway: fields.ip4GatewayAddress.length > 0
    };
    const count = Number(given.address) + Number(given.prefix) + Number(given.gateway);
    if (count === 3 || (count === 0 && !requireAll)) {
        return [];
    }
    const why = messageOf(count === 0 ? 'staticIpNeeds' : 'staticIpTogether');
    const messages: ValidationMessage[] = [];
    if (!given.address) {
        messages.push(validationError(ADDRESS_FIELD, 'staticIpIncomplete', messageOf('staticIpMissingAddress', { why })));
    }
    if (!given.prefix) {
        messages.push(validationError(PREFIX_FIELD, 'staticIpIncomplete', messageOf('staticIpMissingPrefix', { why })));
    }
    if (!given.gateway) {
        messages.push(validationError(GATEWAY_FIELD, 'staticIpIncomplete', messageOf('staticIpMissingGateway', { why })));
    }
    return messages;
}

/** One address field on its own: strict IPv4 and unicast. */
function validateAddressText(field: string, code: string, label: DeployTextKey, text: string): ValidationMessage[] {
    const value = parseIpv4(text);
    if (value === null) {
        return [validationError(field, `${code}Invalid`, messageOf('addressInvalid', { address: text }))];
    }
    const reason = nonUnicastReason(value);
    return reason ? [validationError(field, `${code}NotUnicast`, messageOf('addressNotUnicast', { address: text, label: messageOf(label), reason }))] : [];
}

/** -ip4PrefixLength: a whole number 1..30. */
export function validatePrefixLength(prefixLength: number | null): ValidationMessage[] {
    if (prefixLength === null) {
        return [];
    }
    if (!Number.isInteger(prefixLength) || prefixLength < MIN_PREFIX_LENGTH || prefixLength > MAX_PREFIX_LENGTH) {
        return [validationError(PREFIX_FIELD, 'prefixOutOfRange', { min: MIN_PREFIX_LENGTH, max: MAX_PREFIX_LENGTH })];
    }
    return [];
}

/** The address and gateway against each other and their subnet (only when each is valid on its own). */
function validateSubnet(address: number, gateway: number, prefixLength: number, fields: StaticIpv4Fields): ValidationMessage[] {
    const messages: ValidationMessage[] = [];
    const network = networkAddress(address, prefixLength);
    const subnetText = `${formatIpv4(network)}/${prefixLength}`;
    if (address === network) {
        messages.push(validationError(ADDRESS_FIELD, 'ip4AddressIsNetwork', { address: fields.ip4Address, subnet: subnetText }));
    } else if (address === broadcastAddress(address, prefixLength)) {
        messages.push(validationError(ADDRESS_FIELD, 'ip4AddressIsBroadcast', { address: fields.ip4Address, subnet: subnetText }));
    }
    if (!sameSubnet(address, gateway, prefixLength)) {
        messages.push(validationError(GATEWAY_FIELD, 'gatewayOutsideSubnet', { gateway: fields.ip4GatewayAddress, subnet: subnetText }));
    } else if (gateway === network || gateway === broadcastAddress(gateway, prefixLength)) {
        messages.push(validationError(GATEWAY_FIELD, 'gatewayNotHostAddress', { gateway: fields.ip4GatewayAddress, subnet: subnetText }));
    } else if (gateway === address) {
        messages.push(validationError(ADDRESS_FIELD, 'ip4AddressIsGateway'));
    }
    return messages;
}

/**
 * Every rule of a static address, for the wizard's "static" choice. DHCP needs no rule here; the Default Switch
 * refuses static addresses ("Cannot set Static IP on ICS type virtual switch (Default Switch)").
 *
 * An unreachable gateway is a warning, not an error as in eflowAutoDeploy: many gateways do not answer ping.
 */
export function validateStaticIp(fields: StaticIpv4Fields, switchChoice: SwitchChoice, checks: StaticIpHostChecks):
    ValidationMessage[] {
    if (switchChoice.kind === 'defaultSwitch') {
        return [validationError('network.addressing', 'staticIpOnDefaultSwitch')];
    }
    const completeness = validateStaticIpCompleteness(fields, true);
    const perField = [
        ...(fields.ip4Address ? validateAddressText(ADDRESS_FIELD, 'ip4Address', 'labelVmAddress', fields.ip4Address) : []),
        ...validatePrefixLength(fields.ip4PrefixLength),
        ...(fields.ip4GatewayAddress ? validateAddressText(GATEWAY_FIELD, 'gateway', 'labelGateway', fields.ip4GatewayAddress) : [])
    ];
    if (completeness.length > 0 || perField.length > 0) {
        return [...completeness, ...perField];
    }
    const address = parseIpv4(fields.ip4Address) as number;
    const gateway = parseIpv4(fields.ip4GatewayAddress) as number;
    const messages = validateSubnet(address, gateway, fields.ip4PrefixLength as number, fields);
    // A new Internal switch has no network to ping on yet; an External one bridges a network the host is on already.
    const networkExists = switchChoice.kind === 'existing' || switchChoice.kind === 'newExternal';
    const isExternal = switchChoice.kind === 'newExternal' ||
        (switchChoice.kind === 'existing' && switchChoice.switchType === 'External');
    if (messages.length === 0 && networkExists && checks.addressInUse === true) {
        messages.push(validationError(ADDRESS_FIELD, 'ip4AddressInUse', { address: fields.ip4Address }));
    }
    if (messages.length === 0 && isExternal && checks.gatewayReachable === false) {
        messages.push(validationWarning(GATEWAY_FIELD, 'gatewayUnreachable', { gateway: fields.ip4GatewayAddress }));
    }
    return messages;
}
