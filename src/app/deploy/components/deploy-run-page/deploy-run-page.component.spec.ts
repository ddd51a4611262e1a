import { allByTest, byTest, textOf } from '../../../testing/render-component';
import { buildDeployPlan } from '../../domain/deploy-plan';
import { blockedRun, callFailed, callStarted, callSucceeded, progressReported, remainingCalls, runCancelled, startDeployRun, type DeployRun } from '../../domain/deploy-run';
import { messageOf } from '../../domain/message-text';
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
        fixture.componentInstance.confirmCancel.subscribe(() => events.push('confirm'));
        byTest(fixture, 'deploy-cancel').click();
        fixture.componentRef.setInput('confirmingCancel', true);
        fixture.detectChanges();
        expect(textOf(byTest(fixture, 'deploy-cancel-warning'))).toContain('can only be undone by uninstalling and reinstalling EFLOW');
        byTest(fixture, 'deploy-cancel-confirm').click();
        expect(events).toEqual(['cancel', 'confirm']);
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
});
