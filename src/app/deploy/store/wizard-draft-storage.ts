import { Inject, Injectable, InjectionToken } from '@angular/core';
import type { DeploymentRunRecord } from '../domain/deployment-run-record';
import { parseWizardDraft, serializeWizardDraft, type WizardDraft } from '../domain/wizard-draft';

/**
 * Where drafts are kept: the browser's localStorage (per origin, so per gateway). A token so that tests can hand in
 * their own Storage; null where the browser has none or refuses it (private modes, policies).
 */
export const WIZARD_DRAFT_STORAGE = new InjectionToken<Storage | null>('WIZARD_DRAFT_STORAGE', {
    providedIn: 'root',
    factory: (): Storage | null => {
        try {
            return window.localStorage;
        } catch {
            // Access itself throws when storage is disabled: the wizard then works without drafts.
            return null;
        }
    }
});

/** The storage key of a host's draft: node names compare case-insensitively, as the gateway treats them. */
export function draftKey(node: string): string {
    return `eflow-manager.deploy-wizard.${node.toLowerCase()}`;
}

/**
 * Keeps the deployment wizard's draft per host (deploy/domain/wizard-draft.ts: the model, the page and the run
 * record; never a secret). A draft that cannot be read is ignored; a storage that refuses to write (full, disabled)
 * loses the draft but never breaks the wizard.
 */
@Injectable({ providedIn: 'root' })
export class WizardDraftStorage {
    constructor(@Inject(WIZARD_DRAFT_STORAGE) private readonly storage: Storage | null) {}

    /** The host's draft, or null. */
    public load(node: string): WizardDraft | null {
        try {
            return parseWizardDraft(this.storage?.getItem(draftKey(node)) ?? null);
        } catch {
            // A storage that throws on read has nothing to offer.
            return null;
        }
    }

    /** Replaces the host's draft. */
    public save(node: string, draft: WizardDraft): void {
        try {
            this.storage?.setItem(draftKey(node), serializeWizardDraft(draft));
        } catch {
            // Quota or policy: the draft is a convenience, the wizard goes on without it.
        }
    }

    /**
     * Replaces the run record in the host's draft, keeping its model and page (the run goes on after the wizard page
     * that started it is gone). Without a draft there is nothing to attach it to: the wizard saves one before a run.
     */
    public saveRecord(node: string, record: DeploymentRunRecord): void {
        const draft = this.load(node);
        if (draft) {
            this.save(node, { ...draft, record });
        }
    }

    /** Forgets the host's draft (after a finished deployment). */
    public clear(node: string): void {
        try {
            this.storage?.removeItem(draftKey(node));
        } catch {
            // Nothing to undo if storage refuses.
        }
    }
}
