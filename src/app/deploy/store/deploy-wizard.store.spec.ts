import { deployedStateOutput, serverPrerequisitesOutput } from '../../core/models/testing/deploy-read-outputs';
import { ajaxError } from '../../testing/ajax-error';
import { buildWizardViewModel } from '../view-model/wizard-view-model';
import { draftKey } from './wizard-draft-storage';
import { HOST_CHECK_DEBOUNCE_MS } from './host-input-checker';
import { CONNECTION_STRING, installedStateOutput, provisionedStateOutput, WizardStoreHarness } from './testing/wizard-store-harness';
import { previewScript } from '../testing/rendered-text';

describe('DeployWizardStore', () => {
    let harness: WizardStoreHarness;

    beforeEach(() => {
        window.localStorage.clear();
        harness = new WizardStoreHarness();
    });

    afterEach(() => harness.destroy());

    describe('opening a host', () => {
        it('reads the prerequisites and the deployment state, and starts a bare host at the prerequisites with defaults for it', () => {
            harness.open('ready-to-deploy');
            expect(harness.commandNames()).toEqual(['Get-EflowDeploymentPrerequisites', 'Get-EflowDeploymentState']);
            const state = harness.store.state;
            expect(state.status).toBe('ready');
            expect(state.page).toBe('prerequisites');
            expect(state.model.network.virtualSwitch).toEqual({ kind: 'defaultSwitch' });
            expect(state.model.product.architecture).toBe('x64');
        });

        it('starts on a server from a switch the server has', () => {
            harness.open('srv2022-dps', deployedStateOutput(), serverPrerequisitesOutput());
            expect(harness.store.state.model.network.virtualSwitch).toEqual({ kind: 'existing', switchName: 'ExternalSwitch', switchType: 'External' });
        });

        it.each([
            ['the MSI is in and no VM', installedStateOutput(), null, 'vmSize'],
            ['the VM runs unprovisioned', deployedStateOutput(), null, 'network'],
            ['the dashboard asked for provisioning', deployedStateOutput(), 'provisioning', 'provisioning'],
            ['everything is done', provisionedStateOutput(), null, 'done']
        ] as const)('continues where the host stands when %s', (_case, snapshot, requested, page) => {
            harness.open('ready-to-deploy', snapshot, undefined, requested);
            expect(harness.store.state.page).toBe(page);
        });

        it('preselects a real provisioning method, not "Later", when provisioning is all that is left', () => {
            harness.open('ready-to-deploy', deployedStateOutput(), undefined, 'provisioning');
            expect(harness.store.state.page).toBe('provisioning');
            expect(harness.store.state.model.provisioning).toEqual({ type: 'ManualConnectionString' });
        });

        it('leaves "Later" the default on a bare host', () => {
            harness.open('ready-to-deploy');
            expect(harness.store.state.model.provisioning).toEqual({ type: 'skip' });
        });

        it('locks what a deployed VM has fixed', () => {
            harness.open('ready-to-deploy', deployedStateOutput());
            const before = harness.store.state.model.vmSize;
            harness.store.updateModel('vmSize', { ...before, cpuCount: 4 });
            expect(harness.store.state.model.vmSize).toBe(before);
            expect(harness.store.state.resume?.lockedPages).toEqual(['product', 'vmSize', 'gpu']);
        });

        it('shows the failure when the host cannot be read, and reads again on refresh', () => {
            harness.store.open('ready-to-deploy');
            harness.pending('Get-EflowDeploymentPrerequisites').fail(new Error('boom'));
            expect(harness.store.state.status).toBe('failed');
            expect(harness.store.state.loadError?.message).toBe('boom');
            harness.store.refresh();
            expect(harness.store.state.status).toBe('loading');
            harness.answer('Get-EflowDeploymentPrerequisites', serverPrerequisitesOutput());
            harness.answer('Get-EflowDeploymentState', deployedStateOutput());
            expect(harness.store.state.status).toBe('ready');
        });
    });

    describe('moving through the pages', () => {
        beforeEach(() => harness.open('ready-to-deploy'));

        it('goes on only while the page has no error, and keeps entries going back and forth', () => {
            const store = harness.store;
            store.goNext();
            store.goNext();
            expect(store.state.page).toBe('vmSize');
            store.updateModel('vmSize', { ...store.state.model.vmSize, memoryInMB: 2049 });
            expect(buildWizardViewModel(store.state).canGoNext).toBe(false);
            store.goNext();
            expect(store.state.page).toBe('vmSize');
            store.updateModel('vmSize', { ...store.state.model.vmSize, memoryInMB: 2048 });
            store.goNext();
            store.goBack();
            store.goBack();
            store.goNext();
            expect(store.state.page).toBe('vmSize');
            expect(store.state.model.vmSize.memoryInMB).toBe(2048);
        });

        it('opens later pages from the step list only past valid ones', () => {
            const store = harness.store;
            store.goTo('features');
            expect(store.state.page).toBe('features');
            store.goTo('review');
            // The EULA is not accepted yet: the review stays out of reach.
            expect(store.state.page).toBe('features');
            store.updateModel('features', { ...store.state.model.features, eulaAccepted: true });
            store.goTo('review');
            expect(store.state.page).toBe('review');
            store.goTo('deploy');
            expect(store.state.page).toBe('review');
        });

        it('offers the way back to the review on a page opened with the review\'s Change, as long as the page is valid', () => {
            const store = harness.store;
            store.updateModel('features', { ...store.state.model.features, eulaAccepted: true });
            store.goTo('review');
            expect(store.state.returnToReview).toBe(false);
            store.goTo('vmSize');
            expect(store.state.returnToReview).toBe(true);
            store.updateModel('vmSize', { ...store.state.model.vmSize, memoryInMB: 2049 });
            store.backToReview();
            expect(store.state.page).toBe('vmSize');
            store.updateModel('vmSize', { ...store.state.model.vmSize, memoryInMB: 2048 });
            store.backToReview();
            expect(store.state.page).toBe('review');
            expect(store.state.returnToReview).toBe(false);
        });

        it('offers no way back to the review on a page reached by Next or the step list', () => {
            const store = harness.store;
            store.goNext();
            store.goTo('vmSize');
            expect(store.state.returnToReview).toBe(false);
            store.backToReview();
            expect(store.state.page).toBe('vmSize');
        });
    });

    describe('keeping entries', () => {
        it('saves every change for the host and restores it on reopening, secrets left out', () => {
            harness.open('ready-to-deploy');
            const store = harness.store;
            store.updateModel('vmSize', { ...store.state.model.vmSize, cpuCount: 3, memoryInMB: 4096 });
            store.updateModel('provisioning', { type: 'ManualConnectionString' });
            store.setSecret('devConnString', CONNECTION_STRING);
            store.goTo('network');
            const stored = harness.storage.getItem(draftKey('ready-to-deploy')) ?? '';
            expect(stored).toContain('"memoryInMB":4096');
            expect(stored).not.toContain('SharedAccessKey');
            expect(stored).not.toContain(CONNECTION_STRING.split('SharedAccessKey=')[1]);

            const reopened = new WizardStoreHarness();
            reopened.open('READY-TO-DEPLOY');
            expect(reopened.store.state.model.vmSize).toEqual(expect.objectContaining({ cpuCount: 3, memoryInMB: 4096 }));
            expect(reopened.store.state.model.provisioning).toEqual({ type: 'ManualConnectionString' });
            expect(reopened.store.state.page).toBe('network');
            expect(reopened.store.state.secrets.devConnString).toBe('');
            reopened.destroy();
        });

        it('remembers what was typed for the kinds not chosen now, across reopening, while the model, export and preview hold the chosen kind only', () => {
            harness.open('ready-to-deploy');
            const store = harness.store;
            store.updateModel('provisioning', { type: 'ManualX509', iotHubHostname: 'hub.azure-devices.net', deviceId: 'plant-edge-07',
                identityCertPath: 'C:\\certs\\edge.pem', identityPrivKeyPath: 'C:\\certs\\edge.key' });
            store.updateModel('provisioning', { type: 'ManualConnectionString' });
            store.updateModel('vmSize', { ...store.state.model.vmSize, disk: { kind: 'dataPartition', vmDataSizeGB: 48 } });
            store.updateModel('vmSize', { ...store.state.model.vmSize, disk: { kind: 'default' } });
            store.updateModel('network', { ...store.state.model.network, virtualSwitch: { kind: 'newExternal', switchName: 'Plant-LAN', adapterName: 'Ethernet' } });
            store.updateModel('network', { ...store.state.model.network, virtualSwitch: { kind: 'defaultSwitch' } });
            store.setSecret('devConnString', CONNECTION_STRING);
            store.updateModel('features', { ...store.state.model.features, eulaAccepted: true });
            store.goTo('review');
            expect(store.state.model.provisioning).toEqual({ type: 'ManualConnectionString' });
            const viewModel = buildWizardViewModel(store.state);
            for (const text of [viewModel.exportFile?.text ?? '', previewScript(viewModel.preview)]) {
                expect(text).not.toContain('plant-edge-07');
                expect(text).not.toContain('Plant-LAN');
                expect(text).not.toMatch(/vmDataSize["']?\s*[:=]?\s*48/);
            }
            expect(viewModel.preview).not.toBeNull();

            const reopened = new WizardStoreHarness();
            reopened.open('ready-to-deploy');
            const remembered = reopened.store.state.remembered;
            expect(remembered.provisioning).toEqual(expect.objectContaining({ deviceId: 'plant-edge-07', identityPrivKeyPath: 'C:\\certs\\edge.key' }));
            expect(remembered.disk.vmDataSizeGB).toBe(48);
            expect(remembered.switches.newExternal).toEqual({ kind: 'newExternal', switchName: 'Plant-LAN', adapterName: 'Ethernet' });
            const stored = reopened.storage.getItem(draftKey('ready-to-deploy')) ?? '';
            expect(stored).toContain('plant-edge-07');
            expect(stored).not.toContain('SharedAccessKey');
            reopened.destroy();
        });

        it('never writes a secret anywhere in the browser\'s storage, whatever the admin does', () => {
            harness.open('ready-to-deploy');
            const store = harness.store;
            const key = btoa('s'.repeat(32));
            store.updateModel('provisioning', { type: 'DpsSymmetricKey', scopeId: '0ne0012AB34', registrationId: 'edge-01', globalEndpoint: '' });
            store.setSecret('symmKey', key);
            store.updateModel('features', { ...store.state.model.features, eulaAccepted: true });
            store.goTo('review');
            const everything = Object.keys(harness.storage).map(name => harness.storage.getItem(name) ?? '').join('\n');
            expect(everything).toContain('DpsSymmetricKey');
            expect(everything).not.toContain(key);
        });
    });

    describe('importing an eflowAutoDeploy file', () => {
        beforeEach(() => harness.open('ready-to-deploy'));

        it('fills the wizard, secrets in memory only', () => {
            const file = JSON.stringify({
                schemaVersion: '1.1', version: '1.0', eflowProduct: 'Azure IoT Edge CR X64',
                enduser: { acceptEula: 'Yes', acceptOptionalTelemetry: 'No' },
                vmConfig: { cpuCount: 4, memoryInMB: 4096, vmDiskSize: 64 },
                network: { dnsServers: ['1.1.1.1'] },
                eflowProvisioning: { provisioningType: 'ManualConnectionString', devConnString: CONNECTION_STRING }
            });
            harness.store.importFile('edge.json', file);
            const state = harness.store.state;
            expect(state.importOutcome).toEqual(expect.objectContaining({ fileName: 'edge.json', applied: true, errors: [] }));
            expect(state.model.product.channel).toBe('CR');
            expect(state.model.vmSize).toEqual(expect.objectContaining({ cpuCount: 4, memoryInMB: 4096, disk: { kind: 'osDisk', vmDiskSizeGB: 64 } }));
            expect(state.model.network.dnsServers).toEqual(['1.1.1.1']);
            expect(state.secrets.devConnString).toBe(CONNECTION_STRING);
            expect(harness.storage.getItem(draftKey('ready-to-deploy'))).not.toContain('SharedAccessKey');
        });

        it('keeps what a deployed VM has fixed: an imported file cannot change its size or switch', () => {
            harness.destroy();
            harness = new WizardStoreHarness();
            harness.open('ready-to-deploy', deployedStateOutput());
            const before = harness.store.state.model;
            harness.store.importFile('edge.json', JSON.stringify({
                eflowProduct: 'Azure IoT Edge CR X64', vmConfig: { cpuCount: 4, memoryInMB: 4096 },
                network: { vswitchName: 'LAN', vswitchType: 'External', dnsServers: ['1.1.1.1'] }
            }));
            const after = harness.store.state.model;
            expect([after.product, after.vmSize, after.network.virtualSwitch]).toEqual([before.product, before.vmSize, before.network.virtualSwitch]);
            expect(after.network.dnsServers).toEqual(['1.1.1.1']);
        });

        it('changes nothing for a file with errors, and says what is wrong', () => {
            const before = harness.store.state.model;
            harness.store.importFile('bad.json', JSON.stringify({ eflowProduct: 'Azure IoT Edge CR X64', vmConfig: { memoryInMB: 1025 } }));
            expect(harness.store.state.model).toBe(before);
            expect(harness.store.state.importOutcome?.applied).toBe(false);
            expect(harness.store.state.importOutcome?.errors.map(e => e.path)).toContain('vmConfig.memoryInMB');
        });
    });

    describe('checking paths and addresses on the host as the admin types', () => {
        beforeEach(() => harness.open('ready-to-deploy'));

        it('asks after a pause in typing, blocks Next meanwhile, and shows the host\'s answer', () => {
            const store = harness.store;
            store.updateModel('features', { ...store.state.model.features, eulaAccepted: true });
            store.goTo('provisioning');
            expect(store.state.page).toBe('provisioning');
            store.updateModel('provisioning', { type: 'ManualX509', iotHubHostname: 'hub.azure-devices.net', deviceId: 'edge-01',
                identityCertPath: 'C:\\certs\\device-identity.cert.pem', identityPrivKeyPath: 'C:\\certs\\missing.key.pem' });
            expect(store.state.hostChecksPending).toBe(true);
            expect(buildWizardViewModel(store.state).canGoNext).toBe(false);
            expect(harness.commandNames()).not.toContain('Test-EflowDeploymentInput');
            harness.time.advance(HOST_CHECK_DEBOUNCE_MS);
            const check = harness.pending('Test-EflowDeploymentInput');
            expect(check.command.parameters).toEqual({ Path: ['C:\\certs\\device-identity.cert.pem', 'C:\\certs\\missing.key.pem'] });
            check.finish({ results: [{ paths: [{ path: 'C:\\certs\\device-identity.cert.pem', exists: true },
                { path: 'C:\\certs\\missing.key.pem', exists: false }], msi: null, addressInUse: null, gatewayReachable: null }] });
            harness.time.advance(0);
            const view = buildWizardViewModel(store.state);
            expect(store.state.hostChecksPending).toBe(false);
            expect(view.messages.map(m => [m.field, m.code])).toEqual([['provisioning.identityPrivKeyPath', 'pathNotFound']]);
            expect(view.canGoNext).toBe(false);
        });

        it('asks once per value, however often the admin goes back to it', () => {
            const store = harness.store;
            const x509 = { type: 'DpsX509' as const, scopeId: '0ne0012AB34', identityCertPath: 'C:\\certs\\a.pem', identityPrivKeyPath: 'C:\\certs\\b.pem', globalEndpoint: '' };
            store.updateModel('provisioning', x509);
            harness.time.advance(HOST_CHECK_DEBOUNCE_MS);
            harness.answer('Test-EflowDeploymentInput', { paths: [{ path: 'C:\\certs\\a.pem', exists: true }, { path: 'C:\\certs\\b.pem', exists: true }],
                msi: null, addressInUse: null, gatewayReachable: null });
            store.updateModel('provisioning', { ...x509, identityCertPath: 'C:\\certs\\c.pem' });
            store.updateModel('provisioning', x509);
            harness.time.advance(HOST_CHECK_DEBOUNCE_MS);
            expect(harness.commandNames().filter(name => name === 'Test-EflowDeploymentInput')).toHaveLength(1);
        });

        it('reads an MSI path for its product: a mismatch with the chosen release blocks Next, a match shows its version', () => {
            const store = harness.store;
            const msiPath = 'C:\\Installers\\AzureIoTEdge-CR-x64.msi';
            store.goTo('product');
            store.updateModel('product', { ...store.state.model.product, channel: 'LTS', source: { kind: 'hostPath', msiPath } });
            harness.time.advance(HOST_CHECK_DEBOUNCE_MS);
            const check = harness.pending('Test-EflowDeploymentInput');
            expect(check.command.parameters).toEqual({ MsiPath: msiPath });
            check.finish({ results: [{ paths: [], msi: { path: msiPath, status: 'eflow', productName: 'Azure IoT Edge', productVersion: '1.3.1.02092',
                architecture: 'x64', channel: 'CR', error: null }, addressInUse: null, gatewayReachable: null }] });
            harness.time.advance(0);
            let view = buildWizardViewModel(store.state);
            expect(view.messages.map(m => [m.field, m.code])).toEqual([['product.source.msiPath', 'msiChannelMismatch']]);
            expect(view.canGoNext).toBe(false);
            expect(view.confirmedMsi).toBeNull();

            store.updateModel('product', { ...store.state.model.product, channel: 'CR' });
            harness.time.advance(HOST_CHECK_DEBOUNCE_MS);
            view = buildWizardViewModel(store.state);
            expect(view.messages).toEqual([]);
            expect(view.canGoNext).toBe(true);
            expect(view.confirmedMsi).toEqual(expect.objectContaining({ productVersion: '1.3.1.02092', channel: 'CR' }));
            expect(harness.commandNames().filter(name => name === 'Test-EflowDeploymentInput')).toHaveLength(1);
        });

        describe('when the check fails', () => {
            const x509 = { type: 'DpsX509' as const, scopeId: '0ne0012AB34', identityCertPath: 'C:\\certs\\a.pem',
                identityPrivKeyPath: 'C:\\certs\\b.pem', globalEndpoint: '' };
            const failCheck = (): void => harness.pending('Test-EflowDeploymentInput').fail(ajaxError(500, {
                error: { code: 'PSRemotingTransportException', message: 'WinRM cannot complete the operation.' }
            }));
            const checkedPaths = (): unknown[] => harness.sdk.commands
                .filter(c => c.command.command === 'Test-EflowDeploymentInput').map(c => c.command.parameters);

            it('stops blocking Next and leaves the values unchecked, then asks again on the next change', () => {
                const store = harness.store;
                store.updateModel('provisioning', x509);
                harness.time.advance(HOST_CHECK_DEBOUNCE_MS);
                failCheck();

                expect(store.state.hostChecksPending).toBe(false);
                expect(store.state.hostCheckAnswers.pathExists).toEqual({});
                expect(buildWizardViewModel(store.state).messages.filter(m => m.code === 'pathNotFound')).toEqual([]);
                harness.time.advance(10 * HOST_CHECK_DEBOUNCE_MS);
                expect(checkedPaths()).toHaveLength(1);

                store.updateModel('provisioning', { ...x509, scopeId: '0ne0012AB35' });
                expect(store.state.hostChecksPending).toBe(true);
                harness.time.advance(HOST_CHECK_DEBOUNCE_MS);
                expect(checkedPaths()).toEqual([{ Path: ['C:\\certs\\a.pem', 'C:\\certs\\b.pem'] }, { Path: ['C:\\certs\\a.pem', 'C:\\certs\\b.pem'] }]);
                harness.answer('Test-EflowDeploymentInput', { paths: [{ path: 'C:\\certs\\a.pem', exists: true },
                    { path: 'C:\\certs\\b.pem', exists: false }], msi: null, addressInUse: null, gatewayReachable: null });
                expect(store.state.hostChecksPending).toBe(false);
                expect(store.state.hostCheckAnswers.pathExists).toEqual({ 'C:\\certs\\a.pem': true, 'C:\\certs\\b.pem': false });
            });

            it('keeps Next blocked when the admin typed on meanwhile, and asks about the new value after the pause', () => {
                const store = harness.store;
                store.updateModel('provisioning', x509);
                harness.time.advance(HOST_CHECK_DEBOUNCE_MS);
                store.updateModel('provisioning', { ...x509, identityCertPath: 'C:\\certs\\c.pem' });
                failCheck();

                expect(store.state.hostChecksPending).toBe(true);
                harness.time.advance(HOST_CHECK_DEBOUNCE_MS);
                expect(checkedPaths()).toEqual([{ Path: ['C:\\certs\\a.pem', 'C:\\certs\\b.pem'] }, { Path: ['C:\\certs\\c.pem', 'C:\\certs\\b.pem'] }]);
                expect(store.state.hostChecksPending).toBe(true);
            });
        });
    });
});
