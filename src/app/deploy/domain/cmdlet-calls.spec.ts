import { configurationCalls, deployEflowCall, msiDownloadUrl, provisionCall, type CmdletCall } from './cmdlet-calls';
import { validWizardModel } from './testing/deploy-fixtures';

const names = (call: CmdletCall): string[] => call.arguments.map(a => a.name);
const valueOf = (call: CmdletCall, name: string): unknown => {
    const argument = call.arguments.find(a => a.name === name);
    return argument?.kind === 'value' ? argument.value : argument?.kind;
};

describe('deployEflowCall', () => {
    it('passes the EULA, telemetry, size, disk, switch and static address with the documented names', () => {
        const call = deployEflowCall(validWizardModel());
        expect(call.cmdlet).toBe('Deploy-Eflow');
        expect(call.arguments).toEqual([
            { name: 'acceptEula', kind: 'value', value: 'Yes' },
            { name: 'acceptOptionalTelemetry', kind: 'value', value: 'No' },
            { name: 'cpuCount', kind: 'value', value: 2 },
            { name: 'memoryInMB', kind: 'value', value: 4096 },
            { name: 'vmDiskSize', kind: 'value', value: 64 },
            { name: 'vmLogSize', kind: 'value', value: 'Small' },
            { name: 'vswitchName', kind: 'value', value: 'LAN' },
            { name: 'vswitchType', kind: 'value', value: 'External' },
            { name: 'ip4Address', kind: 'value', value: '192.168.10.50' },
            { name: 'ip4PrefixLength', kind: 'value', value: 24 },
            { name: 'ip4GatewayAddress', kind: 'value', value: '192.168.10.1' }
        ]);
    });

    it('leaves out the switch and the address for the Default Switch with DHCP, and the disk for the default disk', () => {
        const model = validWizardModel();
        model.network.virtualSwitch = { kind: 'defaultSwitch' };
        model.network.addressing = 'dhcp';
        model.vmSize.disk = { kind: 'default' };
        expect(names(deployEflowCall(model))).toEqual(['acceptEula', 'acceptOptionalTelemetry', 'cpuCount', 'memoryInMB', 'vmLogSize']);
    });

    it('takes the data partition instead of the disk size, and the switch type of a switch to create', () => {
        const model = validWizardModel();
        model.vmSize.disk = { kind: 'dataPartition', vmDataSizeGB: 20 };
        model.network.virtualSwitch = { kind: 'newInternal', switchName: 'NAT' };
        const call = deployEflowCall(model);
        expect(valueOf(call, 'vmDataSize')).toBe(20);
        expect(names(call)).not.toContain('vmDiskSize');
        expect(valueOf(call, 'vswitchType')).toBe('Internal');
    });

    it('passes the GPU count for DDA only', () => {
        const model = validWizardModel();
        model.gpu = { passthroughType: 'DirectDeviceAssignment', gpuName: 'NVIDIA Tesla T4', gpuCount: 2 };
        expect(valueOf(deployEflowCall(model), 'gpuCount')).toBe(2);
        model.gpu = { passthroughType: 'ParaVirtualization', gpuName: 'NVIDIA RTX', gpuCount: 1 };
        expect(names(deployEflowCall(model))).toEqual(expect.arrayContaining(['gpuPassthroughType', 'gpuName']));
        expect(names(deployEflowCall(model))).not.toContain('gpuCount');
    });

    it('refuses an unvalidated model', () => {
        const model = validWizardModel();
        model.vmSize.memoryInMB = null;
        expect(() => deployEflowCall(model)).toThrow('memoryInMB is empty');
    });
});

describe('configurationCalls', () => {
    it('sets DNS, enables the chosen features and sets telemetry', () => {
        const model = validWizardModel();
        model.features.dpsTpm = true;
        expect(configurationCalls(model).map(c => [c.cmdlet, ...c.arguments.map(a => a.kind === 'value' ? a.value : `-${a.name}`)])).toEqual([
            ['Set-EflowVmDNSServers', ['192.168.10.1', '1.1.1.1']],
            ['Set-EflowVmFeature', 'DpsTpm', '-enable'],
            ['Set-EflowVmFeature', 'Defender', '-enable'],
            ['Set-EflowVmTelemetryOption', false]
        ]);
    });

    it('sets no DNS when none is given', () => {
        const model = validWizardModel();
        model.network.dnsServers = [];
        expect(configurationCalls(model).map(c => c.cmdlet)).not.toContain('Set-EflowVmDNSServers');
    });
});

describe('provisionCall', () => {
    it('carries the secret as a reference, never a value, and always runs headless', () => {
        const call = provisionCall({ type: 'ManualConnectionString' });
        expect(call?.arguments).toEqual([
            { name: 'provisioningType', kind: 'value', value: 'ManualConnectionString' },
            { name: 'devConnString', kind: 'secret', secret: 'devConnString' },
            { name: 'headless', kind: 'switch' }
        ]);
    });

    it('passes each type\'s required set and the optional fields that were given', () => {
        expect(names(provisionCall({ type: 'DpsTPM', scopeId: 's', registrationId: '', globalEndpoint: '' }) as CmdletCall))
            .toEqual(['provisioningType', 'scopeId', 'headless']);
        expect(names(provisionCall({ type: 'DpsTPM', scopeId: 's', registrationId: 'r', globalEndpoint: 'https://g.net' }) as CmdletCall))
            .toEqual(['provisioningType', 'scopeId', 'registrationId', 'globalEndpoint', 'headless']);
        expect(names(provisionCall({ type: 'DpsSymmetricKey', scopeId: 's', registrationId: 'r', globalEndpoint: '' }) as CmdletCall))
            .toEqual(['provisioningType', 'scopeId', 'registrationId', 'symmKey', 'headless']);
        expect(names(provisionCall({ type: 'DpsX509', scopeId: 's', identityCertPath: 'C:\\c', identityPrivKeyPath: 'C:\\k', globalEndpoint: '' }) as CmdletCall))
            .toEqual(['provisioningType', 'scopeId', 'identityCertPath', 'identityPrivKeyPath', 'headless']);
        expect(names(provisionCall({ type: 'ManualX509', iotHubHostname: 'h.net', deviceId: 'd', identityCertPath: 'C:\\c', identityPrivKeyPath: 'C:\\k' }) as CmdletCall))
            .toEqual(['provisioningType', 'iotHubHostname', 'deviceId', 'identityCertPath', 'identityPrivKeyPath', 'headless']);
        expect(provisionCall({ type: 'skip' })).toBeNull();
    });
});

describe('msiDownloadUrl', () => {
    it('is the channel link for a download and null for a host MSI', () => {
        const model = validWizardModel();
        expect(msiDownloadUrl(model)).toBe('https://aka.ms/AzEFLOWMSI_1_5_LTS_X64');
        model.product.source = { kind: 'hostPath', msiPath: 'C:\\a.msi' };
        expect(msiDownloadUrl(model)).toBeNull();
    });
});
