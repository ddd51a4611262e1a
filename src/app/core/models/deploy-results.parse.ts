/**
 * Parsers of the deployment scripts' results (deploy-results.ts). Each validates one untyped result and returns a
 * fresh typed copy, or throws a `ContractViolation` naming the first field that does not match.
 */
import { asArray, asBoolean, asNumber, asRecord, asString, field, oneOf, orNull, type JsonRecord } from './contract-reader';
import type { MsiPackageReading } from '../../deploy/domain/msi-package-rules';
import type {
    DeploymentInputChecks, DeploymentVerdict, DeploymentVerification, EnableHyperVResult, InstallProductResult,
    NewVirtualMachineResult, NewVirtualSwitchResult, RemoveInstallationResult, VmConfigurationResult, VmProvisioningResult
} from './deploy-results';

const VERDICTS: readonly DeploymentVerdict[] = ['healthy', 'starting', 'notProvisioned', 'vmStopped', 'notDeployed', 'unhealthy'];

function readStrings(value: unknown, path: string): string[] {
    return asArray(value, path, asString);
}

/** Test-EflowDeploymentInput's reading of an MSI (Read-MsiPackage). */
function readMsiPackage(value: unknown, path: string): MsiPackageReading {
    const entry = asRecord(value, path);
    return {
        path: field(asString, entry, 'path', path),
        status: field(oneOf(['eflow', 'notEflow', 'unreadable', 'notFound'] as const), entry, 'status', path),
        productName: field(orNull(asString), entry, 'productName', path),
        productVersion: field(orNull(asString), entry, 'productVersion', path),
        architecture: field(orNull(asString), entry, 'architecture', path),
        channel: field(orNull(oneOf(['LTS', 'CR'] as const)), entry, 'channel', path),
        error: field(orNull(asString), entry, 'error', path)
    };
}

/** Test-EflowDeploymentInput. */
export function parseDeploymentInputChecks(value: unknown): DeploymentInputChecks {
    const root = asRecord(value, '');
    return {
        paths: field((v, p) => asArray(v, p, (item: unknown, itemPath: string) => {
            const entry: JsonRecord = asRecord(item, itemPath);
            return { path: field(asString, entry, 'path', itemPath), exists: field(asBoolean, entry, 'exists', itemPath) };
        }), root, 'paths', ''),
        msi: field(orNull(readMsiPackage), root, 'msi', ''),
        addressInUse: field(orNull(asBoolean), root, 'addressInUse', ''),
        gatewayReachable: field(orNull(asBoolean), root, 'gatewayReachable', '')
    };
}

/** Enable-EflowHostHyperV. */
export function parseEnableHyperVResult(value: unknown): EnableHyperVResult {
    const root = asRecord(value, '');
    return {
        status: field(oneOf(['enabled', 'alreadyEnabled', 'restartPending'] as const), root, 'status', ''),
        rebootRequired: field(asBoolean, root, 'rebootRequired', ''),
        restarting: field(asBoolean, root, 'restarting', '')
    };
}

/** Install-EflowProduct. */
export function parseInstallProductResult(value: unknown): InstallProductResult {
    const root = asRecord(value, '');
    return {
        status: field(oneOf(['installed', 'alreadyInstalled'] as const), root, 'status', ''),
        productName: field(asString, root, 'productName', ''),
        version: field(asString, root, 'version', ''),
        rebootRequired: field(asBoolean, root, 'rebootRequired', ''),
        msiExitCode: field(orNull(asNumber), root, 'msiExitCode', ''),
        downloaded: field(asBoolean, root, 'downloaded', ''),
        logPath: field(orNull(asString), root, 'logPath', '')
    };
}

/** Remove-EflowInstallation. */
export function parseRemoveInstallationResult(value: unknown): RemoveInstallationResult {
    const root = asRecord(value, '');
    return {
        status: field(oneOf(['removed', 'notInstalled'] as const), root, 'status', ''),
        productName: field(orNull(asString), root, 'productName', ''),
        version: field(orNull(asString), root, 'version', ''),
        msiExitCode: field(orNull(asNumber), root, 'msiExitCode', ''),
        rebootRequired: field(asBoolean, root, 'rebootRequired', ''),
        vhdxRemoved: field(asBoolean, root, 'vhdxRemoved', ''),
        logPath: field(orNull(asString), root, 'logPath', '')
    };
}

/** New-EflowVirtualSwitch. */
export function parseNewVirtualSwitchResult(value: unknown): NewVirtualSwitchResult {
    const root = asRecord(value, '');
    return {
        switchName: field(asString, root, 'switchName', ''),
        switchType: field(oneOf(['Internal', 'External'] as const), root, 'switchType', ''),
        created: field(asBoolean, root, 'created', ''),
        natName: field(orNull(asString), root, 'natName', ''),
        warnings: field(readStrings, root, 'warnings', '')
    };
}

/** New-EflowVirtualMachine. */
export function parseNewVirtualMachineResult(value: unknown): NewVirtualMachineResult {
    const root = asRecord(value, '');
    return {
        status: field(oneOf(['deployed'] as const), root, 'status', ''),
        result: field(asString, root, 'result', ''),
        lastLine: field(orNull(asString), root, 'lastLine', '')
    };
}

/** Set-EflowVmConfiguration. */
export function parseVmConfigurationResult(value: unknown): VmConfigurationResult {
    const root = asRecord(value, '');
    return {
        vmStarted: field(asBoolean, root, 'vmStarted', ''),
        dnsServers: field(orNull(readStrings), root, 'dnsServers', ''),
        dpsTpm: field(orNull(asBoolean), root, 'dpsTpm', ''),
        defender: field(orNull(asBoolean), root, 'defender', ''),
        optionalTelemetry: field(orNull(asBoolean), root, 'optionalTelemetry', ''),
        changed: field(readStrings, root, 'changed', '')
    };
}

/** Set-EflowVmProvisioning. */
export function parseVmProvisioningResult(value: unknown): VmProvisioningResult {
    const root = asRecord(value, '');
    return {
        status: field(oneOf(['provisioned', 'alreadyProvisioned'] as const), root, 'status', ''),
        provisioningType: field(asString, root, 'provisioningType', ''),
        source: field(asString, root, 'source', '')
    };
}

/** Test-EflowDeployment. */
export function parseDeploymentVerification(value: unknown): DeploymentVerification {
    const root = asRecord(value, '');
    return {
        verdict: field(oneOf(VERDICTS), root, 'verdict', ''),
        vmExists: field(asBoolean, root, 'vmExists', ''),
        powerState: field(orNull(asString), root, 'powerState', ''),
        provisioned: field(asBoolean, root, 'provisioned', ''),
        source: field(orNull(asString), root, 'source', ''),
        services: field((v, p) => asArray(v, p, (item: unknown, itemPath: string) => {
            const entry: JsonRecord = asRecord(item, itemPath);
            return { name: field(asString, entry, 'name', itemPath), state: field(asString, entry, 'state', itemPath) };
        }), root, 'services', ''),
        modules: field((v, p) => asArray(v, p, (item: unknown, itemPath: string) => {
            const entry: JsonRecord = asRecord(item, itemPath);
            return { name: field(asString, entry, 'name', itemPath), status: field(asString, entry, 'status', itemPath) };
        }), root, 'modules', ''),
        detail: field(asString, root, 'detail', '')
    };
}
