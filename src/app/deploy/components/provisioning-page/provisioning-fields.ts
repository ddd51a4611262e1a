import type { ProvisioningType } from '../../domain/provisioning-choice';
import type { ProvisioningFieldKey } from '../../domain/provisioning-field-values';
import type { ExtensionStrings } from '../../../shared/extension-strings';

export { provisioningChoice, provisioningValues, type ProvisioningFieldKey } from '../../domain/provisioning-field-values';

/** Each type's fields, in the order the page shows them (its secret comes after them). */
export const PROVISIONING_FIELDS: Readonly<Record<ProvisioningType, readonly ProvisioningFieldKey[]>> = {
    ManualConnectionString: [],
    ManualX509: ['iotHubHostname', 'deviceId', 'identityCertPath', 'identityPrivKeyPath'],
    DpsTPM: ['scopeId', 'registrationId', 'globalEndpoint'],
    DpsX509: ['scopeId', 'identityCertPath', 'identityPrivKeyPath', 'globalEndpoint'],
    DpsSymmetricKey: ['scopeId', 'registrationId', 'globalEndpoint']
};

/**
 * A provisioning type as the admin read it on the Provisioning page ("Device connection string (IoT Hub)"), so the
 * review names the choice in the same words instead of Provision-EflowVm's `ManualConnectionString`.
 */
export function provisioningTypeLabel(type: ProvisioningType | 'skip', strings: ExtensionStrings['Deploy']['Provisioning']): string {
    const labels: Record<ProvisioningType | 'skip', string> = {
        skip: strings.skip, ManualConnectionString: strings.manualConnectionString, ManualX509: strings.manualX509,
        DpsTPM: strings.dpsTpm, DpsX509: strings.dpsX509, DpsSymmetricKey: strings.dpsSymmetricKey
    };
    return labels[type];
}
