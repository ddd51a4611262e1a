/**
 * The wizard's starting choices: Deploy-Eflow's documented defaults (1 vCPU, 1024 MB, default disk, Small logs;
 * eflow.md section 3), the 1.5 LTS channel, and a switch that is valid for the host's SKU where one can be known.
 */
import { channelOfInstalledProduct, type EflowArchitecture } from './product-catalog';
import type { DeploymentHostFacts } from './deployment-prerequisites';
import type { ProvisioningChoice } from './provisioning-choice';
import type { ResumeDecision } from './resume-detection';
import type { SwitchChoice, WizardModel } from './wizard-model';

function defaultSwitch(host: DeploymentHostFacts | null): SwitchChoice {
    if (host === null || !host.isServerSku) {
        return { kind: 'defaultSwitch' };
    }
    // Windows Server has no Default Switch: start from its first usable switch, if it has one. An Azure VM cannot
    // use an External switch, and one that may be Azure is not offered one either (switch-rules.ts refuses it).
    const externalAllowed = host.isAzureVm === false;
    const usable = (externalAllowed ? host.switches.find(s => s.switchType === 'External') : undefined) ??
        host.switches.find(s => s.switchType === 'Internal');
    return usable
        ? { kind: 'existing', switchName: usable.name, switchType: usable.switchType === 'External' ? 'External' : 'Internal' }
        : { kind: 'newInternal', switchName: 'EFLOW-Internal' };
}

/** A new wizard model for a host (null: facts not known yet). */
export function createDefaultWizardModel(host: DeploymentHostFacts | null): WizardModel {
    const architecture: EflowArchitecture = host?.architecture === 'ARM64' ? 'ARM64' : 'x64';
    const installedChannel = host?.eflow ? channelOfInstalledProduct(host.eflow.productName) : null;
    const virtualSwitch = defaultSwitch(host);
    return {
        product: { channel: installedChannel ?? 'LTS', architecture, source: { kind: 'download' }, installPath: '', vhdxPath: '' },
        vmSize: { cpuCount: 1, memoryInMB: 1024, disk: { kind: 'default' }, vmLogSize: 'Small' },
        network: {
            virtualSwitch,
            // A new Internal switch has no DHCP server.
            addressing: virtualSwitch.kind === 'newInternal' ? 'static' : 'dhcp',
            staticIp: { ip4Address: '', ip4PrefixLength: null, ip4GatewayAddress: '' },
            dnsServers: []
        },
        gpu: { passthroughType: 'none', gpuName: '', gpuCount: null },
        features: { dpsTpm: false, defender: false, optionalTelemetry: false, eulaAccepted: false },
        provisioning: { type: 'skip' }
    };
}

/**
 * Whether provisioning is all that is left on the host (resume-detection.ts: the VM is deployed, not provisioned):
 * the wizard is there to provision, so "Later, from the dashboard" is no choice; the dashboard's "Later" is this.
 */
export function onlyProvisioningLeft(resume: Pick<ResumeDecision, 'phase'> | null): boolean {
    return resume?.phase === 'vmDeployed';
}

/** The method preselected when provisioning is all that is left: a device connection string, IoT Hub's simplest. */
export const PRESELECTED_PROVISIONING: ProvisioningChoice = { type: 'ManualConnectionString' };

/**
 * The model with a real provisioning method where "Later" was chosen (a default, a draft, an earlier run's choice)
 * but provisioning is all that is left; anything else unchanged.
 */
export function withProvisioningOffered(model: WizardModel, resume: Pick<ResumeDecision, 'phase'> | null): WizardModel {
    return onlyProvisioningLeft(resume) && model.provisioning.type === 'skip' ? { ...model, provisioning: PRESELECTED_PROVISIONING } : model;
}
