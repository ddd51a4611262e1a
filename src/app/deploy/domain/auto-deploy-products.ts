/**
 * How the wizard's products map to eflowAutoDeploy's product names and back.
 *
 * eflowAutoDeploy lists no 1.5 LTS name (eflow.md section 6). The export writes 1.5 LTS as the listed LTS name of
 * the same architecture ("Azure IoT Edge 1.4 LTS X64") plus `eflowProductUrl` = the 1.5 LTS link, because
 * eflowAutoDeploy downloads from `eflowProductUrl` when it is set: the file installs 1.5 LTS there too. On import
 * that pair means 1.5 LTS; the 1.4 name without the 1.5 link means 1.4 LTS, which is out of service (Nov 2024), so
 * the wizard takes 1.5 LTS and says so. "Azure IoT Edge LTS" (the first name eflow.md lists, and the value of
 * eflowAutoDeploy's own template) is 1.1 LTS, out of service since Dec 2022 and x64 only: mapped the same way, to
 * 1.5 LTS x64 with a warning. Names compare ignoring case, as eflowAutoDeploy's hashtable lookup does.
 */
import type { AutoDeployProductName } from './auto-deploy-config';
import { messageOf, type MessageText } from './message-text';
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

/**
 * Why the file names another product than the one chosen (LTS: "Azure IoT Edge 1.4 LTS X64" for 1.5 LTS), for the
 * export's notes; null where the name is the product's own (CR).
 */
export function autoDeployProductNote(channel: EflowChannel, architecture: EflowArchitecture): MessageText | null {
    if (channel !== 'LTS') {
        return null;
    }
    return messageOf('exportLtsProductName', { name: NAME_OF[channel][architecture], product: findEflowProduct(channel, architecture).displayName });
}

/** What an imported product name and URL mean for the wizard. */
export type ImportedProduct =
    | { ok: true; channel: EflowChannel; architecture: EflowArchitecture; warnings: MessageText[] }
    | { ok: false; error: MessageText };

/** An LTS train out of service, which the wizard replaces with 1.5 LTS: what to tell the admin. */
const RETIRED_LTS = {
    '1.1': messageOf('importRetiredLts11'),
    '1.4': messageOf('importRetiredLts14')
} as const;

const KNOWN_NAMES: Readonly<Record<string, { channel: EflowChannel; architecture: EflowArchitecture; retiredLts?: keyof typeof RETIRED_LTS }>> = {
    'Azure IoT Edge LTS': { channel: 'LTS', architecture: 'x64', retiredLts: '1.1' },
    'Azure IoT Edge CR X64': { channel: 'CR', architecture: 'x64' },
    'Azure IoT Edge CR ARM64': { channel: 'CR', architecture: 'ARM64' },
    'Azure IoT Edge 1.4 LTS X64': { channel: 'LTS', architecture: 'x64', retiredLts: '1.4' },
    'Azure IoT Edge 1.4 LTS ARM64': { channel: 'LTS', architecture: 'ARM64', retiredLts: '1.4' },
    // Not in eflowAutoDeploy's list, but the name such a file would use: accepted for convenience.
    'Azure IoT Edge 1.5 LTS X64': { channel: 'LTS', architecture: 'x64' },
    'Azure IoT Edge 1.5 LTS ARM64': { channel: 'LTS', architecture: 'ARM64' }
};

/** Reads eflowProduct and eflowProductUrl. */
export function importAutoDeployProduct(name: string, url: string): ImportedProduct {
    const knownName = Object.keys(KNOWN_NAMES).find(candidate => candidate.toLowerCase() === name.toLowerCase());
    const known = knownName === undefined ? undefined : KNOWN_NAMES[knownName];
    if (!known) {
        return { ok: false, error: messageOf('importUnknownProduct', { name, known: Object.keys(KNOWN_NAMES).join(', ') }) };
    }
    const link = findEflowProduct(known.channel, known.architecture).downloadUrl;
    const warnings: MessageText[] = [];
    // With the 1.5 LTS link the file installs 1.5 LTS already (that is how the export writes 1.5 LTS).
    if (known.retiredLts && url !== link) {
        warnings.push(RETIRED_LTS[known.retiredLts]);
    }
    if (url !== '' && url !== link) {
        warnings.push(messageOf('importProductUrlIgnored', { link, url }));
    }
    return { ok: true, channel: known.channel, architecture: known.architecture, warnings };
}
