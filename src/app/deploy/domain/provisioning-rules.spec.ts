import { rendered } from '../testing/rendered-text';
import type { ProvisioningChoice } from './provisioning-choice';
import { validateGlobalEndpoint, validateProvisioning, validateRegistrationId, validateScopeId } from './provisioning-rules';
import { emptyProvisioningSecrets } from './provisioning-secrets';
import { base64Key } from './testing/deploy-fixtures';

const noChecks = { identityCertExists: null, identityPrivKeyExists: null };
const secrets = emptyProvisioningSecrets();
const codes = (messages: { code: string }[]): string[] => messages.map(m => m.code);

describe('validateProvisioning: required sets', () => {
    it('needs nothing when provisioning is skipped', () => {
        expect(validateProvisioning({ type: 'skip' }, secrets, false, noChecks)).toEqual([]);
    });

    it('ManualConnectionString needs the connection string, reported under secrets', () => {
        expect(validateProvisioning({ type: 'ManualConnectionString' }, secrets, false, noChecks)).toEqual([
            expect.objectContaining({ field: 'secrets.devConnString', code: 'connectionStringRequired' })
        ]);
        const devConnString = `HostName=hub.azure-devices.net;DeviceId=edge-01;SharedAccessKey=${base64Key(32)}`;
        expect(validateProvisioning({ type: 'ManualConnectionString' }, { ...secrets, devConnString }, false, noChecks)).toEqual([]);
    });

    it('ManualX509 needs hub host name, device ID, certificate and key', () => {
        const empty: ProvisioningChoice = { type: 'ManualX509', iotHubHostname: '', deviceId: '', identityCertPath: '', identityPrivKeyPath: '' };
        expect(codes(validateProvisioning(empty, secrets, false, noChecks)))
            .toEqual(['iotHubHostnameRequired', 'deviceIdRequired', 'pathRequired', 'pathRequired']);
        const full: ProvisioningChoice = {
            type: 'ManualX509', iotHubHostname: 'hub.azure-devices.net', deviceId: 'edge-01',
            identityCertPath: 'C:\\certs\\edge.pem', identityPrivKeyPath: 'C:\\certs\\edge.key.pem'
        };
        expect(validateProvisioning(full, secrets, false, noChecks)).toEqual([]);
        expect(codes(validateProvisioning(full, secrets, false, { identityCertExists: true, identityPrivKeyExists: false }))).toEqual(['pathNotFound']);
        expect(codes(validateProvisioning({ ...full, iotHubHostname: 'hub' }, secrets, false, noChecks))).toEqual(['iotHubHostnameInvalid']);
        expect(codes(validateProvisioning({ ...full, deviceId: 'edge 01' }, secrets, false, noChecks))).toEqual(['deviceIdInvalid']);
    });

    it('DpsTPM needs the scope and the DpsTpm feature; the registration ID is optional', () => {
        const tpm: ProvisioningChoice = { type: 'DpsTPM', scopeId: '0ne0012AB34', registrationId: '', globalEndpoint: '' };
        expect(validateProvisioning(tpm, secrets, true, noChecks)).toEqual([]);
        expect(validateProvisioning(tpm, secrets, false, noChecks)).toEqual([expect.objectContaining({ field: 'features.dpsTpm', code: 'tpmFeatureRequired' })]);
        expect(codes(validateProvisioning({ ...tpm, scopeId: '' }, secrets, true, noChecks))).toEqual(['scopeIdRequired']);
    });

    it('DpsTPM warns, without blocking, that a global endpoint may be refused for TPM provisioning', () => {
        const tpm: ProvisioningChoice = { type: 'DpsTPM', scopeId: '0ne0012AB34', registrationId: '', globalEndpoint: 'https://global.azure-devices-provisioning.net' };
        const messages = validateProvisioning(tpm, secrets, true, noChecks);
        expect(messages).toEqual([expect.objectContaining({ field: 'provisioning.globalEndpoint', code: 'globalEndpointWithTpm', severity: 'warning' })]);
        expect(rendered(messages[0]).text).toContain('Only scope ID and registration ID (optional) for DpsTpm provisioning may be specified');
        const x509: ProvisioningChoice = { type: 'DpsX509', scopeId: '0ne0012AB34', identityCertPath: 'C:\\c.pem', identityPrivKeyPath: 'C:\\k.pem', globalEndpoint: tpm.globalEndpoint };
        expect(validateProvisioning(x509, secrets, false, noChecks)).toEqual([]);
    });

    it('DpsX509 needs scope, certificate and key', () => {
        const x509: ProvisioningChoice = { type: 'DpsX509', scopeId: '0ne0012AB34', identityCertPath: '', identityPrivKeyPath: 'C:\\k.pem', globalEndpoint: '' };
        expect(codes(validateProvisioning(x509, secrets, false, noChecks))).toEqual(['pathRequired']);
    });

    it('DpsSymmetricKey needs scope, registration ID and key', () => {
        const symmetric: ProvisioningChoice = { type: 'DpsSymmetricKey', scopeId: '0ne0012AB34', registrationId: '', globalEndpoint: '' };
        expect(codes(validateProvisioning(symmetric, secrets, false, noChecks))).toEqual(['registrationIdRequired', 'symmKeyRequired']);
        expect(validateProvisioning({ ...symmetric, registrationId: 'edge-01' }, { ...secrets, symmKey: base64Key(32) }, false, noChecks)).toEqual([]);
        expect(codes(validateProvisioning({ ...symmetric, registrationId: 'edge-01' }, { ...secrets, symmKey: 'short' }, false, noChecks)))
            .toEqual(['symmKeyInvalid']);
    });
});

describe('field formats', () => {
    it('scope IDs: errors for bad characters, a warning for an unusual shape', () => {
        expect(validateScopeId('0ne0012AB34')).toEqual([]);
        expect(codes(validateScopeId('0ne-0012'))).toEqual(['scopeIdInvalid']);
        expect(validateScopeId('scope42')).toEqual([expect.objectContaining({ code: 'scopeIdUnusual', severity: 'warning' })]);
    });

    it('registration IDs: 128 characters pass, 129 do not; upper case warns for derived keys only', () => {
        expect(validateRegistrationId('r'.repeat(128), true, true)).toEqual([]);
        expect(codes(validateRegistrationId('r'.repeat(129), true, true))).toEqual(['registrationIdTooLong']);
        expect(codes(validateRegistrationId('edge.', true, true))).toEqual(['registrationIdInvalid']);
        expect(codes(validateRegistrationId('Edge-01', true, true))).toEqual(['registrationIdUpperCase']);
        expect(validateRegistrationId('Edge-01', false, false)).toEqual([]);
    });

    it('global endpoints: optional, https only', () => {
        expect(validateGlobalEndpoint('')).toEqual([]);
        expect(validateGlobalEndpoint('https://global.azure-devices-provisioning.net')).toEqual([]);
        expect(rendered(validateGlobalEndpoint('http://global.azure-devices-provisioning.net')[0].text)).toBe('The global endpoint must use https://.');
        expect(codes(validateGlobalEndpoint('global.azure-devices-provisioning.net'))).toEqual(['globalEndpointInvalid']);
    });

    it('global endpoints: from https://a.b (11 characters, which the script also takes) to 268 characters', () => {
        expect(validateGlobalEndpoint('https://a.b')).toEqual([]);
        const label = 'a'.repeat(63);
        expect(codes(validateGlobalEndpoint(`https://${label}.${label}.${label}.${'b'.repeat(62)}:65535/`))).toEqual(['globalEndpointTooLong']);
    });
});
