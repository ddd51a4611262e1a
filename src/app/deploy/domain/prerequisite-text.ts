/**
 * The sentences of a prerequisite check as messages (message-text.ts): the reason's strings keys
 * (prerequisite-reasons.ts) with the check's facts as their placeholder values, each shown as its kind asks.
 */
import type { HyperVFeatureState, PrerequisiteCheck, PrerequisiteParam } from './deployment-prerequisites';
import { messageOf, type MessageText, type TextParam, type TextParams } from './message-text';
import {
    PREREQUISITE_REASONS, prerequisiteDetailKey, prerequisiteFixKey, type PrerequisiteParamKind, type PrerequisiteReason
} from './prerequisite-reasons';

/** Names as one phrase: "vmms", "vmms and hvhost", "vmms, vmcompute and hvhost". */
function namesText(names: readonly string[]): TextParam {
    if (names.length < 2) {
        return names[0] ?? '';
    }
    return messageOf('listAnd', { list: names.slice(0, -1).join(', '), last: names[names.length - 1] });
}

function paramText(kind: PrerequisiteParamKind, value: PrerequisiteParam): TextParam {
    if (typeof value !== 'string' && typeof value !== 'number') {
        return namesText(value);
    }
    // A build number is an identifier: the locale's grouping (22,631) would misquote it.
    return kind === 'buildNumber' ? String(value) : value;
}

function textParams(check: PrerequisiteCheck): TextParams {
    const kinds = PREREQUISITE_REASONS[check.reason].params;
    const params: Record<string, TextParam> = {};
    for (const [name, kind] of Object.entries(kinds)) {
        const value = check.params[name];
        if (value !== undefined) {
            params[name] = paramText(kind, value);
        }
    }
    return params;
}

/** What the check found, e.g. "Microsoft Windows Server 2016 Standard, build 14393." */
export function prerequisiteDetail(check: PrerequisiteCheck): MessageText {
    return messageOf(prerequisiteDetailKey(check.reason), textParams(check));
}

/**
 * The reasons whose fix is "enable Hyper-V" in other words (the services, the hypervisor and the Default Switch come
 * with Hyper-V). On an edition without Hyper-V that advice cannot be followed: the Hyper-V check says what to do.
 */
const FIXED_BY_ENABLING_HYPER_V: ReadonlySet<PrerequisiteReason> =
    new Set<PrerequisiteReason>(['hyperVServicesAwaitHyperV', 'hypervisorAwaitsHyperV', 'defaultSwitchMissing']);

/**
 * What to do about a warning or a failure; null for a pass, and null for a fix that needs Hyper-V enabled when the
 * host's edition has no Hyper-V (`hyperVState` NotAvailable).
 */
export function prerequisiteFix(check: PrerequisiteCheck, hyperVState: HyperVFeatureState | null = null): MessageText | null {
    if (hyperVState === 'NotAvailable' && FIXED_BY_ENABLING_HYPER_V.has(check.reason)) {
        return null;
    }
    const key = prerequisiteFixKey(check.reason);
    return key === null ? null : messageOf(key, textParams(check));
}

/** What the check found followed by what to do, in one message (a pass: what it found alone). */
export function prerequisiteSummary(check: PrerequisiteCheck): MessageText {
    const detail = prerequisiteDetail(check);
    const fix = prerequisiteFix(check);
    return fix === null ? detail : messageOf('prerequisiteDetailAndFix', { detail, fix });
}
