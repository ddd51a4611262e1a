import { HOST_CHANGE_SESSION_KEY } from '../../core/gateway/gateway-session-pool';
import { installOutput, INSTALL_PROGRESS } from '../../core/models/testing/deploy-change-outputs';
import { bareStateOutput, prerequisitesOutput } from '../../core/models/testing/deploy-read-outputs';
import { ajaxError } from '../../testing/ajax-error';
import { CANCEL_REARM_MS } from './deploy-run.controller';
import { deployFromReview as deployFromReviewOf, installedStateOutput, WizardStoreHarness } from './testing/wizard-store-harness';

/** What Get-EflowDeploymentState reads after an interrupted Deploy-Eflow: the product, a VM disk, no VM. */
function partialStateOutput(): Record<string, unknown> {
    return { ...installedStateOutput(), vmExists: false, vhdxPresent: true };
}

function removalOutput(): Record<string, unknown> {
    return { status: 'removed', productName: 'Azure IoT Edge LTS', version: '1.5.6.08025', msiExitCode: 0, rebootRequired: false,
        vhdxRemoved: false, logPath: 'C:\\Windows\\Temp\\EflowManager-uninstall.log' };
}

describe('the way out of a partial deployment, and the Stop prompt (DeployRunController through the store)', () => {
    let harness: WizardStoreHarness;

    const deployFromReview = (): void => deployFromReviewOf(harness, store =>
        store.updateModel('vmSize', { ...store.state.model.vmSize, cpuCount: 3 }));

    const count = (command: string): number => harness.commandNames().filter(name => name === command).length;

    beforeEach(() => {
        window.localStorage.clear();
        harness = new WizardStoreHarness();
    });

    afterEach(() => harness.destroy());

    it('offers no retry once the host shows the disk Deploy-Eflow left, uninstalls, and starts again from the product install', () => {
        deployFromReview();
        harness.answer('Install-EflowProduct', installOutput());
        harness.pending('New-EflowVirtualMachine').finish({ errors: [{ message: '[DeployEflowFailed] Unable to create virtual machine.' }] });
        harness.answer('Get-EflowDeploymentState', partialStateOutput());
        const failed = harness.store.state;
        expect(failed.partialDeployment).toBe(true);
        expect(failed.run?.failure?.recovery).toEqual({ kind: 'uninstall' });
        const sent = harness.commandNames().length;
        harness.store.retry();
        expect(harness.commandNames()).toHaveLength(sent);

        harness.store.removeInstallation();
        const removal = harness.pending('Remove-EflowInstallation');
        expect(removal.session.key).toBe(HOST_CHANGE_SESSION_KEY);
        removal.answer({ progress: [{ activity: 'Uninstalling EFLOW', statusDescription: 'msiexec /x {GUID} /qn /norestart' }] });
        expect(harness.store.state.removal).toEqual(expect.objectContaining({ status: 'running', detail: 'msiexec /x {GUID} /qn /norestart' }));
        removal.finish({ results: [removalOutput()] });
        // The wizard reads the host again and continues where resume detection says: a fresh host after a run, the review.
        harness.answer('Get-EflowDeploymentPrerequisites', prerequisitesOutput());
        harness.answer('Get-EflowDeploymentState', bareStateOutput());
        const after = harness.store.state;
        expect(after).toEqual(expect.objectContaining({ run: null, partialDeployment: false, page: 'review' }));
        expect(after.resume?.phase).toBe('fresh');
        expect(after.model.vmSize.cpuCount).toBe(3);

        harness.store.deployNow();
        harness.answer('Get-EflowDeploymentState', bareStateOutput());
        expect(harness.store.state.run?.plan.firstPendingStep).toBe('downloadMsi');
        expect(harness.pending('Install-EflowProduct')).toBeTruthy();
        expect(count('New-EflowVirtualMachine')).toBe(1);
    });

    it('words a stop during Deploy-Eflow by what the host shows, and takes the log line when the host cannot tell', () => {
        deployFromReview();
        harness.answer('Install-EflowProduct', installOutput());
        harness.pending('New-EflowVirtualMachine').answer({ progress: [
            { activity: 'Deploying the EFLOW virtual machine', statusDescription: '[11/23/2026 10:01:00] Creating storage vhd' }
        ] });
        harness.store.requestCancel();
        harness.store.confirmCancel('deployVm');
        expect(harness.store.state).toEqual(expect.objectContaining({ checkingHost: true, partialDeployment: false }));
        harness.pending('Get-EflowDeploymentState').fail(ajaxError(500, { error: { code: 'Timeout', message: 'no answer' } }));
        expect(harness.store.state).toEqual(expect.objectContaining({ checkingHost: false, partialDeployment: true }));
        expect(harness.store.state.run?.status).toBe('cancelled');
        const sent = harness.commandNames().length;
        harness.store.retry();
        expect(harness.commandNames()).toHaveLength(sent);
    });

    it('reports a failed uninstall with its code and lets the admin try it again', () => {
        deployFromReview();
        harness.answer('Install-EflowProduct', installOutput());
        harness.pending('New-EflowVirtualMachine').finish({ errors: [{ message: '[DeployEflowFailed] Unable to create virtual machine.' }] });
        harness.answer('Get-EflowDeploymentState', partialStateOutput());
        harness.store.removeInstallation();
        harness.pending('Remove-EflowInstallation').finish({ errors: [{
            message: '[UninstallFailed] msiexec /x ended with exit code 1603; Azure IoT Edge LTS 1.5.6.08025 is still installed.'
        }] });
        const removal = harness.store.state.removal;
        expect(removal?.status).toBe('failed');
        expect(removal?.error?.code).toBe('UninstallFailed');
        expect(harness.store.state.partialDeployment).toBe(true);
        harness.store.removeInstallation();
        expect(count('Remove-EflowInstallation')).toBe(2);
    });

    it('holds Stop when the run moves on while the prompt is open: it names the new step and needs a fresh confirmation', () => {
        deployFromReview();
        const install = harness.pending('Install-EflowProduct');
        install.answer({ progress: [...INSTALL_PROGRESS.slice(0, 1), ['Installing the EFLOW MSI', 'msiexec /i']]
            .map(([activity, statusDescription]) => ({ activity, statusDescription })) });
        harness.store.requestCancel();
        expect(harness.store.state.cancelPrompt).toEqual({ step: 'installMsi', movedFrom: null, armed: true });

        install.finish({ results: [installOutput()] });
        harness.pending('New-EflowVirtualMachine');
        expect(harness.store.state.cancelPrompt).toEqual({ step: 'deployVm', movedFrom: 'installMsi', armed: false });
        // A click aimed at the MSI's warning, or any click while Stop is held, stops nothing.
        harness.store.confirmCancel('installMsi');
        harness.store.confirmCancel('deployVm');
        expect(harness.store.state.run?.status).toBe('running');
        expect(harness.sdk.cancelled).toEqual([]);

        harness.time.advance(CANCEL_REARM_MS - 1);
        expect(harness.store.state.cancelPrompt?.armed).toBe(false);
        harness.time.advance(1);
        expect(harness.store.state.cancelPrompt?.armed).toBe(true);
        harness.store.confirmCancel('installMsi');
        expect(harness.store.state.run?.status).toBe('running');
        harness.store.confirmCancel('deployVm');
        expect(harness.store.state.run?.status).toBe('cancelled');
        expect(harness.store.state.cancelPrompt).toBeNull();
    });

    it('closes the prompt when the run ends while it is open', () => {
        deployFromReview();
        harness.store.requestCancel();
        harness.pending('Install-EflowProduct').finish({ errors: [{ message: '[MsiInstallFailed] 1603' }] });
        expect(harness.store.state).toEqual(expect.objectContaining({ cancelPrompt: null, confirmingCancel: false }));
    });
});
