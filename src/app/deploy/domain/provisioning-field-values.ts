/**
 * The non-secret text fields of the provisioning choices as one set of values by name: what the Provisioning page
 * edits, and what carries over (and comes back) when the admin switches types (remembered-entries.ts).
 */
import type { ProvisioningChoice, ProvisioningType } from './provisioning-choice';

/** The non-secret text fields of the provisioning choices. */
export type ProvisioningFieldKey =
    'iotHubHostname' | 'deviceId' | 'identityCertPath' | 'identityPrivKeyPath' | 'scopeId' | 'registrationId' | 'globalEndpoint';

export const PROVISIONING_FIELD_KEYS: readonly ProvisioningFieldKey[] =
    ['iotHubHostname', 'deviceId', 'identityCertPath', 'identityPrivKeyPath', 'scopeId', 'registrationId', 'globalEndpoint'];

/** Every field of a choice, '' where the type has none. */
export function provisioningValues(choice: ProvisioningChoice): Record<ProvisioningFieldKey, string> {
    return {
        iotHubHostname: 'iotHubHostname' in choice ? choice.iotHubHostname : '',
        deviceId: 'deviceId' in choice ? choice.deviceId : '',
        identityCertPath: 'identityCertPath' in choice ? choice.identityCertPath : '',
        identityPrivKeyPath: 'identityPrivKeyPath' in choice ? choice.identityPrivKeyPath : '',
        scopeId: 'scopeId' in choice ? choice.scopeId : '',
        registrationId: 'registrationId' in choice ? choice.registrationId : '',
        globalEndpoint: 'globalEndpoint' in choice ? choice.globalEndpoint : ''
    };
}

/** The fields a choice has (its type's), in PROVISIONING_FIELD_KEYS order. */
export function provisioningFieldsOf(choice: ProvisioningChoice): ProvisioningFieldKey[] {
    return PROVISIONING_FIELD_KEYS.filter(key => key in choice);
}

/** The choice of `type` with `values` for its fields (other values are left out). */
export function provisioningChoice(type: ProvisioningType | 'skip', values: Readonly<Record<ProvisioningFieldKey, string>>): ProvisioningChoice {
    switch (type) {
        case 'skip':
        case 'ManualConnectionString':
            return { type };
        case 'ManualX509':
            return { type, iotHubHostname: values.iotHubHostname, deviceId: values.deviceId,
                identityCertPath: values.identityCertPath, identityPrivKeyPath: values.identityPrivKeyPath };
        case 'DpsTPM':
            return { type, scopeId: values.scopeId, registrationId: values.registrationId, globalEndpoint: values.globalEndpoint };
        case 'DpsX509':
            return { type, scopeId: values.scopeId, identityCertPath: values.identityCertPath,
                identityPrivKeyPath: values.identityPrivKeyPath, globalEndpoint: values.globalEndpoint };
        case 'DpsSymmetricKey':
            return { type, scopeId: values.scopeId, registrationId: values.registrationId, globalEndpoint: values.globalEndpoint };
    }
}
