/**
 * Reads the body of `PATCH /sim/hosts/:name/faults`: any subset of the simulator's HostFaults (tools/simulator/api.ts),
 * each value checked, so a typo answers 400 naming the field instead of silently doing nothing.
 */
import type { DeployFailureStep, FaultMode, HostFaults } from '../simulator/api';

const FAULT_MODES: readonly FaultMode[] = ['once', 'sticky'];
const DEPLOY_FAILURE_STEPS: readonly DeployFailureStep[] = ['storage', 'vnic', 'instantiate'];

/** One-shot or sticky faults: `'once'`, `'sticky'`, or `null` to clear. */
const MODE_FAULTS = [
    'msiInstallFailure', 'deployNotEnoughMemory', 'deployNotEnoughDisk', 'deployNotEnoughCpu', 'switchCreationFailure', 'provisioningFailure',
    'provisioningEchoesSecrets'
] as const;
/** Faults whose value is the error message to raise, or `null` to clear. */
const MESSAGE_FAULTS = ['getEflowVmThrows', 'hyperVReadFailure'] as const;

/** Returns the faults to apply, or a message saying what is wrong with the body. */
export function parseFaultPatch(body: { [key: string]: unknown }): Partial<HostFaults> | string {
    const faults: Partial<HostFaults> = {};
    for (const [key, value] of Object.entries(body)) {
        if (key === 'offline') {
            if (typeof value !== 'boolean') return 'offline must be true or false.';
            faults.offline = value;
        } else if (key === 'latencyMs') {
            if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return 'latencyMs must be a number >= 0.';
            faults.latencyMs = value;
        } else if (key === 'failureRate') {
            if (typeof value !== 'number' || !(value >= 0 && value <= 1)) return 'failureRate must be a number from 0 to 1.';
            faults.failureRate = value;
        } else if ((MESSAGE_FAULTS as readonly string[]).includes(key)) {
            if (value !== null && typeof value !== 'string') return `${key} must be a string or null.`;
            faults[key as typeof MESSAGE_FAULTS[number]] = value;
        } else if ((MODE_FAULTS as readonly string[]).includes(key)) {
            const mode = readMode(value);
            if (mode === undefined) return `${key} must be 'once', 'sticky' or null.`;
            faults[key as typeof MODE_FAULTS[number]] = mode;
        } else if (key === 'vmCreationFailure') {
            const failure = readVmCreationFailure(value);
            if (failure === undefined) {
                return `vmCreationFailure must be null or {step: ${DEPLOY_FAILURE_STEPS.join('|')}, mode: once|sticky}.`;
            }
            faults.vmCreationFailure = failure;
        } else if (key === 'msiUninstallFailure') {
            const failure = readUninstallFailure(value);
            if (failure === undefined) return 'msiUninstallFailure must be null or {exitCode: 1..65535, mode: once|sticky}.';
            faults.msiUninstallFailure = failure;
        } else {
            return `Unknown fault '${key}'.`;
        }
    }
    return faults;
}

function readMode(value: unknown): FaultMode | null | undefined {
    if (value === null) return null;
    return FAULT_MODES.find(mode => mode === value);
}

function readVmCreationFailure(value: unknown): HostFaults['vmCreationFailure'] | undefined {
    if (value === null) return null;
    if (typeof value !== 'object' || Array.isArray(value)) return undefined;
    const { step, mode, ...rest } = value as { step?: unknown; mode?: unknown };
    const knownStep = DEPLOY_FAILURE_STEPS.find(s => s === step);
    const knownMode = FAULT_MODES.find(m => m === mode);
    if (!knownStep || !knownMode || Object.keys(rest).length > 0) return undefined;
    return { step: knownStep, mode: knownMode };
}

function readUninstallFailure(value: unknown): HostFaults['msiUninstallFailure'] | undefined {
    if (value === null) return null;
    if (typeof value !== 'object' || Array.isArray(value)) return undefined;
    const { exitCode, mode, ...rest } = value as { exitCode?: unknown; mode?: unknown };
    const knownMode = FAULT_MODES.find(m => m === mode);
    const validCode = typeof exitCode === 'number' && Number.isInteger(exitCode) && exitCode > 0 && exitCode <= 65535;
    if (!knownMode || !validCode || Object.keys(rest).length > 0) return undefined;
    return { exitCode, mode: knownMode };
}
