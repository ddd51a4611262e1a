/** Networks, endpoints and DNS of the VM (eflow.md sections 2 and 9, NICS). */
import { hexFromRandom } from '../../model/ids';
import { cidrOf, inCidr, ipv4ToNumber, isIpv4, numberToIpv4, sameSubnet } from '../../model/ipv4';
import { failEflow, failMissingParameters } from '../../runtime/failure';
import type { CmdletHandler, HandlerContext } from '../../runtime/handler';
import { ok } from '../../runtime/outcome';
import type { EflowNetworkType, VmEndpoint, VmNetwork, VmState } from '../../state/host-state';
import { requireRunningVm, requireVm } from './guards';
import * as messages from './messages';
import { endpointView, networkView } from './vm-view';

function sameName(first: string, second: string): boolean {
    return first.toLowerCase() === second.toLowerCase();
}

function requireNames(context: HandlerContext, command: string, names: string[]): string[] {
    const values = names.map(name => context.params.string(name));
    const missing = names.filter((_, index) => values[index] === null || values[index] === '');
    if (missing.length > 0) {
        failMissingParameters(command, missing);
    }
    return values as string[];
}

export const getEflowNetwork: CmdletHandler = context => {
    const vm = requireVm(context);
    const filter = context.params.string('vswitchName');
    return ok(vm.networks.filter(n => filter === null || sameName(n.name, filter)).map(networkView));
};

export const addEflowNetwork: CmdletHandler = context => {
    const vm = requireRunningVm(context);
    const [name, typeName] = requireNames(context, 'Add-EflowNetwork', ['vswitchName', 'vswitchType']);
    const type: EflowNetworkType = typeName?.toLowerCase() === 'internal' ? 'Internal' : 'External';
    const vSwitch = context.host.windows.vSwitches.find(s => sameName(s.name, name ?? '') && s.type === type);
    if (!vSwitch) {
        failEflow(messages.switchNotFound(name ?? '', type));
    }
    if (vm.networks.some(n => sameName(n.name, vSwitch.name))) {
        failEflow(messages.networkAlreadyAttached(vSwitch.name));
    }
    const hostAddress = context.host.windows.ipAddresses.find(a => context.host.windows.netAdapters.some(adapter =>
        adapter.ifIndex === a.ifIndex && adapter.name === `vEthernet (${vSwitch.name})`));
    const network: VmNetwork = { name: vSwitch.name, type, allocationMethod: 'Dynamic',
        cidr: hostAddress ? cidrOf(hostAddress.ipAddress, hostAddress.prefixLength) : '192.168.1.0/24' };
    vm.networks.push(network);
    context.changed();
    return ok(networkView(network));
};

export const removeEflowNetwork: CmdletHandler = context => {
    const vm = requireVm(context);
    const [name] = requireNames(context, 'Remove-EflowNetwork', ['vswitchName']);
    const index = vm.networks.findIndex(n => sameName(n.name, name ?? ''));
    if (index < 0) {
        failEflow(messages.networkNotAttached(name ?? ''));
    }
    const network = vm.networks[index] as VmNetwork;
    if (index === 0) {
        failEflow(messages.primaryNetworkRemoval(network.name));
    }
    if (vm.endpoints.some(e => sameName(e.switchName, network.name))) {
        failEflow(messages.networkHasEndpoints(network.name));
    }
    vm.networks.splice(index, 1);
    context.changed();
    return ok(null);
};

export const getEflowVmEndpoint: CmdletHandler = context => {
    const vm = requireVm(context);
    const filter = context.params.string('vswitchName');
    return ok(vm.endpoints.filter(e => filter === null || sameName(e.switchName, filter)).map(endpointView));
};

/** A free DHCP lease in `cidr` (above .100, skipping addresses already used by the VM). */
function leaseIn(vm: VmState, cidr: string): { ip: string; gateway: string; prefix: number } {
    const [network, prefixText] = cidr.split('/');
    const prefix = Number(prefixText);
    const base = ipv4ToNumber(network ?? '0.0.0.0');
    let candidate = base + 100;
    while (vm.endpoints.some(e => e.ipAddress === numberToIpv4(candidate))) {
        candidate++;
    }
    return { ip: numberToIpv4(candidate), gateway: numberToIpv4(base + 1), prefix };
}

export const addEflowVmEndpoint: CmdletHandler = context => {
    const vm = requireRunningVm(context);
    const { params } = context;
    const [switchName, endpointName] = requireNames(context, 'Add-EflowVmEndpoint', ['vswitchName', 'vendpointName']);
    const network = vm.networks.find(n => sameName(n.name, switchName ?? ''));
    if (!network) {
        failEflow(messages.networkNotAttached(switchName ?? ''));
    }
    if (vm.endpoints.some(e => sameName(e.name, endpointName ?? ''))) {
        failEflow(messages.endpointExists(endpointName ?? ''));
    }
    const ip = params.string('ip4Address');
    const prefix = params.int('ip4PrefixLength');
    const gateway = params.string('ip4GatewayAddress');
    let address: { ip: string; gateway: string; prefix: number };
    let allocation: 'Dynamic' | 'Static' = 'Dynamic';
    if (ip !== null || prefix !== null || gateway !== null) {
        if (ip === null || prefix === null || gateway === null) {
            failEflow(messages.STATIC_IP_INCOMPLETE);
        }
        if (network.type === 'ICS') {
            failEflow(messages.STATIC_IP_ON_ICS);
        }
        for (const value of [ip, gateway]) {
            if (!isIpv4(value)) {
                failEflow(messages.invalidIp(value));
            }
        }
        if (!sameSubnet(ip, gateway, prefix)) {
            failEflow(messages.notSameSubnet(ip, gateway, prefix));
        }
        address = { ip, gateway, prefix };
        allocation = 'Static';
    } else {
        address = leaseIn(vm, network.cidr);
    }
    const endpoint: VmEndpoint = {
        name: endpointName ?? '',
        switchName: network.name,
        macAddress: `00:15:5d:${(hexFromRandom(context.random, 6).match(/../g) ?? []).join(':')}`,
        ipAddress: address.ip,
        prefixLength: address.prefix,
        gateway: address.gateway,
        allocationMethod: allocation,
        guestInterfaceName: `eth${vm.endpoints.length}`,
        dnsServers: []
    };
    vm.endpoints.push(endpoint);
    if (allocation === 'Static' && !inCidr(address.ip, network.cidr)) {
        network.allocationMethod = 'Static';
        network.cidr = cidrOf(address.ip, address.prefix);
    }
    context.changed();
    return ok(endpointView(endpoint));
};

export const removeEflowVmEndpoint: CmdletHandler = context => {
    const vm = requireVm(context);
    const [name] = requireNames(context, 'Remove-EflowVmEndpoint', ['vendpointName']);
    const index = vm.endpoints.findIndex(e => sameName(e.name, name ?? ''));
    if (index < 0) {
        failEflow(messages.endpointNotFound(name ?? ''));
    }
    if (index === 0) {
        failEflow(messages.primaryEndpointRemoval(vm.endpoints[0]?.name ?? ''));
    }
    vm.endpoints.splice(index, 1);
    context.changed();
    return ok(null);
};

export const setEflowVmDnsServers: CmdletHandler = context => {
    const vm = requireRunningVm(context);
    const servers = context.params.strings('dnsServers');
    if (servers.length === 0) {
        failMissingParameters('Set-EflowVmDNSServers', ['dnsServers']);
    }
    for (const server of servers) {
        if (!isIpv4(server)) {
            failEflow(messages.invalidIp(server));
        }
    }
    const endpointName = context.params.string('vendpointName');
    const endpoint = endpointName === null ? vm.endpoints[0]
        : vm.endpoints.find(e => sameName(e.name, endpointName));
    if (!endpoint) {
        failEflow(messages.endpointNotFound(endpointName ?? ''));
    }
    endpoint.dnsServers = servers;
    context.changed();
    return ok(null);
};
