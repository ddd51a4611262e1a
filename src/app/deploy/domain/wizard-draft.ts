/**
 * What the wizard keeps in the browser per host, so that going away and coming back (closing the tool, a failed
 * deploy, a reload) loses nothing: the model, the page the admin was on, and the record of the last deploy run.
 * Secrets are not part of it and cannot be: neither WizardModel nor DeploymentRunRecord has a field for them
 * (wizard-model.ts), and `parseWizardDraft` copies only known fields.
 */
import { DEPLOY_STEP_ORDER, type DeployStepId } from './deploy-steps';
import type { DeployStepOutcome, DeployStepRecord, DeploymentRunRecord } from './deployment-run-record';
import type { WizardModel } from './wizard-model';
import { ModelShapeError, readWizardModel } from './wizard-model-reader';
import { WIZARD_PAGES, type WizardPageId } from './wizard-pages';

/** Bump when the draft's shape changes incompatibly: older drafts are then dropped, not misread. */
export const WIZARD_DRAFT_VERSION = 1;

export interface WizardDraft {
    version: typeof WIZARD_DRAFT_VERSION;
    model: WizardModel;
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
        page: draft.page,
        record: draft.record ? { startedAt: draft.record.startedAt, model: readWizardModel(draft.record.model), steps: readSteps(draft.record.steps) } : null
    };
    return JSON.stringify(stored);
}

/**
 * The draft in stored text, or null when there is none or it cannot be used (not JSON, another version, a field of
 * the wrong shape): the wizard then starts from defaults rather than from something half right.
 */
export function parseWizardDraft(text: string | null): WizardDraft | null {
    if (text === null) {
        return null;
    }
    try {
        const value: unknown = JSON.parse(text);
        if (typeof value !== 'object' || value === null || (value as { version?: unknown }).version !== WIZARD_DRAFT_VERSION) {
            return null;
        }
        const fields = value as { model?: unknown; page?: unknown; record?: unknown };
        const page = WIZARD_PAGES.find(candidate => candidate === fields.page);
        if (page === undefined) {
            return null;
        }
        return { version: WIZARD_DRAFT_VERSION, model: readWizardModel(fields.model), page, record: readRecord(fields.record) };
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
