/**
 * Reads a WizardModel back from untrusted JSON (a draft the browser kept, possibly written by an older version of the
 * extension or edited by hand). Strict: anything that is not exactly a model throws a `ModelShapeError` naming the
 * field, and the caller starts from defaults instead. Only the model's own fields are copied, so a stray field (a
 * secret pasted into storage by hand, say) never reaches the wizard.
 */
import { EFLOW_ARCHITECTURES, EFLOW_CHANNELS } from './product-catalog';
import { PROVISIONING_TYPES, type ProvisioningChoice } from './provisioning-choice';
import type {
    DiskChoice, FeaturesAndTerms, GpuChoice, MsiSource, NetworkChoice, ProductChoice, SwitchChoice, VmSizeChoice, WizardModel
} from './wizard-model';

/** A value that is not the model shape it should be. */
export class ModelShapeError extends Error {
    constructor(path: string, expected: string) {
        super(`${path}: expected ${expected}`);
        this.name = 'ModelShapeError';
    }
}

type Fields = { readonly [key: string]: unknown };

function object(value: unknown, path: string): Fields {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new ModelShapeError(path, 'an object');
    }
    return value as Fields;
}

function text(fields: Fields, key: string, path: string): string {
    const value = fields[key];
    if (typeof value !== 'string') {
        throw new ModelShapeError(`${path}.${key}`, 'text');
    }
    return value;
}

function flag(fields: Fields, key: string, path: string): boolean {
    const value = fields[key];
    if (typeof value !== 'boolean') {
        throw new ModelShapeError(`${path}.${key}`, 'true or false');
    }
    return value;
}

function count(fields: Fields, key: string, path: string): number | null {
    const value = fields[key];
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
        throw new ModelShapeError(`${path}.${key}`, 'a number or null');
    }
    return value;
}

function choice<T extends string>(fields: Fields, key: string, path: string, values: readonly T[]): T {
    const value = text(fields, key, path);
    const match = values.find(candidate => candidate === value);
    if (match === undefined) {
        throw new ModelShapeError(`${path}.${key}`, `one of ${values.join(', ')}`);
    }
    return match;
}

function readSource(value: unknown, path: string): MsiSource {
    const source = object(value, path);
    return choice(source, 'kind', path, ['download', 'hostPath'] as const) === 'download'
        ? { kind: 'download' } : { kind: 'hostPath', msiPath: text(source, 'msiPath', path) };
}

function readProduct(value: unknown, path: string): ProductChoice {
    const product = object(value, path);
    return {
        channel: choice(product, 'channel', path, EFLOW_CHANNELS),
        architecture: choice(product, 'architecture', path, EFLOW_ARCHITECTURES),
        source: readSource(product['source'], `${path}.source`),
        installPath: text(product, 'installPath', path),
        vhdxPath: text(product, 'vhdxPath', path)
    };
}

function readDisk(value: unknown, path: string): DiskChoice {
    const disk = object(value, path);
    switch (choice(disk, 'kind', path, ['default', 'osDisk', 'dataPartition'] as const)) {
        case 'default':
            return { kind: 'default' };
        case 'osDisk':
            return { kind: 'osDisk', vmDiskSizeGB: count(disk, 'vmDiskSizeGB', path) };
        case 'dataPartition':
            return { kind: 'dataPartition', vmDataSizeGB: count(disk, 'vmDataSizeGB', path) };
    }
}

function readVmSize(value: unknown, path: string): VmSizeChoice {
    const vmSize = object(value, path);
    return {
        cpuCount: count(vmSize, 'cpuCount', path),
        memoryInMB: count(vmSize, 'memoryInMB', path),
        disk: readDisk(vmSize['disk'], `${path}.disk`),
        vmLogSize: choice(vmSize, 'vmLogSize', path, ['Small', 'Large'] as const)
    };
}

function readSwitch(value: unknown, path: string): SwitchChoice {
    const virtualSwitch = object(value, path);
    switch (choice(virtualSwitch, 'kind', path, ['defaultSwitch', 'existing', 'newExternal', 'newInternal'] as const)) {
        case 'defaultSwitch':
            return { kind: 'defaultSwitch' };
        case 'existing':
            return { kind: 'existing', switchName: text(virtualSwitch, 'switchName', path),
                switchType: choice(virtualSwitch, 'switchType', path, ['Internal', 'External'] as const) };
        case 'newExternal':
            return { kind: 'newExternal', switchName: text(virtualSwitch, 'switchName', path), adapterName: text(virtualSwitch, 'adapterName', path) };
        case 'newInternal':
            return { kind: 'newInternal', switchName: text(virtualSwitch, 'switchName', path) };
    }
}

function readNetwork(value: unknown, path: string): NetworkChoice {
    const network = object(value, path);
    const staticIp = object(network['staticIp'], `${path}.staticIp`);
    const dnsServers = network['dnsServers'];
    if (!Array.isArray(dnsServers) || !dnsServers.every((server): server is string => typeof server === 'string')) {
        throw new ModelShapeError(`${path}.dnsServers`, 'a list of texts');
    }
    return {
        virtualSwitch: readSwitch(network['virtualSwitch'], `${path}.virtualSwitch`),
        addressing: choice(network, 'addressing', path, ['dhcp', 'static'] as const),
        staticIp: {
            ip4Address: text(staticIp, 'ip4Address', `${path}.staticIp`),
            ip4PrefixLength: count(staticIp, 'ip4PrefixLength', `${path}.staticIp`),
            ip4GatewayAddress: text(staticIp, 'ip4GatewayAddress', `${path}.staticIp`)
        },
        dnsServers: [...dnsServers]
    };
}

function readGpu(value: unknown, path: string): GpuChoice {
    const gpu = object(value, path);
    return {
        passthroughType: choice(gpu, 'passthroughType', path, ['none', 'DirectDeviceAssignment', 'ParaVirtualization'] as const),
        gpuName: text(gpu, 'gpuName', path),
        gpuCount: count(gpu, 'gpuCount', path)
    };
}

function readFeatures(value: unknown, path: string): FeaturesAndTerms {
    const features = object(value, path);
    return {
        dpsTpm: flag(features, 'dpsTpm', path),
        defender: flag(features, 'defender', path),
        optionalTelemetry: flag(features, 'optionalTelemetry', path),
        eulaAccepted: flag(features, 'eulaAccepted', path)
    };
}

function readProvisioning(value: unknown, path: string): ProvisioningChoice {
    const provisioning = object(value, path);
    const type = choice(provisioning, 'type', path, ['skip', ...PROVISIONING_TYPES] as const);
    const field = (key: string): string => text(provisioning, key, path);
    switch (type) {
        case 'skip':
        case 'ManualConnectionString':
            return { type };
        case 'ManualX509':
            return { type, iotHubHostname: field('iotHubHostname'), deviceId: field('deviceId'),
                identityCertPath: field('identityCertPath'), identityPrivKeyPath: field('identityPrivKeyPath') };
        case 'DpsTPM':
            return { type, scopeId: field('scopeId'), registrationId: field('registrationId'), globalEndpoint: field('globalEndpoint') };
        case 'DpsX509':
            return { type, scopeId: field('scopeId'), identityCertPath: field('identityCertPath'),
                identityPrivKeyPath: field('identityPrivKeyPath'), globalEndpoint: field('globalEndpoint') };
        case 'DpsSymmetricKey':
            return { type, scopeId: field('scopeId'), registrationId: field('registrationId'), globalEndpoint: field('globalEndpoint') };
    }
}

/** The model in `value`, copied field by field; throws a `ModelShapeError` naming the first field that is wrong. */
export function readWizardModel(value: unknown, path = 'model'): WizardModel {
    const model = object(value, path);
    return {
        product: readProduct(model['product'], `${path}.product`),
        vmSize: readVmSize(model['vmSize'], `${path}.vmSize`),
        network: readNetwork(model['network'], `${path}.network`),
        gpu: readGpu(model['gpu'], `${path}.gpu`),
        features: readFeatures(model['features'], `${path}.features`),
        provisioning: readProvisioning(model['provisioning'], `${path}.provisioning`)
    };
}

/** The readers other stored shapes are read with (remembered-entries.ts), so every draft part is read one way. */
export { object as readFields, text as readText, count as readCount, readSwitch, type Fields };
