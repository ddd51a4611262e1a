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

/**
 * Installers on `ready-to-deploy` for the Product page's "MSI on the host": the right 1.5 LTS x64 MSI, the CR one,
 * the ARM64 build, another product's MSI and a damaged file Windows Installer cannot open.
 */
export const SAMPLE_INSTALLERS = {
    ltsX64: 'C:\\Installers\\AzureIoTEdge-1.5-LTS-x64.msi',
    crX64: 'C:\\Installers\\AzureIoTEdge-CR-x64.msi',
    ltsArm64: 'C:\\Installers\\AzureIoTEdge-1.5-LTS-ARM64.msi',
    otherProduct: 'C:\\Installers\\PowerShell-7.4.6-win-x64.msi',
    damaged: 'C:\\Installers\\AzureIoTEdge-damaged.msi'
} as const;
