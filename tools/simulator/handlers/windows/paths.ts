/**
 * Path handling for the registry and file stand-ins: provider prefixes, drive spellings, wildcards, and the
 * host's virtual registry (Uninstall keys, Windows NT\CurrentVersion, pending-reboot keys) built from the state.
 */
import type { JsonValue } from '../../../pwsh-host/protocol';
import { registryDate } from '../../runtime/clock';
import type { HostState } from '../../state/host-state';

export interface RegistryKey {
    /** Display form, e.g. HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion. */
    path: string;
    values: { [name: string]: JsonValue };
}

const UNINSTALL = 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall';
const UNINSTALL_WOW = 'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall';
export const CBS_REBOOT_PENDING =
    'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending';
export const WU_REBOOT_REQUIRED =
    'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired';

/** Whether a path names the registry (HKLM:, HKEY_LOCAL_MACHINE, Registry::...). */
export function isRegistryPath(path: string): boolean {
    return /^(microsoft\.powershell\.core\\)?registry::/i.test(path.trim()) || /^(hklm:|hkey_local_machine)/i.test(path.trim());
}

/** A canonical form for comparison: HKLM:\A\B or C:\A\B, single backslashes, no trailing one. */
export function normalizePath(path: string): string {
    let text = path.trim().replace(/\//g, '\\');
    text = text.replace(/^(microsoft\.powershell\.core\\)?registry::/i, '');
    text = text.replace(/^hkey_local_machine\\?/i, 'HKLM:\\').replace(/^hklm:\\?/i, 'HKLM:\\');
    text = text.replace(/\\{2,}/g, '\\');
    return text.length > 3 ? text.replace(/\\+$/, '') : text;
}

/** Whether `pattern` has PowerShell wildcards. */
export function hasWildcards(pattern: string): boolean {
    return /[*?[]/.test(pattern);
}

/** Wildcard (*, ?, [abc]) match of whole paths, segment by segment, case-insensitive. */
export function wildcardMatch(pattern: string, candidate: string): boolean {
    const patternSegments = normalizePath(pattern).split('\\');
    const segments = normalizePath(candidate).split('\\');
    if (patternSegments.length !== segments.length) {
        return false;
    }
    return patternSegments.every((segment, index) => {
        const expression = segment.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
        return new RegExp(`^${expression}$`, 'i').test(segments[index] ?? '');
    });
}

/** The registry as this host has it. */
export function registryKeys(host: HostState): RegistryKey[] {
    const w = host.windows;
    const keys: RegistryKey[] = [{
        path: 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion',
        values: {
            ProductName: w.caption.replace(/^Microsoft /, ''),
            EditionID: w.editionId,
            DisplayVersion: w.displayVersion,
            CurrentBuild: String(w.build),
            CurrentBuildNumber: String(w.build),
            UBR: w.ubr,
            InstallationType: w.productType === 1 ? 'Client' : 'Server',
            CurrentMajorVersionNumber: 10,
            CurrentMinorVersionNumber: 0
        }
    }];
    keys.push({ path: 'HKLM:\\SOFTWARE\\Microsoft\\Cryptography', values: { MachineGuid: w.machineGuid } });
    for (const program of w.programs) {
        keys.push({ path: `${program.wow6432 ? UNINSTALL_WOW : UNINSTALL}\\${program.keyName}`, values: {
            DisplayName: program.displayName, DisplayVersion: program.displayVersion, Publisher: program.publisher,
            InstallDate: program.installDate, InstallLocation: program.installLocation
        } });
    }
    const eflow = host.eflow;
    if (eflow) {
        const [major, minor] = eflow.version.split('.').map(Number);
        keys.push({ path: `${UNINSTALL}\\${eflow.productCode}`, values: {
            DisplayName: eflow.productName,
            DisplayVersion: eflow.version,
            Publisher: 'Microsoft Corporation',
            InstallDate: registryDate(new Date(eflow.installDate)),
            InstallLocation: `${eflow.installPath}\\`,
            UninstallString: `MsiExec.exe /X${eflow.productCode}`,
            WindowsInstaller: 1,
            VersionMajor: major ?? 1,
            VersionMinor: minor ?? 0,
            EstimatedSize: 1_245_184
        } });
    }
    if (w.pendingReboot.componentBasedServicing) {
        keys.push({ path: CBS_REBOOT_PENDING, values: {} });
    }
    if (w.pendingReboot.windowsUpdate) {
        keys.push({ path: WU_REBOOT_REQUIRED, values: {} });
    }
    return keys;
}

/** Whether a registry key exists: a known key, or a parent of one. */
export function registryKeyExists(host: HostState, path: string): boolean {
    const wanted = normalizePath(path).toLowerCase();
    return registryKeys(host).some(key => {
        const known = key.path.toLowerCase();
        return known === wanted || known.startsWith(`${wanted}\\`);
    });
}

/** Folders every Windows host has. */
const STANDARD_FOLDERS = ['C:\\', 'C:\\Windows', 'C:\\Windows\\Temp', 'C:\\Program Files', 'C:\\ProgramData',
    'C:\\Users', 'C:\\Program Files\\WindowsPowerShell\\Modules'];

/** 'leaf' for a known file, 'container' for a folder holding one (or a standard folder), null otherwise. */
export function fileKind(host: HostState, path: string): 'leaf' | 'container' | null {
    const wanted = normalizePath(path).toLowerCase();
    const files = host.windows.files.map(file => normalizePath(file.path).toLowerCase());
    if (files.includes(wanted)) {
        return 'leaf';
    }
    const folders = [...STANDARD_FOLDERS, ...(host.eflow ? [host.eflow.installPath, host.eflow.vhdxPath] : [])]
        .map(folder => normalizePath(folder).toLowerCase());
    const prefix = wanted.endsWith('\\') ? wanted : `${wanted}\\`;
    return folders.includes(wanted) || files.some(file => file.startsWith(prefix)) ? 'container' : null;
}

/** All known file and folder paths (for wildcard Test-Path). */
export function knownFilePaths(host: HostState): string[] {
    const paths = new Set<string>();
    for (const file of host.windows.files) {
        const parts = normalizePath(file.path).split('\\');
        for (let length = 1; length <= parts.length; length++) {
            paths.add(parts.slice(0, length).join('\\'));
        }
    }
    return [...paths];
}
