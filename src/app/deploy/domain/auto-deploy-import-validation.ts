/**
 * The wizard's own rules, run on an imported model before it is accepted: everything that does not need the host
 * (ranges, formats, required sets). Messages are reported at the file's JSON paths. Host-dependent rules (free
 * memory, switches, GPUs, file existence) run later on the wizard pages, as for a model typed by hand.
 */
import type { AutoDeployIssue } from './auto-deploy-config';
import { validateDnsServers } from './dns-rules';
import { validateGpu } from './gpu-rules';
import { validateInstallFolder } from './host-path-rules';
import { messageOf } from './message-text';
import type { ProvisioningSecrets } from './provisioning-secrets';
import { validateProvisioning } from './provisioning-rules';
import { validateStaticIp } from './static-ip-rules';
import type { ValidationMessage } from './validation-message';
import { validateCpuCount, validateDisk, validateMemory } from './vm-size-rules';
import type { WizardModel } from './wizard-model';

/** Model field prefixes and the file paths they come from, most specific first. */
const FIELD_TO_PATH: readonly [string, string][] = [
    ['vmSize.disk.vmDiskSizeGB', 'vmConfig.vmDiskSize'],
    ['vmSize.disk.vmDataSizeGB', 'vmConfig.vmDataSize'],
    ['vmSize.', 'vmConfig.'],
    ['network.staticIp.', 'network.'],
    ['network.addressing', 'network'],
    ['network.virtualSwitch', 'network.vswitchName'],
    ['gpu.passthroughType', 'vmConfig.gpuPassthroughType'],
    ['gpu.', 'vmConfig.'],
    ['product.installPath', 'installOptions.installPath'],
    ['product.vhdxPath', 'installOptions.vhdxPath'],
    ['features.dpsTpm', 'vmFeature.DpsTpm'],
    ['provisioning.', 'eflowProvisioning.'],
    ['secrets.', 'eflowProvisioning.']
];

/** The file path of a model field, e.g. `network.staticIp.ip4Address` -> `network.ip4Address`. */
export function autoDeployPathOf(field: string): string {
    const mapping = FIELD_TO_PATH.find(([prefix]) => field.startsWith(prefix));
    return mapping ? mapping[1] + field.substring(mapping[0].length) : field;
}

/**
 * What the file leaves for the wizard's pages to settle, which the page then shows as an error until it is: not a
 * reason to refuse the file.
 *  - A static address with all three fields blank: an Internal switch without address fields (eflowAutoDeploy's
 *    auto-static case, which auto-deploy-import-network.ts has explained in its own warning).
 *  - DpsTPM with the DpsTpm feature off: eflowAutoDeploy does not turn it on for DpsTPM (it enables only the
 *    features the file lists) and its Provision-EflowVm call then fails; eflow.md section 4: "TPM needs
 *    Set-EflowVmFeature -feature DpsTpm -enable first".
 */
function leftToPage(message: ValidationMessage, model: WizardModel): AutoDeployIssue | 'covered' | null {
    const ip = model.network.staticIp;
    if (message.code === 'staticIpIncomplete' && ip.ip4Address === '' && ip.ip4PrefixLength === null && ip.ip4GatewayAddress === '') {
        return 'covered';
    }
    if (message.code === 'tpmFeatureRequired') {
        return { path: 'vmFeature.DpsTpm', text: messageOf('importDpsTpmOff') };
    }
    return null;
}

/** Host-independent errors and warnings of an imported model, at file paths. */
export function validateModelForImport(model: WizardModel, secrets: ProvisioningSecrets):
    { errors: AutoDeployIssue[]; warnings: AutoDeployIssue[] } {
    const network = model.network;
    const messages: ValidationMessage[] = [
        ...validateCpuCount(model.vmSize.cpuCount, null),
        ...validateMemory(model.vmSize.memoryInMB, null),
        ...validateDisk(model.vmSize.disk, null),
        ...(network.addressing === 'static' ? validateStaticIp(network.staticIp, network.virtualSwitch, { addressInUse: null, gatewayReachable: null }) : []),
        ...validateDnsServers(network.dnsServers, network.addressing),
        ...validateGpu(model.gpu, null),
        ...validateInstallFolder('product.installPath', 'labelInstallFolder', model.product.installPath),
        ...validateInstallFolder('product.vhdxPath', 'labelVmDiskFolder', model.product.vhdxPath),
        ...validateProvisioning(model.provisioning, secrets, model.features.dpsTpm, { identityCertExists: null, identityPrivKeyExists: null })
    ];
    const errors: AutoDeployIssue[] = [];
    const warnings: AutoDeployIssue[] = [];
    for (const message of messages) {
        const left = leftToPage(message, model);
        if (left !== null) {
            if (left !== 'covered') {
                warnings.push(left);
            }
            continue;
        }
        const issue = { path: autoDeployPathOf(message.field), text: message.text };
        // A blank secret is expected (exports leave it blank): the Provisioning page asks for it.
        const blankSecret = message.field.startsWith('secrets.') && secrets[message.field.substring(8) as keyof ProvisioningSecrets] === '';
        if (blankSecret) {
            warnings.push({ path: issue.path, text: messageOf('importSecretEmpty') });
        } else if (message.severity === 'error') {
            errors.push(issue);
        } else {
            warnings.push(issue);
        }
    }
    return { errors, warnings };
}
