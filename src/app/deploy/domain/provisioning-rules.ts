/**
 * Rules of wizard page 7 (provisioning): the required set of each type (eflow.md section 4, as eflowAutoDeploy
 * enforces it) and the format of each field. Secret fields report under `secrets.<name>` and never quote the secret.
 */
import { deviceConnectionStringProblem } from './device-connection-string';
import { validateHostFilePath } from './host-path-rules';
import type { ProvisioningChoice } from './provisioning-choice';
import type { ProvisioningSecrets } from './provisioning-secrets';
import {
    DEVICE_ID_PATTERN, GLOBAL_ENDPOINT_LENGTH, GLOBAL_ENDPOINT_PATTERN, HOST_NAME_PATTERN, REGISTRATION_ID_PATTERN, SCOPE_ID_PATTERN,
    WELL_KNOWN_SCOPE_ID_PATTERN
} from './script-patterns';
import { symmetricKeyProblem } from './symmetric-key';
import { messageOf } from './message-text';
import { validationError, validationWarning, type ValidationMessage } from './validation-message';

/** The host's answers about the certificate and key files (Test-EflowDeploymentInput); null when not asked. */
export interface ProvisioningHostChecks {
    identityCertExists: boolean | null;
    identityPrivKeyExists: boolean | null;
}

/** The DPS ID scope: required, letters and digits; a warning when it does not look like `0ne` + 8 hex digits. */
export function validateScopeId(scopeId: string): ValidationMessage[] {
    const field = 'provisioning.scopeId';
    if (scopeId.length === 0) {
        return [validationError(field, 'scopeIdRequired')];
    }
    if (!SCOPE_ID_PATTERN.test(scopeId)) {
        return [validationError(field, 'scopeIdInvalid')];
    }
    if (!WELL_KNOWN_SCOPE_ID_PATTERN.test(scopeId)) {
        return [validationWarning(field, 'scopeIdUnusual', { scopeId })];
    }
    return [];
}

/** A DPS registration ID; `required` for symmetric keys, optional for TPM. */
export function validateRegistrationId(registrationId: string, required: boolean, derivedKey: boolean): ValidationMessage[] {
    const field = 'provisioning.registrationId';
    if (registrationId.length === 0) {
        return required ? [validationError(field, 'registrationIdRequired')] : [];
    }
    if (registrationId.length > 128) {
        return [validationError(field, 'registrationIdTooLong', { length: registrationId.length })];
    }
    if (!REGISTRATION_ID_PATTERN.test(registrationId)) {
        return [validationError(field, 'registrationIdInvalid')];
    }
    if (derivedKey && registrationId !== registrationId.toLowerCase()) {
        return [validationWarning(field, 'registrationIdUpperCase')];
    }
    return [];
}

/** An optional DPS global endpoint: an https URL with a host name, at most GLOBAL_ENDPOINT_LENGTH.max characters. */
export function validateGlobalEndpoint(globalEndpoint: string): ValidationMessage[] {
    if (globalEndpoint.length > GLOBAL_ENDPOINT_LENGTH.max) {
        return [validationError('provisioning.globalEndpoint', 'globalEndpointTooLong', { length: globalEndpoint.length, max: GLOBAL_ENDPOINT_LENGTH.max })];
    }
    if (globalEndpoint.length === 0 || GLOBAL_ENDPOINT_PATTERN.test(globalEndpoint)) {
        return [];
    }
    const text = messageOf(/^http:\/\//i.test(globalEndpoint) ? 'globalEndpointNotHttps' : 'globalEndpointInvalid');
    return [validationError('provisioning.globalEndpoint', 'globalEndpointInvalid', text)];
}

function validateIotHubHostname(hostname: string): ValidationMessage[] {
    const field = 'provisioning.iotHubHostname';
    if (hostname.length === 0) {
        return [validationError(field, 'iotHubHostnameRequired')];
    }
    return HOST_NAME_PATTERN.test(hostname) ? []
        : [validationError(field, 'iotHubHostnameInvalid', { hostname })];
}

function validateDeviceId(deviceId: string): ValidationMessage[] {
    const field = 'provisioning.deviceId';
    if (deviceId.length === 0) {
        return [validationError(field, 'deviceIdRequired')];
    }
    return DEVICE_ID_PATTERN.test(deviceId) ? []
        : [validationError(field, 'deviceIdInvalid')];
}

function validateIdentityFiles(certPath: string, keyPath: string, checks: ProvisioningHostChecks): ValidationMessage[] {
    return [
        ...validateHostFilePath('provisioning.identityCertPath', 'labelIdentityCertificate', certPath, checks.identityCertExists),
        ...validateHostFilePath('provisioning.identityPrivKeyPath', 'labelIdentityPrivateKey', keyPath, checks.identityPrivKeyExists)
    ];
}

/**
 * Every rule of page 7. `dpsTpmEnabled`: the DpsTpm feature choice of page 6, which TPM provisioning needs
 * ("TPM provisioning was not enabled!" otherwise).
 */
export function validateProvisioning(choice: ProvisioningChoice, secrets: ProvisioningSecrets, dpsTpmEnabled: boolean,
    checks: ProvisioningHostChecks): ValidationMessage[] {
    switch (choice.type) {
        case 'skip':
            return [];
        case 'ManualConnectionString': {
            const problem = deviceConnectionStringProblem(secrets.devConnString);
            return problem ? [validationError('secrets.devConnString', problem.code, problem.text)] : [];
        }
        case 'ManualX509':
            return [
                ...validateIotHubHostname(choice.iotHubHostname),
                ...validateDeviceId(choice.deviceId),
                ...validateIdentityFiles(choice.identityCertPath, choice.identityPrivKeyPath, checks)
            ];
        case 'DpsTPM':
            return [
                ...validateScopeId(choice.scopeId),
                ...validateRegistrationId(choice.registrationId, false, false),
                ...validateGlobalEndpoint(choice.globalEndpoint),
                // eflow.md documents only the scope and registration ID for DpsTPM, and quotes Provision-EflowVm's
                // "Only scope ID and registration ID (optional) for DpsTpm provisioning may be specified".
                ...(choice.globalEndpoint ? [validationWarning('provisioning.globalEndpoint', 'globalEndpointWithTpm')] : []),
                ...(dpsTpmEnabled ? [] : [validationError('features.dpsTpm', 'tpmFeatureRequired')])
            ];
        case 'DpsX509':
            return [
                ...validateScopeId(choice.scopeId),
                ...validateIdentityFiles(choice.identityCertPath, choice.identityPrivKeyPath, checks),
                ...validateGlobalEndpoint(choice.globalEndpoint)
            ];
        case 'DpsSymmetricKey': {
            const keyProblem = symmetricKeyProblem(secrets.symmKey);
            return [
                ...validateScopeId(choice.scopeId),
                ...validateRegistrationId(choice.registrationId, true, true),
                ...(keyProblem ? [validationError('secrets.symmKey', secrets.symmKey ? 'symmKeyInvalid' : 'symmKeyRequired', keyProblem)] : []),
                ...validateGlobalEndpoint(choice.globalEndpoint)
            ];
        }
    }
}
