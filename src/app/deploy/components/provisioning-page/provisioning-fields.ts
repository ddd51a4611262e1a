import type { ProvisioningType } from '../../domain/provisioning-choice';
import type { ProvisioningFieldKey } from '../../domain/provisioning-field-values';

export { provisioningChoice, provisioningValues, type ProvisioningFieldKey } from '../../domain/provisioning-field-values';

/** Each type's fields, in the order the page shows them (its secret comes after them). */
export const PROVISIONING_FIELDS: Readonly<Record<ProvisioningType, readonly ProvisioningFieldKey[]>> = {
    ManualConnectionString: [],
    ManualX509: ['iotHubHostname', 'deviceId', 'identityCertPath', 'identityPrivKeyPath'],
    DpsTPM: ['scopeId', 'registrationId', 'globalEndpoint'],
    DpsX509: ['scopeId', 'identityCertPath', 'identityPrivKeyPath', 'globalEndpoint'],
    DpsSymmetricKey: ['scopeId', 'registrationId', 'globalEndpoint']
};
