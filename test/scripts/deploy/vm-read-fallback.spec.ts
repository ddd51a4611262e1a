/**
 * The deploy scripts on a VM whose Get-EflowVm fails. Get-EflowVm reads the module list with `sudo iotedge list` and
 * throws "Unexpected return from 'sudo iotedge list'" while IoT Edge does not run (eflow.md 5), so it fails on every
 * freshly deployed, unprovisioned VM. The scripts then ask Get-EflowVmAddr whether the VM runs (shared function
 * Read-EflowVm, and Start-EflowVmIfStopped), and fail or answer 'unhealthy' only when that cannot tell either.
 */
import { callsOf, failureCode, outputOf, RUN_TIMEOUT_MS, useDeployHarness } from './deploy-harness';
import { readState } from './deploy-flow';

const harness = useDeployHarness();
const IOTEDGE_LIST_FAILURE = "Unexpected return from 'sudo iotedge list'";
const CONNECTION_STRING = 'HostName=contoso-edge-hub.azure-devices.net;DeviceId=edge-unprovisioned;' +
    'SharedAccessKey=c2VjcmV0LWRldmljZS1rZXktb2YtMzItYnl0ZXMhIQ==';

describe('deploy scripts when Get-EflowVm fails', () => {
    it('Test-EflowDeployment: an unprovisioned VM that runs is notProvisioned, read through Get-EflowVmAddr', async () => {
        const run = await harness.run('edge-unprovisioned', 'Test-EflowDeployment');
        expect(outputOf(run)).toEqual(expect.objectContaining({ verdict: 'notProvisioned', vmExists: true, powerState: 'Running' }));
        expect(callsOf(run, 'Get-EflowVmAddr')).toHaveLength(1);
        expect(callsOf(run, 'Invoke-EflowVmCommand')).toHaveLength(1);
    }, RUN_TIMEOUT_MS);

    it('Test-EflowDeployment: a VM that cannot be read at all is unhealthy, with the message, not a terminating error', async () => {
        const run = await harness.run('vm-ip-broken', 'Test-EflowDeployment');
        expect(run.failure).toBeNull();
        expect(outputOf(run)).toEqual(expect.objectContaining({
            verdict: 'unhealthy', vmExists: true, powerState: null,
            detail: 'The VM could not be read: Could not resolve virtual machine IP address at line 1542'
        }));
        expect(callsOf(run, 'Invoke-EflowVmCommand')).toEqual([]);
    }, RUN_TIMEOUT_MS);

    it('Test-EflowDeployment: a stopped VM whose Get-EflowVm fails is unhealthy with Get-EflowVm\'s message', async () => {
        harness.sim.setFaults('edge-stopped', { getEflowVmThrows: 'Cannot index into a null array.' });
        const verdict = outputOf(await harness.run('edge-stopped', 'Test-EflowDeployment'));
        expect(verdict).toEqual(expect.objectContaining({ verdict: 'unhealthy', detail: 'The VM could not be read: Cannot index into a null array.' }));
    }, RUN_TIMEOUT_MS);

    it('Get-EflowDeploymentState: the unprovisioned VM runs and is not provisioned, without a read error', async () => {
        const state = await readState(harness, 'edge-unprovisioned');
        expect(state).toEqual(expect.objectContaining({
            vmExists: true, vmPowerState: 'Running', provisioning: { state: 'NotProvisioned', source: null }, errors: []
        }));
    }, RUN_TIMEOUT_MS);

    it('Get-EflowDeploymentState: lists Get-EflowVm\'s error when neither it nor Get-EflowVmAddr can tell the power state', async () => {
        const state = await readState(harness, 'vm-ip-broken');
        expect(state.vmPowerState).toBeNull();
        expect(state.errors).toEqual([{ source: 'Get-EflowVm', code: 'EflowVmUnavailable', message: 'Could not resolve virtual machine IP address at line 1542' }]);
    }, RUN_TIMEOUT_MS);

    it('Set-EflowVmProvisioning provisions the running VM without trying to start it', async () => {
        const run = await harness.run('edge-unprovisioned', 'Set-EflowVmProvisioning',
            { ProvisioningType: 'ManualConnectionString', DevConnString: CONNECTION_STRING });
        expect(outputOf(run)).toEqual(expect.objectContaining({ status: 'provisioned', source: 'manual' }));
        expect(callsOf(run, 'Start-EflowVm')).toEqual([]);
        expect(callsOf(run, 'Get-EflowVmAddr')).toHaveLength(1);
    }, RUN_TIMEOUT_MS);

    it('Set-EflowVmConfiguration fails with Get-EflowVm\'s own message when the VM answers neither read', async () => {
        harness.sim.setFaults('edge-stopped', { getEflowVmThrows: IOTEDGE_LIST_FAILURE });
        const run = await harness.run('edge-stopped', 'Set-EflowVmConfiguration', { OptionalTelemetry: true });
        expect(run.failure).toContain(IOTEDGE_LIST_FAILURE);
        expect(failureCode(run)).toBeNull();
        expect(callsOf(run, 'Start-EflowVm')).toEqual([]);
    }, RUN_TIMEOUT_MS);
});
