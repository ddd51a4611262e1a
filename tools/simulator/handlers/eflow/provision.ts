/**
 * Provision-EflowVm: checks the documented required set of its type (eflow.md section 4), then writes
 * config.toml and starts IoT Edge. Only the non-secret identity data is kept (hub, device id, scope, registration
 * id, certificate paths); the connection string and symmetric key are checked for shape and dropped.
 * Atomic: the state changes only at the end, so a cancelled or failed provisioning leaves the VM as it was.
 */
import { aziotServicesFor, freshlyProvisionedModules } from '../../model/vm-factory';
import { failEflow, StandInFailure } from '../../runtime/failure';
import type { CmdletHandler, HandlerContext } from '../../runtime/handler';
import { StepLog } from '../../runtime/long-operation';
import { nonInteractivePrompt, ok } from '../../runtime/outcome';
import { consumeFault } from '../../state/fault-state';
import type { ProvisioningInfo, ProvisioningType } from '../../state/host-state';
import { requireReachableVm } from './guards';
import * as messages from './messages';

export const DEFAULT_DPS_ENDPOINT = 'https://global.azure-devices-provisioning.net';

const PROVISIONING_TYPES: readonly ProvisioningType[] =
    ['ManualConnectionString', 'ManualX509', 'DpsTPM', 'DpsX509', 'DpsSymmetricKey'];

/** Required parameters per type (eflowAutoDeploy's sets). */
export const REQUIRED_PARAMETERS: Readonly<Record<ProvisioningType, readonly string[]>> = {
    ManualConnectionString: ['devConnString'],
    ManualX509: ['iotHubHostname', 'deviceId', 'identityCertPath', 'identityPrivKeyPath'],
    DpsTPM: ['scopeId'],
    DpsX509: ['scopeId', 'identityCertPath', 'identityPrivKeyPath'],
    DpsSymmetricKey: ['scopeId', 'symmKey', 'registrationId']
};

/** What DpsTPM refuses besides scopeId and registrationId (TSERR). */
const NOT_FOR_TPM = ['devConnString', 'iotHubHostname', 'deviceId', 'symmKey', 'identityCertPath', 'identityPrivKeyPath'];

/**
 * HostName and DeviceId of a device connection string; fails without echoing it when it is not one.
 * SharedAccessKey must be present but is never returned.
 */
export function connectionStringIdentity(connectionString: string): { iotHubHostname: string; deviceId: string } {
    const fields = new Map<string, string>();
    for (const part of connectionString.split(';')) {
        const separator = part.indexOf('=');
        if (separator > 0) {
            fields.set(part.slice(0, separator).trim().toLowerCase(), part.slice(separator + 1).trim());
        }
    }
    const hostName = fields.get('hostname');
    const deviceId = fields.get('deviceid');
    const key = fields.get('sharedaccesskey');
    if (!hostName || !deviceId || !key || !/^[A-Za-z0-9.-]+$/.test(hostName)) {
        failEflow(messages.CONNECTION_STRING_INVALID);
    }
    return { iotHubHostname: hostName, deviceId };
}

function provisioningType(context: HandlerContext): ProvisioningType {
    const given = context.params.string('provisioningType');
    const type = PROVISIONING_TYPES.find(candidate => candidate.toLowerCase() === given?.toLowerCase());
    if (!type) {
        failEflow(messages.PROVISIONING_TYPE_REQUIRED);
    }
    return type;
}

function requireHostFile(context: HandlerContext, path: string): void {
    if (!context.host.windows.files.some(file => file.path.toLowerCase() === path.toLowerCase())) {
        failEflow(messages.hostFileNotFound(path));
    }
}

/** Validates everything and returns the provisioning record to store (not yet stored). */
function resolveProvisioning(context: HandlerContext, type: ProvisioningType): Omit<ProvisioningInfo, 'provisionedAt'> {
    const { params } = context;
    const missing = REQUIRED_PARAMETERS[type].filter(name => (params.string(name) ?? '') === '');
    if (missing.length > 0) {
        failEflow(messages.missingProvisioningParameters(type, missing));
    }
    if (type === 'DpsTPM') {
        if (NOT_FOR_TPM.some(name => params.has(name))) {
            failEflow(messages.TPM_EXTRA_PARAMETERS);
        }
        if (!context.host.vm?.features.DpsTpm) {
            failEflow(messages.TPM_NOT_ENABLED);
        }
    }
    const certPath = type === 'ManualX509' || type === 'DpsX509' ? params.string('identityCertPath') : null;
    const keyPath = type === 'ManualX509' || type === 'DpsX509' ? params.string('identityPrivKeyPath') : null;
    if (certPath !== null && keyPath !== null) {
        requireHostFile(context, certPath);
        requireHostFile(context, keyPath);
    }
    const isDps = type.startsWith('Dps');
    const manualIdentity = type === 'ManualConnectionString'
        ? connectionStringIdentity(params.string('devConnString') ?? '')
        : { iotHubHostname: params.string('iotHubHostname'), deviceId: params.string('deviceId') };
    return {
        type,
        iotHubHostname: isDps ? null : manualIdentity.iotHubHostname,
        deviceId: isDps ? null : manualIdentity.deviceId,
        scopeId: isDps ? params.string('scopeId') : null,
        registrationId: isDps ? params.string('registrationId') : null,
        globalEndpoint: isDps ? params.string('globalEndpoint') ?? DEFAULT_DPS_ENDPOINT : null,
        identityCertPath: certPath,
        identityPrivKeyPath: keyPath
    };
}

export const provisionEflowVm: CmdletHandler = async context => {
    const vm = requireReachableVm(context);
    const type = provisioningType(context);
    const info = resolveProvisioning(context, type);
    if (vm.provisioning !== null) {
        if (context.params.flag('headless')) {
            failEflow(messages.PREVIOUSLY_PROVISIONED_HEADLESS);
        }
        // Without -headless the module asks whether to re-provision; a WAC session cannot answer.
        throw new StandInFailure(nonInteractivePrompt());
    }
    const log = new StepLog(context, 'Provisioning Azure IoT Edge for Linux on Windows');
    const echoed = consumeFault(context.faults, 'provisioningEchoesSecrets') ? echoedSecrets(context) : null;
    await log.step(`Provisioning virtual machine ${vm.name} (type: ${type})`, 10, 1000);
    if (echoed !== null) {
        log.line(`Using key ${echoed.key} for ${echoed.whole === null ? 'the symmetric key attestation' : 'the device'}`);
        if (echoed.whole !== null) {
            log.warning(`Device connection string: ${echoed.whole}`);
        }
    }
    await log.step('Writing provisioning information to /etc/aziot/config.toml', 40, 2000);
    if (consumeFault(context.faults, 'provisioningFailure')) {
        context.changed();
        failEflow(echoed === null ? messages.PROVISIONING_FAILED
            : `${messages.PROVISIONING_FAILED} (key ${echoed.key}, input ${echoed.whole ?? echoed.key})`);
    }
    await log.step('Applying configuration (iotedge config apply)', 70, 5000);
    await log.step('Waiting for iotedge service to start', 90, 2000);
    const now = context.clock.now();
    vm.provisioning = { ...info, provisionedAt: now.toISOString() };
    vm.aziotServices = aziotServicesFor(type);
    vm.modules = freshlyProvisionedModules(vm.runtime, now.toISOString());
    context.changed();
    log.line('Provisioning successful');
    log.completed('Provisioning successful');
    // Output lines before the result, as a module that writes what it did to the pipeline would.
    return echoed === null ? ok('OK') : ok([`config.toml written with key ${echoed.key}`, `from ${echoed.whole ?? echoed.key}`, 'OK']);
};

/**
 * The secrets a call carries, for the provisioningEchoesSecrets fault: the key alone (the connection string's
 * SharedAccessKey, or -symmKey) and the whole connection string (null for a symmetric key).
 */
function echoedSecrets(context: HandlerContext): { key: string; whole: string | null } | null {
    const connectionString = context.params.string('devConnString');
    if (connectionString !== null) {
        const key = /(?:^|;)SharedAccessKey=([^;]*)/i.exec(connectionString)?.[1] ?? '';
        return { key, whole: connectionString };
    }
    const symmetricKey = context.params.string('symmKey');
    return symmetricKey === null ? null : { key: symmetricKey, whole: null };
}
