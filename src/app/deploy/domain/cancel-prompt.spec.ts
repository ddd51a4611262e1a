import { followRun, mayConfirmCancel, openCancelPrompt } from './cancel-prompt';
import { buildDeployPlan } from './deploy-plan';
import { callStarted, callSucceeded, progressReported, startDeployRun, type DeployRun } from './deploy-run';
import { bareHostSnapshot, validWizardModel } from './testing/deploy-fixtures';

function installing(): DeployRun {
    const run = callStarted(startDeployRun(buildDeployPlan(validWizardModel(), bareHostSnapshot(), null)), 'downloadMsi');
    return progressReported(run, 'Installing the EFLOW MSI', 'msiexec /i');
}

describe('the Stop prompt', () => {
    it('warns about the running step and may be confirmed for it', () => {
        const run = installing();
        const prompt = openCancelPrompt(run);
        expect(prompt).toEqual({ step: 'installMsi', movedFrom: null, armed: true });
        expect(mayConfirmCancel(prompt, run, 'installMsi')).toBe(true);
        expect(mayConfirmCancel(prompt, run, 'deployVm')).toBe(false);
    });

    it('follows the run to the next step disarmed, saying where it came from, and keeps still between calls', () => {
        const run = installing();
        const prompt = openCancelPrompt(run);
        const between = callSucceeded(run, 'downloadMsi');
        expect(followRun(prompt, between)).toBe(prompt);
        expect(mayConfirmCancel(prompt, between, 'installMsi')).toBe(false);
        const deploying = callStarted(between, 'deployVm');
        const moved = followRun(prompt, deploying);
        expect(moved).toEqual({ step: 'deployVm', movedFrom: 'installMsi', armed: false });
        expect(mayConfirmCancel(moved, deploying, 'deployVm')).toBe(false);
        expect(mayConfirmCancel({ ...moved, armed: true }, deploying, 'deployVm')).toBe(true);
        expect(followRun(moved, deploying)).toBe(moved);
    });
});
