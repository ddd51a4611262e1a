/** What a fleet factory returns: the hosts and the faults they start with (part of the fleet, restored by reset). */
import type { HostFaults } from '../api';
import type { HostState } from '../state/host-state';

export interface FleetDefinition {
    hosts: HostState[];
    faults: { [host: string]: Partial<HostFaults> };
}

/** Shared, non-secret identity values of the sample fleets. */
export const SAMPLE_IOT_HUB = 'contoso-edge-hub.azure-devices.net';
export const SAMPLE_DPS_SCOPE = '0ne00A1B2C3';
export const SAMPLE_DPS_ENDPOINT = 'https://global.azure-devices-provisioning.net';
export const SAMPLE_CERT_PATH = 'C:\\certs\\device-identity.cert.pem';
export const SAMPLE_KEY_PATH = 'C:\\certs\\device-identity.key.pem';
export const SAMPLE_SHARED_FOLDERS_PATH = 'C:\\EFLOW\\sharedFolders.json';
