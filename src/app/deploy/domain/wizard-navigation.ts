/**
 * Moving through the wizard: Back and Next over the pages the admin fills in, which pages the step list lets the
 * admin open, and the page the wizard opens on. Deploy is never reached by Next: only the Review page's Deploy
 * button starts it.
 */
import type { ResumeDecision } from './resume-detection';
import { hasErrors, type ValidationMessage } from './validation-message';
import { WIZARD_PAGES, type WizardPageId } from './wizard-pages';

/** The pages Back and Next move over, in order. */
export const FORM_PAGES: readonly WizardPageId[] = WIZARD_PAGES.filter(page => page !== 'deploy');

/** The page after `page` (null after the review). */
export function nextPage(page: WizardPageId): WizardPageId | null {
    const index = FORM_PAGES.indexOf(page);
    return index >= 0 && index < FORM_PAGES.length - 1 ? FORM_PAGES[index + 1] : null;
}

/** The page before `page` (null on the first; from Deploy, the review). */
export function previousPage(page: WizardPageId): WizardPageId | null {
    if (page === 'deploy') {
        return 'review';
    }
    const index = FORM_PAGES.indexOf(page);
    return index > 0 ? FORM_PAGES[index - 1] : null;
}

/** Whether Next may leave `page`: no error on it (warnings do not block). */
export function canLeavePage(messages: readonly ValidationMessage[]): boolean {
    return !hasErrors(messages);
}

/**
 * Whether the step list may open `target` from `current`: any earlier page, and a later form page when every page
 * before it is free of errors (the same pages Next would have let the admin through).
 */
export function canOpenPage(target: WizardPageId, current: WizardPageId, validation: ReadonlyMap<WizardPageId, readonly ValidationMessage[]>): boolean {
    const targetIndex = WIZARD_PAGES.indexOf(target);
    if (targetIndex <= WIZARD_PAGES.indexOf(current)) {
        return target !== 'deploy' || current === 'deploy';
    }
    if (target === 'deploy') {
        return false;
    }
    return WIZARD_PAGES.slice(0, targetIndex).every(page => !hasErrors(validation.get(page) ?? []));
}

/**
 * The page the wizard opens on: where the host's state says to continue (resume-detection.ts); later than that the
 * page the admin was on before (`draftPage`) or the page the caller asked for (the dashboard's "Provision" opens the
 * provisioning page), as long as the prerequisites pass; never the Deploy page itself, whose run is gone once closed.
 */
export function chooseStartPage(decision: ResumeDecision, prerequisitesPass: boolean, draftPage: WizardPageId | null,
    requestedPage: WizardPageId | null): WizardPageId | 'done' {
    if (decision.startPage === 'done' || decision.startPage === 'prerequisites' && decision.blockers.length > 0) {
        return decision.startPage;
    }
    if (!prerequisitesPass) {
        return 'prerequisites';
    }
    const start = FORM_PAGES.indexOf(decision.startPage);
    const later = [requestedPage, draftPage]
        .filter((page): page is WizardPageId => page !== null && FORM_PAGES.includes(page) && FORM_PAGES.indexOf(page) > start);
    return later[0] ?? decision.startPage;
}
