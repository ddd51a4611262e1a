/**
 * The `network` section of an eflowAutoDeploy file (part of auto-deploy-import.ts): the switch (used or created,
 * from the host's switches), the static address, proxies (ignored) and DNS servers.
 *
 * An Internal switch without address fields is eflowAutoDeploy's "auto-static" case (eflow.md section 6: Internal
 * switch with a NAT, gateway .1, VM .2, /24): for a switch that exists it takes the host's address on the switch as
 * the gateway and .2 of that /24 for the VM. The wizard does the same when the host's state read shows that address
 * and the NAT; otherwise (a switch still to be created, whose address eflowAutoDeploy would take from whatever
 * Windows gives the new adapter, or facts it could not read) it asks for the address on the Network page.
 */
import type { AutoDeployIssues } from './auto-deploy-config';
import type { HostNetAdapter, HostVirtualSwitch } from './deployment-prerequisites';
import type { DeploymentStateSwitch } from './deployment-state';
import { parseIpv4, sameSubnet } from './ipv4';
import { canonicalValue, type JsonSectionReader } from './json-section-reader';
import { messageOf } from './message-text';
import { OBJECT_NAME_PATTERN } from './script-patterns';
import { validateStaticIpCompleteness } from './static-ip-rules';
import type { NetworkChoice, StaticIpv4Fields, SwitchChoice } from './wizard-model';

/** What the import may know of the host: its switches decide whether a named switch is used or created. */
export interface AutoDeployImportContext {
    hostSwitches: readonly HostVirtualSwitch[] | null;
    /** The host's physical adapters (to compare adapterName with an existing External switch's adapter). */
    physicalAdapters?: readonly HostNetAdapter[] | null;
    /** The deployment state read's switches: an Internal switch's host address and NAT (auto-static addressing). */
    stateSwitches?: readonly DeploymentStateSwitch[] | null;
}

const PROXY_WARNING = messageOf('importProxyIgnored');

function sameName(a: string, b: string): boolean {
    return a.toLowerCase() === b.toLowerCase();
}

/** The adapter name of an existing External switch, from the host facts; null when they do not tell. */
function adapterOfSwitch(name: string, context: AutoDeployImportContext): string | null {
    const description = context.hostSwitches?.find(s => sameName(s.name, name))?.netAdapterInterfaceDescription ?? null;
    return context.physicalAdapters?.find(a => description !== null && a.interfaceDescription === description)?.name ?? null;
}

function readSwitch(network: JsonSectionReader, context: AutoDeployImportContext, issues: AutoDeployIssues): SwitchChoice {
    const name = network.string('vswitchName');
    const typeText = network.string('vswitchType');
    const adapterName = network.string('adapterName');
    if (name === '' && typeText === '') {
        return { kind: 'defaultSwitch' };
    }
    const type = canonicalValue(typeText, ['Internal', 'External'] as const);
    if (type === null) {
        issues.errors.push({ path: 'network.vswitchType', text: messageOf('importSwitchTypeInvalid', { got: typeText }) });
        return { kind: 'defaultSwitch' };
    }
    if (!OBJECT_NAME_PATTERN.test(name)) {
        issues.errors.push({ path: 'network.vswitchName', text: messageOf('importSwitchNameInvalid') });
        return { kind: 'defaultSwitch' };
    }
    const onHost = context.hostSwitches?.some(s => sameName(s.name, name)) ?? null;
    // eflowAutoDeploy creates a missing switch: External from adapterName, Internal with a NAT.
    if (type === 'External' && adapterName !== '' && onHost !== true) {
        return { kind: 'newExternal', switchName: name, adapterName };
    }
    if (type === 'Internal' && onHost === false) {
        return { kind: 'newInternal', switchName: name };
    }
    if (type === 'Internal' && adapterName !== '') {
        issues.warnings.push({ path: 'network.adapterName', text: messageOf('importAdapterIgnored', { name }) });
    }
    // eflowAutoDeploy wants adapterName for an existing External switch too: only a different adapter is news.
    const boundTo = type === 'External' ? adapterOfSwitch(name, context) : null;
    if (boundTo !== null && adapterName !== '' && !sameName(boundTo, adapterName)) {
        issues.warnings.push({ path: 'network.adapterName',
            text: messageOf('importAdapterDiffers', { adapter: adapterName, name, boundTo }) });
    }
    return { kind: 'existing', switchName: name, switchType: type };
}

/** eflowAutoDeploy's auto-static address on an existing Internal switch with its NAT, null when the facts lack it. */
function autoStaticAddress(switchName: string, context: AutoDeployImportContext): StaticIpv4Fields | null {
    const found = context.stateSwitches?.find(s => sameName(s.name, switchName) && s.switchType === 'Internal');
    const [natNetwork, natLength] = (found?.natPrefix ?? '').split('/');
    const network = parseIpv4(natNetwork ?? '');
    const length = Number(natLength);
    if (!found || network === null || !Number.isInteger(length)) {
        return null;
    }
    const inNat = (address: string): boolean => {
        const value = parseIpv4(address);
        return value !== null && sameSubnet(value, network, length);
    };
    // The host's address on the switch that the NAT serves (Windows also gives the adapter a 169.254 address).
    const gateway = (found.hostAddresses ?? []).map(cidr => cidr.split('/')[0]).find(inNat);
    return gateway ? { ip4Address: `${gateway.split('.').slice(0, 3).join('.')}.2`, ip4PrefixLength: 24, ip4GatewayAddress: gateway } : null;
}

/** The address of an Internal switch given without one: auto-static where known, else left for the Network page. */
function internalSwitchAddress(virtualSwitch: Extract<SwitchChoice, { kind: 'existing' | 'newInternal' }>, context: AutoDeployImportContext,
    issues: AutoDeployIssues): StaticIpv4Fields {
    const name = virtualSwitch.switchName;
    const auto = virtualSwitch.kind === 'existing' ? autoStaticAddress(name, context) : null;
    if (auto) {
        issues.warnings.push({ path: 'network', text: messageOf('importInternalAutoAddress', { name, address: auto.ip4Address, gateway: auto.ip4GatewayAddress }) });
        return auto;
    }
    issues.warnings.push({ path: 'network', text: messageOf(virtualSwitch.kind === 'newInternal' ? 'importNewInternalNoAddress' : 'importInternalNoAddress', { name }) });
    return { ip4Address: '', ip4PrefixLength: null, ip4GatewayAddress: '' };
}

/** Reads the network section. */
export function readNetwork(root: JsonSectionReader, context: AutoDeployImportContext, issues: AutoDeployIssues): NetworkChoice {
    const network = root.section('network');
    const virtualSwitch = readSwitch(network, context, issues);
    let staticIp: StaticIpv4Fields = {
        ip4Address: network.string('ip4Address'),
        ip4PrefixLength: network.integer('ip4PrefixLength'),
        ip4GatewayAddress: network.string('ip4GatewayAddress')
    };
    const completeness = validateStaticIpCompleteness(staticIp, false);
    completeness.forEach(message => issues.errors.push({ path: 'network', text: message.text }));
    let isStatic = completeness.length === 0 && staticIp.ip4Address !== '';
    if ((virtualSwitch.kind === 'newInternal' || (virtualSwitch.kind === 'existing' && virtualSwitch.switchType === 'Internal')) &&
        completeness.length === 0 && !isStatic) {
        staticIp = internalSwitchAddress(virtualSwitch, context, issues);
        isStatic = true;
    }
    if (network.boolean('useHostProxy')) {
        issues.warnings.push({ path: 'network.useHostProxy', text: PROXY_WARNING });
    }
    for (const key of ['httpProxy', 'httpsProxy', 'ftpProxy']) {
        if (network.string(key) !== '') {
            issues.warnings.push({ path: `network.${key}`, text: PROXY_WARNING });
        }
    }
    const dnsServers = network.stringList('dnsServers');
    network.warnUnknownFields();
    return { virtualSwitch, addressing: isStatic ? 'static' : 'dhcp', staticIp, dnsServers };
}
