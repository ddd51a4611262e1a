/**
 * Remove-EflowInstallation, the way out of an interrupted Deploy-Eflow: it uninstalls the product by its product
 * code (msiexec /x, waited for), after which the host reads as fresh and a deployment can start from the product
 * install; an msiexec failure is coded and changes nothing; with nothing installed it changes nothing.
 */
import { detectResumePoint } from '../../../src/app/deploy/domain/resume-detection';
import { callsOf, changingCalls, failureCode, outputOf, RUN_TIMEOUT_MS, useDeployHarness } from './deploy-harness';
import { readState } from './deploy-flow';

const HOST = 'msi-installed';
const DEPLOY = { AcceptEula: 'Yes', AcceptOptionalTelemetry: 'No', CpuCount: 2, MemoryInMB: 2048 };

const harness = useDeployHarness();

/** Leaves HOST as an interrupted Deploy-Eflow does: the product, a VM disk, no VM. */
async function leavePartialDeployment(): Promise<void> {
    harness.sim.setFaults(HOST, { vmCreationFailure: { step: 'vnic', mode: 'once' } });
    const failed = await harness.run(HOST, 'New-EflowVirtualMachine', DEPLOY);
    expect(failureCode(failed)).toBe('DeployEflowFailed');
    expect(detectResumePoint(await readState(harness, HOST), null).blockers.map(b => b.code)).toEqual(['partialDeployment']);
}

describe('a partial deployment on the prerequisites page', () => {
    it('fails the existing-install check instead of passing it with "the wizard continues from there"', async () => {
        await leavePartialDeployment();
        const prerequisites = outputOf(await harness.run(HOST, 'Get-EflowDeploymentPrerequisites'));
        const checks = prerequisites['checks'] as { [key: string]: unknown }[];
        expect(checks.find(check => check['id'] === 'existing-eflow')).toEqual(expect.objectContaining({
            status: 'fail', reason: 'eflowPartialDeployment' }));
    }, RUN_TIMEOUT_MS);
});

describe('Remove-EflowInstallation', () => {
    it('uninstalls a partial deployment by product code, with progress; the host then reads as fresh', async () => {
        await leavePartialDeployment();
        const removal = await harness.runAsSent(HOST, 'Remove-EflowInstallation');
        expect(removal.failure).toBeNull();
        expect(outputOf(removal)).toEqual(expect.objectContaining({ status: 'removed', productName: 'Azure IoT Edge LTS', msiExitCode: 0 }));
        const [msiexec] = callsOf(removal, 'Start-Process');
        const argumentList = (msiexec?.parameters['ArgumentList'] ?? []) as string[];
        expect(argumentList.slice(0, 4)).toEqual(['/x', expect.stringMatching(/^\{[0-9A-F-]{36}\}$/i), '/qn', '/norestart']);
        expect(argumentList).toContain('/l*v');
        expect(removal.progress.map(p => p.activity)).toContain('Uninstalling EFLOW');

        const state = await readState(harness, HOST);
        expect(state).toEqual(expect.objectContaining({ product: null, vmExists: null }));
        expect(harness.sim.getHostState(HOST)).toEqual(expect.objectContaining({ vm: null, eflow: null }));
        expect(JSON.stringify(harness.sim.getHostState(HOST))).not.toMatch(/EFLOW\.vhdx/i);
        const decision = detectResumePoint(state, null);
        expect(decision).toEqual(expect.objectContaining({ phase: 'fresh', blockers: [] }));
    }, RUN_TIMEOUT_MS);

    it('reports an msiexec failure with its code and exit code, and leaves the installation as it was', async () => {
        await leavePartialDeployment();
        harness.sim.setFaults(HOST, { msiUninstallFailure: { exitCode: 1603, mode: 'once' } });
        const removal = await harness.run(HOST, 'Remove-EflowInstallation');
        expect(failureCode(removal)).toBe('UninstallFailed');
        expect(removal.failure).toContain('exit code 1603');
        const state = await readState(harness, HOST);
        expect(state.product).not.toBeNull();
        expect(state.vhdxPresent).toBe(true);
        // The fault was one-shot: the next attempt goes through.
        const again = await harness.run(HOST, 'Remove-EflowInstallation');
        expect(outputOf(again)).toEqual(expect.objectContaining({ status: 'removed' }));
    }, RUN_TIMEOUT_MS);

    it('answers 1618 (another installation running) with the code the wizard retries', async () => {
        harness.sim.setFaults(HOST, { msiUninstallFailure: { exitCode: 1618, mode: 'once' } });
        const removal = await harness.run(HOST, 'Remove-EflowInstallation');
        expect(failureCode(removal)).toBe('MsiInstallInProgress');
    }, RUN_TIMEOUT_MS);

    it('changes nothing on a host without EFLOW', async () => {
        const removal = await harness.run('ready-to-deploy', 'Remove-EflowInstallation');
        expect(outputOf(removal)).toEqual(expect.objectContaining({ status: 'notInstalled', vhdxRemoved: false }));
        expect(changingCalls(removal)).toEqual([]);
        expect(callsOf(removal, 'Start-Process')).toEqual([]);
    }, RUN_TIMEOUT_MS);
});
