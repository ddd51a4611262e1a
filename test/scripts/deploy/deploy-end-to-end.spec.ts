/**
 * A bare simulated host taken to a provisioned EFLOW device with every provisioning type, through the domain's
 * validation and deploy plan and the real deploy scripts. Checks that what the scripts ask of the cmdlets is what the
 * wizard's PowerShell preview shows, and that a secret travels in the provisioning request and nowhere else.
 */
import { deployEflowCall } from '../../../src/app/deploy/domain/cmdlet-calls';
import type { DeploymentPrerequisitesPayload } from '../../../src/app/deploy/domain/deployment-prerequisites';
import type { ProvisioningChoice } from '../../../src/app/deploy/domain/provisioning-choice';
import { emptyProvisioningSecrets, type ProvisioningSecrets } from '../../../src/app/deploy/domain/provisioning-secrets';
import { detectResumePoint } from '../../../src/app/deploy/domain/resume-detection';
import { noHostInputChecks, validateWizard } from '../../../src/app/deploy/domain/wizard-validation';
import type { WizardModel } from '../../../src/app/deploy/domain/wizard-model';
import { callsOf, useDeployHarness, outputOf, RUN_TIMEOUT_MS } from './deploy-harness';
import { readState, runDeployPlan, visibleText } from './deploy-flow';

const HOST = 'ready-to-deploy';
const HUB = 'contoso-edge-hub.azure-devices.net';
const SCOPE = '0ne00A1B2C3';
const CERT = 'C:\\certs\\device-identity.cert.pem';
const KEY = 'C:\\certs\\device-identity.key.pem';
const SHARED_ACCESS_KEY = 'c2VjcmV0LWRldmljZS1rZXktb2YtMzItYnl0ZXMhIQ==';
const SYMMETRIC_KEY = 'ZGVyaXZlZC1kZXZpY2Uta2V5LTMyLWJ5dGVzLWxvbmch';

function modelFor(provisioning: ProvisioningChoice): WizardModel {
    return {
        product: { channel: 'LTS', architecture: 'x64', source: { kind: 'download' }, installPath: '', vhdxPath: '' },
        vmSize: { cpuCount: 2, memoryInMB: 2048, disk: { kind: 'osDisk', vmDiskSizeGB: 40 }, vmLogSize: 'Large' },
        network: {
            virtualSwitch: { kind: 'defaultSwitch' }, addressing: 'dhcp',
            staticIp: { ip4Address: '', ip4PrefixLength: null, ip4GatewayAddress: '' }, dnsServers: ['10.0.0.53', '1.1.1.1']
        },
        gpu: { passthroughType: 'none', gpuName: '', gpuCount: null },
        features: { dpsTpm: provisioning.type === 'DpsTPM', defender: true, optionalTelemetry: true, eulaAccepted: true },
        provisioning
    };
}

const CASES: { provisioning: ProvisioningChoice; secrets: ProvisioningSecrets; source: string; secret: string | null }[] = [
    {
        provisioning: { type: 'ManualConnectionString' }, source: 'manual', secret: SHARED_ACCESS_KEY,
        secrets: { ...emptyProvisioningSecrets(), devConnString: `HostName=${HUB};DeviceId=ready-01;SharedAccessKey=${SHARED_ACCESS_KEY}` }
    },
    {
        provisioning: { type: 'ManualX509', iotHubHostname: HUB, deviceId: 'ready-01', identityCertPath: CERT, identityPrivKeyPath: KEY },
        secrets: emptyProvisioningSecrets(), source: 'manual', secret: null
    },
    {
        provisioning: { type: 'DpsTPM', scopeId: SCOPE, registrationId: '', globalEndpoint: '' },
        secrets: emptyProvisioningSecrets(), source: 'dps', secret: null
    },
    {
        provisioning: { type: 'DpsX509', scopeId: SCOPE, identityCertPath: CERT, identityPrivKeyPath: KEY, globalEndpoint: 'https://global.azure-devices-provisioning.net' },
        secrets: emptyProvisioningSecrets(), source: 'dps', secret: null
    },
    {
        provisioning: { type: 'DpsSymmetricKey', scopeId: SCOPE, registrationId: 'ready-01', globalEndpoint: '' },
        secrets: { ...emptyProvisioningSecrets(), symmKey: SYMMETRIC_KEY }, source: 'dps', secret: SYMMETRIC_KEY
    }
];

const harness = useDeployHarness();

describe.each(CASES)('deploying $provisioning.type on a bare host', ({ provisioning, secrets, source, secret }) => {
    it('validates against the host, runs the plan and ends provisioned and verified', async () => {
        const model = modelFor(provisioning);
        const prerequisites = outputOf(await harness.run(HOST, 'Get-EflowDeploymentPrerequisites')) as unknown as DeploymentPrerequisitesPayload;
        const messages = validateWizard({
            model, secrets, host: prerequisites.host, prerequisiteChecks: prerequisites.checks, hostChecks: noHostInputChecks()
        });
        expect([...messages.values()].flat().filter(m => m.severity === 'error')).toEqual([]);

        const flow = await runDeployPlan(harness, HOST, model, secrets);
        expect(flow.failedStep).toBeNull();
        expect([...flow.runs.keys()]).toEqual(['downloadMsi', 'deployVm', 'configureVm', 'provision', 'verify']);
        expect(outputOf(flow.runs.get('downloadMsi')!)).toEqual(expect.objectContaining({ status: 'installed', productName: 'Azure IoT Edge LTS', downloaded: true }));
        expect(outputOf(flow.runs.get('deployVm')!)).toEqual(expect.objectContaining({ status: 'deployed', result: 'OK' }));
        expect(outputOf(flow.runs.get('provision')!)).toEqual({ status: 'provisioned', provisioningType: provisioning.type, source });
        expect(outputOf(flow.runs.get('verify')!)).toEqual(expect.objectContaining({ vmExists: true, powerState: 'Running', provisioned: true, source }));
        expect(['healthy', 'starting']).toContain(outputOf(flow.runs.get('verify')!)['verdict']);

        expect(callsOf(flow.runs.get('configureVm')!, 'Set-EflowVmDNSServers').map(call => call.parameters)).toEqual([{ dnsServers: ['10.0.0.53', '1.1.1.1'] }]);
        const after = await readState(harness, HOST);
        // DNS reads back as unknown here: the simulator does not model /run/systemd/resolve/resolv.conf.
        expect(after.configuration).toEqual(expect.objectContaining({ dpsTpm: provisioning.type === 'DpsTPM', defender: true, optionalTelemetry: true }));
        expect(detectResumePoint(after, null)).toEqual(expect.objectContaining({ phase: 'provisioned', startPage: 'done' }));

        if (secret !== null) {
            const allRuns = [...flow.runs.values()];
            const carrying = allRuns.flatMap(run => run.calls).filter(call => JSON.stringify(call.parameters).includes(secret));
            expect(carrying.map(call => call.command)).toEqual(['Provision-EflowVm']);
            for (const run of allRuns) {
                expect(visibleText(run)).not.toContain(secret);
            }
        }
    }, RUN_TIMEOUT_MS);
});

describe('what the scripts ask of the cmdlets', () => {
    it('is exactly the Deploy-Eflow call of the preview, and streams its step log as progress', async () => {
        const model = modelFor({ type: 'skip' });
        const flow = await runDeployPlan(harness, HOST, model, emptyProvisioningSecrets());
        const deployRun = flow.runs.get('deployVm')!;
        const expected = Object.fromEntries(deployEflowCall(model).arguments.map(a => [a.name, a.kind === 'value' ? a.value : true]));
        expect(callsOf(deployRun, 'Deploy-Eflow').map(call => call.parameters)).toEqual([expected]);
        const statuses = deployRun.progress.filter(p => p.activity === 'Deploying the EFLOW virtual machine').map(p => p.statusDescription);
        expect(statuses.some(status => /^\[\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}\]/.test(status))).toBe(true);
        expect(flow.plan.steps.find(s => s.id === 'provision')?.status).toBe('notNeeded');
    }, RUN_TIMEOUT_MS);

    it('creates an Internal switch with its NAT on a server and deploys on it with a static address', async () => {
        const server = 'srv2019-new';
        expect(outputOf(await harness.run(server, 'Enable-EflowHostHyperV', { Restart: true }))).toEqual({ status: 'enabled', rebootRequired: true, restarting: true });
        const model = modelFor({ type: 'DpsSymmetricKey', scopeId: SCOPE, registrationId: 'srv-01', globalEndpoint: '' });
        model.network = {
            virtualSwitch: { kind: 'newInternal', switchName: 'EFLOW-NAT' }, addressing: 'static',
            staticIp: { ip4Address: '172.22.0.2', ip4PrefixLength: 24, ip4GatewayAddress: '172.22.0.1' }, dnsServers: ['172.22.0.1']
        };
        await waitForReboot(server);
        const flow = await runDeployPlan(harness, server, model, { ...emptyProvisioningSecrets(), symmKey: SYMMETRIC_KEY });
        expect(flow.failedStep).toBeNull();
        const switchRun = flow.runs.get('createSwitch')!;
        expect(outputOf(switchRun)).toEqual({ switchName: 'EFLOW-NAT', switchType: 'Internal', created: true, natName: 'EFLOW-NAT-NAT', warnings: [] });
        expect(callsOf(switchRun, 'New-NetNat')[0].parameters).toEqual({ Name: 'EFLOW-NAT-NAT', InternalIPInterfaceAddressPrefix: '172.22.0.0/24' });
        expect(callsOf(flow.runs.get('deployVm')!, 'Deploy-Eflow')[0].parameters).toEqual(expect.objectContaining({
            vswitchName: 'EFLOW-NAT', vswitchType: 'Internal', ip4Address: '172.22.0.2', ip4PrefixLength: 24, ip4GatewayAddress: '172.22.0.1'
        }));
    }, RUN_TIMEOUT_MS);
});

/**
 * Waits until the simulated host is reachable again after Restart-Computer (instant at timeScale 0). Fails here,
 * naming the host, when it does not come back: a later step would otherwise fail with a confusing transport error.
 */
async function waitForReboot(host: string): Promise<void> {
    const checks = 100;
    for (let attempt = 0; attempt < checks; attempt++) {
        if (harness.sim.connection(host).reachable) {
            return;
        }
        await new Promise(resolve => setTimeout(resolve, 20));
    }
    throw new Error(`${host} was still unreachable after its restart (checked ${checks} times, 20 ms apart).`);
}
