import { startRunRecord, withStepOutcome } from '../domain/deployment-run-record';
import { detectResumePoint } from '../domain/resume-detection';
import { base64Key, clientHostFacts, installedHostSnapshot, serverHostFacts, validWizardModel } from '../domain/testing/deploy-fixtures';
import { previewScript } from '../testing/rendered-text';
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
        expect(previewScript(viewModel.preview)).toContain("Deploy-Eflow -acceptEula 'Yes'");
        expect(previewScript(viewModel.preview)).toContain("-symmKey '<symmetric key>'");
        expect(previewScript(viewModel.preview)).not.toContain(base64Key(64));
    });

    it('resumes a run that created its Internal switch: the name is not "taken", Deploy is offered, a half-made switch is completed', () => {
        const state = stateOn('review', model => {
            model.network.virtualSwitch = { kind: 'newInternal', switchName: 'EFLOW-NAT' };
            model.network.addressing = 'static';
            model.network.staticIp = { ip4Address: '172.22.0.2', ip4PrefixLength: 24, ip4GatewayAddress: '172.22.0.1' };
        });
        const host = serverHostFacts();
        host.switches.push({ name: 'EFLOW-NAT', switchType: 'Internal', netAdapterInterfaceDescription: null });
        const prerequisites = state.prerequisites ? { ...state.prerequisites, host } : null;
        let record = startRunRecord(state.model, '2026-05-01T10:00:00Z');
        record = withStepOutcome(record, 'createSwitch', { outcome: 'succeeded', at: '2026-05-01T10:01:00Z', errorCode: null, message: null });
        record = withStepOutcome(record, 'deployVm', { outcome: 'failed', at: '2026-05-01T10:02:00Z', errorCode: 'DeployEflowFailed', message: 'Not enough memory available.' });
        const halfMade = installedHostSnapshot();
        halfMade.switches.push({ name: 'EFLOW-NAT', switchType: 'Internal', hostAddresses: ['172.22.0.1/24'], natPrefix: null });
        const resume = detectResumePoint(halfMade, record);
        expect(resume).toEqual(expect.objectContaining({ phase: 'productInstalled', startPage: 'review', doneSteps: ['downloadMsi', 'installMsi'] }));

        const resumed = buildWizardViewModel({ ...state, prerequisites, snapshot: halfMade, resume, record });
        expect(resumed.validation.get('network')).toEqual([]);
        expect(resumed.canDeploy).toBe(true);
        // The plan runs New-EflowVirtualSwitch again, which adds the missing NAT to the switch it keeps.
        expect(previewScript(resumed.preview)).toContain("New-VMSwitch -Name 'EFLOW-NAT' -SwitchType 'Internal'");

        const whole = { ...halfMade, switches: halfMade.switches.map(s => s.name === 'EFLOW-NAT' ? { ...s, natPrefix: '172.22.0.0/24' } : s) };
        expect(detectResumePoint(whole, record).doneSteps).toEqual(['downloadMsi', 'installMsi', 'createSwitch']);

        // Without the run's record, a switch of that name on the host is someone else's: the name is taken.
        const foreign = buildWizardViewModel({ ...state, prerequisites, snapshot: halfMade, resume: detectResumePoint(halfMade, null), record: null });
        expect(foreign.validation.get('network')?.map(m => [m.code, m.severity])).toEqual([['switchNameTaken', 'error']]);
        expect(foreign.canDeploy).toBe(false);
    });
});
