/**
 * A deployment that fails part-way, made to fail with the simulator's fault knobs, then resumed the way the wizard
 * does it: describe the failure, read the host again, rebuild the plan from what is done, run the rest.
 */
import { buildDeployPlan } from '../../../src/app/deploy/domain/deploy-plan';
import { describeDeployFailure } from '../../../src/app/deploy/domain/deploy-failure';
import { detectDoneSteps } from '../../../src/app/deploy/domain/done-steps';
import type { DeploymentRunRecord } from '../../../src/app/deploy/domain/deployment-run-record';
import { emptyProvisioningSecrets } from '../../../src/app/deploy/domain/provisioning-secrets';
import { detectResumePoint } from '../../../src/app/deploy/domain/resume-detection';
import type { WizardModel } from '../../../src/app/deploy/domain/wizard-model';
import type { JsonValue } from '../../../tools/pwsh-host/protocol';
import { callsOf, outputOf, useDeployHarness, RUN_TIMEOUT_MS, type DeployScriptName } from './deploy-harness';
import { readState, runDeployPlan } from './deploy-flow';

const HOST = 'ready-to-deploy';
const SECRETS = { ...emptyProvisioningSecrets(), symmKey: 'ZGVyaXZlZC1kZXZpY2Uta2V5LTMyLWJ5dGVzLWxvbmch' };

function model(): WizardModel {
    return {
        product: { channel: 'LTS', architecture: 'x64', source: { kind: 'download' }, installPath: '', vhdxPath: '' },
        vmSize: { cpuCount: 2, memoryInMB: 2048, disk: { kind: 'default' }, vmLogSize: 'Small' },
        network: { virtualSwitch: { kind: 'defaultSwitch' }, addressing: 'dhcp', staticIp: { ip4Address: '', ip4PrefixLength: null, ip4GatewayAddress: '' }, dnsServers: [] },
        gpu: { passthroughType: 'none', gpuName: '', gpuCount: null },
        features: { dpsTpm: false, defender: false, optionalTelemetry: false, eulaAccepted: true },
        provisioning: { type: 'DpsSymmetricKey', scopeId: '0ne00A1B2C3', registrationId: 'ready-01', globalEndpoint: '' }
    };
}

const harness = useDeployHarness();

describe('resuming after a failure', () => {
    it('retries a failed MSI installation (1603) as it is, then goes on', async () => {
        harness.sim.setFaults(HOST, { msiInstallFailure: 'once' });
        const failed = await runDeployPlan(harness, HOST, model(), SECRETS);
        expect(failed.failedStep).toBe('downloadMsi');
        const failure = describeDeployFailure('installMsi', failed.runs.get('downloadMsi')?.failure ?? '');
        expect(failure).toEqual(expect.objectContaining({ code: 'MsiInstallFailed', recovery: { kind: 'rerun' } }));
        expect(failure.underlyingMessage).toContain('0x80070643');
        expect(detectResumePoint(await readState(harness, HOST), null).phase).toBe('fresh');

        const resumed = await runDeployPlan(harness, HOST, model(), SECRETS);
        expect(resumed.failedStep).toBeNull();
        expect([...resumed.runs.keys()]).toEqual(['downloadMsi', 'deployVm', 'configureVm', 'provision', 'verify']);
    }, RUN_TIMEOUT_MS);

    it('after Deploy-Eflow refuses the VM size, sends the admin to the VM size page; the next run reads the host and deploys, once', async () => {
        harness.sim.setFaults(HOST, { deployNotEnoughMemory: 'once' });
        const failed = await runDeployPlan(harness, HOST, model(), SECRETS);
        expect(failed.failedStep).toBe('deployVm');
        const failure = describeDeployFailure('deployVm', failed.runs.get('deployVm')?.failure ?? '');
        expect(failure).toEqual(expect.objectContaining({ code: 'DeployNotEnoughMemory', recovery: { kind: 'refreshFirst', editPage: 'vmSize' } }));
        expect(failure.underlyingMessage).toContain('Not enough memory available.');

        const state = await readState(harness, HOST);
        const decision = detectResumePoint(state, null);
        expect(decision).toEqual(expect.objectContaining({ phase: 'productInstalled', doneSteps: ['downloadMsi', 'installMsi'] }));
        const resumed = await runDeployPlan(harness, HOST, model(), SECRETS);
        expect(resumed.plan.firstPendingStep).toBe('deployVm');
        expect(resumed.failedStep).toBeNull();
        expect(resumed.runs.has('downloadMsi')).toBe(false);
        expect(callsOf(resumed.runs.get('deployVm')!, 'Deploy-Eflow')).toHaveLength(1);
    }, RUN_TIMEOUT_MS);

    it('after provisioning fails, asks for the secret again and provisions without touching the VM', async () => {
        harness.sim.setFaults(HOST, { provisioningFailure: 'once' });
        const failed = await runDeployPlan(harness, HOST, model(), SECRETS);
        expect(failed.failedStep).toBe('provision');
        expect(describeDeployFailure('provision', failed.runs.get('provision')?.failure ?? '').underlyingMessage)
            .toContain('Failed to provision config.toml. Please provision manually.');

        const record: DeploymentRunRecord = {
            startedAt: '2026-05-01T10:00:00Z', model: model(),
            steps: {
                deployVm: { outcome: 'succeeded', at: '2026-05-01T10:05:00Z', errorCode: null, message: null },
                configureVm: { outcome: 'succeeded', at: '2026-05-01T10:06:00Z', errorCode: null, message: null },
                provision: { outcome: 'failed', at: '2026-05-01T10:07:00Z', errorCode: 'ProvisioningFailed', message: 'Failed to provision config.toml.' }
            }
        };
        const decision = detectResumePoint(await readState(harness, HOST), record);
        expect(decision).toEqual(expect.objectContaining({ phase: 'vmDeployed', startPage: 'provisioning' }));
        const resumed = await runDeployPlan(harness, HOST, model(), SECRETS, record);
        expect(resumed.plan.firstPendingStep).toBe('provision');
        expect(resumed.failedStep).toBeNull();
        expect([...resumed.runs.keys()]).toEqual(['provision', 'verify']);
    }, RUN_TIMEOUT_MS);

    it('skips provisioning that succeeded although the wizard lost the answer', async () => {
        await runDeployPlan(harness, HOST, model(), SECRETS);
        const again = await harness.run(HOST, 'Set-EflowVmProvisioning', {
            ProvisioningType: 'DpsSymmetricKey', ScopeId: '0ne00A1B2C3', RegistrationId: 'ready-01', SymmKey: SECRETS.symmKey
        });
        expect(again.result.outputs).toEqual([{ status: 'alreadyProvisioned', provisioningType: 'DpsSymmetricKey', source: 'dps' }]);
        expect(callsOf(again, 'Provision-EflowVm')).toEqual([]);
    }, RUN_TIMEOUT_MS);

    it.each([
        ['New-NetNat failed: the switch and its host address, no NAT', true],
        ['New-NetIPAddress failed: the switch alone', false]
    ])('completes an Internal switch an earlier run left half made (%s), and only then counts it done', async (_case, withAddress) => {
        const server = 'srv2019-new';
        const windows = async (command: string, parameters: { [name: string]: JsonValue }): Promise<void> => {
            const outcome = await harness.sim.call({ host: server, module: 'Windows', command, parameters }, () => undefined, new AbortController().signal);
            if (!outcome.ok) {
                throw new Error(outcome.error.message);
            }
        };
        await windows('Install-WindowsFeature', { Name: ['Hyper-V'], IncludeManagementTools: true });
        await windows('Restart-Computer', { Force: true });
        await windows('Invoke-WebRequest', { Uri: 'https://aka.ms/AzEFLOWMSI_1_5_LTS_X64', OutFile: 'C:\\Windows\\Temp\\AzureIoTEdge.msi', UseBasicParsing: true });
        await windows('Start-Process', { FilePath: 'msiexec', Wait: true, ArgumentList: ['/i', 'C:\\Windows\\Temp\\AzureIoTEdge.msi', '/qn'] });
        // What New-EflowVirtualSwitch leaves when a later part fails.
        await windows('New-VMSwitch', { Name: 'EFLOW-NAT', SwitchType: 'Internal' });
        if (withAddress) {
            await windows('New-NetIPAddress', { IPAddress: '172.22.0.1', PrefixLength: 24, InterfaceAlias: 'vEthernet (EFLOW-NAT)' });
        }
        const internal = model();
        internal.network = {
            virtualSwitch: { kind: 'newInternal', switchName: 'EFLOW-NAT' }, addressing: 'static',
            staticIp: { ip4Address: '172.22.0.2', ip4PrefixLength: 24, ip4GatewayAddress: '172.22.0.1' }, dnsServers: []
        };

        const halfMade = await readState(harness, server);
        expect(halfMade.switches.find(s => s.name === 'EFLOW-NAT')).toEqual(
            { name: 'EFLOW-NAT', switchType: 'Internal', hostAddresses: withAddress ? ['172.22.0.1/24'] : [], natPrefix: null });
        expect(detectDoneSteps(halfMade, internal, null).has('createSwitch')).toBe(false);
        const step = buildDeployPlan(internal, halfMade, null).steps.find(s => s.id === 'createSwitch');
        expect(step?.status).toBe('pending');
        const completed = await harness.run(server, step?.call?.script as DeployScriptName, step?.call?.parameters ?? {});
        expect(outputOf(completed)).toEqual(expect.objectContaining({ switchName: 'EFLOW-NAT', created: false, natName: 'EFLOW-NAT-NAT' }));
        expect(completed.calls.map(c => c.command)).not.toContain('New-VMSwitch');

        const whole = await readState(harness, server);
        expect(whole.switches.find(s => s.name === 'EFLOW-NAT')).toEqual(
            { name: 'EFLOW-NAT', switchType: 'Internal', hostAddresses: ['172.22.0.1/24'], natPrefix: '172.22.0.0/24' });
        expect(detectDoneSteps(whole, internal, null).has('createSwitch')).toBe(true);
    }, RUN_TIMEOUT_MS);
});
