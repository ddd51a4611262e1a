import {
    asArray,
    asBoolean,
    asIsoDate,
    asIsoDateTime,
    asNumber,
    asRecord,
    asString,
    ContractViolation,
    field,
    fieldPath,
    orNull
} from './contract-reader';
import {
    EflowInstallation,
    EflowVm,
    HOST_OVERVIEW_SCHEMA_VERSION,
    HostFacts,
    HostOverviewPayload,
    VmEndpoint,
    VmNetwork,
    VmStats
} from './host-overview';
import { readHostBasics } from './host-basics.parse';
import { readReadErrors } from './read-errors.parse';

/**
 * Validates the untyped result of `Get-EflowHostOverview` against the contract in host-overview.ts and returns it
 * typed. Throws a `ContractViolation` naming the first field that does not match, e.g.
 * `eflow.vm.powerState: expected a string, got number`. A result with another `schemaVersion` is refused before
 * anything else is read: its fields may mean something else.
 *
 * The returned object is a fresh copy holding only the contract's fields.
 */
export function parseHostOverview(value: unknown): HostOverviewPayload {
    const root = asRecord(value, '');
    const schemaVersion = field(asNumber, root, 'schemaVersion', '');
    if (schemaVersion !== HOST_OVERVIEW_SCHEMA_VERSION) {
        throw new ContractViolation('schemaVersion',
            `unsupported version ${schemaVersion} (this extension reads version ${HOST_OVERVIEW_SCHEMA_VERSION})`);
    }
    return {
        schemaVersion,
        collectedAt: field(asIsoDateTime, root, 'collectedAt', ''),
        host: field(readHostFacts, root, 'host', ''),
        deploymentInProgress: field(orNull(asBoolean), root, 'deploymentInProgress', ''),
        eflow: field(orNull(readInstallation), root, 'eflow', ''),
        errors: field(readReadErrors, root, 'errors', '')
    };
}

function readHostFacts(value: unknown, path: string): HostFacts {
    const host = asRecord(value, path);
    return { ...readHostBasics(host, path), hyperV: field(readHyperV, host, 'hyperV', path) };
}

function readHyperV(value: unknown, path: string): HostFacts['hyperV'] {
    const hyperV = asRecord(value, path);
    return {
        featureState: field(asString, hyperV, 'featureState', path),
        hypervisorPresent: field(asBoolean, hyperV, 'hypervisorPresent', path)
    };
}

function readInstallation(value: unknown, path: string): EflowInstallation {
    const eflow = asRecord(value, path);
    const installation: EflowInstallation = {
        productName: field(asString, eflow, 'productName', path),
        version: field(asString, eflow, 'version', path),
        installDate: field(orNull(asIsoDate), eflow, 'installDate', path),
        installPath: field(orNull(asString), eflow, 'installPath', path),
        services: field(readServices, eflow, 'services', path),
        vmExists: field(orNull(asBoolean), eflow, 'vmExists', path),
        vhdxPresent: field(orNull(asBoolean), eflow, 'vhdxPresent', path),
        vm: field(orNull(readVm), eflow, 'vm', path)
    };
    // The VM is there exactly when Verify-EflowVm said so: a VM next to a "no" or an unknown would make the
    // dashboard's install state contradict itself.
    if ((installation.vm !== null) !== (installation.vmExists === true)) {
        throw new ContractViolation(fieldPath(path, 'vm'),
            `expected ${installation.vmExists === true ? 'an object' : 'null'} when vmExists is ${String(installation.vmExists)}`);
    }
    return installation;
}

function readServices(value: unknown, path: string): EflowInstallation['services'] {
    const services = asRecord(value, path);
    return {
        wssdAgent: field(asString, services, 'wssdAgent', path),
        eflowProxy: field(asString, services, 'eflowProxy', path)
    };
}

function readVm(value: unknown, path: string): EflowVm {
    const vm = asRecord(value, path);
    return {
        name: field(asString, vm, 'name', path),
        powerState: field(asString, vm, 'powerState', path),
        cpuCount: field(orNull(asNumber), vm, 'cpuCount', path),
        memoryMB: field(orNull(asNumber), vm, 'memoryMB', path),
        runtime: field(orNull(readRuntime), vm, 'runtime', path),
        stats: field(orNull(readStats), vm, 'stats', path),
        endpoints: field(readArrayOf(readEndpoint), vm, 'endpoints', path),
        networks: field(readArrayOf(readNetwork), vm, 'networks', path),
        iotedgeList: field(orNull(readArrayOf(asString)), vm, 'iotedgeList', path),
        systemStatus: field(orNull(readArrayOf(asString)), vm, 'systemStatus', path),
        provisioning: field(readProvisioning, vm, 'provisioning', path)
    };
}

function readRuntime(value: unknown, path: string): NonNullable<EflowVm['runtime']> {
    const runtime = asRecord(value, path);
    return {
        iotEdgeVersion: field(asString, runtime, 'iotEdgeVersion', path),
        mobyEngineVersion: field(asString, runtime, 'mobyEngineVersion', path),
        mobyCliVersion: field(asString, runtime, 'mobyCliVersion', path)
    };
}

function readStats(value: unknown, path: string): VmStats {
    const stats = asRecord(value, path);
    return {
        totalMemMb: field(asNumber, stats, 'totalMemMb', path),
        usedMemMb: field(asNumber, stats, 'usedMemMb', path),
        availableMemMb: field(asNumber, stats, 'availableMemMb', path),
        totalStorageMb: field(asNumber, stats, 'totalStorageMb', path),
        usedStorageMb: field(asNumber, stats, 'usedStorageMb', path),
        availableStorageMb: field(asNumber, stats, 'availableStorageMb', path),
        cpuCount: field(asNumber, stats, 'cpuCount', path),
        kernelVersion: field(asString, stats, 'kernelVersion', path)
    };
}

function readEndpoint(value: unknown, path: string): VmEndpoint {
    const endpoint = asRecord(value, path);
    return {
        name: field(asString, endpoint, 'name', path),
        macAddress: field(asString, endpoint, 'macAddress', path),
        healthStatus: field(asString, endpoint, 'healthStatus', path),
        ipAddress: field(orNull(asString), endpoint, 'ipAddress', path),
        prefixLength: field(orNull(asNumber), endpoint, 'prefixLength', path),
        gateway: field(orNull(asString), endpoint, 'gateway', path),
        allocationMethod: field(orNull(asString), endpoint, 'allocationMethod', path),
        subnet: field(orNull(asString), endpoint, 'subnet', path)
    };
}

function readNetwork(value: unknown, path: string): VmNetwork {
    const network = asRecord(value, path);
    return {
        name: field(asString, network, 'name', path),
        type: field(asString, network, 'type', path),
        allocationMethod: field(orNull(asString), network, 'allocationMethod', path),
        cidr: field(orNull(asString), network, 'cidr', path)
    };
}

function readProvisioning(value: unknown, path: string): EflowVm['provisioning'] {
    const provisioning = asRecord(value, path);
    return {
        state: field(asString, provisioning, 'state', path),
        source: field(orNull(asString), provisioning, 'source', path)
    };
}

function readArrayOf<T>(readItem: (value: unknown, path: string) => T): (value: unknown, path: string) => T[] {
    return (value: unknown, path: string): T[] => asArray(value, path, readItem);
}

// Re-exported so callers can tell a contract failure from other errors without importing the reader module.
export { ContractViolation };
