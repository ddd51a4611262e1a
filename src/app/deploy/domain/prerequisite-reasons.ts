/**
 * The reason codes of Get-EflowDeploymentPrerequisites' checks: which check reports each, with which status, and the
 * facts (`params`) its sentence needs. The script returns codes and facts only; the words live in strings.resjson
 * (`Deploy.Text`), named after the code: `prereq<Reason>` says what was found, `prereq<Reason>Fix` what to do about it.
 * Every reason that is not a pass has a fix, so a warning or a failure always comes with something concrete to do.
 *
 * The parser (core/models/deployment-prerequisites.parse.ts) refuses a reason not listed here, a reason reported by
 * another check or with another status, and a missing or ill-typed param.
 */
import type { PrerequisiteCheckId, PrerequisiteStatus } from './deployment-prerequisites';

/**
 * How a param travels and shows: `text` as it is; `number` in the display locale's format (free MB, GB);
 * `buildNumber` a number shown without grouping (a Windows build is 22631, never 22,631); `names` a list of
 * names (stopped services), joined as a list.
 */
export type PrerequisiteParamKind = 'text' | 'number' | 'buildNumber' | 'names';

export interface PrerequisiteReasonSpec {
    readonly check: PrerequisiteCheckId;
    readonly status: PrerequisiteStatus;
    readonly params: Readonly<Record<string, PrerequisiteParamKind>>;
}

const OS = { caption: 'text', build: 'buildNumber' } as const;
const PRODUCT = { product: 'text', version: 'text' } as const;
const NONE = {} as const;

const REASONS = {
    serverSupported: { check: 'os-edition', status: 'pass', params: OS },
    serverBuildTooOld: { check: 'os-edition', status: 'fail', params: OS },
    serverNotListed: { check: 'os-edition', status: 'warning', params: OS },
    homeEdition: { check: 'os-edition', status: 'fail', params: OS },
    clientBuildTooOld: { check: 'os-edition', status: 'fail', params: OS },
    clientSupported: { check: 'os-edition', status: 'pass', params: OS },
    clientEditionNotListed: { check: 'os-edition', status: 'warning', params: OS },
    architectureSupported: { check: 'architecture', status: 'pass', params: { architecture: 'text' } },
    architectureUnsupported: { check: 'architecture', status: 'fail', params: { architecture: 'text' } },
    hyperVEnabled: { check: 'hyperv-feature', status: 'pass', params: NONE },
    hyperVEnablePending: { check: 'hyperv-feature', status: 'warning', params: NONE },
    hyperVDisabled: { check: 'hyperv-feature', status: 'fail', params: NONE },
    hyperVUnreadable: { check: 'hyperv-feature', status: 'warning', params: { message: 'text' } },
    hyperVNotAvailable: { check: 'hyperv-feature', status: 'fail', params: NONE },
    hyperVServicesAwaitHyperV: { check: 'hyperv-services', status: 'warning', params: NONE },
    hyperVServicesRunning: { check: 'hyperv-services', status: 'pass', params: NONE },
    hyperVServicesStopped: { check: 'hyperv-services', status: 'fail', params: { services: 'names' } },
    virtualizationByHypervisor: { check: 'virtualization-firmware', status: 'pass', params: NONE },
    virtualizationInFirmware: { check: 'virtualization-firmware', status: 'pass', params: NONE },
    virtualizationHiddenFromVm: { check: 'virtualization-firmware', status: 'fail', params: NONE },
    virtualizationHiddenFromAzureVm: { check: 'virtualization-firmware', status: 'fail', params: NONE },
    virtualizationOffInFirmware: { check: 'virtualization-firmware', status: 'fail', params: NONE },
    hypervisorRunning: { check: 'hypervisor-present', status: 'pass', params: NONE },
    hypervisorNotLaunched: { check: 'hypervisor-present', status: 'fail', params: NONE },
    hypervisorAwaitsHyperV: { check: 'hypervisor-present', status: 'warning', params: NONE },
    physicalHost: { check: 'nested-virtualization', status: 'pass', params: NONE },
    virtualMachineHost: { check: 'nested-virtualization', status: 'warning', params: NONE },
    azureVmHost: { check: 'nested-virtualization', status: 'warning', params: NONE },
    memoryEnough: { check: 'memory', status: 'pass', params: { freeMB: 'number' } },
    memoryTooLow: { check: 'memory', status: 'fail', params: { freeMB: 'number', requiredMB: 'number' } },
    diskEnough: { check: 'disk', status: 'pass', params: { drive: 'text', freeGB: 'number' } },
    diskBelowDefaultVm: { check: 'disk', status: 'warning', params: { drive: 'text', freeGB: 'number', defaultVmGB: 'number' } },
    diskTooLow: { check: 'disk', status: 'fail', params: { drive: 'text', freeGB: 'number', requiredGB: 'number' } },
    openSshInstalled: { check: 'openssh-client', status: 'pass', params: NONE },
    openSshMissing: { check: 'openssh-client', status: 'warning', params: NONE },
    openSshUnknown: { check: 'openssh-client', status: 'warning', params: NONE },
    noRestartPending: { check: 'pending-reboot', status: 'pass', params: NONE },
    restartPending: { check: 'pending-reboot', status: 'warning', params: NONE },
    serverSwitchesAvailable: { check: 'virtual-switch', status: 'pass', params: { count: 'number' } },
    serverNoSwitch: { check: 'virtual-switch', status: 'warning', params: NONE },
    azureVmNoInternalSwitch: { check: 'virtual-switch', status: 'warning', params: NONE },
    defaultSwitchAvailable: { check: 'virtual-switch', status: 'pass', params: NONE },
    defaultSwitchMissing: { check: 'virtual-switch', status: 'warning', params: NONE },
    azureVmDefaultSwitchMissing: { check: 'virtual-switch', status: 'warning', params: NONE },
    eflowNotInstalled: { check: 'existing-eflow', status: 'pass', params: NONE },
    eflowInstalledWithVm: { check: 'existing-eflow', status: 'pass', params: PRODUCT },
    eflowInstalledWithoutVm: { check: 'existing-eflow', status: 'pass', params: PRODUCT },
    // An interrupted Deploy-Eflow's VM disk without a VM: Deploy-Eflow cannot run again until EFLOW is uninstalled.
    eflowPartialDeployment: { check: 'existing-eflow', status: 'fail', params: PRODUCT },
    eflowVmUnknown: { check: 'existing-eflow', status: 'warning', params: PRODUCT }
} as const;

/** A reason code, e.g. `serverBuildTooOld`. */
export type PrerequisiteReason = keyof typeof REASONS;

/** The reasons that are not a pass: each has a fix sentence. */
type ReasonWithFix = { [R in PrerequisiteReason]: typeof REASONS[R]['status'] extends 'pass' ? never : R }[PrerequisiteReason];

/** The `Deploy.Text` keys of the checks' sentences. */
export type PrerequisiteTextKey = `prereq${Capitalize<PrerequisiteReason>}` | `prereq${Capitalize<ReasonWithFix>}Fix`;

/** Every reason with its check, status and params (typed against the spec, so a malformed entry does not compile). */
export const PREREQUISITE_REASONS: Readonly<Record<PrerequisiteReason, PrerequisiteReasonSpec>> = REASONS;

/** Every reason code, in the table's order. */
export const PREREQUISITE_REASON_CODES = Object.keys(REASONS) as PrerequisiteReason[];

/** The strings key of what a reason found. */
export function prerequisiteDetailKey(reason: PrerequisiteReason): PrerequisiteTextKey {
    return `prereq${reason.charAt(0).toUpperCase()}${reason.slice(1)}` as PrerequisiteTextKey;
}

/** The strings key of a reason's fix; null for a pass, which needs none. */
export function prerequisiteFixKey(reason: PrerequisiteReason): PrerequisiteTextKey | null {
    return PREREQUISITE_REASONS[reason].status === 'pass' ? null : `${prerequisiteDetailKey(reason)}Fix` as PrerequisiteTextKey;
}

/** Every key the checks' sentences use (deploy-text-keys.ts lists them, so the strings spec checks each has a string). */
export const PREREQUISITE_TEXT_KEYS: readonly PrerequisiteTextKey[] = PREREQUISITE_REASON_CODES.flatMap(reason => {
    const fix = prerequisiteFixKey(reason);
    return fix === null ? [prerequisiteDetailKey(reason)] : [prerequisiteDetailKey(reason), fix];
});
