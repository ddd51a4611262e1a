/**
 * Get-EflowDeploymentState on fleet hosts in each stage of a deployment, fed to the domain's resume detection: where
 * the wizard would continue on each.
 */
import type { DeploymentStateSnapshot } from '../../../src/app/deploy/domain/deployment-state';
import { detectResumePoint } from '../../../src/app/deploy/domain/resume-detection';
import { changingCalls, useDeployHarness, RUN_TIMEOUT_MS } from './deploy-harness';
import { readState } from './deploy-flow';

const harness = useDeployHarness();

describe('Get-EflowDeploymentState and resume detection', () => {
    it('places each stage of the fleet where the wizard continues', async () => {
        const decisions: Record<string, [string, string | 'done']> = {};
        for (const host of ['ready-to-deploy', 'msi-installed', 'edge-unprovisioned', 'edge-stopped', 'edge-healthy', 'arm64-cr']) {
            const decision = detectResumePoint(await readState(harness, host), null);
            decisions[host] = [decision.phase, decision.startPage];
        }
        expect(decisions).toEqual({
            'ready-to-deploy': ['fresh', 'prerequisites'],
            'msi-installed': ['productInstalled', 'vmSize'],
            'edge-unprovisioned': ['vmDeployed', 'network'],
            'edge-stopped': ['vmDeployed', 'network'],
            'edge-healthy': ['provisioned', 'done'],
            'arm64-cr': ['provisioned', 'done']
        });
    }, RUN_TIMEOUT_MS);

    it('reads the product, the VM and its configuration without changing anything', async () => {
        const run = await harness.run('edge-healthy', 'Get-EflowDeploymentState');
        expect(changingCalls(run)).toEqual([]);
        const state = await readState(harness, 'edge-healthy');
        const contractKeys: (keyof DeploymentStateSnapshot)[] = ['schemaVersion', 'collectedAt', 'computerName', 'product', 'moduleAvailable',
            'vmExists', 'vhdxPresent', 'vmPowerState', 'provisioning', 'configuration', 'hyperVState', 'rebootPending', 'deploymentInProgress',
            'switches', 'errors'];
        expect(Object.keys(state).sort()).toEqual([...contractKeys].sort());
        expect(state).toEqual(expect.objectContaining({
            schemaVersion: 2, computerName: 'EDGE-HEALTHY', moduleAvailable: true, vmExists: true, vhdxPresent: true, vmPowerState: 'Running',
            provisioning: { state: 'Provisioned', source: 'manual' }, deploymentInProgress: false, errors: []
        }));
        expect(state.product).toEqual(expect.objectContaining({ productName: 'Azure IoT Edge LTS' }));
        expect(state.configuration).toEqual(expect.objectContaining({ dpsTpm: false, defender: false }));
    }, RUN_TIMEOUT_MS);

    it('leaves provisioning unknown on a stopped VM rather than guessing', async () => {
        const state = await readState(harness, 'edge-stopped');
        expect(state).toEqual(expect.objectContaining({ vmPowerState: 'Off', provisioning: { state: 'Unknown', source: null } }));
        expect(detectResumePoint(state, null).summary.key).toBe('resumeVmDeployedStopped');
    }, RUN_TIMEOUT_MS);

    it('blocks a host until the restart that finishes enabling Hyper-V', async () => {
        await harness.run('hyperv-disabled', 'Enable-EflowHostHyperV');
        const state = await readState(harness, 'hyperv-disabled');
        expect(state).toEqual(expect.objectContaining({ hyperVState: 'EnablePending', rebootPending: true }));
        expect(detectResumePoint(state, null).blockers.map(b => b.code)).toEqual(['restartToEnableHyperV']);
    }, RUN_TIMEOUT_MS);

    it('reports an unreadable Hyper-V state as Unknown with its error, not as an edition without Hyper-V', async () => {
        harness.sim.setFaults('ready-to-deploy', { hyperVReadFailure: 'DISM failed: 0x800f0906' });
        const state = await readState(harness, 'ready-to-deploy');
        expect(state.hyperVState).toBe('Unknown');
        expect(state.errors).toContainEqual({ source: 'Hyper-V feature', code: 'HyperVStateUnreadable', message: 'DISM failed: 0x800f0906' });
    }, RUN_TIMEOUT_MS);

    it('asks nothing of AzureEFLOW on a host without EFLOW, leaving the VM facts unknown', async () => {
        const run = await harness.run('ready-to-deploy', 'Get-EflowDeploymentState');
        expect(run.calls.filter(call => call.module === 'AzureEFLOW')).toEqual([]);
        const state = await readState(harness, 'ready-to-deploy');
        expect(state).toEqual(expect.objectContaining({ product: null, moduleAvailable: false, vmExists: null, vhdxPresent: null }));
    }, RUN_TIMEOUT_MS);
});
