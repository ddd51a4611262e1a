/**
 * Page 7: how the device is provisioned (Provision-EflowVm, eflow.md section 4), without its secrets.
 *
 * Each variant carries exactly the non-secret fields of its documented required set. The secret of
 * ManualConnectionString (devConnString) and of DpsSymmetricKey (symmKey) is in `ProvisioningSecrets`.
 * Optional fields are empty strings when not given.
 */

/** The provisioning types Provision-EflowVm accepts in -provisioningType. */
export type ProvisioningType = 'ManualConnectionString' | 'ManualX509' | 'DpsTPM' | 'DpsX509' | 'DpsSymmetricKey';

export const PROVISIONING_TYPES: readonly ProvisioningType[] =
    ['ManualConnectionString', 'ManualX509', 'DpsTPM', 'DpsX509', 'DpsSymmetricKey'];

export interface SkipProvisioning {
    type: 'skip';
}

export interface ManualConnectionStringProvisioning {
    type: 'ManualConnectionString';
}

export interface ManualX509Provisioning {
    type: 'ManualX509';
    iotHubHostname: string;
    deviceId: string;
    /** Absolute host path (or UNC) of the identity certificate, full chain. */
    identityCertPath: string;
    /** Absolute host path (or UNC) of the identity private key. */
    identityPrivKeyPath: string;
}

export interface DpsTpmProvisioning {
    type: 'DpsTPM';
    scopeId: string;
    /** Optional for TPM: DPS derives it from the endorsement key when empty. */
    registrationId: string;
    /** Optional; empty: the cmdlet's default global endpoint. */
    globalEndpoint: string;
}

export interface DpsX509Provisioning {
    type: 'DpsX509';
    scopeId: string;
    identityCertPath: string;
    identityPrivKeyPath: string;
    globalEndpoint: string;
}

export interface DpsSymmetricKeyProvisioning {
    type: 'DpsSymmetricKey';
    scopeId: string;
    registrationId: string;
    globalEndpoint: string;
}

export type ProvisioningChoice =
    | SkipProvisioning
    | ManualConnectionStringProvisioning
    | ManualX509Provisioning
    | DpsTpmProvisioning
    | DpsX509Provisioning
    | DpsSymmetricKeyProvisioning;

