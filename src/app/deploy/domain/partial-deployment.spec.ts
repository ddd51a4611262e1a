import { buildDeployPlan } from './deploy-plan';
import { blockedRun, callFailed, callStarted, callSucceeded, progressReported, remainingCalls, runCancelled, startDeployRun, type DeployRun } from './deploy-run';
import { describeDeployFailure } from './deploy-failure';
import { detectResumePoint } from './resume-detection';
import { bareHostSnapshot, deployedHostSnapshot, installedHostSnapshot, validWizardModel } from './testing/deploy-fixtures';
import { deployVmEnded, partialDeploymentInLog, partialDeploymentOnHost, withPartialDeployment } from './partial-deployment';

/** A run on an installed host with Deploy-Eflow running, its last log line `line` (null: none yet). */
function deployingRun(line: string | null): DeployRun {
    let run = startDeployRun(buildDeployPlan(validWizardModel(), installedHostSnapshot(), null));
    for (const call of remainingCalls(run)) {
        run = callStarted(run, call.id);
        if (call.id === 'deployVm') {
            return line === null ? run : progressReported(run, 'Deploying the EFLOW virtual machine', line);
        }
        run = callSucceeded(run, call.id);
    }
    throw new Error('the plan has no deployVm call');
}

describe('which failures can be retried', () => {
    it('offers the uninstall, never a retry, when Deploy-Eflow finds the disk an earlier one left', () => {
        expect(describeDeployFailure('deployVm', '[PartialDeploymentFound] A VM disk exists.').recovery).toEqual({ kind: 'uninstall' });
        const partial = { ...installedHostSnapshot(), vhdxPresent: true };
        const run = blockedRun(deployingRun(null), detectResumePoint(partial, null).blockers);
        expect(run.failure).toEqual(expect.objectContaining({ code: 'PartialDeploymentFound', recovery: { kind: 'uninstall' } }));
    });

    it('retries the uninstall itself after msiexec failed, but not an entry it cannot read', () => {
        expect(describeDeployFailure('deployVm', '[UninstallFailed] exit code 1603').recovery).toEqual({ kind: 'uninstall' });
        expect(describeDeployFailure('deployVm', '[VhdxRemovalFailed] in use').recovery).toEqual({ kind: 'uninstall' });
        expect(describeDeployFailure('deployVm', '[ProductCodeUnreadable] no code').recovery).toEqual({ kind: 'none' });
    });

    it('turns a failed Deploy-Eflow into the uninstall once the host shows a partial deployment', () => {
        const failed = callFailed(deployingRun('Creating vnic'), 'deployVm', '[DeployEflowFailed] Unable to create virtual machine.');
        expect(failed.failure?.recovery).toEqual({ kind: 'refreshFirst' });
        expect(withPartialDeployment(failed).failure?.recovery).toEqual({ kind: 'uninstall' });
        const cancelled = runCancelled(deployingRun(null));
        expect(withPartialDeployment(cancelled)).toBe(cancelled);
    });
});

describe('partial deployment evidence', () => {
    it('asks the host only after Deploy-Eflow failed or was stopped', () => {
        expect(deployVmEnded(deployingRun(null))).toBe(false);
        expect(deployVmEnded(runCancelled(deployingRun(null)))).toBe(true);
        expect(deployVmEnded(callFailed(deployingRun(null), 'deployVm', '[DeployEflowFailed] x'))).toBe(true);
        expect(deployVmEnded(null)).toBe(false);
    });

    it('reads the host: a disk without a VM is partial, a VM or no disk is clean, an unreadable VM or disk is unknown', () => {
        expect(partialDeploymentOnHost({ ...installedHostSnapshot(), vhdxPresent: true }, null)).toBe('partial');
        expect(partialDeploymentOnHost(installedHostSnapshot(), null)).toBe('clean');
        expect(partialDeploymentOnHost(deployedHostSnapshot(), null)).toBe('clean');
        expect(partialDeploymentOnHost(bareHostSnapshot(), null)).toBe('clean');
        expect(partialDeploymentOnHost({ ...installedHostSnapshot(), vhdxPresent: null }, null)).toBe('unknown');
        expect(partialDeploymentOnHost({ ...installedHostSnapshot(), vmExists: null }, null)).toBe('unknown');
        // Another session deploying: its disk is work in progress, not evidence.
        expect(partialDeploymentOnHost({ ...installedHostSnapshot(), vhdxPresent: true, deploymentInProgress: true }, null)).toBe('unknown');
    });

    it('reads the log when the host cannot tell: lines from the disk\'s creation on mean partial', () => {
        expect(partialDeploymentInLog(deployingRun('[11/23/2026 10:00:00] Creating storage vhd'))).toBe('partial');
        expect(partialDeploymentInLog(deployingRun('Setting dynamically expanding virtual hard disk maximum size to 10 GB'))).toBe('partial');
        expect(partialDeploymentInLog(deployingRun('Instantiating virtual machine (name: HOST-EFLOW)'))).toBe('partial');
        expect(partialDeploymentInLog(deployingRun('Checking host for required features'))).toBe('unknown');
        expect(partialDeploymentInLog(deployingRun(null))).toBe('unknown');
    });
});
