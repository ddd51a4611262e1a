import { textOf } from '../testing/rendered-text';
import { buildDeployPlan, scriptParameterName, withProvisioningSecret, type DeployPlan } from './deploy-plan';
import { messageOf } from './message-text';
import { emptyProvisioningSecrets } from './provisioning-secrets';
import {
    base64Key, bareHostSnapshot, deployedHostSnapshot, installedHostSnapshot, provisionedHostSnapshot, validWizardModel
} from './testing/deploy-fixtures';

const statuses = (plan: DeployPlan): string[] => plan.steps.map(s => `${s.id}:${s.status}`);
const stepOf = (plan: DeployPlan, id: string) => plan.steps.find(s => s.id === id);

describe('buildDeployPlan', () => {
    it('plans every step on a bare host; download and install are one Install-EflowProduct call', () => {
        const plan = buildDeployPlan(validWizardModel(), bareHostSnapshot(), null);
        expect(statuses(plan)).toEqual([
            'downloadMsi:pending', 'installMsi:pending', 'createSwitch:notNeeded', 'deployVm:pending', 'configureVm:pending',
            'provision:pending', 'verify:pending'
        ]);
        expect(plan.firstPendingStep).toBe('downloadMsi');
        expect(stepOf(plan, 'downloadMsi')?.call).toEqual({
            script: 'Install-EflowProduct', parameters: { Channel: 'LTS', Architecture: 'x64' }, secretParameter: null
        });
        expect(stepOf(plan, 'installMsi')).toEqual(expect.objectContaining({ call: null, carriedBy: 'downloadMsi' }));
    });

    it('gives New-EflowVirtualMachine the Deploy-Eflow parameters in PascalCase', () => {
        const plan = buildDeployPlan(validWizardModel(), bareHostSnapshot(), null);
        expect(stepOf(plan, 'deployVm')?.call?.parameters).toEqual({
            AcceptEula: 'Yes', AcceptOptionalTelemetry: 'No', CpuCount: 2, MemoryInMB: 4096, VmDiskSize: 64, VmLogSize: 'Small',
            VswitchName: 'LAN', VswitchType: 'External', Ip4Address: '192.168.10.50', Ip4PrefixLength: 24, Ip4GatewayAddress: '192.168.10.1'
        });
        expect(stepOf(plan, 'deployVm')?.retry).toBe('refreshFirst');
        expect(textOf(messageOf(stepOf(plan, 'deployVm')?.cancelWarning ?? 'cancelInstallMsi'))).toContain('uninstalling EFLOW and starting again');
    });

    it('installs from a host MSI without a download step, passing the install folders', () => {
        const model = validWizardModel();
        model.product.source = { kind: 'hostPath', msiPath: 'C:\\Temp\\AzureIoTEdge.msi' };
        model.product.vhdxPath = 'D:\\VMs';
        const plan = buildDeployPlan(model, bareHostSnapshot(), null);
        expect(stepOf(plan, 'downloadMsi')?.status).toBe('notNeeded');
        expect(stepOf(plan, 'installMsi')?.call?.parameters).toEqual({
            Channel: 'LTS', Architecture: 'x64', MsiPath: 'C:\\Temp\\AzureIoTEdge.msi', VhdxPath: 'D:\\VMs'
        });
        // New-EflowVirtualMachine looks for an interrupted Deploy-Eflow's disk in that folder too.
        expect(stepOf(plan, 'deployVm')?.call?.parameters).toEqual(expect.objectContaining({ VhdxPath: 'D:\\VMs' }));
    });

    it('plans the switch creation for a new switch', () => {
        const model = validWizardModel();
        model.network.virtualSwitch = { kind: 'newInternal', switchName: 'EFLOW-NAT' };
        model.network.staticIp = { ip4Address: '172.20.0.2', ip4PrefixLength: 24, ip4GatewayAddress: '172.20.0.1' };
        expect(stepOf(buildDeployPlan(model, bareHostSnapshot(), null), 'createSwitch')?.call).toEqual({
            script: 'New-EflowVirtualSwitch', secretParameter: null,
            parameters: { SwitchName: 'EFLOW-NAT', SwitchType: 'Internal', GatewayAddress: '172.20.0.1', PrefixLength: 24, VmAddress: '172.20.0.2' }
        });
        model.network.virtualSwitch = { kind: 'newExternal', switchName: 'EFLOW-Ext', adapterName: 'Ethernet 2' };
        expect(stepOf(buildDeployPlan(model, bareHostSnapshot(), null), 'createSwitch')?.call?.parameters)
            .toEqual({ SwitchName: 'EFLOW-Ext', SwitchType: 'External', AdapterName: 'Ethernet 2' });
    });

    it('skips what the host has done: resume after the MSI and after the VM', () => {
        expect(buildDeployPlan(validWizardModel(), installedHostSnapshot(), null).firstPendingStep).toBe('deployVm');
        const afterVm = buildDeployPlan(validWizardModel(), deployedHostSnapshot(), null);
        expect(stepOf(afterVm, 'deployVm')).toEqual(expect.objectContaining({ status: 'done', call: null }));
        expect(afterVm.firstPendingStep).toBe('configureVm');
        expect(buildDeployPlan(validWizardModel(), provisionedHostSnapshot(), null).firstPendingStep).toBe('verify');
    });

    it('configures with booleans and the DNS list', () => {
        expect(stepOf(buildDeployPlan(validWizardModel(), bareHostSnapshot(), null), 'configureVm')?.call?.parameters).toEqual({
            DpsTpm: false, Defender: true, OptionalTelemetry: false, DnsServers: ['192.168.10.1', '1.1.1.1']
        });
    });

    it('marks provisioning not needed when skipped', () => {
        const model = validWizardModel();
        model.provisioning = { type: 'skip' };
        expect(stepOf(buildDeployPlan(model, bareHostSnapshot(), null), 'provision')?.status).toBe('notNeeded');
    });

    it('keeps the secret out of the plan and adds it only for the provisioning request', () => {
        const plan = buildDeployPlan(validWizardModel(), bareHostSnapshot(), null);
        const provision = stepOf(plan, 'provision')?.call;
        expect(provision).toEqual({
            script: 'Set-EflowVmProvisioning', parameters: { ProvisioningType: 'DpsSymmetricKey', ScopeId: '0ne0012AB34', RegistrationId: 'edge-01' },
            secretParameter: { parameter: 'SymmKey', secret: 'symmKey' }
        });
        const key = base64Key(32);
        expect(JSON.stringify(plan)).not.toContain(key);
        const secrets = { ...emptyProvisioningSecrets(), symmKey: key };
        expect(withProvisioningSecret(provision!, secrets)).toEqual({ ...provision!.parameters, SymmKey: key });
        expect(() => withProvisioningSecret(provision!, emptyProvisioningSecrets())).toThrow('The symmKey secret is empty');
        const install = stepOf(plan, 'downloadMsi')?.call;
        expect(withProvisioningSecret(install!, secrets)).toEqual(install!.parameters);
    });
});

describe('scriptParameterName', () => {
    it('capitalises the first letter only', () => {
        expect(scriptParameterName('ip4PrefixLength')).toBe('Ip4PrefixLength');
        expect(scriptParameterName('memoryInMB')).toBe('MemoryInMB');
    });
});
