/**
 * Rules for the VM's virtual switch (wizard page 4), from eflow.md section 9 and eflowAutoDeploy's checks
 * (section 3): Default Switch only on client SKUs, Internal only on Server SKUs, External needs a physical adapter
 * that is Up, and a name must identify exactly one switch ("Found multiple VMMS switches" otherwise).
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
    switches: readonly HostVirtualSwitch[];
    physicalAdapters: readonly HostNetAdapter[];
}

const NAME_FIELD = 'network.virtualSwitch.switchName';

function sameName(a: string, b: string): boolean {
    // Hyper-V switch names compare case-insensitively, as PowerShell's -eq does on the host.
    return a.toLowerCase() === b.toLowerCase();
}

function validateSwitchNameText(name: string): ValidationMessage[] {
    if (name.length === 0) {
        return [validationError(NAME_FIELD, 'switchNameRequired', 'Enter the name of the virtual switch.')];
    }
    if (!OBJECT_NAME_PATTERN.test(name)) {
        return [validationError(NAME_FIELD, 'switchNameInvalid',
            'A switch name has 1 to 256 characters and no control characters (tabs, line breaks).')];
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
        return [validationError(NAME_FIELD, 'defaultSwitchByName',
            'To use the Default Switch, choose the "Default Switch" option rather than naming it.')];
    }
    const matches = host.switches.filter(s => sameName(s.name, name));
    if (matches.length === 0) {
        return [validationError(NAME_FIELD, 'switchNotFound', `The host has no virtual switch named "${name}".`)];
    }
    if (matches.length > 1) {
        return [validationError(NAME_FIELD, 'switchNameDuplicate',
            `The host has ${matches.length} switches named "${name}"; Deploy-Eflow fails with "Found multiple VMMS switches". Rename or remove the extra ones.`)];
    }
    const found = matches[0];
    if (found.switchType === 'Private') {
        return [validationError(NAME_FIELD, 'switchPrivate',
            `"${name}" is a Private switch, which cannot connect the VM to anything; choose an Internal or External switch.`)];
    }
    if (found.switchType !== chosenType) {
        return [validationError('network.virtualSwitch.switchType', 'switchTypeMismatch',
            `"${name}" is an ${found.switchType} switch on the host, not ${chosenType}.`)];
    }
    if (chosenType === 'Internal') {
        if (!host.isServerSku) {
            return [validationError('network.virtualSwitch.switchType', 'internalSwitchOnClient',
                'EFLOW supports Internal switches on Windows Server only; on this host use the Default Switch or an External switch.')];
        }
        return addressing === 'dhcp'
            ? [validationWarning('network.addressing', 'internalSwitchDhcp',
                'An Internal switch has no DHCP server unless the host runs one; without it the VM gets no address. Consider a static address.')]
            : [];
    }
    return validateExternalSwitchAdapter(found, host.physicalAdapters);
}

function validateExternalSwitchAdapter(found: HostVirtualSwitch, adapters: readonly HostNetAdapter[]): ValidationMessage[] {
    const adapter = adapters.find(a => a.interfaceDescription === found.netAdapterInterfaceDescription);
    if (!adapter) {
        return [validationWarning(NAME_FIELD, 'externalAdapterUnknown',
            `Could not find the physical adapter of "${found.name}" on the host; make sure it is connected.`)];
    }
    if (adapter.status !== 'Up') {
        return [validationError(NAME_FIELD, 'externalAdapterDown',
            `The adapter "${adapter.name}" of switch "${found.name}" is ${adapter.status}; an External switch needs its adapter Up.`)];
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
        return [validationError(NAME_FIELD, 'switchNameTaken',
            `A switch named "${name}" already exists; choose it as an existing switch or pick another name.`)];
    }
    return [];
}

function validateNewExternalAdapter(adapterName: string, host: SwitchHostFacts): ValidationMessage[] {
    const field = 'network.virtualSwitch.adapterName';
    if (adapterName.length === 0) {
        return [validationError(field, 'adapterRequired', 'Choose the physical network adapter for the External switch.')];
    }
    const adapter = host.physicalAdapters.find(a => a.name === adapterName);
    if (!adapter) {
        return [validationError(field, 'adapterNotFound', `The host has no physical network adapter named "${adapterName}".`)];
    }
    if (adapter.status !== 'Up') {
        return [validationError(field, 'adapterNotUp',
            `The adapter "${adapterName}" is ${adapter.status}; an External switch needs an adapter that is Up.`)];
    }
    const boundSwitch = host.switches.find(s => s.switchType === 'External' &&
        s.netAdapterInterfaceDescription === adapter.interfaceDescription);
    if (boundSwitch) {
        return [validationError(field, 'adapterInUse',
            `The adapter "${adapterName}" already carries the External switch "${boundSwitch.name}"; choose that switch instead.`)];
    }
    return [validationWarning(field, 'externalSwitchInterruptsNetwork',
        `Creating the switch moves the host's network connection on "${adapterName}" onto it: the host, and Windows Admin Center's connection to it, lose the network for a few seconds.`)];
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
                ? [validationError('network.virtualSwitch', 'defaultSwitchOnServer',
                    'Windows Server has no Default Switch; choose an existing Internal or External switch, or create one.')]
                : [];
        case 'existing':
            return validateExistingSwitch(choice.switchName, choice.switchType, host, addressing);
        case 'newExternal':
            // The switch an earlier run created is bound already: its adapter carries it, nothing is created again.
            return created ? [] : [...validateNewSwitchName(choice.switchName, host), ...validateNewExternalAdapter(choice.adapterName, host)];
        case 'newInternal': {
            if (!host.isServerSku) {
                return [validationError('network.virtualSwitch', 'internalSwitchOnClient',
                    'EFLOW supports Internal switches on Windows Server only; on this host use the Default Switch or an External switch.')];
            }
            // An earlier run's switch keeps its name; its host address and NAT still come from the static gateway.
            const messages = created ? [] : validateNewSwitchName(choice.switchName, host);
            if (addressing !== 'static') {
                messages.push(validationError('network.addressing', 'newInternalNeedsStatic',
                    'A new Internal switch has no DHCP server: give the VM a static address. Its gateway becomes the host\'s address on the switch, with a NAT to the host\'s network.'));
            }
            return messages;
        }
    }
}
