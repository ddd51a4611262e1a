import { startRunRecord, withStepOutcome } from './deployment-run-record';
import { validWizardModel } from './testing/deploy-fixtures';
import { parseWizardDraft, serializeWizardDraft, WIZARD_DRAFT_VERSION, type WizardDraft } from './wizard-draft';

function draft(): WizardDraft {
    const record = withStepOutcome(startRunRecord(validWizardModel(), '2026-05-01T09:00:00Z'), 'deployVm',
        { outcome: 'failed', at: '2026-05-01T09:05:00Z', errorCode: 'DeployEflowFailed', message: 'Unable to create virtual machine.' });
    return { version: WIZARD_DRAFT_VERSION, model: validWizardModel(), page: 'network', record };
}

describe('wizard drafts', () => {
    it('come back exactly as they were saved', () => {
        expect(parseWizardDraft(serializeWizardDraft(draft()))).toEqual(draft());
    });

    it('keep every kind of choice: a host MSI, a data partition, a new switch, X.509 provisioning', () => {
        const saved = draft();
        saved.model.product.source = { kind: 'hostPath', msiPath: 'C:\\Temp\\AzureIoTEdge.msi' };
        saved.model.vmSize.disk = { kind: 'dataPartition', vmDataSizeGB: null };
        saved.model.network.virtualSwitch = { kind: 'newExternal', switchName: 'LAN2', adapterName: 'Ethernet 2' };
        saved.model.provisioning = { type: 'DpsX509', scopeId: '0ne0012AB34', identityCertPath: 'C:\\c.pem', identityPrivKeyPath: 'C:\\k.pem', globalEndpoint: '' };
        saved.record = null;
        expect(parseWizardDraft(serializeWizardDraft(saved))).toEqual(saved);
    });

    it('store only the model\'s own fields, so nothing else an object carries reaches storage', () => {
        const saved = draft();
        Object.assign(saved.model.provisioning, { devConnString: 'HostName=h;DeviceId=d;SharedAccessKey=c2VjcmV0' });
        Object.assign(saved.model, { secrets: { symmKey: 'c2VjcmV0' } });
        const text = serializeWizardDraft(saved);
        expect(text).not.toContain('SharedAccessKey');
        expect(text).not.toContain('c2VjcmV0');
    });

    it('are dropped rather than half read when missing, not JSON, of another version or of the wrong shape', () => {
        expect(parseWizardDraft(null)).toBeNull();
        expect(parseWizardDraft('{not json')).toBeNull();
        expect(parseWizardDraft(JSON.stringify({ ...draft(), version: 0 }))).toBeNull();
        const wrong = JSON.parse(serializeWizardDraft(draft()));
        wrong.model.vmSize.memoryInMB = '4096';
        expect(parseWizardDraft(JSON.stringify(wrong))).toBeNull();
        const badPage = JSON.parse(serializeWizardDraft(draft()));
        badPage.page = 'somewhere';
        expect(parseWizardDraft(JSON.stringify(badPage))).toBeNull();
        const badStep = JSON.parse(serializeWizardDraft(draft()));
        badStep.record.steps.deployVm.outcome = 'maybe';
        expect(parseWizardDraft(JSON.stringify(badStep))).toBeNull();
    });
});
