import { startRunRecord, withStepOutcome } from './deployment-run-record';
import { emptyRememberedEntries, rememberEntries } from './remembered-entries';
import { validWizardModel } from './testing/deploy-fixtures';
import { parseWizardDraft, serializeWizardDraft, WIZARD_DRAFT_VERSION, type WizardDraft } from './wizard-draft';

function draft(): WizardDraft {
    const record = withStepOutcome(startRunRecord(validWizardModel(), '2026-05-01T09:00:00Z'), 'deployVm',
        { outcome: 'failed', at: '2026-05-01T09:05:00Z', errorCode: 'DeployEflowFailed', message: 'Unable to create virtual machine.' });
    const remembered = rememberEntries(emptyRememberedEntries(), validWizardModel());
    remembered.disk.vmDataSizeGB = 40;
    remembered.switches.newInternal = { kind: 'newInternal', switchName: 'EFLOW-NAT' };
    remembered.provisioning.iotHubHostname = 'hub.azure-devices.net';
    return { version: WIZARD_DRAFT_VERSION, model: validWizardModel(), remembered, page: 'network', record };
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
        Object.assign(saved.remembered.provisioning, { symmKey: 'c2VjcmV0' });
        Object.assign(saved.remembered, { secrets: { devConnString: 'SharedAccessKey=c2VjcmV0' } });
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

    it('migrate a version 1 draft (before `remembered`): it loads with its model, remembering what the model holds', () => {
        const current = draft();
        current.model.vmSize.disk = { kind: 'dataPartition', vmDataSizeGB: 30 };
        const stored = JSON.parse(serializeWizardDraft(current)) as Record<string, unknown>;
        delete stored['remembered'];
        stored['version'] = 1;
        const migrated = parseWizardDraft(JSON.stringify(stored));
        expect(migrated).toEqual({ ...current, remembered: rememberEntries(emptyRememberedEntries(), current.model) });
        expect(migrated?.version).toBe(WIZARD_DRAFT_VERSION);
        expect(migrated?.remembered.disk).toEqual({ vmDiskSizeGB: null, vmDataSizeGB: 30 });
    });

    it('keep the draft when only its remembered entries are of the wrong shape, remembering what the model holds', () => {
        const stored = JSON.parse(serializeWizardDraft(draft()));
        stored.remembered.disk.vmDiskSizeGB = 'big';
        expect(parseWizardDraft(JSON.stringify(stored))).toEqual({ ...draft(), remembered: rememberEntries(emptyRememberedEntries(), draft().model) });
    });
});
