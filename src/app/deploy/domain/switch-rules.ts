/**
 * Rules for the VM's virtual switch (wizard page 4), from eflow.md section 9 and eflowAutoDeploy's checks
 * (section 3): Default Switch only on client SKUs, Internal only on Server SKUs, External needs a physical adapter
 * that is Up and no Azure VM host (section 7), and a name must identify exactly one switch ("Found multiple VMMS
 * switches" otherwise).
 */
import { isSamePlannedSwitch, type PlannedSwitch } from './created-switch';
import type { HostNetAdapter, HostVirtualSwitch } from './deployment-prerequisites';
import { OBJECT_NAME_PATTERN } from './script-patterns';
import { validationError, validationWarning, type ValidationMessage } from './validation-message';
import type { Ipv4Addressing, SwitchChoice } from './wizard-model';

/** Hyper-V's NAT switch on client SKUs; chosen with the `defaultSwitch` option, never by name. */
export const DEFAULT_SWITCH_NAME = 'Default Switch';

/** What the switch rules need to know about the host. */
export interface SwitchHostFacts {
    isServerSku: boolean;
    /** An Azure VM (no External switch there); null when it could not be read. */
    isAzureVm: boolean | null;
    switches: readonly HostVirtualSwitch[];
    physicalAdapters: readonly HostNetAdapter[];
}

const NAME_FIELD = 'network.virtualSwitch.switchName';
const SWITCH_FIELD = 'network.virtualSwitch';

function sameName(a: string, b: string): boolean {
    // Hyper-V switch names compare case-insensitively, as PowerShell's -eq does on the host.
    return a.toLowerCase() === b.toLowerCase();
}

function validateSwitchNameText(name: string): ValidationMessage[] {
    if (name.length === 0) {
        return [validationError(NAME_FIELD, 'switchNameRequired')];
    }
    if (!OBJECT_NAME_PATTERN.test(name)) {
        return [validationError(NAME_FIELD, 'switchNameInvalid')];
    }
    return [];
}

function validateExistingSwitch(name: string, chosenType: 'Internal' | 'External', host: SwitchHostFacts,
    addressing: Ipv4Addressing): ValidationMessage[] {
    const nameProblems = validateSwitchNameText(name);
    if (nameProblems.length > 0) {
        return nameProblems;
    }
    if (sameName(name, DEFAULT_SWITCH_NAME)) {
        return [validationError(NAME_FIELD, 'defaultSwitchByName')];
    }
    const matches = host.switches.filter(s => sameName(s.name, name));
    if (matches.length === 0) {
        return [validationError(NAME_FIELD, 'switchNotFound', { name })];
    }
    if (matches.length > 1) {
        return [validationError(NAME_FIELD, 'switchNameDuplicate', { count: matches.length, name })];
    }
    const found = matches[0];
    if (found.switchType === 'Private') {
        return [validationError(NAME_FIELD, 'switchPrivate', { name })];
    }
    if (found.switchType !== chosenType) {
        return [validationError('network.virtualSwitch.switchType', 'switchTypeMismatch', { name, found: found.switchType, chosen: chosenType })];
    }
    if (chosenType === 'Internal') {
        if (!host.isServerSku) {
            return [validationError('network.virtualSwitch.switchType', 'internalSwitchOnClient')];
        }
        return addressing === 'dhcp'
            ? [validationWarning('network.addressing', 'internalSwitchDhcp')]
            : [];
    }
    if (host.isAzureVm === true) {
        return [validationError(SWITCH_FIELD, 'externalSwitchOnAzureVm')];
    }
    // Using a switch that exists creates nothing, so an unreadable answer only warns (creating one is refused).
    const unknownHost = host.isAzureVm === null ? [validationWarning(SWITCH_FIELD, 'externalSwitchAzureVmUnknown')] : [];
    return [...unknownHost, ...validateExternalSwitchAdapter(found, host.physicalAdapters)];
}

function validateExternalSwitchAdapter(found: HostVirtualSwitch, adapters: readonly HostNetAdapter[]): ValidationMessage[] {
    const adapter = adapters.find(a => a.interfaceDescription === found.netAdapterInterfaceDescription);
    if (!adapter) {
        return [validationWarning(NAME_FIELD, 'externalAdapterUnknown', { name: found.name })];
    }
    if (adapter.status !== 'Up') {
        return [validationError(NAME_FIELD, 'externalAdapterDown', { adapter: adapter.name, name: found.name, status: adapter.status })];
    }
    return [];
}

/**
 * Whether the host's switch of that name is the one an earlier run of this wizard created for the same choice (same
 * name and type): the new-switch choice then continues that run (the plan skips or completes the switch) rather than
 * colliding with it. Resume keeps such a choice as it was, so without this the Network page would call the name taken.
 */
function isEarlierRunSwitch(choice: SwitchChoice, host: SwitchHostFacts, earlierRun: PlannedSwitch | null): boolean {
    if (earlierRun === null || !isSamePlannedSwitch(earlierRun, choice)) {
        return false;
    }
    const matches = host.switches.filter(s => sameName(s.name, earlierRun.switchName));
    return matches.length === 1 && matches[0].switchType === earlierRun.switchType;
}

function validateNewSwitchName(name: string, host: SwitchHostFacts): ValidationMessage[] {
    const nameProblems = validateSwitchNameText(name);
    if (nameProblems.length > 0) {
        return nameProblems;
    }
    if (host.switches.some(s => sameName(s.name, name)) || sameName(name, DEFAULT_SWITCH_NAME)) {
        return [validationError(NAME_FIELD, 'switchNameTaken', { name })];
    }
    return [];
}

function validateNewExternalAdapter(adapterName: string, host: SwitchHostFacts): ValidationMessage[] {
    const field = 'network.virtualSwitch.adapterName';
    if (adapterName.length === 0) {
        return [validationError(field, 'adapterRequired')];
    }
    const adapter = host.physicalAdapters.find(a => a.name === adapterName);
    if (!adapter) {
        return [validationError(field, 'adapterNotFound', { adapter: adapterName })];
    }
    if (adapter.status !== 'Up') {
        return [validationError(field, 'adapterNotUp', { adapter: adapterName, status: adapter.status })];
    }
    const boundSwitch = host.switches.find(s => s.switchType === 'External' &&
        s.netAdapterInterfaceDescription === adapter.interfaceDescription);
    if (boundSwitch) {
        return [validationError(field, 'adapterInUse', { adapter: adapterName, name: boundSwitch.name })];
    }
    return [validationWarning(field, 'externalSwitchInterruptsNetwork', { adapter: adapterName })];
}

/**
 * Every rule about the chosen switch. `addressing` matters for the Default Switch and a new Internal switch.
 * `earlierRun`: the switch the recorded run of this wizard set out to create (created-switch.ts), null when none.
 */
export function validateSwitchChoice(choice: SwitchChoice, addressing: Ipv4Addressing, host: SwitchHostFacts,
    earlierRun: PlannedSwitch | null = null): ValidationMessage[] {
    const created = isEarlierRunSwitch(choice, host, earlierRun);
    switch (choice.kind) {
        case 'defaultSwitch':
            return host.isServerSku
                ? [validationError(SWITCH_FIELD, 'defaultSwitchOnServer')]
                : [];
        case 'existing':
            return validateExistingSwitch(choice.switchName, choice.switchType, host, addressing);
        case 'newExternal': {
            // New-EflowVirtualSwitch refuses both cases too, even for a switch an earlier run created.
            if (host.isAzureVm === true) {
                return [validationError(SWITCH_FIELD, 'externalSwitchOnAzureVm')];
            }
            const unknownHost = host.isAzureVm === null ? [validationError(SWITCH_FIELD, 'externalSwitchAzureVmUnknown')] : [];
            // The switch an earlier run created is bound already: its adapter carries it, nothing is created again.
            return created ? unknownHost
                : [...unknownHost, ...validateNewSwitchName(choice.switchName, host), ...validateNewExternalAdapter(choice.adapterName, host)];
        }
        case 'newInternal': {
            if (!host.isServerSku) {
                return [validationError(SWITCH_FIELD, 'internalSwitchOnClient')];
            }
            // An earlier run's switch keeps its name; its host address and NAT still come from the static gateway.
            const messages = created ? [] : validateNewSwitchName(choice.switchName, host);
            if (addressing !== 'static') {
                messages.push(validationError('network.addressing', 'newInternalNeedsStatic'));
            }
            return messages;
        }
    }
}
