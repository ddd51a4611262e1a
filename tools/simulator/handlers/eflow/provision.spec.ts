import type { JsonValue } from '../../../pwsh-host/protocol';
import { SAMPLE_CERT_PATH, SAMPLE_KEY_PATH } from '../../fleet/fleet-definition';
import { asArray, asObject, harness, type Harness } from '../../testing/sim-harness';

const HOST = 'edge-unprovisioned';
const CONNECTION_STRING = 'HostName=contoso.azure-devices.net;DeviceId=line-2-a;SharedAccessKey=bm90LXJlYWwta2V5LTEyMzQ=';

const REQUIRED_SETS: [string, { [name: string]: JsonValue }, string[]][] = [
    ['ManualConnectionString', { devConnString: CONNECTION_STRING }, ['source = "manual"']],
    ['ManualX509', { iotHubHostname: 'contoso.azure-devices.net', deviceId: 'line-2-a', identityCertPath: SAMPLE_CERT_PATH,
        identityPrivKeyPath: SAMPLE_KEY_PATH }, ['source = "manual"', 'method = "x509"']],
    ['DpsTPM', { scopeId: '0ne00000001' }, ['source = "dps"', 'method = "tpm"']],
    ['DpsX509', { scopeId: '0ne00000001', identityCertPath: SAMPLE_CERT_PATH, identityPrivKeyPath: SAMPLE_KEY_PATH },
        ['source = "dps"', 'method = "x509"']],
    ['DpsSymmetricKey', { scopeId: '0ne00000001', symmKey: 'c3ltbWV0cmljLWtleS0xMjM0', registrationId: 'line-2-a' },
        ['source = "dps"', 'method = "symmetric_key"']]
];

async function configLines(h: Harness): Promise<string[]> {
    const result = await h.eflow(HOST, 'Invoke-EflowVmCommand', { command: 'sudo grep -E "^(source|method) =" ' +
        '/etc/aziot/config.toml', ignoreError: true });
    return asArray(result.value()).map(String);
}

describe('Provision-EflowVm', () => {
    it('turns Get-EflowVm from the documented iotedge list failure (IoT Edge not running) into an answer with modules', async () => {
        const h = harness();
        expect((await h.eflow(HOST, 'Get-EflowVm')).error()).toBe("Unexpected return from 'sudo iotedge list'");
        // The VM itself runs: Get-EflowVmAddr still answers with its address.
        expect(asArray((await h.eflow(HOST, 'Get-EflowVmAddr')).value())[1]).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
        (await h.eflow(HOST, 'Provision-EflowVm', { provisioningType: 'ManualConnectionString', headless: true,
            devConnString: CONNECTION_STRING })).value();
        const vm = asObject((await h.eflow(HOST, 'Get-EflowVm')).value());
        expect(vm.VmPowerState).toBe('Running');
        expect(asArray(asObject(vm.EdgeRuntimeStatus).ModuleList).map(m => asObject(m).Name)).toContain('edgeAgent');
    });

    it.each(REQUIRED_SETS)('provisions %s with its required set', async (type, parameters, config) => {
        const h = harness();
        if (type === 'DpsTPM') {
            (await h.eflow(HOST, 'Set-EflowVmFeature', { feature: 'DpsTpm', enable: true })).value();
        }
        const result = await h.eflow(HOST, 'Provision-EflowVm', { provisioningType: type, headless: true, ...parameters });
        expect(result.value()).toBe('OK');
        expect(result.lines().at(-1)).toMatch(/\] Provisioning successful$/);
        expect(await configLines(h)).toEqual(config);
        const list = asArray((await h.eflow(HOST, 'Invoke-EflowVmCommand', { command: 'sudo iotedge list' })).value());
        expect(String(list[1])).toMatch(/^edgeAgent\s+running\s+Up a second\s+mcr\.microsoft\.com\/azureiotedge-agent:1\.5$/);
        const status = asArray((await h.eflow(HOST, 'Invoke-EflowVmCommand', { command: 'iotedge system status' })).value());
        expect(status[1]).toBe('    aziot-edged             Running');
        expect(status[5]).toBe(`    aziot-tpmd              ${type === 'DpsTPM' ? 'Running' : 'Ready'}`);
    });

    it.each(REQUIRED_SETS)('names the missing parameters of %s', async (type, parameters) => {
        const h = harness();
        for (const name of Object.keys(parameters)) {
            const partial = Object.fromEntries(Object.entries(parameters).filter(([key]) => key !== name));
            const result = await h.eflow(HOST, 'Provision-EflowVm', { provisioningType: type, ...partial });
            expect(result.error()).toBe(`Missing parameter(s) for ${type} provisioning: ${name}.`);
        }
        expect(asObject(asObject(h.sim.getHostState(HOST)).vm).provisioning).toBeNull();
    });

    it('DpsTPM accepts only scope and registration id, and needs the DpsTpm feature', async () => {
        const h = harness();
        expect((await h.eflow(HOST, 'Provision-EflowVm', { provisioningType: 'DpsTPM', scopeId: 'x', deviceId: 'y' }))
            .error()).toBe('Only scope ID and registration ID (optional) for DpsTpm provisioning may be specified');
        expect((await h.eflow(HOST, 'Provision-EflowVm', { provisioningType: 'DpsTPM', scopeId: 'x', registrationId: 'r' }))
            .error()).toBe('TPM provisioning was not enabled!');
        expect((await h.eflow(HOST, 'Get-EflowVmTpmProvisioningInfo')).error()).toBe('TPM provisioning was not enabled!');
        (await h.eflow(HOST, 'Set-EflowVmFeature', { feature: 'dpstpm', enable: true })).value();
        const tpm = asObject((await h.eflow(HOST, 'Get-EflowVmTpmProvisioningInfo')).value());
        expect(Object.keys(tpm)).toEqual(['Endorsement Key', 'Registration ID']);
        expect(String(tpm['Registration ID'])).toMatch(/^[0-9a-f]{64}$/);
    });

    it('checks the certificate files exist on the host', async () => {
        const h = harness();
        const result = await h.eflow(HOST, 'Provision-EflowVm', { provisioningType: 'DpsX509', scopeId: 's',
            identityCertPath: 'C:\\missing.pem', identityPrivKeyPath: SAMPLE_KEY_PATH });
        expect(result.error()).toBe("Cannot find path 'C:\\missing.pem' because it does not exist.");
    });

    it('refuses a malformed connection string without echoing it', async () => {
        const h = harness();
        const result = await h.eflow(HOST, 'Provision-EflowVm', { provisioningType: 'ManualConnectionString',
            devConnString: 'HostName=x;SharedAccessKey=dG9wLXNlY3JldA==' });
        expect(result.error()).toBe('The device connection string is not valid: it needs HostName=...;DeviceId=...;SharedAccessKey=...');
        expect(result.error()).not.toContain('dG9wLXNlY3JldA==');
    });

    it('refuses to re-provision: headless aborts, interactive cannot prompt in WAC', async () => {
        const h = harness();
        const parameters = { provisioningType: 'ManualConnectionString', devConnString: CONNECTION_STRING };
        expect((await h.eflow('edge-healthy', 'Provision-EflowVm', { ...parameters, headless: true })).error())
            .toBe('Aborting, iotedge was previously provisioned (headless mode)!');
        expect((await h.eflow('edge-healthy', 'Provision-EflowVm', parameters)).error())
            .toBe('PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.');
    });

    it('needs a deployed, running VM', async () => {
        const h = harness();
        const parameters = { provisioningType: 'ManualConnectionString', devConnString: CONNECTION_STRING };
        expect((await h.eflow('msi-installed', 'Provision-EflowVm', parameters)).error())
            .toBe('Virtual machine does not exist, deploy it first');
        expect((await h.eflow('edge-stopped', 'Provision-EflowVm', parameters)).error())
            .toBe('Cannot process request, EFLOW VM is OFF!');
        expect((await h.eflow(HOST, 'Provision-EflowVm', { devConnString: CONNECTION_STRING })).error()).toBe(
            'A provisioning type is required (-provisioningType ManualConnectionString|ManualX509|DpsTPM|DpsX509|DpsSymmetricKey).');
    });

    it('an injected provisioning failure leaves the VM unprovisioned (once)', async () => {
        const h = harness();
        h.sim.setFaults(HOST, { provisioningFailure: 'once' });
        const parameters = { provisioningType: 'ManualConnectionString', devConnString: CONNECTION_STRING, headless: true };
        expect((await h.eflow(HOST, 'Provision-EflowVm', parameters)).error())
            .toBe('Failed to provision config.toml. Please provision manually.');
        expect(asObject(asObject(h.sim.getHostState(HOST)).vm).provisioning).toBeNull();
        expect((await h.eflow(HOST, 'Provision-EflowVm', parameters)).value()).toBe('OK');
    });

    describe('cancellation', () => {
        beforeEach(() => jest.useFakeTimers());
        afterEach(() => jest.useRealTimers());

        it('leaves the VM as it was', async () => {
            const h = harness({ timeScale: 1 });
            const controller = new AbortController();
            const pending = h.call(HOST, 'AzureEFLOW', 'Provision-EflowVm', { provisioningType: 'ManualConnectionString',
                devConnString: CONNECTION_STRING }, controller.signal);
            await jest.advanceTimersByTimeAsync(5000);
            controller.abort();
            expect((await pending).error()).toBe('The pipeline has been stopped.');
            expect(asObject(asObject(h.sim.getHostState(HOST)).vm).provisioning).toBeNull();
        });
    });
});
