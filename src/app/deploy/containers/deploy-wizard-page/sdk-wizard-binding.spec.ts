import type { WizardComponent } from '@microsoft/windows-admin-center-sdk/angular';
import { extensionStrings } from '../../../shared/extension-strings';
import { loadSdkStrings } from '../../../testing/sdk-test-environment';
import { FORM_PAGES } from '../../domain/wizard-navigation';
import type { WizardPageId } from '../../domain/wizard-pages';
import type { WizardStepItem } from '../../view-model/wizard-view-model';
import type { SdkWizardModel } from '../deploy-wizard-step/deploy-wizard-step.component';
import { SdkWizardBinding, type WizardNavigator } from './sdk-wizard-binding';

/** A store stand-in: moves as asked unless a page is refused, and records the moves. */
class FakeNavigator implements WizardNavigator {
    public page: WizardPageId | 'done' = 'prerequisites';
    public readonly moves: string[] = [];
    public refused: WizardPageId | null = null;

    public goNext(): void {
        this.move('next', FORM_PAGES[FORM_PAGES.indexOf(this.page as WizardPageId) + 1]);
    }

    public goBack(): void {
        this.move('back', FORM_PAGES[FORM_PAGES.indexOf(this.page as WizardPageId) - 1]);
    }

    public goTo(page: WizardPageId): void {
        this.move(`open ${page}`, page);
    }

    private move(name: string, target: WizardPageId): void {
        this.moves.push(name);
        if (target !== this.refused) {
            this.page = target;
        }
    }
}

/** The part of the SDK wizard the binding uses: its step index (the setter re-creates the step in the SDK). */
function fakeWizard(stepIndex = 0): WizardComponent<SdkWizardModel> {
    return { stepIndex } as WizardComponent<SdkWizardModel>;
}

const settle = (): Promise<void> => new Promise(resolve => setTimeout(resolve));

function item(page: WizardPageId, state: WizardStepItem['state'], canOpen: boolean, locked = false): WizardStepItem {
    return { page, state, canOpen, locked };
}

describe('SdkWizardBinding', () => {
    let navigator: FakeNavigator;
    let binding: SdkWizardBinding;

    beforeEach(() => {
        loadSdkStrings();
        navigator = new FakeNavigator();
        binding = new SdkWizardBinding(navigator, extensionStrings().Deploy);
    });

    it('defines one stage with a step per form page, and says Deploy on the last', () => {
        expect(binding.builder.stages.map(stage => stage.steps.map(step => step.name))).toEqual([[
            'Prerequisites', 'Product', 'VM size', 'Network', 'GPU', 'Features and terms', 'Provisioning', 'Review']]);
        expect(binding.builder.finishButtonTitle).toBe('Deploy');
        expect(binding.builder.showExitButton).toBe(false);
    });

    it('puts a newly shown SDK wizard on the store\'s page (a resumed wizard opens further on)', async () => {
        navigator.page = 'network';
        const wizard = fakeWizard();
        binding.attach(wizard);
        await settle();
        expect(wizard.stepIndex).toBe(3);
    });

    it('turns the SDK wizard\'s moves into the store\'s Next, Back and open-page', async () => {
        const wizard = fakeWizard();
        binding.attach(wizard);
        wizard.stepIndex = 1;
        binding.stepChanged();
        await settle();
        wizard.stepIndex = 0;
        binding.stepChanged();
        await settle();
        wizard.stepIndex = 5;
        binding.stepChanged();
        await settle();
        expect(navigator.moves).toEqual(['next', 'back', 'open features']);
        expect(navigator.page).toBe('features');
        expect(wizard.stepIndex).toBe(5);
    });

    it('puts the SDK wizard back on the store\'s page when the store refuses the move', async () => {
        navigator.page = 'gpu';
        navigator.refused = 'provisioning';
        const wizard = fakeWizard(4);
        binding.attach(wizard);
        wizard.stepIndex = 6;
        binding.stepChanged();
        await settle();
        expect(navigator.moves).toEqual(['open provisioning']);
        expect(wizard.stepIndex).toBe(4);
    });

    it('forwards a click made in the same turn as a store change before following the store (the click is not lost)', async () => {
        const wizard = fakeWizard();
        binding.attach(wizard);
        await settle();
        // A field's change reaches the store, then Next is clicked, before any queued sync has run.
        binding.update([item('prerequisites', 'current', false)]);
        wizard.stepIndex = 1;
        binding.stepChanged();
        await settle();
        expect(navigator.moves).toEqual(['next']);
        expect(wizard.stepIndex).toBe(1);
    });

    it('asks the store nothing for the emits of a move the store made itself', async () => {
        const wizard = fakeWizard();
        binding.attach(wizard);
        navigator.page = 'review';
        binding.update([]);
        await settle();
        expect(wizard.stepIndex).toBe(7);
        binding.stepChanged();
        await settle();
        expect(navigator.moves).toEqual([]);
    });

    it('names each step with its state and lets the SDK open exactly the steps the store would', () => {
        binding.update([item('prerequisites', 'complete', true), item('product', 'complete', true, true), item('vmSize', 'current', false),
            item('network', 'invalid', true), item('gpu', 'upcoming', false)]);
        const steps = binding.builder.stages[0].steps;
        expect(steps.slice(0, 5).map(step => [step.name, step.completed])).toEqual([
            ['Prerequisites', true], ['Product (Already in place)', true], ['VM size', false], ['Network (Has errors)', true], ['GPU', false]]);
    });
});
