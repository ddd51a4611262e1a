import { HostFacts } from '../models/host-overview';

/**
 * Whether a Windows host can run EFLOW (eflow.md section 7): Windows 10 (build 17763+) or 11, Pro, Enterprise or
 * IoT Enterprise, or Windows Server 2019 / 2022; x64 or ARM64; Hyper-V enabled with the hypervisor running
 * (nested virtualization when the host is itself a VM); at least 1 GB free memory and 10 GB free disk, about
 * 18 GB for the default VM.
 */

/** The checks, in the order the checklist shows them. */
export type ReadinessCheckId = 'osEdition' | 'osBuild' | 'architecture' | 'hyperV' | 'nestedVirtualization' | 'freeMemory' | 'freeDisk';

/** `fail` blocks a deployment, `warn` may work but needs attention. */
export type ReadinessOutcome = 'pass' | 'warn' | 'fail';

/**
 * A check's result. `reason` selects the explanation the UI shows (a strings key under the check), so one check
 * can fail for different reasons (Hyper-V disabled vs. not available in this edition).
 */
export interface ReadinessCheck {
    id: ReadinessCheckId;
    outcome: ReadinessOutcome;
    reason: ReadinessReason;
    /** Whether failing this check means the platform cannot run EFLOW at all (not fixable by freeing resources). */
    platform: boolean;
}

/** Why a check came out as it did. */
export type ReadinessReason =
    | 'ok'
    | 'unsupportedEdition'
    | 'unlistedServerVersion'
    | 'buildTooOld'
    | 'unsupportedArchitecture'
    | 'hyperVDisabled'
    | 'hyperVEnablePending'
    | 'hyperVNotAvailable'
    | 'hyperVUnknown'
    | 'hypervisorNotRunning'
    | 'nestedHost'
    | 'memoryBelowMinimum'
    | 'diskBelowMinimum'
    | 'diskBelowDefaultVm';

/** The Windows Server builds EFLOW lists as supported: 2019 and 2022. */
export const LISTED_SERVER_BUILDS: readonly number[] = [17763, 20348];
/** Lowest Windows build EFLOW supports (Windows 10 1809 / Server 2019). */
export const MIN_WINDOWS_BUILD = 17763;
/** Minimum free memory to deploy, in MB. */
export const MIN_FREE_MEMORY_MB = 1024;
/** Minimum free disk, in GB. */
export const MIN_FREE_DISK_GB = 10;
/** Free disk the default VM needs, in GB. */
export const DEFAULT_VM_DISK_GB = 18;

/** Runs every check on a host's facts. */
export function checkReadiness(host: HostFacts): ReadinessCheck[] {
    return [
        checkEdition(host),
        checkBuild(host),
        checkArchitecture(host),
        checkHyperV(host),
        checkNested(host),
        checkMemory(host),
        checkDisk(host)
    ];
}

/** Whether no platform check fails: the host could run EFLOW once resources allow. */
export function isHostPlatformReady(checks: readonly ReadinessCheck[]): boolean {
    return !checks.some((check: ReadinessCheck) => check.platform && check.outcome === 'fail');
}

/**
 * Whether the host's Windows edition can never run EFLOW (Home, or another edition without Hyper-V): nothing on the
 * host fixes that, only another edition, so no "prepare" step may be offered.
 */
export function isEditionUnfit(checks: readonly ReadinessCheck[]): boolean {
    return checks.some((check: ReadinessCheck) => check.outcome === 'fail'
        && (check.reason === 'unsupportedEdition' || check.reason === 'hyperVNotAvailable'));
}

/** The checks that fail, first the platform ones. */
export function failingChecks(checks: readonly ReadinessCheck[]): ReadinessCheck[] {
    const failing = checks.filter((check: ReadinessCheck) => check.outcome === 'fail');
    return [...failing.filter((c: ReadinessCheck) => c.platform), ...failing.filter((c: ReadinessCheck) => !c.platform)];
}

function result(id: ReadinessCheckId, platform: boolean, outcome: ReadinessOutcome, reason: ReadinessReason): ReadinessCheck {
    return { id, outcome, reason, platform };
}

/** Whether the host runs a server SKU (ProductType 2 domain controller, 3 server). */
export function isServerSku(host: HostFacts): boolean {
    return host.productType === 2 || host.productType === 3;
}

function checkEdition(host: HostFacts): ReadinessCheck {
    const caption = host.osCaption.toLowerCase();
    // Client: Pro, Enterprise and IoT Enterprise, the editions EFLOW's own check accepts (Home has no Hyper-V).
    // Server: Windows Server editions; the build check tells 2016 apart, and a later version than 2022 may work but
    // is not listed (the wizard's prerequisites warn the same way).
    const supported = isServerSku(host)
        ? caption.includes('server')
        : /\b(pro|enterprise)\b/.test(caption);
    if (!supported) {
        return result('osEdition', true, 'fail', 'unsupportedEdition');
    }
    const unlisted = isServerSku(host) && host.buildNumber > MIN_WINDOWS_BUILD && !LISTED_SERVER_BUILDS.includes(host.buildNumber);
    return unlisted ? result('osEdition', true, 'warn', 'unlistedServerVersion') : result('osEdition', true, 'pass', 'ok');
}

function checkBuild(host: HostFacts): ReadinessCheck {
    const supported = host.buildNumber >= MIN_WINDOWS_BUILD;
    return result('osBuild', true, supported ? 'pass' : 'fail', supported ? 'ok' : 'buildTooOld');
}

function checkArchitecture(host: HostFacts): ReadinessCheck {
    const architecture = host.architecture.trim().toLowerCase();
    const supported = ['x64', 'amd64', 'arm64'].includes(architecture);
    return result('architecture', true, supported ? 'pass' : 'fail', supported ? 'ok' : 'unsupportedArchitecture');
}

function checkHyperV(host: HostFacts): ReadinessCheck {
    const state = host.hyperV.featureState.trim().toLowerCase();
    if (state === 'notavailable') {
        return result('hyperV', true, 'fail', 'hyperVNotAvailable');
    }
    if (state === 'enablepending') {
        return result('hyperV', true, 'fail', 'hyperVEnablePending');
    }
    if (state === 'unknown') {
        // The read failed (the overview lists why): not knowing is no reason to call the host unable to run EFLOW.
        return result('hyperV', true, 'warn', 'hyperVUnknown');
    }
    if (state !== 'enabled') {
        return result('hyperV', true, 'fail', 'hyperVDisabled');
    }
    // Enabled but not running: a reboot is pending, or virtualization is off in the firmware (or not exposed to a
    // nested host). Deploy-Eflow fails with "HyperVisorPresent is false" either way.
    return host.hyperV.hypervisorPresent
        ? result('hyperV', true, 'pass', 'ok')
        : result('hyperV', true, 'fail', 'hypervisorNotRunning');
}

function checkNested(host: HostFacts): ReadinessCheck {
    return host.isVirtualMachine
        ? result('nestedVirtualization', false, 'warn', 'nestedHost')
        : result('nestedVirtualization', false, 'pass', 'ok');
}

function checkMemory(host: HostFacts): ReadinessCheck {
    return host.freeMemoryMB >= MIN_FREE_MEMORY_MB
        ? result('freeMemory', false, 'pass', 'ok')
        : result('freeMemory', false, 'fail', 'memoryBelowMinimum');
}

function checkDisk(host: HostFacts): ReadinessCheck {
    const free = host.systemDrive.freeGB;
    if (free < MIN_FREE_DISK_GB) {
        return result('freeDisk', false, 'fail', 'diskBelowMinimum');
    }
    return free < DEFAULT_VM_DISK_GB
        ? result('freeDisk', false, 'warn', 'diskBelowDefaultVm')
        : result('freeDisk', false, 'pass', 'ok');
}
