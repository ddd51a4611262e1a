/**
 * The fault knobs that only the scripts' tests use: Deploy-Eflow's processor refusal, a Provision-EflowVm that
 * repeats the secrets it was given (for the scripts' masking tests) and a Hyper-V state read that fails.
 */
import { harness } from '../testing/sim-harness';

const KEY = 'c2VjcmV0LWRldmljZS1rZXktb2YtMzItYnl0ZXMhIQ==';
const CONNECTION_STRING = `HostName=contoso.azure-devices.net;DeviceId=line-2-a;SharedAccessKey=${KEY}`;

describe('test-only fault knobs', () => {
    it('deployNotEnoughCpu: Deploy-Eflow refuses with the documented message and changes nothing', async () => {
        const h = harness();
        h.sim.setFaults('msi-installed', { deployNotEnoughCpu: 'once' });
        const refused = await h.eflow('msi-installed', 'Deploy-Eflow', { acceptEula: 'Yes', acceptOptionalTelemetry: 'No', cpuCount: 1, memoryInMB: 1024 });
        expect(refused.error()).toBe('Not enough CPU cores available.');
        expect((await h.eflow('msi-installed', 'Verify-EflowVm')).value()).toBe(false);
        expect((await h.eflow('msi-installed', 'Deploy-Eflow', { acceptEula: 'Yes', acceptOptionalTelemetry: 'No', cpuCount: 1, memoryInMB: 1024 })).value()).toBe('OK');
    });

    it('provisioningEchoesSecrets: the key alone and the whole string, in lines, a warning, output and the error', async () => {
        const h = harness();
        h.sim.setFaults('edge-unprovisioned', { provisioningEchoesSecrets: 'sticky', provisioningFailure: 'once' });
        const failed = await h.eflow('edge-unprovisioned', 'Provision-EflowVm', { provisioningType: 'ManualConnectionString', devConnString: CONNECTION_STRING, headless: true });
        expect(failed.error()).toBe(`Failed to provision config.toml. Please provision manually. (key ${KEY}, input ${CONNECTION_STRING})`);
        expect(failed.lines().some(line => line.endsWith(`Using key ${KEY} for the device`))).toBe(true);
        expect(failed.events).toContainEqual({ kind: 'warning', message: `Device connection string: ${CONNECTION_STRING}` });
        const provisioned = await h.eflow('edge-unprovisioned', 'Provision-EflowVm', { provisioningType: 'ManualConnectionString', devConnString: CONNECTION_STRING, headless: true });
        expect(provisioned.value()).toEqual([`config.toml written with key ${KEY}`, `from ${CONNECTION_STRING}`, 'OK']);
        // Without the knob the simulator never repeats a secret (secrets.spec.ts).
        h.sim.reset();
        const plain = await h.eflow('edge-unprovisioned', 'Provision-EflowVm', { provisioningType: 'ManualConnectionString', devConnString: CONNECTION_STRING, headless: true });
        expect(JSON.stringify([plain.outcome, plain.events])).not.toContain(KEY);
    });

    it('hyperVReadFailure: Get-WindowsOptionalFeature and Get-WindowsFeature fail with the message', async () => {
        const h = harness();
        const message = 'The requested operation requires elevation.';
        h.sim.setFaults('ready-to-deploy', { hyperVReadFailure: message });
        h.sim.setFaults('srv2022-dps', { hyperVReadFailure: message });
        expect((await h.windows('ready-to-deploy', 'Get-WindowsOptionalFeature', { Online: true, FeatureName: 'Microsoft-Hyper-V' })).error()).toBe(message);
        expect((await h.windows('srv2022-dps', 'Get-WindowsFeature', { Name: ['Hyper-V'] })).error()).toBe(message);
        h.sim.setFaults('ready-to-deploy', { hyperVReadFailure: null });
        expect((await h.windows('ready-to-deploy', 'Get-WindowsOptionalFeature', { Online: true, FeatureName: 'Microsoft-Hyper-V' })).value()).toBeTruthy();
    });
});
