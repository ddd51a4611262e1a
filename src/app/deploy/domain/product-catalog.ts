/**
 * The EFLOW products the wizard can install: channel x architecture, their download links (eflow.md section 8),
 * their names in eflowAutoDeploy files (section 6) and on the host (the ARP DisplayName, section 8).
 *
 * The gateway script Install-EflowProduct holds the same URL table (it accepts a channel and an architecture, never a
 * URL); test/scripts/deploy/script-sync.spec.ts keeps the two equal.
 */

/** `LTS` is EFLOW 1.5 LTS (IoT Edge 1.5); `CR` is the continuous-release train. */
export type EflowChannel = 'LTS' | 'CR';

export type EflowArchitecture = 'x64' | 'ARM64';

export const EFLOW_CHANNELS: readonly EflowChannel[] = ['LTS', 'CR'];
export const EFLOW_ARCHITECTURES: readonly EflowArchitecture[] = ['x64', 'ARM64'];

/** One installable product. */
export interface EflowProduct {
    channel: EflowChannel;
    architecture: EflowArchitecture;
    /** What the wizard shows, e.g. "Azure IoT Edge 1.5 LTS (x64)". */
    displayName: string;
    /** The aka.ms link of the channel's current MSI. */
    downloadUrl: string;
    /** The ARP DisplayName the MSI registers: how an installed product is recognised. */
    installedDisplayName: string;
}

const PRODUCTS: readonly EflowProduct[] = [
    {
        channel: 'LTS', architecture: 'x64', displayName: 'Azure IoT Edge 1.5 LTS (x64)',
        downloadUrl: 'https://aka.ms/AzEFLOWMSI_1_5_LTS_X64', installedDisplayName: 'Azure IoT Edge LTS'
    },
    {
        channel: 'LTS', architecture: 'ARM64', displayName: 'Azure IoT Edge 1.5 LTS (ARM64)',
        downloadUrl: 'https://aka.ms/AzEFLOWMSI_1_5_LTS_ARM64', installedDisplayName: 'Azure IoT Edge LTS'
    },
    {
        channel: 'CR', architecture: 'x64', displayName: 'Azure IoT Edge CR (x64)',
        downloadUrl: 'https://aka.ms/AzEFLOWMSI-CR-X64', installedDisplayName: 'Azure IoT Edge'
    },
    {
        channel: 'CR', architecture: 'ARM64', displayName: 'Azure IoT Edge CR (ARM64)',
        downloadUrl: 'https://aka.ms/AzEFLOWMSI-CR-ARM64', installedDisplayName: 'Azure IoT Edge'
    }
];

/** Every installable product, LTS first. */
export function listEflowProducts(): readonly EflowProduct[] {
    return PRODUCTS;
}

/** The product for a channel and an architecture. */
export function findEflowProduct(channel: EflowChannel, architecture: EflowArchitecture): EflowProduct {
    const product = PRODUCTS.find(p => p.channel === channel && p.architecture === architecture);
    if (!product) {
        // Unreachable with the typed arguments; guards callers that cast untyped input.
        throw new Error(`No EFLOW product for channel ${channel} and architecture ${architecture}.`);
    }
    return product;
}

/**
 * The channel of an installed product from its ARP DisplayName, or null for a name that is no EFLOW product.
 * LTS registers as "Azure IoT Edge LTS" and CR as "Azure IoT Edge" (eflow.md section 8).
 */
export function channelOfInstalledProduct(displayName: string): EflowChannel | null {
    if (displayName === 'Azure IoT Edge LTS') {
        return 'LTS';
    }
    if (displayName === 'Azure IoT Edge') {
        return 'CR';
    }
    return null;
}
