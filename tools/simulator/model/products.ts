/**
 * The EFLOW MSIs the simulator knows (download links of eflow.md section 8) and the VM runtime each train ships.
 * Versions are the tags seen in the sources; the runtime component versions per train are representative values
 * (eflow.md names IoT Edge 1.5.21 + Azure Linux 3.0.20250729 for 1.5.6.08025; the others are plausible picks).
 */
import type { Architecture, VmRuntime } from '../state/host-state';

export const LTS_PRODUCT_NAME = 'Azure IoT Edge LTS';
export const CR_PRODUCT_NAME = 'Azure IoT Edge';

export interface MsiProduct {
    /** Catalog key, stored on downloaded host files. */
    key: string;
    productName: string;
    version: string;
    architecture: Architecture;
}

const CATALOG: readonly MsiProduct[] = [
    { key: 'lts-1.1-x64', productName: LTS_PRODUCT_NAME, version: '1.1.2212.12122', architecture: 'x64' },
    { key: 'cr-x64', productName: CR_PRODUCT_NAME, version: '1.3.1.02092', architecture: 'x64' },
    { key: 'cr-arm64', productName: CR_PRODUCT_NAME, version: '1.3.1.02092', architecture: 'ARM64' },
    { key: 'lts-1.4-x64', productName: LTS_PRODUCT_NAME, version: '1.4.12.05024', architecture: 'x64' },
    { key: 'lts-1.4-arm64', productName: LTS_PRODUCT_NAME, version: '1.4.12.05024', architecture: 'ARM64' },
    { key: 'lts-1.5-x64', productName: LTS_PRODUCT_NAME, version: '1.5.6.08025', architecture: 'x64' },
    { key: 'lts-1.5-arm64', productName: LTS_PRODUCT_NAME, version: '1.5.6.08025', architecture: 'ARM64' }
];

/** aka.ms link (lower case, without scheme) → catalog key. */
const LINKS: Readonly<Record<string, string>> = {
    'aka.ms/azeflowmsi': 'lts-1.1-x64',
    'aka.ms/azeflowmsi-cr-x64': 'cr-x64',
    'aka.ms/azeflowmsi-cr-arm64': 'cr-arm64',
    'aka.ms/azeflowmsi_1_4_lts_x64': 'lts-1.4-x64',
    'aka.ms/azeflowmsi_1_4_lts_arm64': 'lts-1.4-arm64',
    'aka.ms/azeflowmsi_1_5_lts_x64': 'lts-1.5-x64',
    'aka.ms/azeflowmsi_1_5_lts_arm64': 'lts-1.5-arm64'
};

/** The newest catalog version per train, for "update available" logic in tests and docs. */
export const LATEST_LTS_VERSION = '1.5.6.08025';

/** The MSI a download URL serves, or null (the server answers 404). Per-version links are understood too. */
export function productForUrl(url: string): MsiProduct | null {
    const normalized = url.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '');
    const key = LINKS[normalized];
    if (key) {
        return productByKey(key);
    }
    // https://aka.ms/AzEFLOW-X64-1_2_10_09062 style links: one MSI per version (eflow.md section 8).
    const perVersion = /^aka\.ms\/azeflow-(x64|arm64)-(\d+)_(\d+)_(\d+)_(\d+)$/.exec(normalized);
    if (perVersion) {
        const [, arch, major, minor, build, revision] = perVersion;
        const version = `${major}.${minor}.${build}.${revision}`;
        const isCr = major === '1' && (minor === '2' || minor === '3');
        return {
            key: `version-${arch}-${version}`,
            productName: isCr ? CR_PRODUCT_NAME : LTS_PRODUCT_NAME,
            version,
            architecture: arch === 'arm64' ? 'ARM64' : 'x64'
        };
    }
    return null;
}

/** A catalog entry by key (keys of per-version links are decoded again). */
export function productByKey(key: string): MsiProduct | null {
    const listed = CATALOG.find(product => product.key === key);
    if (listed) {
        return listed;
    }
    const perVersion = /^version-(x64|arm64)-(\d+\.\d+\.\d+\.\d+)$/.exec(key);
    if (!perVersion) {
        return null;
    }
    const [, arch, version] = perVersion;
    return productForUrl(`aka.ms/azeflow-${arch}-${version.replace(/\./g, '_')}`);
}

/** Compares dotted versions numerically. */
export function compareVersions(first: string, second: string): number {
    const a = first.split('.').map(Number);
    const b = second.split('.').map(Number);
    for (let index = 0; index < Math.max(a.length, b.length); index++) {
        const difference = (a[index] ?? 0) - (b[index] ?? 0);
        if (difference !== 0) {
            return difference;
        }
    }
    return 0;
}

/** The train of an EFLOW version: '1.1', '1.2', '1.3', '1.4', '1.5'. */
export function trainOf(version: string): string {
    return version.split('.').slice(0, 2).join('.');
}

/** The VM runtime an EFLOW version ships. */
export function runtimeForVersion(version: string, architecture: Architecture): VmRuntime {
    const arm = architecture === 'ARM64';
    switch (trainOf(version)) {
        case '1.1':
            return { iotEdgeVersion: '1.1.16', mobyEngineVersion: '20.10.11+azure', mobyCliVersion: '20.10.11+azure',
                kernelVersion: '5.10.102.1-1.cm1 #1 SMP Fri Mar 4 01:55:43 UTC 2022', osName: 'Common Base Linux Mariner',
                osVersion: '1.0.20220301' };
        case '1.2':
        case '1.3':
            return { iotEdgeVersion: '1.3.0', mobyEngineVersion: '20.10.11+azure-3', mobyCliVersion: '20.10.11+azure-3',
                kernelVersion: `5.15.48.1-1.cm2 #1 SMP ${arm ? 'PREEMPT ' : ''}Thu Jul 7 19:44:35 UTC 2022`,
                osName: 'Common Base Linux Mariner', osVersion: '2.0.20220713' };
        case '1.4':
            return { iotEdgeVersion: '1.4.27', mobyEngineVersion: '20.10.24+azure-1', mobyCliVersion: '20.10.24+azure-1',
                kernelVersion: '5.15.148.2-1.cm2 #1 SMP Fri Feb 23 07:34:06 UTC 2024', osName: 'Common Base Linux Mariner',
                osVersion: '2.0.20240123' };
        default:
            return { iotEdgeVersion: '1.5.21', mobyEngineVersion: '25.0.3+azure-3', mobyCliVersion: '25.0.3+azure-3',
                kernelVersion: '6.6.96.1-1.azl3 #1 SMP Tue Jul 22 19:21:18 UTC 2025', osName: 'Microsoft Azure Linux',
                osVersion: '3.0.20250729' };
    }
}

/** The IoT Edge image tag of a runtime (1.5.21 → 1.5). */
export function edgeImageTag(runtime: VmRuntime): string {
    return runtime.iotEdgeVersion.split('.').slice(0, 2).join('.');
}
