/**
 * Validation per wizard page and for the whole wizard: the page rules put together with the host facts and the
 * host-side check results they need.
 */
import type { PlannedSwitch } from './created-switch';
import { prerequisitesPassed, type DeploymentHostFacts, type PrerequisiteCheck } from './deployment-prerequisites';
import { validateDnsServers } from './dns-rules';
import { validateFeaturesAndTerms } from './features-rules';
import { validateGpu } from './gpu-rules';
import type { MsiPackageReading } from './msi-package-rules';
import { prerequisiteSummary } from './prerequisite-text';
import { validateProduct } from './product-rules';
import type { ProvisioningSecrets } from './provisioning-secrets';
import { validateProvisioning } from './provisioning-rules';
import { validateStaticIp } from './static-ip-rules';
import { validateSwitchChoice } from './switch-rules';
import { validationError, type ValidationMessage } from './validation-message';
import { validateVmSize } from './vm-size-rules';
import type { WizardModel } from './wizard-model';
import { WIZARD_PAGES, type WizardPageId } from './wizard-pages';

/** Answers of the host-side input checks (Test-EflowDeploymentInput); each null until asked. */
export interface HostInputChecks {
    /** What the host read from the MSI file of a host-path source (whether it exists, which product it is). */
    msiPackage: MsiPackageReading | null;
    identityCertExists: boolean | null;
    identityPrivKeyExists: boolean | null;
    addressInUse: boolean | null;
    gatewayReachable: boolean | null;
}

/** No host-side check has answered yet. */
export function noHostInputChecks(): HostInputChecks {
    return { msiPackage: null, identityCertExists: null, identityPrivKeyExists: null, addressInUse: null, gatewayReachable: null };
}

export interface WizardValidationInput {
    model: WizardModel;
    secrets: ProvisioningSecrets;
    /** The host facts of the prerequisites read; null before it answered (host-dependent limits are skipped). */
    host: DeploymentHostFacts | null;
    /** The prerequisite checks; null before they ran. */
    prerequisiteChecks: readonly PrerequisiteCheck[] | null;
    hostChecks: HostInputChecks;
    /**
     * The switch the recorded run of this wizard set out to create (created-switch.ts `switchPlannedByRun`): a
     * new-switch choice of the same name and type continues that run instead of calling the name taken. Absent or
     * null: no such run.
     */
    earlierRunSwitch?: PlannedSwitch | null;
}

function validatePrerequisites(checks: readonly PrerequisiteCheck[] | null): ValidationMessage[] {
    if (checks === null) {
        return [validationError('prerequisites', 'prerequisitesNotChecked')];
    }
    if (prerequisitesPassed(checks)) {
        return [];
    }
    return checks.filter(c => c.status === 'fail').map(c =>
        validationError(`prerequisites.${c.id}`, 'prerequisiteFailed', prerequisiteSummary(c)));
}

/** The messages of one page. Review and deploy have no fields of their own: they show every page's messages. */
export function validatePage(page: WizardPageId, input: WizardValidationInput): ValidationMessage[] {
    const { model, host, hostChecks } = input;
    switch (page) {
        case 'prerequisites':
            return validatePrerequisites(input.prerequisiteChecks);
        case 'product':
            return validateProduct(model.product, {
                architecture: host?.architecture ?? null,
                installedProductName: host?.eflow?.productName ?? null,
                msiPackage: hostChecks.msiPackage
            });
        case 'vmSize':
            return validateVmSize(model.vmSize, {
                logicalProcessors: host?.logicalProcessors ?? null,
                freeMemoryMB: host?.freeMemoryMB ?? null,
                freeDiskGB: host?.systemDrive.freeGB ?? null
            });
        case 'network': {
            const network = model.network;
            const switchMessages = host
                ? validateSwitchChoice(network.virtualSwitch, network.addressing, host, input.earlierRunSwitch ?? null)
                : [];
            const addressMessages = network.addressing === 'static'
                ? validateStaticIp(network.staticIp, network.virtualSwitch, hostChecks)
                : [];
            return [...switchMessages, ...addressMessages, ...validateDnsServers(network.dnsServers, network.addressing)];
        }
        case 'gpu':
            return validateGpu(model.gpu, host?.gpus ?? null);
        case 'features':
            return validateFeaturesAndTerms(model.features);
        case 'provisioning':
            return validateProvisioning(model.provisioning, input.secrets, model.features.dpsTpm, {
                identityCertExists: hostChecks.identityCertExists,
                identityPrivKeyExists: hostChecks.identityPrivKeyExists
            });
        case 'review':
        case 'deploy':
            return [];
    }
}

/**
 * The messages of every page, by page. What the host has fixed already is not validated again (see
 * resume-detection.ts): `skipPages` are whole pages (e.g. VM size once the VM exists), `lockedFields` are dotted
 * field prefixes on pages that stay partly editable (the switch and address once deployed, while DNS stays open).
 */
export function validateWizard(input: WizardValidationInput, skipPages: readonly WizardPageId[] = [],
    lockedFields: readonly string[] = []): Map<WizardPageId, ValidationMessage[]> {
    const result = new Map<WizardPageId, ValidationMessage[]>();
    for (const page of WIZARD_PAGES) {
        const messages = skipPages.includes(page) ? [] : validatePage(page, input);
        result.set(page, messages.filter(message => !lockedFields.some(prefix => message.field.startsWith(prefix))));
    }
    return result;
}
