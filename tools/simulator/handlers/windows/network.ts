/** Hyper-V switches, adapters, host IP addresses, NAT and ping (the Internal/External switch recipes of VSWITCH). */
import type { CallOutcome, JsonValue } from '../../../pwsh-host/protocol';
import { answeringAddresses } from '../eflow/deploy-validation';
import { inCidr, isIpv4 } from '../../model/ipv4';
import type { CmdletHandler, HandlerContext } from '../../runtime/handler';
import { commandNotFound, ok, windowsError } from '../../runtime/outcome';
import { consumeFault } from '../../state/fault-state';
import type { NetAdapter, VSwitch } from '../../state/host-state';
import { hasWildcards, wildcardMatch } from './paths';

const NEW_VM_SWITCH = 'Microsoft.HyperV.PowerShell.Commands.NewVMSwitch';

function switchView(vSwitch: VSwitch, adapters: NetAdapter[]): JsonValue {
    const adapter = adapters.find(a => a.name === vSwitch.netAdapterName);
    return { Name: vSwitch.name, SwitchType: vSwitch.type,
        NetAdapterInterfaceDescription: adapter?.interfaceDescription ?? null, AllowManagementOS: vSwitch.allowManagementOS };
}

function adapterView(adapter: NetAdapter): JsonValue {
    return { Name: adapter.name, InterfaceDescription: adapter.interfaceDescription, ifIndex: adapter.ifIndex,
        Status: adapter.status, MacAddress: adapter.macAddress, LinkSpeed: adapter.linkSpeed };
}

/** The Hyper-V PowerShell module exists only where Hyper-V is enabled. */
function hyperVModuleMissing(context: HandlerContext, command: string): CallOutcome | null {
    return context.host.windows.hyperV === 'Enabled' ? null : commandNotFound(command);
}

function notFoundByName(className: string, property: string, value: string, command: string,
    found?: JsonValue): CallOutcome {
    return windowsError(`No ${className} objects found with property '${property}' equal to '${value}'.  Verify the ` +
        'value of the property and retry.', `CmdletizationQuery_NotFound_${property},${command}`, 'ObjectNotFound',
    found === undefined ? {} : { value: found });
}

export const getVmSwitch: CmdletHandler = context => {
    const missingModule = hyperVModuleMissing(context, 'Get-VMSwitch');
    if (missingModule) {
        return missingModule;
    }
    const { vSwitches, netAdapters } = context.host.windows;
    const names = context.params.strings('Name');
    const type = context.params.string('SwitchType');
    const selected = vSwitches.filter(s => (names.length === 0 || names.some(n => wildcardMatch(n, s.name))) &&
        (type === null || s.type.toLowerCase() === type.toLowerCase()));
    const value = selected.map(s => switchView(s, netAdapters));
    const missing = names.find(n => !hasWildcards(n) && !vSwitches.some(s => s.name.toLowerCase() === n.toLowerCase()));
    if (missing !== undefined) {
        return windowsError(`Hyper-V was unable to find a virtual switch with name "${missing}".`,
            'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVMSwitch', 'InvalidArgument', { value });
    }
    return ok(value);
};

export const newVmSwitch: CmdletHandler = async context => {
    const missingModule = hyperVModuleMissing(context, 'New-VMSwitch');
    if (missingModule) {
        return missingModule;
    }
    const { params, host } = context;
    const windows = host.windows;
    const name = params.string('Name') ?? '';
    const typeName = params.string('SwitchType');
    const adapterName = params.strings('NetAdapterName')[0] ?? null;
    if ((typeName === null) === (adapterName === null)) {
        return windowsError('Parameter set cannot be resolved using the specified named parameters.',
            `AmbiguousParameterSet,${NEW_VM_SWITCH}`, 'InvalidArgument', { terminating: true });
    }
    if (consumeFault(context.faults, 'switchCreationFailure')) {
        context.changed();
        return windowsError('Installation of virtual switch failed', `VirtualSwitchCreationFailed,${NEW_VM_SWITCH}`,
            'NotSpecified');
    }
    let physical: NetAdapter | undefined;
    if (adapterName !== null) {
        physical = windows.netAdapters.find(a => a.physical && a.name.toLowerCase() === adapterName.toLowerCase());
        if (!physical) {
            return notFoundByName('MSFT_NetAdapter', 'Name', adapterName, 'New-VMSwitch');
        }
        const bound = windows.vSwitches.find(s => s.netAdapterName === physical?.name);
        if (bound) {
            return windowsError(`The network adapter '${physical.name}' is already bound to virtual switch '${bound.name}'.`,
                `InvalidParameter,${NEW_VM_SWITCH}`, 'InvalidArgument');
        }
    }
    await context.clock.sleep(2000, context.signal);
    const type = physical ? 'External' : typeName?.toLowerCase() === 'private' ? 'Private' : 'Internal';
    const allowManagementOS = params.optionalBool('AllowManagementOS') ?? true;
    // Duplicate names are allowed, as in Hyper-V (and then break Deploy-Eflow: "Found multiple VMMS switches").
    const vSwitch: VSwitch = { name, type, netAdapterName: physical?.name ?? null, allowManagementOS };
    windows.vSwitches.push(vSwitch);
    if (type === 'Internal' || type === 'External' && allowManagementOS) {
        windows.netAdapters.push({ name: `vEthernet (${name})`, interfaceDescription: 'Hyper-V Virtual Ethernet Adapter',
            ifIndex: Math.max(...windows.netAdapters.map(a => a.ifIndex)) + 1, status: 'Up',
            macAddress: physical?.macAddress ?? '00-15-5D-01-6F-00', linkSpeed: '10 Gbps', physical: false });
    }
    context.changed();
    return ok(switchView(vSwitch, windows.netAdapters));
};

export const getNetAdapter: CmdletHandler = context => {
    const adapters = context.host.windows.netAdapters;
    const names = context.params.strings('Name');
    const physicalOnly = context.params.flag('Physical');
    const selected = adapters.filter(a => (!physicalOnly || a.physical) &&
        (names.length === 0 || names.some(n => wildcardMatch(n, a.name))));
    const missing = names.find(n => !hasWildcards(n) && !selected.some(a => a.name.toLowerCase() === n.toLowerCase()));
    if (missing !== undefined) {
        return notFoundByName('MSFT_NetAdapter', 'Name', missing, 'Get-NetAdapter', selected.map(adapterView));
    }
    return ok(selected.map(adapterView));
};

export const newNetIpAddress: CmdletHandler = context => {
    const { params, host } = context;
    const ip = params.string('IPAddress') ?? '';
    const prefix = params.int('PrefixLength') ?? 24;
    const index = params.int('InterfaceIndex');
    const alias = params.string('InterfaceAlias');
    if (!isIpv4(ip)) {
        return windowsError('The parameter is incorrect.', 'Windows System Error 87,New-NetIPAddress', 'InvalidArgument');
    }
    const adapter = host.windows.netAdapters.find(a => index !== null ? a.ifIndex === index
        : a.name.toLowerCase() === (alias ?? '').toLowerCase());
    if (!adapter) {
        return index !== null ? notFoundByName('MSFT_NetIPInterface', 'InterfaceIndex', String(index), 'New-NetIPAddress')
            : notFoundByName('MSFT_NetIPInterface', 'InterfaceAlias', alias ?? '', 'New-NetIPAddress');
    }
    if (host.windows.ipAddresses.some(a => a.ipAddress === ip)) {
        return windowsError('Instance MSFT_NetIPAddress already exists', 'Windows System Error 1,New-NetIPAddress',
            'ResourceExists');
    }
    host.windows.ipAddresses.push({ ipAddress: ip, prefixLength: prefix, ifIndex: adapter.ifIndex });
    context.changed();
    return ok({ IPAddress: ip, InterfaceIndex: adapter.ifIndex, InterfaceAlias: adapter.name, AddressFamily: 'IPv4',
        PrefixLength: prefix });
};

export const getNetIpAddress: CmdletHandler = context => {
    const { netAdapters, ipAddresses } = context.host.windows;
    const family = context.params.string('AddressFamily');
    const aliases = context.params.strings('InterfaceAlias');
    // The simulator models IPv4 addresses only.
    const view = (family === null || family.toLowerCase() === 'ipv4' ? ipAddresses : []).map(a => ({
        IPAddress: a.ipAddress, InterfaceIndex: a.ifIndex, InterfaceAlias: netAdapters.find(n => n.ifIndex === a.ifIndex)?.name ?? '',
        AddressFamily: 'IPv4', PrefixLength: a.prefixLength
    }));
    const selected = view.filter(a => aliases.length === 0 || aliases.some(alias => wildcardMatch(alias, a.InterfaceAlias)));
    const missing = aliases.find(n => !hasWildcards(n) && !selected.some(a => a.InterfaceAlias.toLowerCase() === n.toLowerCase()));
    if (missing !== undefined) {
        return notFoundByName('MSFT_NetIPAddress', 'InterfaceAlias', missing, 'Get-NetIPAddress', selected);
    }
    return ok(selected);
};

export const getNetNat: CmdletHandler = context => {
    const nats = context.host.windows.nats;
    const names = context.params.strings('Name');
    const selected = nats.filter(n => names.length === 0 || names.some(name => wildcardMatch(name, n.name)));
    const view = selected.map(n => ({ Name: n.name, InternalIPInterfaceAddressPrefix: n.internalIPInterfaceAddressPrefix,
        Active: true }));
    const missing = names.find(n => !hasWildcards(n) && !selected.some(s => s.name.toLowerCase() === n.toLowerCase()));
    if (missing !== undefined) {
        return notFoundByName('MSFT_NetNat', 'Name', missing, 'Get-NetNat', view);
    }
    return ok(view);
};

export const newNetNat: CmdletHandler = context => {
    const name = context.params.string('Name') ?? '';
    const prefix = context.params.string('InternalIPInterfaceAddressPrefix') ?? '';
    const [network, length] = prefix.split('/');
    if (!network || !isIpv4(network) || !/^\d+$/.test(length ?? '') || Number(length) > 32) {
        return windowsError('The parameter is incorrect.', 'Windows System Error 87,New-NetNat', 'InvalidArgument');
    }
    // WinNAT supports one NAT network per host.
    if (context.host.windows.nats.length > 0) {
        return windowsError('Instance MSFT_NetNat already exists', 'Windows System Error 1,New-NetNat', 'ResourceExists');
    }
    context.host.windows.nats.push({ name, internalIPInterfaceAddressPrefix: prefix });
    context.changed();
    return ok({ Name: name, InternalIPInterfaceAddressPrefix: prefix, Active: true });
};

const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', '127.0.0.0/8'];

/** Whether a ping from the host to `target` is answered. */
function answers(context: HandlerContext, target: string): boolean {
    if (isIpv4(target) && PRIVATE_RANGES.some(range => inCidr(target, range))) {
        return target.startsWith('127.') || answeringAddresses(context.host).includes(target);
    }
    return context.host.windows.internet;
}

export const testConnection: CmdletHandler = async context => {
    const targets = context.params.strings('ComputerName');
    const count = Math.max(1, context.params.int('Count') ?? 4);
    await context.clock.sleep(250 * count, context.signal);
    const results = targets.map(target => ({ target, reachable: answers(context, target) }));
    if (context.params.flag('Quiet')) {
        return ok(results.map(r => r.reachable));
    }
    const replies: JsonValue[] = results.filter(r => r.reachable).flatMap(r => Array.from({ length: count }, () => ({
        Address: r.target, IPV4Address: isIpv4(r.target) ? r.target : '20.112.250.133', ResponseTime: 1, StatusCode: 0 })));
    const unreachable = results.find(r => !r.reachable);
    if (unreachable) {
        return windowsError(`Testing connection to computer '${unreachable.target}' failed: Error due to lack of resources`,
            'TestConnectionException,Microsoft.PowerShell.Commands.TestConnectionCommand', 'ResourceUnavailable',
            { value: replies });
    }
    return ok(replies);
};
