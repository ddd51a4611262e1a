/**
 * The wizard's questions to the host as the admin types (Test-EflowDeploymentInput): which product the MSI file is
 * (and whether it exists); does the identity certificate or key exist; does the static address answer ping (someone
 * uses it); does the gateway. Only values that are well-formed are asked about (a half-typed path is not worth a
 * round trip), each value only once: the answers are kept per value, so going back to a path asked about before
 * costs nothing.
 */
import type { MsiPackageReading } from './msi-package-rules';
import { HOST_FILE_PATH_PATTERN, MSI_PATH_PATTERN } from './script-patterns';
import { validateStaticIp } from './static-ip-rules';
import type { WizardModel } from './wizard-model';
import type { HostInputChecks } from './wizard-validation';

/** What to ask the host; empty parts are not asked. */
export interface HostCheckQuestion {
    /** Files that should exist, at most MAX_PATHS_PER_QUESTION. */
    paths: string[];
    /** An MSI file to read (which product it is). */
    msiPath: string | null;
    ip4Address: string | null;
    ip4GatewayAddress: string | null;
}

/** The host's answers so far, by value. */
export interface HostCheckAnswers {
    pathExists: Readonly<Record<string, boolean>>;
    msiPackages: Readonly<Record<string, MsiPackageReading>>;
    addressInUse: Readonly<Record<string, boolean>>;
    gatewayReachable: Readonly<Record<string, boolean>>;
}

/** The script takes at most four paths (ValidateCount(1, 4)). */
export const MAX_PATHS_PER_QUESTION = 4;

/** No answers yet. */
export function noHostCheckAnswers(): HostCheckAnswers {
    return { pathExists: {}, msiPackages: {}, addressInUse: {}, gatewayReachable: {} };
}

/** The host files the model names: the MSI of a host-path source, the identity files of X.509 provisioning. */
function hostFilesOf(model: WizardModel): { msi: string | null; cert: string | null; key: string | null } {
    const msi = model.product.source.kind === 'hostPath' && MSI_PATH_PATTERN.test(model.product.source.msiPath)
        ? model.product.source.msiPath : null;
    const provisioning = model.provisioning;
    const x509 = provisioning.type === 'ManualX509' || provisioning.type === 'DpsX509' ? provisioning : null;
    const wellFormed = (path: string | undefined): string | null => path && HOST_FILE_PATH_PATTERN.test(path) ? path : null;
    return { msi, cert: wellFormed(x509?.identityCertPath), key: wellFormed(x509?.identityPrivKeyPath) };
}

/** The static address and gateway worth pinging: well-formed, consistent, on a switch whose network exists. */
function addressesOf(model: WizardModel): { address: string | null; gateway: string | null } {
    const network = model.network;
    const virtualSwitch = network.virtualSwitch;
    const networkExists = virtualSwitch.kind === 'existing' || virtualSwitch.kind === 'newExternal';
    if (network.addressing !== 'static' || !networkExists ||
        validateStaticIp(network.staticIp, virtualSwitch, { addressInUse: null, gatewayReachable: null }).some(m => m.severity === 'error')) {
        return { address: null, gateway: null };
    }
    const isExternal = virtualSwitch.kind === 'newExternal' || (virtualSwitch.kind === 'existing' && virtualSwitch.switchType === 'External');
    return { address: network.staticIp.ip4Address, gateway: isExternal ? network.staticIp.ip4GatewayAddress : null };
}

/** What the host has not been asked yet for this model, or null when nothing is left to ask. */
export function pendingHostCheckQuestion(model: WizardModel, answers: HostCheckAnswers): HostCheckQuestion | null {
    const files = hostFilesOf(model);
    const paths = [...new Set([files.cert, files.key].filter((path): path is string => path !== null))]
        .filter(path => answers.pathExists[path] === undefined)
        .slice(0, MAX_PATHS_PER_QUESTION);
    const { address, gateway } = addressesOf(model);
    const question: HostCheckQuestion = {
        paths,
        msiPath: files.msi !== null && answers.msiPackages[files.msi] === undefined ? files.msi : null,
        ip4Address: address !== null && answers.addressInUse[address] === undefined ? address : null,
        ip4GatewayAddress: gateway !== null && answers.gatewayReachable[gateway] === undefined ? gateway : null
    };
    return question.paths.length > 0 || question.msiPath !== null || question.ip4Address !== null || question.ip4GatewayAddress !== null
        ? question : null;
}

/** The answers with the host's reply to `question` added. */
export function withHostCheckReply(answers: HostCheckAnswers, question: HostCheckQuestion,
    reply: {
        paths: readonly { path: string; exists: boolean }[]; msi: MsiPackageReading | null; addressInUse: boolean | null;
        gatewayReachable: boolean | null;
    }): HostCheckAnswers {
    const pathExists = { ...answers.pathExists };
    for (const entry of reply.paths) {
        pathExists[entry.path] = entry.exists;
    }
    return {
        pathExists,
        msiPackages: question.msiPath !== null && reply.msi !== null
            ? { ...answers.msiPackages, [question.msiPath]: reply.msi } : answers.msiPackages,
        addressInUse: question.ip4Address !== null && reply.addressInUse !== null
            ? { ...answers.addressInUse, [question.ip4Address]: reply.addressInUse } : answers.addressInUse,
        gatewayReachable: question.ip4GatewayAddress !== null && reply.gatewayReachable !== null
            ? { ...answers.gatewayReachable, [question.ip4GatewayAddress]: reply.gatewayReachable } : answers.gatewayReachable
    };
}

/** The answers that apply to the model's current values, as the validation rules take them (null: not known). */
export function hostInputChecksFor(model: WizardModel, answers: HostCheckAnswers): HostInputChecks {
    const files = hostFilesOf(model);
    const { address, gateway } = addressesOf(model);
    const known = <T>(table: Readonly<Record<string, T>>, key: string | null): T | null =>
        key !== null && table[key] !== undefined ? table[key] : null;
    return {
        msiPackage: known(answers.msiPackages, files.msi),
        identityCertExists: known(answers.pathExists, files.cert),
        identityPrivKeyExists: known(answers.pathExists, files.key),
        addressInUse: known(answers.addressInUse, address),
        gatewayReachable: known(answers.gatewayReachable, gateway)
    };
}
