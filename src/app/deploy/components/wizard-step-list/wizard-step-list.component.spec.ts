import { allByTest } from '../../../testing/render-component';
import type { WizardStepItem } from '../../view-model/wizard-view-model';
import { renderDeployComponent } from '../../testing/render-deploy-component';
import { WizardStepListComponent } from './wizard-step-list.component';

describe('WizardStepListComponent', () => {
    const steps: WizardStepItem[] = [
        { page: 'prerequisites', state: 'complete', locked: false, canOpen: true },
        { page: 'product', state: 'complete', locked: true, canOpen: true },
        { page: 'vmSize', state: 'current', locked: false, canOpen: false },
        { page: 'network', state: 'invalid', locked: false, canOpen: false }
    ];

    it('shows each step\'s state, marks the fixed ones, and opens only what may be opened', () => {
        const fixture = renderDeployComponent(WizardStepListComponent, { steps });
        const opened: string[] = [];
        fixture.componentInstance.pageSelected.subscribe((page: string) => opened.push(page));
        const items = allByTest(fixture, 'wizard-step');
        expect(items.map(item => [item.getAttribute('data-page'), item.getAttribute('data-state'), item.getAttribute('data-locked')])).toEqual([
            ['prerequisites', 'complete', 'false'], ['product', 'complete', 'true'], ['vmSize', 'current', 'false'], ['network', 'invalid', 'false']
        ]);
        expect(items[2].querySelector('button')?.getAttribute('aria-current')).toBe('step');
        items.forEach(item => item.querySelector('button')?.click());
        expect(opened).toEqual(['prerequisites', 'product']);
    });
});
