/**
 * The provisioning secrets, kept apart from the wizard model so that "persist everything but secrets" holds by
 * construction: the model type has no field that can hold them. They live in memory only and travel in exactly one
 * request, the provisioning call (see `provisioningCallWithSecrets` in deploy-plan.ts).
 */
import type { ProvisioningChoice } from './provisioning-choice';

export interface ProvisioningSecrets {
    /** ManualConnectionString: HostName=...;DeviceId=...;SharedAccessKey=... */
    devConnString: string;
    /** DpsSymmetricKey: the enrollment's primary key or the derived device key (base64). */
    symmKey: string;
}

/** The names of the secret fields, as Provision-EflowVm calls its parameters. */
export type SecretFieldName = keyof ProvisioningSecrets;

/** No secrets typed yet. */
export function emptyProvisioningSecrets(): ProvisioningSecrets {
    return { devConnString: '', symmKey: '' };
}

/** The secret a provisioning choice needs, or null when it needs none. */
export function secretFieldFor(choice: ProvisioningChoice): SecretFieldName | null {
    switch (choice.type) {
        case 'ManualConnectionString':
            return 'devConnString';
        case 'DpsSymmetricKey':
            return 'symmKey';
        default:
            return null;
    }
}

/** Whether the secret the choice needs has been typed (false when it needs one and it is empty). */
export function hasRequiredSecret(choice: ProvisioningChoice, secrets: ProvisioningSecrets): boolean {
    const field = secretFieldFor(choice);
    return field === null || secrets[field].length > 0;
}
