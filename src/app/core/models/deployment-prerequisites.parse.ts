import {
    DEPLOYMENT_PREREQUISITES_SCHEMA_VERSION,
    type DeploymentHostFacts,
    type DeploymentPrerequisitesPayload,
    type HostGpu,
    type HostNetAdapter,
    type HostVirtualSwitch,
    type HyperVFeatureState,
    type PrerequisiteCheck,
    type PrerequisiteCheckId,
    type PrerequisiteParam,
    type PrerequisiteStatus
} from '../../deploy/domain/deployment-prerequisites';
import {
    PREREQUISITE_REASON_CODES, PREREQUISITE_REASONS, type PrerequisiteParamKind, type PrerequisiteReason
} from '../../deploy/domain/prerequisite-reasons';
import {
    asArray, asBoolean, asIsoDateTime, asNumber, asRecord, asString, ContractViolation, field, fieldPath, oneOf, orNull,
    type JsonRecord
} from './contract-reader';
import { readHostBasics } from './host-basics.parse';
import { readReadErrors } from './read-errors.parse';

const CHECK_IDS: readonly PrerequisiteCheckId[] = [
    'os-edition', 'architecture', 'hyperv-feature', 'hyperv-services', 'virtualization-firmware', 'hypervisor-present',
    'nested-virtualization', 'memory', 'disk', 'openssh-client', 'pending-reboot', 'virtual-switch', 'existing-eflow'
];
const CHECK_STATUSES: readonly PrerequisiteStatus[] = ['pass', 'warning', 'fail'];
const SWITCH_TYPES: readonly HostVirtualSwitch['switchType'][] = ['Internal', 'External', 'Private'];
const HYPERV_STATES: readonly HyperVFeatureState[] = ['Enabled', 'Disabled', 'EnablePending', 'NotAvailable', 'Unknown'];

/**
 * Validates the result of `Get-EflowDeploymentPrerequisites` against its contract (deploy/domain/
 * deployment-prerequisites.ts) and returns a fresh typed copy. Throws a `ContractViolation` naming the first field
 * that does not match; another `schemaVersion` is refused before anything else is read.
 */
export function parseDeploymentPrerequisites(value: unknown): DeploymentPrerequisitesPayload {
    const root = asRecord(value, '');
    const schemaVersion = field(asNumber, root, 'schemaVersion', '');
    if (schemaVersion !== DEPLOYMENT_PREREQUISITES_SCHEMA_VERSION) {
        throw new ContractViolation('schemaVersion',
            `unsupported version ${schemaVersion} (this extension reads version ${DEPLOYMENT_PREREQUISITES_SCHEMA_VERSION})`);
    }
    return {
        schemaVersion,
        collectedAt: field(asIsoDateTime, root, 'collectedAt', ''),
        checks: field((v, p) => asArray(v, p, readCheck), root, 'checks', ''),
        host: field(readHostFacts, root, 'host', ''),
        errors: field(readReadErrors, root, 'errors', '')
    };
}

const PARAM_READERS: Readonly<Record<PrerequisiteParamKind, (value: unknown, path: string) => PrerequisiteParam>> = {
    text: asString,
    number: asNumber,
    buildNumber: asNumber,
    names: (value, path) => asArray(value, path, asString)
};

/** A reason code the check reports (another check's reason, or an unknown one, is a violation naming the check's own). */
function readReason(id: PrerequisiteCheckId): (value: unknown, path: string) => PrerequisiteReason {
    const own = PREREQUISITE_REASON_CODES.filter(reason => PREREQUISITE_REASONS[reason].check === id);
    return (value, path) => {
        const text = asString(value, path);
        const reason = own.find(candidate => candidate === text);
        if (reason === undefined) {
            throw new ContractViolation(path, `expected a reason of check "${id}" (${own.join(', ')}), got "${text}"`);
        }
        return reason;
    };
}

/** The params the reason's sentences need, each of its kind; params the reason does not name are left out. */
function readParams(reason: PrerequisiteReason, record: JsonRecord, path: string): Readonly<Record<string, PrerequisiteParam>> {
    const params = field(asRecord, record, 'params', path);
    const paramsPath = fieldPath(path, 'params');
    const read: Record<string, PrerequisiteParam> = {};
    for (const [name, kind] of Object.entries(PREREQUISITE_REASONS[reason].params)) {
        read[name] = field(PARAM_READERS[kind], params, name, paramsPath);
    }
    return read;
}

function readCheck(value: unknown, path: string): PrerequisiteCheck {
    const check = asRecord(value, path);
    const id = field(oneOf(CHECK_IDS), check, 'id', path);
    const status = field(oneOf(CHECK_STATUSES), check, 'status', path);
    const reason = field(readReason(id), check, 'reason', path);
    // The reason decides the sentences, a fix among them; a status that disagrees would show a pass with a fix.
    const expected = PREREQUISITE_REASONS[reason].status;
    if (status !== expected) {
        throw new ContractViolation(fieldPath(path, 'status'), `reason "${reason}" is reported as "${expected}", got "${status}"`);
    }
    return { id, status, reason, params: readParams(reason, check, path) };
}

function readHostFacts(value: unknown, path: string): DeploymentHostFacts {
    const host = asRecord(value, path);
    return {
        ...readHostBasics(host, path),
        isServerSku: field(asBoolean, host, 'isServerSku', path),
        hyperV: field(readHyperV, host, 'hyperV', path),
        openSshClient: field(orNull(asBoolean), host, 'openSshClient', path),
        rebootPending: field(asBoolean, host, 'rebootPending', path),
        isAzureVm: field(orNull(asBoolean), host, 'isAzureVm', path),
        eflow: field(orNull(readEflow), host, 'eflow', path),
        switches: field((v, p) => asArray(v, p, readSwitch), host, 'switches', path),
        physicalAdapters: field((v, p) => asArray(v, p, readAdapter), host, 'physicalAdapters', path),
        gpus: field((v, p) => asArray(v, p, readGpu), host, 'gpus', path)
    };
}

function readHyperV(value: unknown, path: string): DeploymentHostFacts['hyperV'] {
    const hyperV = asRecord(value, path);
    const services = field(asRecord, hyperV, 'services', path);
    const servicesPath = `${path}.services`;
    return {
        featureState: field(oneOf(HYPERV_STATES), hyperV, 'featureState', path),
        hypervisorPresent: field(asBoolean, hyperV, 'hypervisorPresent', path),
        virtualizationFirmwareEnabled: field(asBoolean, hyperV, 'virtualizationFirmwareEnabled', path),
        services: {
            vmms: field(asString, services, 'vmms', servicesPath),
            vmcompute: field(asString, services, 'vmcompute', servicesPath),
            hvhost: field(asString, services, 'hvhost', servicesPath)
        }
    };
}

function readEflow(value: unknown, path: string): NonNullable<DeploymentHostFacts['eflow']> {
    const eflow = asRecord(value, path);
    return {
        productName: field(asString, eflow, 'productName', path),
        version: field(asString, eflow, 'version', path),
        vmDeployed: field(orNull(asBoolean), eflow, 'vmDeployed', path)
    };
}

function readSwitch(value: unknown, path: string): HostVirtualSwitch {
    const item = asRecord(value, path);
    return {
        name: field(asString, item, 'name', path),
        switchType: field(oneOf(SWITCH_TYPES), item, 'switchType', path),
        netAdapterInterfaceDescription: field(orNull(asString), item, 'netAdapterInterfaceDescription', path)
    };
}

function readAdapter(value: unknown, path: string): HostNetAdapter {
    const item = asRecord(value, path);
    return {
        name: field(asString, item, 'name', path),
        interfaceDescription: field(asString, item, 'interfaceDescription', path),
        status: field(asString, item, 'status', path)
    };
}

function readGpu(value: unknown, path: string): HostGpu {
    const item = asRecord(value, path);
    return {
        name: field(asString, item, 'name', path),
        count: field(asNumber, item, 'count', path),
        supportedPassthroughTypes: field(orNull((v, p) => asArray(v, p, asString)), item, 'supportedPassthroughTypes', path)
    };
}
