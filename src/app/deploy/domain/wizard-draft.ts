/**
 * What the wizard keeps in the browser per host, so that going away and coming back (closing the tool, a failed
 * deploy, a reload) loses nothing: the model, what was typed for the kinds not chosen now (remembered-entries.ts),
 * the page the admin was on, and the record of the last deploy run. Secrets are not part of it and cannot be:
 * neither WizardModel, RememberedEntries nor DeploymentRunRecord has a field for them (wizard-model.ts), and
 * `parseWizardDraft` copies only known fields.
 */
import { DEPLOY_STEP_ORDER, type DeployStepId } from './deploy-steps';
import type { DeployStepOutcome, DeployStepRecord, DeploymentRunRecord } from './deployment-run-record';
import { emptyRememberedEntries, readRememberedEntries, rememberEntries, type RememberedEntries } from './remembered-entries';
import type { WizardModel } from './wizard-model';
import { ModelShapeError, readWizardModel } from './wizard-model-reader';
import { WIZARD_PAGES, type WizardPageId } from './wizard-pages';

/**
 * Bump when the draft's shape changes: `parseWizardDraft` migrates the versions it lists in MIGRATABLE_VERSIONS and
 * drops any other rather than misread it. 2 added `remembered`; a version 1 draft loads with what its model holds.
 */
export const WIZARD_DRAFT_VERSION = 2;

/** Older versions a draft is read from: the fields they lack are rebuilt from what they have. */
const MIGRATABLE_VERSIONS: readonly number[] = [1];

export interface WizardDraft {
    version: typeof WIZARD_DRAFT_VERSION;
    model: WizardModel;
    /** What was typed for the provisioning types, disk kinds and switch kinds not chosen now. */
    remembered: RememberedEntries;
    /** The page the admin was on. */
    page: WizardPageId;
    /** The last deploy run on this host, null before the first. */
    record: DeploymentRunRecord | null;
}

/** The draft as stored text. */
export function serializeWizardDraft(draft: WizardDraft): string {
    // Rebuilt field by field: whatever else a caller's objects carry stays out of storage.
    const stored: WizardDraft = {
        version: WIZARD_DRAFT_VERSION,
        model: readWizardModel(draft.model),
        remembered: readRememberedEntries(draft.remembered),
        page: draft.page,
        record: draft.record ? { startedAt: draft.record.startedAt, model: readWizardModel(draft.record.model), steps: readSteps(draft.record.steps) } : null
    };
    return JSON.stringify(stored);
}

/**
 * What a draft remembers besides its model: its own copy (version 2), else what the model holds (a version 1 draft,
 * or a copy of the wrong shape, which is not worth losing the whole draft for).
 */
function readRemembered(version: number, value: unknown, model: WizardModel): RememberedEntries {
    const fromModel = rememberEntries(emptyRememberedEntries(), model);
    if (version !== WIZARD_DRAFT_VERSION) {
        return fromModel;
    }
    try {
        return readRememberedEntries(value);
    } catch (error: unknown) {
        if (error instanceof ModelShapeError) {
            return fromModel;
        }
        throw error;
    }
}

/**
 * The draft in stored text, or null when there is none or it cannot be used (not JSON, an unknown version, a model
 * field of the wrong shape): the wizard then starts from defaults rather than from something half right. A draft of
 * an older version it can migrate is returned as the current version.
 */
export function parseWizardDraft(text: string | null): WizardDraft | null {
    if (text === null) {
        return null;
    }
    try {
        const value: unknown = JSON.parse(text);
        const version = typeof value === 'object' && value !== null ? (value as { version?: unknown }).version : undefined;
        if (typeof version !== 'number' || (version !== WIZARD_DRAFT_VERSION && !MIGRATABLE_VERSIONS.includes(version))) {
            return null;
        }
        const fields = value as { model?: unknown; remembered?: unknown; page?: unknown; record?: unknown };
        const page = WIZARD_PAGES.find(candidate => candidate === fields.page);
        if (page === undefined) {
            return null;
        }
        const model = readWizardModel(fields.model);
        return { version: WIZARD_DRAFT_VERSION, model, remembered: readRemembered(version, fields.remembered, model), page, record: readRecord(fields.record) };
    } catch (error: unknown) {
        // Bad JSON or a bad shape both mean "no usable draft"; anything else is a bug and must surface.
        if (error instanceof SyntaxError || error instanceof ModelShapeError) {
            return null;
        }
        throw error;
    }
}

const OUTCOMES: readonly DeployStepOutcome[] = ['running', 'succeeded', 'failed'];

function readRecord(value: unknown): DeploymentRunRecord | null {
    if (value === null || value === undefined) {
        return null;
    }
    const record = value as { startedAt?: unknown; model?: unknown; steps?: unknown };
    if (typeof record.startedAt !== 'string') {
        throw new ModelShapeError('record.startedAt', 'text');
    }
    return { startedAt: record.startedAt, model: readWizardModel(record.model, 'record.model'), steps: readSteps(record.steps) };
}

function readSteps(value: unknown): Partial<Record<DeployStepId, DeployStepRecord>> {
    if (typeof value !== 'object' || value === null) {
        throw new ModelShapeError('record.steps', 'an object');
    }
    const steps: Partial<Record<DeployStepId, DeployStepRecord>> = {};
    for (const id of DEPLOY_STEP_ORDER) {
        const step = (value as { [key: string]: unknown })[id];
        if (step !== undefined) {
            steps[id] = readStep(step, id);
        }
    }
    return steps;
}

function readStep(value: unknown, id: DeployStepId): DeployStepRecord {
    const step = value as { outcome?: unknown; at?: unknown; errorCode?: unknown; message?: unknown };
    const outcome = OUTCOMES.find(candidate => candidate === step?.outcome);
    const nullableText = (field: unknown): field is string | null => field === null || typeof field === 'string';
    if (outcome === undefined || typeof step.at !== 'string' || !nullableText(step.errorCode) || !nullableText(step.message)) {
        throw new ModelShapeError(`record.steps.${id}`, 'a step outcome');
    }
    return { outcome, at: step.at, errorCode: step.errorCode, message: step.message };
}
