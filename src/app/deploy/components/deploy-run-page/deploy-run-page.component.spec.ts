import { GatewayError } from '../../../core/gateway/gateway-error';
import { allByTest, byTest, setInputs, textOf } from '../../../testing/render-component';
import { buildDeployPlan } from '../../domain/deploy-plan';
import { blockedRun, callFailed, callStarted, callSucceeded, progressReported, remainingCalls, runCancelled, startDeployRun, type DeployRun } from '../../domain/deploy-run';
import { messageOf } from '../../domain/message-text';
import { withPartialDeployment } from '../../domain/partial-deployment';
import type { EflowRemovalState } from '../../store/deploy-run.controller';
import { bareHostSnapshot, validWizardModel } from '../../domain/testing/deploy-fixtures';
import { renderDeployComponent } from '../../testing/render-deploy-component';
import { DeployRunPageComponent } from './deploy-run-page.component';

function runUpTo(step: 'deployVm' | 'configureVm'): DeployRun {
    let run = startDeployRun(buildDeployPlan(validWizardModel(), bareHostSnapshot(), null));
    for (const call of remainingCalls(run)) {
        run = callStarted(run, call.id);
        if (call.id === step) {
            return run;
        }
        run = callSucceeded(run, call.id);
    }
    return run;
}

describe('DeployRunPageComponent', () => {
    it('shows each step with its state and the last line it reported', () => {
        const run = progressReported(runUpTo('deployVm'), 'Deploying the EFLOW virtual machine', '[11/23/2026 00:45:59] Creating storage vhd');
        const fixture = renderDeployComponent(DeployRunPageComponent, { run });
        expect(allByTest(fixture, 'deploy-step').map(row => [row.getAttribute('data-step'), row.getAttribute('data-state')])).toEqual([
            ['downloadMsi', 'succeeded'], ['installMsi', 'succeeded'], ['createSwitch', 'notNeeded'], ['deployVm', 'running'],
            ['configureVm', 'pending'], ['provision', 'pending'], ['verify', 'pending']
        ]);
        expect(textOf(allByTest(fixture, 'deploy-step')[3])).toBe('Deploy the VM Running [11/23/2026 00:45:59] Creating storage vhd');
    });

    it('asks before stopping, with the running step\'s own warning', () => {
        const fixture = renderDeployComponent(DeployRunPageComponent, { run: runUpTo('deployVm') });
        const events: string[] = [];
        fixture.componentInstance.cancel.subscribe(() => events.push('cancel'));
        fixture.componentInstance.confirmCancel.subscribe((step: string | null) => events.push(`confirm:${step}`));
        byTest(fixture, 'deploy-cancel').click();
        fixture.componentRef.setInput('cancelPrompt', { step: 'deployVm', movedFrom: null, armed: true });
        fixture.detectChanges();
        expect(textOf(byTest(fixture, 'deploy-cancel-warning'))).toContain('can only be undone by uninstalling EFLOW and starting again');
        expect(allByTest(fixture, 'deploy-cancel-moved')).toEqual([]);
        // The destructive choice says what it leaves behind.
        expect(textOf(byTest(fixture, 'deploy-cancel-confirm'))).toBe('Stop and leave a partial VM');
        byTest(fixture, 'deploy-cancel-confirm').click();
        expect(events).toEqual(['cancel', 'confirm:deployVm']);
    });

    it('explains a failure in plain words with the host\'s message, and offers a retry', () => {
        const run = callFailed(runUpTo('deployVm'), 'deployVm', '[DeployEflowFailed] Deploy-Eflow failed: Unable to create virtual machine.');
        const fixture = renderDeployComponent(DeployRunPageComponent, { run });
        let retries = 0;
        fixture.componentInstance.retry.subscribe(() => retries++);
        const failure = byTest(fixture, 'deploy-failure');
        expect(failure.getAttribute('data-code')).toBe('DeployEflowFailed');
        expect(textOf(byTest(fixture, 'deploy-failure-headline'))).toBe('Deploy the VM failed.');
        expect(textOf(byTest(fixture, 'deploy-failure-explanation'))).toContain('reads the host again, so a VM is never deployed twice');
        expect(textOf(byTest(fixture, 'deploy-failure-message'))).toBe('What the host reported: Deploy-Eflow failed: Unable to create virtual machine.');
        byTest(fixture, 'deploy-retry').click();
        expect(retries).toBe(1);
    });

    it('words a message the gateway layer made up itself (a time limit) from the strings, and the blockers of a step it did not start', () => {
        const timedOut = callFailed(runUpTo('deployVm'), 'deployVm', 'English for the record',
            { key: 'commandTimedOut', params: { command: 'New-EflowVirtualMachine', seconds: 3600 } });
        const fixture = renderDeployComponent(DeployRunPageComponent, { run: timedOut });
        expect(textOf(byTest(fixture, 'deploy-failure-message')))
            .toBe('What the host reported: New-EflowVirtualMachine did not finish within 3,600 s and was cancelled.');
        expect(textOf(byTest(fixture, 'deploy-failure-explanation'))).toBe('The step did not complete. The message below is what the host reported.');
        const blocked = blockedRun(startDeployRun(buildDeployPlan(validWizardModel(), bareHostSnapshot(), null)),
            [{ code: 'deploymentRunning', text: messageOf('resumeDeploymentRunning') }]);
        fixture.componentRef.setInput('run', blocked);
        fixture.detectChanges();
        expect(textOf(byTest(fixture, 'deploy-failure-explanation')))
            .toBe('The host\'s state, read again just before this step, does not allow the deployment to go on, so nothing was run.');
        expect(textOf(byTest(fixture, 'deploy-failure-message'))).toBe('What the host reported: A deployment is running on this host right now, ' +
            'started from another session. Wait for it to finish, then refresh.');
    });

    it('sends the admin to the page whose input the host refused, instead of a retry', () => {
        const run = callFailed(runUpTo('deployVm'), 'deployVm', '[IpAddressInUse] 192.168.10.50 answers ping from the host.');
        const fixture = renderDeployComponent(DeployRunPageComponent, { run });
        const pages: string[] = [];
        fixture.componentInstance.editSettings.subscribe((page: string) => pages.push(page));
        expect(allByTest(fixture, 'deploy-retry')).toEqual([]);
        byTest(fixture, 'deploy-edit-settings').click();
        expect(pages).toEqual(['network']);
    });

    it('offers both a retry and the VM size page when Deploy-Eflow found too little memory (the host or the settings may change)', () => {
        const run = callFailed(runUpTo('deployVm'), 'deployVm', '[DeployNotEnoughMemory] Deploy-Eflow: Not enough memory available.');
        const fixture = renderDeployComponent(DeployRunPageComponent, { run });
        const events: string[] = [];
        fixture.componentInstance.retry.subscribe(() => events.push('retry'));
        fixture.componentInstance.editSettings.subscribe((page: string) => events.push(`edit:${page}`));
        expect(byTest(fixture, 'deploy-failure').getAttribute('data-recovery')).toBe('refreshFirst');
        byTest(fixture, 'deploy-edit-settings').click();
        byTest(fixture, 'deploy-retry').click();
        expect(events).toEqual(['edit:vmSize', 'retry']);
    });

    it('says the run was stopped and offers to go on, with no cancel left to click', () => {
        const stopped = renderDeployComponent(DeployRunPageComponent, { run: runCancelled(runUpTo('deployVm')) });
        expect(byTest(stopped, 'deploy-run-page').getAttribute('data-status')).toBe('cancelled');
        expect(allByTest(stopped, 'deploy-cancelled')).toHaveLength(1);
        expect(allByTest(stopped, 'deploy-retry')).toHaveLength(1);
        expect(allByTest(stopped, 'deploy-cancel')).toEqual([]);
        expect(allByTest(stopped, 'deploy-finish')).toEqual([]);
    });

    it('offers Finish once every step succeeded', () => {
        let run = runUpTo('configureVm');
        run = callSucceeded(run, 'configureVm');
        for (const call of remainingCalls(run)) {
            run = callSucceeded(callStarted(run, call.id), call.id);
        }
        const fixture = renderDeployComponent(DeployRunPageComponent, { run });
        let finished = 0;
        fixture.componentInstance.finish.subscribe(() => finished++);
        byTest(fixture, 'deploy-finish').click();
        expect(finished).toBe(1);
        expect(allByTest(fixture, 'deploy-cancel')).toEqual([]);
    });

    it('says so when the run moved on while the Stop prompt was open, and holds Stop for a moment', () => {
        const fixture = renderDeployComponent(DeployRunPageComponent, {
            run: runUpTo('deployVm'), cancelPrompt: { step: 'deployVm', movedFrom: 'installMsi', armed: false }
        });
        expect(textOf(byTest(fixture, 'deploy-cancel-moved'))).toContain('The run moved on to Deploy the VM');
        expect(textOf(byTest(fixture, 'deploy-cancel-warning'))).toContain('half-created VM');
        expect(byTest(fixture, 'deploy-cancel-confirm').hasAttribute('disabled')).toBe(true);
        expect(allByTest(fixture, 'deploy-cancel-rearming')).toHaveLength(1);
    });

    it('offers no retry after a partial deployment, but the uninstall, confirmed with the host and what is removed', () => {
        const run = withPartialDeployment(callFailed(runUpTo('deployVm'), 'deployVm', '[DeployEflowFailed] Unable to create virtual machine.'));
        const fixture = renderDeployComponent(DeployRunPageComponent, {
            run, partialDeployment: true, hostName: 'WIN-EDGE-07', product: 'Azure IoT Edge LTS 1.5.6.08025'
        });
        let removals = 0;
        fixture.componentInstance.removeInstallation.subscribe(() => removals++);
        expect(allByTest(fixture, 'deploy-retry')).toEqual([]);
        expect(allByTest(fixture, 'deploy-edit-settings')).toEqual([]);
        // The code's own advice ("before a retry ...") gives way to the way out.
        const explanation = textOf(byTest(fixture, 'deploy-failure-explanation'));
        expect(explanation).toContain('Deploy-Eflow left a partial deployment on WIN-EDGE-07');
        expect(explanation).not.toContain('Before a retry');
        byTest(fixture, 'eflow-removal-start').click();
        fixture.detectChanges();
        const confirmation = textOf(byTest(fixture, 'eflow-removal-confirmation'));
        expect(confirmation).toContain('Uninstall EFLOW from WIN-EDGE-07?');
        expect(confirmation).toContain('uninstalls Azure IoT Edge LTS 1.5.6.08025 from WIN-EDGE-07');
        expect(confirmation).toContain('*EFLOW.vhdx');
        byTest(fixture, 'eflow-removal-confirm').click();
        expect(removals).toBe(1);
    });

    it('words a stop by whether it left a partial deployment, and says while it checks', () => {
        const fixture = renderDeployComponent(DeployRunPageComponent, { run: runCancelled(runUpTo('deployVm')), checkingHost: true, hostName: 'H1' });
        expect(textOf(byTest(fixture, 'deploy-cancelled'))).toBe('Checking what Deploy-Eflow left on the host...');
        expect(allByTest(fixture, 'deploy-retry')).toEqual([]);
        setInputs(fixture, { checkingHost: false, partialDeployment: true });
        expect(textOf(byTest(fixture, 'deploy-cancelled'))).toContain('left a partial deployment on H1');
        expect(allByTest(fixture, 'deploy-retry')).toEqual([]);
        expect(allByTest(fixture, 'eflow-removal-start')).toHaveLength(1);
    });

    it('shows the uninstall\'s progress, and its failure with its code, offering it again', () => {
        const running: EflowRemovalState = { status: 'running', detail: 'msiexec /x {GUID} /qn /norestart', error: null, result: null };
        const fixture = renderDeployComponent(DeployRunPageComponent, { run: null, partialDeployment: true, removal: running, hostName: 'H1' });
        expect(textOf(byTest(fixture, 'eflow-removal-running'))).toBe('Uninstalling EFLOW from H1... msiexec /x {GUID} /qn /norestart');
        expect(allByTest(fixture, 'eflow-removal-start')).toEqual([]);
        const error = new GatewayError('script-error', 'msiexec /x ended with exit code 1603.', { code: 'UninstallFailed' });
        setInputs(fixture, { removal: { status: 'failed', detail: null, error, result: null } });
        expect(byTest(fixture, 'eflow-removal-failure').getAttribute('data-code')).toBe('UninstallFailed');
        expect(textOf(byTest(fixture, 'eflow-removal-failure'))).toContain('What the host reported: msiexec /x ended with exit code 1603.');
        expect(allByTest(fixture, 'eflow-removal-start')).toHaveLength(1);
    });
});
