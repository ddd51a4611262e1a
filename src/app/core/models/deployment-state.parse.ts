import {
    DEPLOYMENT_STATE_SCHEMA_VERSION, type DeploymentStateSnapshot
} from '../../deploy/domain/deployment-state';
import {
    asArray, asBoolean, asIsoDateTime, asNumber, asRecord, asString, ContractViolation, field, oneOf, orNull
} from './contract-reader';
import { readReadErrors } from './read-errors.parse';

const PROVISIONING_STATES: readonly DeploymentStateSnapshot['provisioning']['state'][] = ['Provisioned', 'NotProvisioned', 'Unknown'];

/**
 * Validates the result of `Get-EflowDeploymentState` against its contract (deploy/domain/deployment-state.ts) and
 * returns a fresh typed copy. Throws a `ContractViolation` naming the first field that does not match; another
 * `schemaVersion` is refused before anything else is read.
 */
export function parseDeploymentState(value: unknown): DeploymentStateSnapshot {
    const root = asRecord(value, '');
    const schemaVersion = field(asNumber, root, 'schemaVersion', '');
    if (schemaVersion !== DEPLOYMENT_STATE_SCHEMA_VERSION) {
        throw new ContractViolation('schemaVersion',
            `unsupported version ${schemaVersion} (this extension reads version ${DEPLOYMENT_STATE_SCHEMA_VERSION})`);
    }
    return {
        schemaVersion,
        collectedAt: field(asIsoDateTime, root, 'collectedAt', ''),
        computerName: field(asString, root, 'computerName', ''),
        product: field(orNull(readProduct), root, 'product', ''),
        moduleAvailable: field(asBoolean, root, 'moduleAvailable', ''),
        vmExists: field(orNull(asBoolean), root, 'vmExists', ''),
        vhdxPresent: field(orNull(asBoolean), root, 'vhdxPresent', ''),
        vmPowerState: field(orNull(asString), root, 'vmPowerState', ''),
        provisioning: field(readProvisioning, root, 'provisioning', ''),
        configuration: field(readConfiguration, root, 'configuration', ''),
        hyperVState: field(asString, root, 'hyperVState', ''),
        rebootPending: field(asBoolean, root, 'rebootPending', ''),
        deploymentInProgress: field(asBoolean, root, 'deploymentInProgress', ''),
        switches: field(readSwitches, root, 'switches', ''),
        errors: field(readReadErrors, root, 'errors', '')
    };
}

function readStrings(value: unknown, path: string): string[] {
    return asArray(value, path, asString);
}

function readSwitches(value: unknown, path: string): DeploymentStateSnapshot['switches'] {
    return asArray(value, path, (item, itemPath) => {
        const entry = asRecord(item, itemPath);
        return {
            name: field(asString, entry, 'name', itemPath),
            switchType: field(asString, entry, 'switchType', itemPath),
            hostAddresses: field(orNull(readStrings), entry, 'hostAddresses', itemPath),
            natPrefix: field(orNull(asString), entry, 'natPrefix', itemPath)
        };
    });
}

function readProduct(value: unknown, path: string): NonNullable<DeploymentStateSnapshot['product']> {
    const product = asRecord(value, path);
    return {
        productName: field(asString, product, 'productName', path),
        version: field(asString, product, 'version', path),
        installPath: field(orNull(asString), product, 'installPath', path)
    };
}

function readProvisioning(value: unknown, path: string): DeploymentStateSnapshot['provisioning'] {
    const provisioning = asRecord(value, path);
    return {
        state: field(oneOf(PROVISIONING_STATES), provisioning, 'state', path),
        source: field(orNull(asString), provisioning, 'source', path)
    };
}

function readConfiguration(value: unknown, path: string): DeploymentStateSnapshot['configuration'] {
    const configuration = asRecord(value, path);
    return {
        dnsServers: field(orNull(readStrings), configuration, 'dnsServers', path),
        dpsTpm: field(orNull(asBoolean), configuration, 'dpsTpm', path),
        defender: field(orNull(asBoolean), configuration, 'defender', path),
        optionalTelemetry: field(orNull(asBoolean), configuration, 'optionalTelemetry', path)
    };
}
