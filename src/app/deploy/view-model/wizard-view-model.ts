/**
 * What the deployment wizard shows, derived from the store's state. Pure: the container renders it and the store
 * uses the same validation to guard its transitions, so what the admin sees and what the wizard allows never differ.
 */
import { exportAutoDeployConfig, serializeAutoDeployConfig } from '../domain/auto-deploy-export';
import { switchPlannedByRun } from '../domain/created-switch';
import { hostInputChecksFor } from '../domain/host-input-checks';
import type { MessageText } from '../domain/message-text';
import { confirmedMsiPackage, type MsiPackageReading } from '../domain/msi-package-rules';
import { buildPowerShellPreview, type PreviewLine } from '../domain/powershell-preview';
import { hasErrors, validationError, type ValidationMessage } from '../domain/validation-message';
import { canLeavePage, canOpenPage, FORM_PAGES } from '../domain/wizard-navigation';
import { WIZARD_PAGES, type WizardPageId } from '../domain/wizard-pages';
import { validateWizard } from '../domain/wizard-validation';
import type { DeployWizardState } from '../store/deploy-wizard-state';

/** One entry of the step list. */
export interface WizardStepItem {
    page: WizardPageId;
    /**
     * current: shown now; invalid: has errors and is before the current page; complete: valid and before the current
     * page; upcoming: the rest (a page not reached yet is not marked for what the admin has not filled in yet).
     */
    state: 'current' | 'complete' | 'invalid' | 'upcoming';
    /** The host has fixed this page's choices (resume): shown read-only. */
    locked: boolean;
    canOpen: boolean;
}

/** The eflowAutoDeploy file of the current choices. */
export interface ExportFile {
    fileName: string;
    text: string;
    /** What the file leaves out (secrets, a host MSI path). */
    notes: MessageText[];
}

export interface WizardViewModel {
    state: DeployWizardState;
    /** The name shown: the WAC connection (node) name, as the shell's connection list shows it. */
    hostName: string;
    validation: ReadonlyMap<WizardPageId, ValidationMessage[]>;
    /** The current page's messages. */
    messages: ValidationMessage[];
    /** Whether the current page's choices are fixed by the host. */
    locked: boolean;
    steps: WizardStepItem[];
    canGoNext: boolean;
    /** Every page valid and no host check outstanding: Deploy may start. */
    canDeploy: boolean;
    /** Pages with errors, for the review. */
    invalidPages: WizardPageId[];
    /** The exact PowerShell, with secrets masked and comments still to be worded; null while the choices are not valid. */
    preview: PreviewLine[] | null;
    exportFile: ExportFile | null;
    /** The host's reading of the MSI file when it is the chosen product (the Product page shows its version). */
    confirmedMsi: MsiPackageReading | null;
}

/** The messages of every page for the state's choices, host facts and host checks (locked parts left out). */
export function wizardValidation(state: DeployWizardState): Map<WizardPageId, ValidationMessage[]> {
    const validation = validateWizard({
        model: state.model,
        secrets: state.secrets,
        host: state.prerequisites?.host ?? null,
        prerequisiteChecks: state.prerequisites?.checks ?? null,
        hostChecks: hostInputChecksFor(state.model, state.hostCheckAnswers),
        earlierRunSwitch: switchPlannedByRun(state.record)
    }, state.resume?.lockedPages ?? [], state.resume?.lockedFields ?? []);
    // What keeps the wizard from going on at all (a deployment running elsewhere, a restart pending) stops it on the
    // first page, like a failed check.
    const blockers = (state.resume?.blockers ?? []).map(blocker => validationError(`prerequisites.${blocker.code}`, blocker.code, blocker.text));
    validation.set('prerequisites', [...(validation.get('prerequisites') ?? []), ...blockers]);
    return validation;
}

/** Whether every page the admin fills in is free of errors. */
export function everyPageValid(validation: ReadonlyMap<WizardPageId, readonly ValidationMessage[]>): boolean {
    return FORM_PAGES.every(page => !hasErrors(validation.get(page) ?? []));
}

/** Whether Deploy may start: the host read, every page valid, no host check outstanding. */
export function canStartDeploy(state: DeployWizardState, validation: ReadonlyMap<WizardPageId, readonly ValidationMessage[]> = wizardValidation(state)): boolean {
    return state.status === 'ready' && !state.hostChecksPending && everyPageValid(validation);
}

function stepItems(state: DeployWizardState, validation: ReadonlyMap<WizardPageId, ValidationMessage[]>): WizardStepItem[] {
    const current = state.page === 'done' ? 'review' : state.page;
    const currentIndex = WIZARD_PAGES.indexOf(current);
    const running = state.run?.status === 'running' || state.preparingRun;
    return WIZARD_PAGES.map((page, index): WizardStepItem => ({
        page,
        state: page === current ? 'current' : index > currentIndex ? 'upcoming' : hasErrors(validation.get(page) ?? []) ? 'invalid' : 'complete',
        locked: state.resume?.lockedPages.includes(page) ?? false,
        // While a run goes on the admin stays on the Deploy page (the choices it runs with must not change under it).
        canOpen: state.status === 'ready' && !running && page !== current && canOpenPage(page, current, validation)
    }));
}

function exportFileOf(state: DeployWizardState): ExportFile {
    const exported = exportAutoDeployConfig(state.model, state.prerequisites?.host ?? null);
    const host = (state.node ?? 'host').replace(/[^A-Za-z0-9._-]/g, '_');
    return { fileName: `eflow-userconfig-${host}.json`, text: serializeAutoDeployConfig(exported.config), notes: exported.notes };
}

/** Builds the view model. */
export function buildWizardViewModel(state: DeployWizardState): WizardViewModel {
    const validation = wizardValidation(state);
    const page = state.page === 'done' ? null : state.page;
    const messages = page ? validation.get(page) ?? [] : [];
    const valid = everyPageValid(validation);
    const onReview = page === 'review';
    return {
        state,
        hostName: state.node ?? '',
        validation,
        messages,
        locked: page !== null && (state.resume?.lockedPages.includes(page) ?? false),
        steps: stepItems(state, validation),
        canGoNext: page !== null && page !== 'review' && page !== 'deploy' && canLeavePage(messages) && !state.hostChecksPending,
        canDeploy: canStartDeploy(state, validation),
        invalidPages: FORM_PAGES.filter(candidate => hasErrors(validation.get(candidate) ?? [])),
        // The preview and the export need numbers where the model allows blanks: only for valid choices.
        preview: onReview && valid ? buildPowerShellPreview(state.model, state.resume?.doneSteps ?? []) : null,
        exportFile: onReview ? exportFileOf(state) : null,
        confirmedMsi: confirmedMsiPackage(state.model.product, hostInputChecksFor(state.model, state.hostCheckAnswers).msiPackage)
    };
}
