import { base64Key, clientHostFacts, validWizardModel } from '../domain/testing/deploy-fixtures';
import type { WizardPageId } from '../domain/wizard-pages';
import { initialDeployWizardState, type DeployWizardState } from '../store/deploy-wizard-state';
import { buildWizardViewModel } from './wizard-view-model';

/** A loaded client host on `page`, with the valid model changed by `change`. */
function stateOn(page: WizardPageId, change: (model: ReturnType<typeof validWizardModel>) => void = () => undefined): DeployWizardState {
    const model = validWizardModel();
    model.network.virtualSwitch = { kind: 'defaultSwitch' };
    model.network.addressing = 'dhcp';
    change(model);
    return {
        ...initialDeployWizardState(),
        node: 'edge-01',
        status: 'ready',
        prerequisites: { schemaVersion: 1, collectedAt: '2026-11-23T05:00:00Z', checks: [], host: clientHostFacts(), errors: [] },
        model,
        secrets: { ...initialDeployWizardState().secrets, symmKey: base64Key(64) },
        page
    };
}

const stepStates = (state: DeployWizardState): string[] => buildWizardViewModel(state).steps.map(step => `${step.page}:${step.state}`);

describe('the wizard view model', () => {
    it('marks a page the admin has passed that now has errors, and not a page still ahead that has not been filled in', () => {
        const state = stateOn('gpu', model => {
            model.vmSize.memoryInMB = 1025;
            model.features.eulaAccepted = false;
        });
        expect(stepStates(state)).toEqual(['prerequisites:complete', 'product:complete', 'vmSize:invalid', 'network:complete',
            'gpu:current', 'features:upcoming', 'provisioning:upcoming', 'review:upcoming', 'deploy:upcoming']);
    });

    it('on the review marks every page with errors, and neither Deploy nor the preview is offered', () => {
        const viewModel = buildWizardViewModel(stateOn('review', model => {
            model.features.eulaAccepted = false;
        }));
        expect(viewModel.steps.filter(step => step.state === 'invalid').map(step => step.page)).toEqual(['features']);
        expect(viewModel.invalidPages).toEqual(['features']);
        expect(viewModel.canDeploy).toBe(false);
        expect(viewModel.preview).toBeNull();
    });

    it('offers Deploy and the masked preview on the review when every page is valid', () => {
        const viewModel = buildWizardViewModel(stateOn('review'));
        expect(viewModel.steps.filter(step => step.state === 'invalid')).toEqual([]);
        expect(viewModel.canDeploy).toBe(true);
        expect(viewModel.preview).toContain("Deploy-Eflow -acceptEula 'Yes'");
        expect(viewModel.preview).toContain("-symmKey '<symmetric key>'");
        expect(viewModel.preview).not.toContain(base64Key(64));
    });
});
