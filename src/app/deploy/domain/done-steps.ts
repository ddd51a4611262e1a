/**
 * Which deploy steps are already done on a host, from its state snapshot (authoritative) and, where the host
 * cannot tell, the record of an earlier run. Used by resume detection (with the recorded choices) and by the plan
 * (with the current choices), so both agree.
 */
import { createdSwitchComplete } from './created-switch';
import type { DeploymentStateSnapshot } from './deployment-state';
import type { DeploymentRunRecord } from './deployment-run-record';
import { recordedSuccess } from './deployment-run-record';
import type { DeployStepId } from './deploy-steps';
import type { WizardModel } from './wizard-model';

/** Whether the VM's readable configuration equals the model's (false when anything is unreadable). */
export function configurationMatches(snapshot: DeploymentStateSnapshot, model: WizardModel): boolean {
    const config = snapshot.configuration;
    if (config.dpsTpm !== model.features.dpsTpm || config.defender !== model.features.defender ||
        config.optionalTelemetry !== model.features.optionalTelemetry) {
        return false;
    }
    const wanted = model.network.dnsServers;
    if (wanted.length === 0) {
        return true;
    }
    return config.dnsServers !== null && config.dnsServers.length === wanted.length &&
        wanted.every((server, index) => config.dnsServers?.[index] === server);
}

/**
 * The steps that are done. `model` is the choice set the steps are measured against (null: none known, then only
 * what the host shows counts). Verify is never "done": it is a read that always runs last.
 */
export function detectDoneSteps(snapshot: DeploymentStateSnapshot, model: WizardModel | null,
    record: DeploymentRunRecord | null): Set<DeployStepId> {
    const done = new Set<DeployStepId>();
    if (snapshot.product === null) {
        return done;
    }
    done.add('downloadMsi');
    done.add('installMsi');
    const vmExists = snapshot.vmExists === true;
    // The switch step is done once the switch is there whole: an Internal one left without its host address or NAT
    // (New-NetIPAddress or New-NetNat failed) is not, so the plan completes it before Deploy-Eflow uses it.
    if (vmExists || (model !== null && createdSwitchComplete(snapshot.switches, model.network))) {
        done.add('createSwitch');
    }
    if (!vmExists) {
        return done;
    }
    done.add('deployVm');
    const provisioned = snapshot.provisioning.state === 'Provisioned';
    // The record only counts for configuration: the host cannot tell "applied" from "happens to match" otherwise.
    if (provisioned || recordedSuccess(record, 'configureVm') || (model !== null && configurationMatches(snapshot, model))) {
        done.add('configureVm');
    }
    if (provisioned) {
        done.add('provision');
    }
    return done;
}
