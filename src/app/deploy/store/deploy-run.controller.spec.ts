import { HOST_CHANGE_SESSION_KEY } from '../../core/gateway/gateway-session-pool';
import {
    configurationOutput, installOutput, INSTALL_PROGRESS, newVmOutput, provisioningOutput, verificationOutput
} from '../../core/models/testing/deploy-change-outputs';
import { deployedStateOutput } from '../../core/models/testing/deploy-read-outputs';
import { ajaxError } from '../../testing/ajax-error';
import { parseWizardDraft } from '../domain/wizard-draft';
import { rendered } from '../testing/rendered-text';
import { draftKey } from './wizard-draft-storage';
import { CONNECTION_STRING, deployFromReview as deployFromReviewOf, installedStateOutput, WizardStoreHarness } from './testing/wizard-store-harness';

describe('the Deploy page\'s run (DeployRunController through the store and the registry)', () => {
    let harness: WizardStoreHarness;

    /** A bare host, every page filled in (manual connection string), Deploy clicked and the state read. */
    function deployFromReview(): void {
        deployFromReviewOf(harness);
        expect(harness.store.state.page).toBe('deploy');
    }

    function bareState(): Record<string, unknown> {
        return { ...installedStateOutput(), product: null, moduleAvailable: false, vmExists: null, vhdxPresent: null };
    }

    const stepStates = (): string[] => harness.store.state.run?.steps.map(step => `${step.id}:${step.state}`) ?? [];
    const recordOf = () => parseWizardDraft(harness.storage.getItem(draftKey('ready-to-deploy')))?.record;

    beforeEach(() => {
        window.localStorage.clear();
        harness = new WizardStoreHarness();
    });

    afterEach(() => harness.destroy());

    it('runs every step in order with live progress, and sends the secret in the provisioning call only', () => {
        deployFromReview();
        const install = harness.pending('Install-EflowProduct');
        expect(install.session.key).toBe(HOST_CHANGE_SESSION_KEY);
        install.answer({ progress: INSTALL_PROGRESS.slice(0, 2).map(([activity, statusDescription]) => ({ activity, statusDescription })) });
        expect(stepStates().slice(0, 2)).toEqual(['downloadMsi:running', 'installMsi:pending']);
        expect(harness.store.state.run?.steps[0].detail).toBe('Reading response stream... (Number of bytes read: 300000000)');
        install.answer({ progress: [{ activity: 'Installing the EFLOW MSI', statusDescription: 'msiexec /i' }] });
        expect(stepStates().slice(0, 2)).toEqual(['downloadMsi:succeeded', 'installMsi:running']);
        install.finish({ results: [installOutput()] });
        harness.answer('New-EflowVirtualMachine', newVmOutput());
        harness.answer('Set-EflowVmConfiguration', configurationOutput());
        harness.answer('Set-EflowVmProvisioning', provisioningOutput());
        harness.answer('Test-EflowDeployment', verificationOutput());

        expect(harness.store.state.run?.status).toBe('succeeded');
        expect(harness.commandNames()).toEqual(['Get-EflowDeploymentPrerequisites', 'Get-EflowDeploymentState', 'Get-EflowDeploymentState',
            'Install-EflowProduct', 'New-EflowVirtualMachine', 'Set-EflowVmConfiguration', 'Set-EflowVmProvisioning', 'Test-EflowDeployment']);
        const withSecret = harness.sdk.commands.filter(c => c.command.script.includes(CONNECTION_STRING.split('SharedAccessKey=')[1]));
        expect(withSecret.map(c => c.command.command)).toEqual(['Set-EflowVmProvisioning']);
        expect(recordOf()?.steps).toEqual(expect.objectContaining({
            downloadMsi: expect.objectContaining({ outcome: 'succeeded' }), verify: expect.objectContaining({ outcome: 'succeeded' })
        }));
    });

    it('shows a failure in plain words with the host\'s message, and retries after reading the host again', () => {
        deployFromReview();
        harness.answer('Install-EflowProduct', installOutput());
        harness.pending('New-EflowVirtualMachine').fail(ajaxError(400, {
            error: { code: 'RuntimeException', message: '[DeployEflowFailed] Deploy-Eflow failed: Unable to create virtual machine.' },
            errors: [{ errorType: 'RuntimeException', message: '[DeployEflowFailed] Deploy-Eflow failed: Unable to create virtual machine.' }]
        }));
        const state = harness.store.state;
        expect(state.run?.status).toBe('failed');
        // What the Deploy page shows of it: the step (its headline comes from the page's strings), the code, the
        // explanation, the host's message and the way on.
        expect(rendered(state.run?.failure)).toEqual(expect.objectContaining({
            step: 'deployVm', code: 'DeployEflowFailed',
            explanation: 'Deploy-Eflow failed. Before a retry the wizard reads the host again, so a VM is never deployed twice.',
            underlyingMessage: 'Deploy-Eflow failed: Unable to create virtual machine.', recovery: { kind: 'refreshFirst' }
        }));
        expect(recordOf()?.steps.deployVm).toEqual(expect.objectContaining({ outcome: 'failed', errorCode: 'DeployEflowFailed' }));
        // Before any retry the host tells whether Deploy-Eflow left a partial deployment: here it did not.
        expect(harness.store.state.checkingHost).toBe(true);
        harness.store.retry();
        expect(harness.store.state.preparingRun).toBe(false);
        harness.answer('Get-EflowDeploymentState', installedStateOutput());
        expect(harness.store.state).toEqual(expect.objectContaining({ checkingHost: false, partialDeployment: false }));

        harness.store.retry();
        expect(harness.store.state.preparingRun).toBe(true);
        harness.answer('Get-EflowDeploymentState', installedStateOutput());
        expect(stepStates()).toEqual(['downloadMsi:done', 'installMsi:done', 'createSwitch:notNeeded', 'deployVm:running',
            'configureVm:pending', 'provision:pending', 'verify:pending']);
        harness.answer('New-EflowVirtualMachine', newVmOutput());
        harness.answer('Set-EflowVmConfiguration', configurationOutput());
        harness.answer('Set-EflowVmProvisioning', provisioningOutput());
        harness.answer('Test-EflowDeployment', verificationOutput());
        expect(harness.store.state.run?.status).toBe('succeeded');
    });

    it('never deploys the VM twice: a retry on a host whose VM appeared goes on from there', () => {
        deployFromReview();
        harness.answer('Install-EflowProduct', installOutput());
        harness.pending('New-EflowVirtualMachine').finish({ errors: [{ errorType: 'WriteErrorException', message: '[DeployEflowFailed] timed out' }] });
        harness.answer('Get-EflowDeploymentState', deployedStateOutput());
        expect(harness.store.state.partialDeployment).toBe(false);
        harness.store.retry();
        harness.answer('Get-EflowDeploymentState', deployedStateOutput());
        // The VM's configuration already matches these choices (no DNS, features off): only provisioning is left.
        expect(stepStates().slice(3, 5)).toEqual(['deployVm:done', 'configureVm:done']);
        expect(harness.pending('Set-EflowVmProvisioning')).toBeTruthy();
        expect(harness.commandNames().filter(name => name === 'New-EflowVirtualMachine')).toHaveLength(1);
    });

    it('does not deploy again when the retry finds the disk of the interrupted Deploy-Eflow: it shows the blocker', () => {
        deployFromReview();
        harness.answer('Install-EflowProduct', installOutput());
        harness.pending('New-EflowVirtualMachine').finish({ errors: [{ message: '[DeployEflowFailed] Deploy-Eflow failed: Unable to create virtual machine.' }] });
        expect(harness.store.state.run?.failure?.recovery).toEqual({ kind: 'refreshFirst' });
        // The check after the failure gets no answer, and the step logged nothing past the disk: a retry may read again.
        harness.pending('Get-EflowDeploymentState').fail(ajaxError(500, { error: { code: 'Timeout', message: 'no answer' } }));
        expect(harness.store.state.partialDeployment).toBe(false);
        harness.store.retry();
        // The VM disk without a VM: resume detection's partialDeployment blocker.
        harness.answer('Get-EflowDeploymentState', { ...installedStateOutput(), vmExists: false, vhdxPresent: true });
        expect(harness.commandNames().filter(name => name === 'New-EflowVirtualMachine')).toHaveLength(1);
        const state = harness.store.state;
        expect(state.run?.status).toBe('failed');
        expect(state.run?.failure).toEqual(expect.objectContaining({ step: 'deployVm', code: 'PartialDeploymentFound', recovery: { kind: 'uninstall' } }));
        expect(state.partialDeployment).toBe(true);
        expect(rendered(state.run?.failure?.blockedBy)?.join(' ')).toContain('uninstall EFLOW and start again');
        expect(stepStates()[3]).toBe('deployVm:failed');
        // Nothing left to send, and another retry sends nothing either.
        harness.store.retry();
        expect(harness.commandNames().slice(-1)).toEqual(['Get-EflowDeploymentState']);
        expect(harness.commandNames().filter(name => name === 'New-EflowVirtualMachine')).toHaveLength(1);
    });

    it('starts nothing while another session deploys, and goes on once a retry finds the host free', () => {
        deployFromReview();
        harness.answer('Install-EflowProduct', installOutput());
        harness.pending('New-EflowVirtualMachine').finish({ errors: [{ message: '[DeployEflowFailed] timed out' }] });
        harness.answer('Get-EflowDeploymentState', installedStateOutput());
        harness.store.retry();
        harness.answer('Get-EflowDeploymentState', { ...installedStateOutput(), deploymentInProgress: true });
        expect(harness.store.state.run?.failure).toEqual(expect.objectContaining({ code: 'deploymentRunning', recovery: { kind: 'refreshFirst' } }));
        expect(harness.commandNames().filter(name => name === 'New-EflowVirtualMachine')).toHaveLength(1);
        harness.store.retry();
        harness.answer('Get-EflowDeploymentState', installedStateOutput());
        expect(harness.pending('New-EflowVirtualMachine')).toBeTruthy();
    });

    it('tells the host\'s state read and the VM deployment the VHDX folder chosen for the install', () => {
        harness.open('ready-to-deploy');
        const store = harness.store;
        store.updateModel('product', { ...store.state.model.product, vhdxPath: 'D:\\EflowDisks' });
        store.updateModel('features', { ...store.state.model.features, eulaAccepted: true });
        store.updateModel('provisioning', { type: 'ManualConnectionString' });
        store.setSecret('devConnString', CONNECTION_STRING);
        store.goTo('review');
        store.deployNow();
        expect(harness.pending('Get-EflowDeploymentState').command.script).toContain(`-VhdxPath (cvt '"D:\\\\EflowDisks"')`);
        harness.answer('Get-EflowDeploymentState', bareState());
        harness.answer('Install-EflowProduct', installOutput());
        expect(harness.pending('New-EflowVirtualMachine').command.script).toContain(`-VhdxPath (cvt '"D:\\\\EflowDisks"')`);
    });

    it('reruns a step that is safe to rerun without reading the host first', () => {
        deployFromReview();
        harness.answer('Install-EflowProduct', installOutput());
        harness.answer('New-EflowVirtualMachine', newVmOutput());
        harness.pending('Set-EflowVmConfiguration').finish({ errors: [{ message: '[DnsConfigurationFailed] The DNS servers could not be set.' }] });
        expect(harness.store.state.run?.failure?.recovery).toEqual({ kind: 'rerun' });
        const reads = harness.commandNames().filter(name => name === 'Get-EflowDeploymentState').length;
        harness.store.retry();
        expect(harness.commandNames().filter(name => name === 'Get-EflowDeploymentState')).toHaveLength(reads);
        expect(harness.pending('Set-EflowVmConfiguration')).toBeTruthy();
    });

    it('cancels the running script on the gateway after the admin confirms, and can go on afterwards', () => {
        deployFromReview();
        harness.answer('Install-EflowProduct', installOutput());
        harness.pending('New-EflowVirtualMachine');
        harness.store.requestCancel();
        expect(harness.store.state.confirmingCancel).toBe(true);
        harness.store.dismissCancel();
        expect(harness.store.state.run?.status).toBe('running');
        harness.store.requestCancel();
        harness.store.confirmCancel('deployVm');
        expect(harness.sdk.cancelled.map(session => session.key)).toEqual([HOST_CHANGE_SESSION_KEY]);
        expect(harness.store.state.run?.status).toBe('cancelled');
        expect(stepStates()[3]).toBe('deployVm:cancelled');
        expect(recordOf()?.steps.deployVm).toEqual(expect.objectContaining({ outcome: 'failed', errorCode: 'Cancelled' }));
        // Stopped before the disk: the host shows no partial deployment, so the run may go on.
        harness.answer('Get-EflowDeploymentState', installedStateOutput());
        expect(harness.store.state.partialDeployment).toBe(false);
        harness.store.retry();
        expect(harness.pending('Get-EflowDeploymentState')).toBeTruthy();
    });

    it('goes on when the wizard is closed, and shows where it is when the wizard is opened again', () => {
        deployFromReview();
        harness.answer('Install-EflowProduct', installOutput());
        harness.pending('New-EflowVirtualMachine');
        const reopened = harness.reopen();
        expect(harness.sdk.cancelled).toEqual([]);
        harness.open('ready-to-deploy', installedStateOutput());
        expect(reopened.state.page).toBe('deploy');
        expect(stepStates()[3]).toBe('deployVm:running');
        harness.answer('New-EflowVirtualMachine', newVmOutput());
        harness.answer('Set-EflowVmConfiguration', configurationOutput());
        // The run kept the secret it was started with in memory; the new page never had it.
        expect(harness.pending('Set-EflowVmProvisioning').command.script).toContain(CONNECTION_STRING.split('SharedAccessKey=')[1]);
        expect(reopened.state.secrets.devConnString).toBe('');
        harness.answer('Set-EflowVmProvisioning', provisioningOutput());
        harness.answer('Test-EflowDeployment', verificationOutput());
        expect(reopened.state.run?.status).toBe('succeeded');
    });

    it('asks for the secret again before retrying a provisioning after the wizard was reopened', () => {
        deployFromReview();
        harness.answer('Install-EflowProduct', installOutput());
        harness.answer('New-EflowVirtualMachine', newVmOutput());
        harness.answer('Set-EflowVmConfiguration', configurationOutput());
        harness.pending('Set-EflowVmProvisioning').finish({ errors: [{ message: '[ProvisioningFailed] Failed to provision config.toml.' }] });
        const reopened = harness.reopen();
        harness.open('ready-to-deploy', deployedStateOutput());
        reopened.goTo('review');
        reopened.retry();
        expect(reopened.state.page).toBe('provisioning');
        expect(harness.commandNames().filter(name => name === 'Set-EflowVmProvisioning')).toHaveLength(1);
    });

    it('keeps the admin on the Deploy page while the run goes on', () => {
        deployFromReview();
        harness.store.goBack();
        harness.store.goTo('network');
        expect(harness.store.state.page).toBe('deploy');
    });
});
