/**
 * Whether a Deploy-Eflow that failed or was stopped left a partial deployment: a VM disk without a VM, on which
 * Deploy-Eflow never runs again (eflow.md section 1: "run Deploy-Eflow exactly once"). Then a retry can only fail with
 * PartialDeploymentFound, so the run offers no retry but the uninstall (recovery `uninstall`). The host's own read
 * (Get-EflowDeploymentState, after the step ended) decides; only when that read has no answer does the step's last
 * Deploy-Eflow log line stand in for it.
 */
import type { DeployRun } from './deploy-run';
import type { DeploymentRunRecord } from './deployment-run-record';
import type { DeploymentStateSnapshot } from './deployment-state';
import { detectResumePoint } from './resume-detection';

/**
 * Deploy-Eflow's step-log lines from the one that creates the VM disk on (eflow.md section 1: "Setting dynamically
 * expanding virtual hard disk", then "Creating storage vhd", "Creating vnic", "Instantiating virtual machine").
 */
const LOG_LINES_AFTER_DISK = [/virtual hard disk/i, /creating storage vhd/i, /creating vnic/i, /instantiating virtual machine/i];

/** What the host or the log says about a partial deployment: yes, no, or nothing to tell by. */
export type PartialDeploymentEvidence = 'partial' | 'clean' | 'unknown';

/** Whether the deployVm step of `run` ended (failed or stopped) in this run, so that the host must be asked. */
export function deployVmEnded(run: DeployRun | null): boolean {
    const step = run?.steps.find(progress => progress.id === 'deployVm');
    return step !== undefined && (step.state === 'failed' || step.state === 'cancelled');
}

/**
 * What the host's read says: `partial` for the resume blocker (VM disk, no VM, nobody deploying), `clean` when
 * it tells otherwise (a VM, or no disk), `unknown` when it cannot tell (VM or disk unreadable, a deployment running).
 */
export function partialDeploymentOnHost(snapshot: DeploymentStateSnapshot, record: DeploymentRunRecord | null): PartialDeploymentEvidence {
    if (detectResumePoint(snapshot, record).blockers.some(blocker => blocker.code === 'partialDeployment')) {
        return 'partial';
    }
    if (snapshot.product === null || snapshot.vmExists === true || snapshot.vmExists === false && snapshot.vhdxPresent === false) {
        return 'clean';
    }
    return 'unknown';
}

/** What the deployVm step's last log line says: past the disk's creation is `partial`, before it `unknown`. */
export function partialDeploymentInLog(run: DeployRun): PartialDeploymentEvidence {
    const detail = run.steps.find(step => step.id === 'deployVm')?.detail ?? null;
    return detail !== null && LOG_LINES_AFTER_DISK.some(line => line.test(detail)) ? 'partial' : 'unknown';
}

/**
 * The run as the admin may go on from it once Deploy-Eflow left a partial deployment: a failure's recovery becomes
 * the uninstall (a retry or a change of settings would meet the same disk). A stopped run stays as it is: its page
 * reads the same fact from the controller's state.
 */
export function withPartialDeployment(run: DeployRun): DeployRun {
    if (run.status !== 'failed' || run.failure === null) {
        return run;
    }
    return { ...run, failure: { ...run.failure, recovery: { kind: 'uninstall' } } };
}
