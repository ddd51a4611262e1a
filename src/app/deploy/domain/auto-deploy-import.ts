/**
 * Imports an eflowAutoDeploy user configuration into a wizard model: specific errors for what cannot be used
 * (bad JSON, wrong types, unknown product, values out of range), warnings for what the wizard does not support and
 * ignores (proxies, custom download links, unknown fields) or changes (a retired product). A file with errors
 * yields no model, so a bad file changes nothing in the wizard.
 *
 * Values and field names compare ignoring case wherever eflowAutoDeploy's PowerShell does ("yes", "dpstpm",
 * "internal", ...); the model gets the canonical spelling. A file that is not JSON is reported by line and column
 * only: nothing of its text is repeated, since it may hold a secret.
 */
import { WHOLE_FILE_PATH, type AutoDeployIssue, type AutoDeployIssues } from './auto-deploy-config';
import { readNetwork, type AutoDeployImportContext } from './auto-deploy-import-network';
import { importAutoDeployProduct } from './auto-deploy-products';
import { canonicalValue, JsonSectionReader } from './json-section-reader';
import { findJsonSyntaxError } from './json-syntax-error';
import { messageOf } from './message-text';
import { PROVISIONING_TYPES, type ProvisioningChoice, type ProvisioningType } from './provisioning-choice';
import type { ProvisioningSecrets } from './provisioning-secrets';
import { validateModelForImport } from './auto-deploy-import-validation';
import { validateDiskExclusive } from './vm-size-rules';
import type { DiskChoice, FeaturesAndTerms, GpuChoice, ProductChoice, VmSizeChoice, WizardModel } from './wizard-model';

export type { AutoDeployImportContext } from './auto-deploy-import-network';

export type AutoDeployImportResult =
    | {
        ok: true;
        model: WizardModel;
        /** Secrets found in the file: for this deployment only (never stored, never exported again). */
        secrets: ProvisioningSecrets;
        warnings: AutoDeployIssue[];
    }
    | { ok: false; errors: AutoDeployIssue[]; warnings: AutoDeployIssue[] };

type Issues = AutoDeployIssues;

function readYesNo(reader: JsonSectionReader, key: string, path: string, issues: Issues): boolean {
    const value = reader.string(key);
    const answer = canonicalValue(value, ['Yes', 'No'] as const);
    if (value !== '' && answer === null) {
        issues.errors.push({ path, text: messageOf('importYesNoInvalid', { got: value }) });
    }
    return answer === 'Yes';
}

function readProduct(root: JsonSectionReader, issues: Issues): ProductChoice | null {
    const name = root.string('eflowProduct');
    const url = root.string('eflowProductUrl');
    // Read before anything can stop the product: its fields are never "unknown" to the wizard.
    const options = root.section('installOptions');
    const installPath = options.string('installPath');
    const vhdxPath = options.string('vhdxPath');
    options.warnUnknownFields();
    if (name === '') {
        issues.errors.push({ path: 'eflowProduct', text: messageOf('importProductRequired') });
        return null;
    }
    const product = importAutoDeployProduct(name, url);
    if (!product.ok) {
        issues.errors.push({ path: 'eflowProduct', text: product.error });
        return null;
    }
    issues.warnings.push(...product.warnings.map(text => ({ path: 'eflowProduct', text })));
    return { channel: product.channel, architecture: product.architecture, source: { kind: 'download' }, installPath, vhdxPath };
}

function readVmConfig(root: JsonSectionReader, issues: Issues): { vmSize: VmSizeChoice; gpu: GpuChoice } {
    const vm = root.section('vmConfig');
    // 0 (the template's unset value) means Deploy-Eflow's default: 1 vCPU, 1024 MB, default disk.
    const cpuCount = vm.integer('cpuCount');
    const memoryInMB = vm.integer('memoryInMB');
    const diskSize = vm.integer('vmDiskSize');
    const dataSize = vm.integer('vmDataSize');
    const vmDiskSize = diskSize === 0 ? null : diskSize;
    const vmDataSize = dataSize === 0 ? null : dataSize;
    validateDiskExclusive(vmDiskSize, vmDataSize).forEach(m => issues.errors.push({ path: 'vmConfig', text: m.text }));
    const disk: DiskChoice = vmDiskSize !== null ? { kind: 'osDisk', vmDiskSizeGB: vmDiskSize }
        : vmDataSize !== null ? { kind: 'dataPartition', vmDataSizeGB: vmDataSize } : { kind: 'default' };
    const logSizeText = vm.string('vmLogSize');
    const logSize = canonicalValue(logSizeText, ['Small', 'Large'] as const);
    if (logSizeText !== '' && logSize === null) {
        issues.errors.push({ path: 'vmConfig.vmLogSize', text: messageOf('importLogSizeInvalid', { got: logSizeText }) });
    }
    const gpuType = vm.string('gpuPassthroughType');
    const passthroughType = canonicalValue(gpuType, ['DirectDeviceAssignment', 'ParaVirtualization'] as const) ?? 'none';
    if (gpuType !== '' && passthroughType === 'none') {
        issues.errors.push({ path: 'vmConfig.gpuPassthroughType', text: messageOf('importGpuTypeInvalid', { got: gpuType }) });
    }
    let gpuCount = vm.integer('gpuCount');
    if (passthroughType !== 'none' && (gpuCount === 0 || gpuCount === null)) {
        issues.warnings.push({ path: 'vmConfig.gpuCount', text: messageOf('importGpuCountDefault') });
        gpuCount = 1;
    }
    const gpuName = vm.string('gpuName');
    vm.warnUnknownFields();
    return {
        vmSize: { cpuCount: cpuCount === 0 ? 1 : cpuCount, memoryInMB: memoryInMB === 0 ? 1024 : memoryInMB, disk,
            vmLogSize: logSize === 'Large' ? 'Large' : 'Small' },
        gpu: passthroughType === 'none' ? { passthroughType, gpuName: '', gpuCount: null } : { passthroughType, gpuName, gpuCount }
    };
}

function readFeatures(root: JsonSectionReader, issues: Issues): FeaturesAndTerms {
    const features = root.section('vmFeature');
    const enduser = root.section('enduser');
    const result: FeaturesAndTerms = {
        dpsTpm: features.boolean('DpsTpm'),
        defender: features.boolean('Defender'),
        eulaAccepted: readYesNo(enduser, 'acceptEula', 'enduser.acceptEula', issues),
        optionalTelemetry: readYesNo(enduser, 'acceptOptionalTelemetry', 'enduser.acceptOptionalTelemetry', issues)
    };
    features.warnUnknownFields();
    enduser.warnUnknownFields();
    return result;
}

const FIELDS_OF: Readonly<Record<ProvisioningType, readonly string[]>> = {
    ManualConnectionString: ['devConnString'],
    ManualX509: ['iotHubHostname', 'deviceId', 'identityCertPath', 'identityPrivKeyPath'],
    DpsTPM: ['scopeId', 'registrationId', 'globalEndpoint'],
    DpsX509: ['scopeId', 'identityCertPath', 'identityPrivKeyPath', 'globalEndpoint'],
    DpsSymmetricKey: ['scopeId', 'registrationId', 'symmKey', 'globalEndpoint']
};

const ALL_PROVISIONING_FIELDS = ['devConnString', 'iotHubHostname', 'deviceId', 'scopeId', 'symmKey', 'registrationId',
    'identityCertPath', 'identityPrivKeyPath', 'globalEndpoint'];

function readProvisioning(root: JsonSectionReader, issues: Issues): { choice: ProvisioningChoice; secrets: ProvisioningSecrets } {
    const section = root.section('eflowProvisioning');
    const type = section.string('provisioningType');
    const fields = new Map(ALL_PROVISIONING_FIELDS.map(key => [key, section.string(key)]));
    section.warnUnknownFields();
    const field = (key: string): string => fields.get(key) ?? '';
    const secrets: ProvisioningSecrets = { devConnString: '', symmKey: '' };
    if (type === '') {
        return { choice: { type: 'skip' }, secrets };
    }
    const known = canonicalValue(type, PROVISIONING_TYPES);
    if (!known) {
        issues.errors.push({ path: 'eflowProvisioning.provisioningType', text: messageOf('importProvisioningTypeInvalid', { type, known: PROVISIONING_TYPES.join(', ') }) });
        return { choice: { type: 'skip' }, secrets };
    }
    for (const key of ALL_PROVISIONING_FIELDS) {
        if (field(key) !== '' && !FIELDS_OF[known].includes(key)) {
            issues.warnings.push({ path: `eflowProvisioning.${key}`, text: messageOf('importProvisioningFieldIgnored', { type: known }) });
        }
    }
    for (const secret of ['devConnString', 'symmKey'] as const) {
        if (field(secret) !== '' && FIELDS_OF[known].includes(secret)) {
            secrets[secret] = field(secret);
            issues.warnings.push({ path: `eflowProvisioning.${secret}`, text: messageOf('importSecretUsedOnce') });
        }
    }
    switch (known) {
        case 'ManualConnectionString':
            return { choice: { type: known }, secrets };
        case 'ManualX509':
            return { choice: { type: known, iotHubHostname: field('iotHubHostname'), deviceId: field('deviceId'),
                identityCertPath: field('identityCertPath'), identityPrivKeyPath: field('identityPrivKeyPath') }, secrets };
        case 'DpsTPM':
            return { choice: { type: known, scopeId: field('scopeId'), registrationId: field('registrationId'), globalEndpoint: field('globalEndpoint') }, secrets };
        case 'DpsX509':
            return { choice: { type: known, scopeId: field('scopeId'), identityCertPath: field('identityCertPath'),
                identityPrivKeyPath: field('identityPrivKeyPath'), globalEndpoint: field('globalEndpoint') }, secrets };
        case 'DpsSymmetricKey':
            return { choice: { type: known, scopeId: field('scopeId'), registrationId: field('registrationId'), globalEndpoint: field('globalEndpoint') }, secrets };
    }
}

function parse(text: string, issues: Issues): unknown {
    try {
        return JSON.parse(text);
    } catch {
        // The engine's message quotes the text around the error, which may be a secret: say where, never what.
        const where = findJsonSyntaxError(text);
        issues.errors.push({ path: WHOLE_FILE_PATH, text: where === null ? messageOf('importNotJson')
            : messageOf(where.endOfText ? 'importJsonEndsEarly' : 'importJsonBreaks', { line: where.line, column: where.column }) });
        return undefined;
    }
}

/** Imports the text of an eflowAutoDeploy file. */
export function importAutoDeployConfig(text: string, context: AutoDeployImportContext): AutoDeployImportResult {
    const issues: Issues = { errors: [], warnings: [] };
    // Windows editors write UTF-8 files with a byte order mark, which PowerShell's Get-Content drops but JSON.parse refuses.
    const document = parse(text.replace(/^\uFEFF/, ''), issues);
    if (issues.errors.length > 0) {
        return { ok: false, ...issues };
    }
    const root = new JsonSectionReader(document ?? null, '', issues.errors, issues.warnings);
    const schemaVersion = root.string('schemaVersion');
    root.string('version');
    if (schemaVersion !== '' && schemaVersion !== '1.1') {
        issues.warnings.push({ path: 'schemaVersion', text: messageOf('importSchemaVersion', { version: schemaVersion }) });
    }
    const product = readProduct(root, issues);
    const network = readNetwork(root, context, issues);
    const { vmSize, gpu } = readVmConfig(root, issues);
    const features = readFeatures(root, issues);
    const { choice, secrets } = readProvisioning(root, issues);
    root.warnUnknownFields();
    if (product === null || issues.errors.length > 0) {
        return { ok: false, ...issues };
    }
    const model: WizardModel = { product, vmSize, network, gpu, features, provisioning: choice };
    const checked = validateModelForImport(model, secrets);
    issues.errors.push(...checked.errors);
    issues.warnings.push(...checked.warnings);
    return issues.errors.length > 0 ? { ok: false, ...issues } : { ok: true, model, secrets, warnings: issues.warnings };
}
