import type { ProvisioningChoice, ProvisioningType } from '../../domain/provisioning-choice';

/** The non-secret text fields of the provisioning choices. */
export type ProvisioningFieldKey =
    'iotHubHostname' | 'deviceId' | 'identityCertPath' | 'identityPrivKeyPath' | 'scopeId' | 'registrationId' | 'globalEndpoint';

/** Each type's fields, in the order the page shows them (its secret comes after them). */
export const PROVISIONING_FIELDS: Readonly<Record<ProvisioningType, readonly ProvisioningFieldKey[]>> = {
    ManualConnectionString: [],
    ManualX509: ['iotHubHostname', 'deviceId', 'identityCertPath', 'identityPrivKeyPath'],
    DpsTPM: ['scopeId', 'registrationId', 'globalEndpoint'],
    DpsX509: ['scopeId', 'identityCertPath', 'identityPrivKeyPath', 'globalEndpoint'],
    DpsSymmetricKey: ['scopeId', 'registrationId', 'globalEndpoint']
};

/** Every field of a choice, '' where the type has none: what carries over when the admin switches types. */
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
