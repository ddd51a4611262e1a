import { WizardBuilder, type WizardComponent } from '@microsoft/windows-admin-center-sdk/angular';
import type { ExtensionStrings } from '../../../shared/extension-strings';
import { formatText } from '../../../shared/format-text';
import { FORM_PAGES } from '../../domain/wizard-navigation';
import type { WizardPageId } from '../../domain/wizard-pages';
import type { WizardStepItem } from '../../view-model/wizard-view-model';
import { DeployWizardStepComponent, type SdkWizardModel } from '../deploy-wizard-step/deploy-wizard-step.component';

/** What the binding asks of the store: the page it shows and the moves the SDK wizard's buttons stand for. */
export interface WizardNavigator {
    readonly page: WizardPageId | 'done';
    goNext(): void;
    goBack(): void;
    goTo(page: WizardPageId): void;
}

/**
 * Binds the SDK's `sme-wizard` (its step list, Back and Next) to the wizard's store, which stays the one source of
 * truth for the page: resume, the review's links, a retry that needs a secret and a failed run's "edit settings"
 * all move the store, and the SDK wizard moves its own index on its buttons. So each side follows the other: a move
 * of the SDK wizard becomes the store's Next, Back or open-page (which may refuse it), and then the SDK wizard is put
 * on the store's page. Both run after the SDK wizard's own navigation has finished (a microtask later), because
 * its step index setter re-creates the step and emits in the middle of it.
 *
 * The step list shows each step's state in its name (the SDK's list has no icons), and a step can be clicked exactly
 * when the store would open it (the SDK opens only steps marked completed).
 */
export class SdkWizardBinding {
    /** The SDK wizard's definition: one stage with a step per form page; Next on the review says Deploy. */
    public readonly builder = new WizardBuilder();
    private wizard: WizardComponent<SdkWizardModel> | null = null;
    /** The SDK wizard moved on its own since the last sync. */
    private movedBySdk = false;

    constructor(private readonly navigator: WizardNavigator, private readonly strings: ExtensionStrings['Deploy']) {
        this.builder.showExitButton = false;
        this.builder.finishButtonTitle = strings.Wizard.deploy;
        for (const page of FORM_PAGES) {
            this.builder.addStepInStage(strings.Pages[page], DeployWizardStepComponent, strings.Wizard.stageName);
        }
    }

    /** The SDK wizard now shown (null once it is gone): put it on the store's page. */
    public attach(wizard: WizardComponent<SdkWizardModel> | null): void {
        this.wizard = wizard;
        this.movedBySdk = false;
        if (wizard) {
            this.queueSync();
        }
    }

    /** After every store change: the steps' names and which can be opened, and the SDK wizard on the store's page. */
    public update(items: readonly WizardStepItem[]): void {
        const steps = this.builder.stages[0].steps;
        for (const [index, page] of FORM_PAGES.entries()) {
            const item = items.find(candidate => candidate.page === page);
            if (item) {
                steps[index].name = this.stepName(item);
                steps[index].completed = item.canOpen;
            }
        }
        this.queueSync();
    }

    /** The SDK wizard moved (Next, Back, a step clicked): the next sync asks the store for the same move first. */
    public stepChanged(): void {
        this.movedBySdk = true;
        this.queueSync();
    }

    /**
     * Forwards a move of the SDK wizard not yet forwarded, then puts the SDK wizard on the store's page. Every
     * queued sync does both in that order, so a sync queued by a store change in the same turn as a click can never
     * put the SDK wizard back before its move reached the store.
     */
    private sync(): void {
        if (this.movedBySdk) {
            this.movedBySdk = false;
            this.forwardSdkMove();
        }
        this.showStorePage();
    }

    private forwardSdkMove(): void {
        const shown = this.shownPage();
        const current = this.navigator.page;
        if (shown === null || current === 'done' || shown === current) {
            return;
        }
        const offset = FORM_PAGES.indexOf(shown) - FORM_PAGES.indexOf(current);
        if (offset === 1) {
            this.navigator.goNext();
        } else if (offset === -1) {
            this.navigator.goBack();
        } else {
            this.navigator.goTo(shown);
        }
    }

    private stepName(item: WizardStepItem): string {
        const title = this.strings.Pages[item.page];
        const note = item.state === 'invalid' ? this.strings.Wizard.stepInvalid : item.locked ? this.strings.Wizard.stepLocked : null;
        return note ? formatText(this.strings.Wizard.stepWithNote, { title, note }) : title;
    }

    private shownPage(): WizardPageId | null {
        return this.wizard ? FORM_PAGES[this.wizard.stepIndex] ?? null : null;
    }

    private showStorePage(): void {
        const page = this.navigator.page;
        const index = page === 'done' ? -1 : FORM_PAGES.indexOf(page);
        if (this.wizard && index >= 0 && this.wizard.stepIndex !== index) {
            this.wizard.stepIndex = index;
        }
    }

    /** Syncs once the SDK wizard's current navigation (and the emits in its middle) is over. */
    private queueSync(): void {
        void Promise.resolve().then(() => this.sync());
    }
}
