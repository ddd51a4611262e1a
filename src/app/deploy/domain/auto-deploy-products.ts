/**
 * How the wizard's products map to eflowAutoDeploy's product names and back.
 *
 * eflowAutoDeploy lists no 1.5 LTS name (eflow.md section 6). The export writes 1.5 LTS as the listed LTS name of
 * the same architecture ("Azure IoT Edge 1.4 LTS X64") plus `eflowProductUrl` = the 1.5 LTS link, because
 * eflowAutoDeploy downloads from `eflowProductUrl` when it is set: the file installs 1.5 LTS there too. On import
 * that pair means 1.5 LTS; the 1.4 name without the 1.5 link means 1.4 LTS, which is out of service (Nov 2024), so
 * the wizard takes 1.5 LTS and says so. "Azure IoT Edge LTS" is 1.1 LTS (end of life Dec 2022): not importable.
 */
import type { AutoDeployProductName } from './auto-deploy-config';
import { findEflowProduct, type EflowArchitecture, type EflowChannel } from './product-catalog';

const NAME_OF: Readonly<Record<EflowChannel, Record<EflowArchitecture, AutoDeployProductName>>> = {
    LTS: { x64: 'Azure IoT Edge 1.4 LTS X64', ARM64: 'Azure IoT Edge 1.4 LTS ARM64' },
    CR: { x64: 'Azure IoT Edge CR X64', ARM64: 'Azure IoT Edge CR ARM64' }
};

/** The eflowAutoDeploy name and URL override for a product. */
export function autoDeployProductFor(channel: EflowChannel, architecture: EflowArchitecture):
    { eflowProduct: AutoDeployProductName; eflowProductUrl: string } {
    return {
        eflowProduct: NAME_OF[channel][architecture],
        eflowProductUrl: channel === 'LTS' ? findEflowProduct(channel, architecture).downloadUrl : ''
    };
}

/** What an imported product name and URL mean for the wizard. */
export type ImportedProduct =
    | { ok: true; channel: EflowChannel; architecture: EflowArchitecture; warnings: string[] }
    | { ok: false; error: string };

const KNOWN_NAMES: Readonly<Record<string, { channel: EflowChannel; architecture: EflowArchitecture; legacyLts?: boolean }>> = {
    'Azure IoT Edge CR X64': { channel: 'CR', architecture: 'x64' },
    'Azure IoT Edge CR ARM64': { channel: 'CR', architecture: 'ARM64' },
    'Azure IoT Edge 1.4 LTS X64': { channel: 'LTS', architecture: 'x64', legacyLts: true },
    'Azure IoT Edge 1.4 LTS ARM64': { channel: 'LTS', architecture: 'ARM64', legacyLts: true },
    // Not in eflowAutoDeploy's list, but the name such a file would use: accepted for convenience.
    'Azure IoT Edge 1.5 LTS X64': { channel: 'LTS', architecture: 'x64' },
    'Azure IoT Edge 1.5 LTS ARM64': { channel: 'LTS', architecture: 'ARM64' }
};

/** Reads eflowProduct and eflowProductUrl. */
export function importAutoDeployProduct(name: string, url: string): ImportedProduct {
    if (name === 'Azure IoT Edge LTS') {
        return { ok: false, error: '"Azure IoT Edge LTS" is EFLOW 1.1 LTS, which reached its end of life in December 2022. Choose 1.5 LTS or CR.' };
    }
    const known = KNOWN_NAMES[name];
    if (!known) {
        return { ok: false, error: `"${name}" is not an EFLOW product the wizard knows. Use one of: ${Object.keys(KNOWN_NAMES).join(', ')}.` };
    }
    const link = findEflowProduct(known.channel, known.architecture).downloadUrl;
    const warnings: string[] = [];
    if (known.legacyLts && url !== link) {
        warnings.push('EFLOW 1.4 LTS is out of service since November 2024; the wizard installs 1.5 LTS instead.');
    }
    if (url !== '' && url !== link) {
        warnings.push(`The wizard downloads only the channel's current MSI (${link}); eflowProductUrl "${url}" is ignored.`);
    }
    return { ok: true, channel: known.channel, architecture: known.architecture, warnings };
}
