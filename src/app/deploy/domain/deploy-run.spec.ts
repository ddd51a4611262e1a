import { rendered } from '../testing/rendered-text';
import { buildDeployPlan } from './deploy-plan';
import {
    blockedRun, callFailed, callStarted, callSucceeded, progressReported, remainingCalls, runCancelled, runningStep, startDeployRun,
    verificationProblem, type DeployRun
} from './deploy-run';
import { detectResumePoint } from './resume-detection';
import { bareHostSnapshot, installedHostSnapshot, validWizardModel } from './testing/deploy-fixtures';

const states = (run: DeployRun): string[] => run.steps.map(step => `${step.id}:${step.state}`);

function freshRun(): DeployRun {
    return startDeployRun(buildDeployPlan(validWizardModel(), bareHostSnapshot(), null));
}

describe('deploy run', () => {
    it('starts with the plan\'s view of each step and calls the pending ones in order', () => {
        const run = freshRun();
        expect(run.status).toBe('running');
        expect(states(run)).toEqual(['downloadMsi:pending', 'installMsi:pending', 'createSwitch:notNeeded', 'deployVm:pending',
            'configureVm:pending', 'provision:pending', 'verify:pending']);
        expect(remainingCalls(run).map(step => step.id)).toEqual(['downloadMsi', 'deployVm', 'configureVm', 'provision', 'verify']);
    });

    it('follows one call over the steps it carries by their progress activities', () => {
        let run = callStarted(freshRun(), 'downloadMsi');
        run = progressReported(run, 'Downloading the EFLOW installer', 'Downloading https://aka.ms/x');
        run = progressReported(run, 'Web request status', 'Reading response stream... (Number of bytes read: 300000000)');
        expect(run.steps[0]).toEqual({ id: 'downloadMsi', state: 'running', detail: 'Reading response stream... (Number of bytes read: 300000000)' });
        run = progressReported(run, 'Installing the EFLOW MSI', 'msiexec /i x.msi /qn');
        expect(states(run).slice(0, 2)).toEqual(['downloadMsi:succeeded', 'installMsi:running']);
        expect(runningStep(run)).toBe('installMsi');
        run = callSucceeded(run, 'downloadMsi');
        expect(states(run).slice(0, 2)).toEqual(['downloadMsi:succeeded', 'installMsi:succeeded']);
        expect(remainingCalls(run).map(step => step.id)).toEqual(['deployVm', 'configureVm', 'provision', 'verify']);
    });

    it('puts a failure on the step that was running, in plain words with the underlying message', () => {
        let run = callStarted(freshRun(), 'downloadMsi');
        run = progressReported(run, 'Installing the EFLOW MSI', 'msiexec');
        run = callFailed(run, 'downloadMsi', '[MsiInstallFailed] Windows Installer reported a fatal error (msiexec 1603).');
        expect(run.status).toBe('failed');
        expect(states(run).slice(0, 2)).toEqual(['downloadMsi:succeeded', 'installMsi:failed']);
        expect(rendered(run.failure)).toEqual(expect.objectContaining({
            step: 'installMsi', code: 'MsiInstallFailed',
            explanation: 'Windows Installer failed (1603, 0x80070643). The installation log named below has the cause.',
            underlyingMessage: 'Windows Installer reported a fatal error (msiexec 1603).', recovery: { kind: 'rerun' }
        }));
        // A retry calls the failed step's call again, from its first step.
        expect(remainingCalls(run)[0].id).toBe('downloadMsi');
        expect(states(callStarted(run, 'downloadMsi')).slice(0, 2)).toEqual(['downloadMsi:running', 'installMsi:pending']);
    });

    it('marks the running step cancelled and keeps it for a retry', () => {
        let run = callStarted(freshRun(), 'downloadMsi');
        run = callSucceeded(run, 'downloadMsi');
        run = runCancelled(callStarted(run, 'deployVm'));
        expect(run.status).toBe('cancelled');
        expect(run.steps.find(step => step.id === 'deployVm')?.state).toBe('cancelled');
        expect(remainingCalls(run)[0].id).toBe('deployVm');
    });

    it('succeeds once every step is done, succeeded or not needed', () => {
        let run = freshRun();
        for (const step of remainingCalls(run)) {
            run = callSucceeded(callStarted(run, step.id), step.id);
        }
        expect(run.status).toBe('succeeded');
    });

    it('accepts a healthy or starting runtime, and an unprovisioned one only when provisioning was skipped', () => {
        expect(verificationProblem('healthy', 'ok', false)).toBeNull();
        expect(verificationProblem('starting', 'edgeAgent is not running yet', false)).toBeNull();
        expect(verificationProblem('notProvisioned', 'The runtime is not provisioned.', true)).toBeNull();
        expect(verificationProblem('notProvisioned', 'The runtime is not provisioned.', false)).toBe('[DeploymentNotHealthy] The runtime is not provisioned.');
        const failure = callFailed(callStarted(freshRun(), 'verify'), 'verify', verificationProblem('unhealthy', 'Down: aziot-edged.', false) ?? '').failure;
        expect(failure).toEqual(expect.objectContaining({ code: 'DeploymentNotHealthy', underlyingMessage: 'Down: aziot-edged.', recovery: { kind: 'rerun' } }));
    });

    it('does not start a run on a blocked host: the first pending step says why, and nothing is left to call', () => {
        const snapshot = { ...installedHostSnapshot(), vmExists: false, vhdxPresent: true };
        const run = blockedRun(startDeployRun(buildDeployPlan(validWizardModel(), snapshot, null)), detectResumePoint(snapshot, null).blockers);
        expect(run.status).toBe('failed');
        expect(run.failure).toEqual(expect.objectContaining({ step: 'deployVm', code: 'PartialDeploymentFound', recovery: { kind: 'uninstall' } }));
        expect(rendered(run.failure?.explanation)).toContain('uninstall EFLOW and start again');
        // In place of a host message: the blocker the wizard found, in the words of the prerequisites page.
        expect(rendered(run.failure?.blockedBy)).toEqual(['An earlier Deploy-Eflow stopped part-way: a VM disk exists but no VM. ' +
            'EFLOW deploys once per installation, so uninstall EFLOW and start again (offered on this page); the wizard keeps your entries.']);
        expect(run.failure?.underlyingMessage).toBe('');
        expect(states(run)).toContain('deployVm:failed');
        // Another session deploying passes: a retry reads the host again.
        const busy = { ...installedHostSnapshot(), deploymentInProgress: true };
        expect(blockedRun(startDeployRun(buildDeployPlan(validWizardModel(), busy, null)), detectResumePoint(busy, null).blockers).failure?.recovery)
            .toEqual({ kind: 'refreshFirst' });
        // No blocker: the run is untouched.
        const fresh = freshRun();
        expect(blockedRun(fresh, [])).toBe(fresh);
    });
});
