/**
 * The switch the wizard creates (a `newExternal` or `newInternal` choice) as the host shows it once a run got that
 * far. Two questions, used by resume and by the Network page:
 *  - Is it the wizard's own? The run record's choices planned a new switch of that name and type: a new-switch
 *    choice of the same name and type then continues that run's work instead of colliding with a foreign switch.
 *  - Is it complete? Same name (case-insensitive, as Hyper-V compares) and type; for an Internal switch also the
 *    host's gateway address with the chosen prefix length on `vEthernet (<switch>)` and the NAT `<switch>-NAT` for
 *    that subnet (eflow.md section 9, Internal switch recipe). A half-made Internal switch is not done: the plan runs
 *    New-EflowVirtualSwitch again, which keeps the parts that exist and adds the rest.
 */
import type { DeploymentRunRecord } from './deployment-run-record';
import type { DeploymentStateSwitch } from './deployment-state';
import { subnetCidr } from './ipv4';
import type { EflowSwitchType, NetworkChoice, SwitchChoice } from './wizard-model';

/** A switch the wizard creates: its name and Hyper-V type. */
export interface PlannedSwitch {
    switchName: string;
    switchType: EflowSwitchType;
}

function sameName(a: string, b: string): boolean {
    return a.toLowerCase() === b.toLowerCase();
}

/** The switch a choice creates, null when it uses one that exists (or the Default Switch). */
export function plannedSwitchOf(choice: SwitchChoice): PlannedSwitch | null {
    switch (choice.kind) {
        case 'newExternal':
            return { switchName: choice.switchName, switchType: 'External' };
        case 'newInternal':
            return { switchName: choice.switchName, switchType: 'Internal' };
        default:
            return null;
    }
}

/** The switch the recorded run set out to create, null without a record or when its choices created none. */
export function switchPlannedByRun(record: DeploymentRunRecord | null): PlannedSwitch | null {
    return record ? plannedSwitchOf(record.model.network.virtualSwitch) : null;
}

/** Whether `planned` is the same switch as a new-switch choice's (same name and type). */
export function isSamePlannedSwitch(planned: PlannedSwitch | null, choice: SwitchChoice): boolean {
    const wanted = plannedSwitchOf(choice);
    return planned !== null && wanted !== null && planned.switchType === wanted.switchType && sameName(planned.switchName, wanted.switchName);
}

/**
 * Whether the host has the switch the network choice creates, with everything the wizard adds to it. False for a
 * choice that creates none, and whenever a needed fact is unknown (the plan then runs the idempotent step again).
 */
export function createdSwitchComplete(switches: readonly DeploymentStateSwitch[], network: NetworkChoice): boolean {
    const planned = plannedSwitchOf(network.virtualSwitch);
    if (planned === null) {
        return false;
    }
    const found = switches.filter(s => sameName(s.name, planned.switchName));
    if (found.length !== 1 || found[0].switchType !== planned.switchType) {
        return false;
    }
    if (planned.switchType === 'External') {
        return true;
    }
    const { ip4GatewayAddress, ip4PrefixLength } = network.staticIp;
    const subnet = ip4PrefixLength === null ? null : subnetCidr(ip4GatewayAddress, ip4PrefixLength);
    if (subnet === null) {
        return false;
    }
    const hostAddress = `${ip4GatewayAddress}/${ip4PrefixLength}`;
    return (found[0].hostAddresses ?? []).includes(hostAddress) && found[0].natPrefix === subnet;
}
