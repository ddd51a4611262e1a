import { exportAutoDeployConfig, serializeAutoDeployConfig } from './auto-deploy-export';
import { importAutoDeployConfig, type AutoDeployImportContext } from './auto-deploy-import';
import { base64Key, clientHostFacts, serverHostFacts, validWizardModel } from './testing/deploy-fixtures';
import type { WizardModel } from './wizard-model';

const noHost: AutoDeployImportContext = { hostSwitches: null };

function fileOf(model: WizardModel): Record<string, unknown> {
    return JSON.parse(serializeAutoDeployConfig(exportAutoDeployConfig(model).config));
}

function importObject(file: unknown, context = noHost) {
    return importAutoDeployConfig(JSON.stringify(file), context);
}

describe('importAutoDeployConfig: round trip', () => {
    it('reads back what it exported, for every switch kind and provisioning type', () => {
        const variants: ((m: WizardModel) => void)[] = [
            () => undefined,
            m => { m.network.virtualSwitch = { kind: 'defaultSwitch' }; m.network.addressing = 'dhcp'; m.network.staticIp = { ip4Address: '', ip4PrefixLength: null, ip4GatewayAddress: '' }; },
            m => { m.network.virtualSwitch = { kind: 'newExternal', switchName: 'EFLOW-Ext', adapterName: 'Ethernet 2' }; },
            m => { m.network.virtualSwitch = { kind: 'newInternal', switchName: 'EFLOW-NAT' }; },
            m => { m.vmSize.disk = { kind: 'dataPartition', vmDataSizeGB: 40 }; m.vmSize.vmLogSize = 'Large'; },
            m => { m.gpu = { passthroughType: 'DirectDeviceAssignment', gpuName: 'NVIDIA Tesla T4', gpuCount: 2 }; },
            m => { m.product = { channel: 'CR', architecture: 'ARM64', source: { kind: 'download' }, installPath: 'D:\\EFLOW', vhdxPath: 'E:\\VMs' }; },
            m => { m.provisioning = { type: 'ManualConnectionString' }; },
            m => { m.provisioning = { type: 'ManualX509', iotHubHostname: 'hub.azure-devices.net', deviceId: 'edge-01', identityCertPath: 'C:\\c\\e.pem', identityPrivKeyPath: 'C:\\c\\e.key' }; },
            m => { m.provisioning = { type: 'DpsTPM', scopeId: '0ne0012AB34', registrationId: 'edge-01', globalEndpoint: 'https://global.azure-devices-provisioning.net' }; m.features.dpsTpm = true; },
            m => { m.provisioning = { type: 'DpsX509', scopeId: '0ne0012AB34', identityCertPath: '\\\\f\\s\\e.pem', identityPrivKeyPath: 'C:\\c\\e.key', globalEndpoint: '' }; },
            m => { m.provisioning = { type: 'skip' }; m.features.optionalTelemetry = true; }
        ];
        for (const change of variants) {
            const model = validWizardModel();
            change(model);
            const context: AutoDeployImportContext = { hostSwitches: clientHostFacts().switches };
            const result = importAutoDeployConfig(serializeAutoDeployConfig(exportAutoDeployConfig(model).config), context);
            expect(result).toEqual(expect.objectContaining({ ok: true, model }));
        }
    });

    it('reads template-style values: text prefix length, zeros for defaults, a single DNS string', () => {
        const file = fileOf(validWizardModel());
        (file['network'] as Record<string, unknown>)['ip4PrefixLength'] = '24';
        (file['network'] as Record<string, unknown>)['dnsServers'] = '10.0.0.53';
        Object.assign(file['vmConfig'] as object, { cpuCount: 0, memoryInMB: 0, vmDiskSize: 0 });
        const result = importObject(file);
        expect(result.ok).toBe(true);
        if (result.ok) {
            expect(result.model.network.staticIp.ip4PrefixLength).toBe(24);
            expect(result.model.network.dnsServers).toEqual(['10.0.0.53']);
            expect(result.model.vmSize).toEqual({ cpuCount: 1, memoryInMB: 1024, disk: { kind: 'default' }, vmLogSize: 'Small' });
        }
    });

    it('decides between using and creating a named switch from the host\'s switches', () => {
        const file = fileOf(validWizardModel());
        Object.assign(file['network'] as object, { vswitchName: 'EFLOW-Internal', vswitchType: 'Internal', adapterName: '' });
        const onServer = importObject(file, { hostSwitches: serverHostFacts().switches });
        expect(onServer.ok && onServer.model.network.virtualSwitch).toEqual({ kind: 'existing', switchName: 'EFLOW-Internal', switchType: 'Internal' });
        const elsewhere = importObject(file, { hostSwitches: [] });
        expect(elsewhere.ok && elsewhere.model.network.virtualSwitch).toEqual({ kind: 'newInternal', switchName: 'EFLOW-Internal' });
    });
});

describe('importAutoDeployConfig: errors', () => {
    it('refuses text that is not JSON or not an object', () => {
        expect(importAutoDeployConfig('{ "schemaVersion": ', noHost)).toEqual(expect.objectContaining({
            ok: false, errors: [expect.objectContaining({ path: '(file)', text: expect.stringContaining('is not valid JSON') })]
        }));
        expect(importAutoDeployConfig('[1]', noHost)).toEqual(expect.objectContaining({ ok: false }));
    });

    it('names each wrong type by its path', () => {
        const file = fileOf(validWizardModel());
        Object.assign(file['vmConfig'] as object, { cpuCount: 'two' });
        Object.assign(file['vmFeature'] as object, { Defender: 'yes' });
        const result = importObject(file);
        expect(result.ok).toBe(false);
        expect(!result.ok && result.errors).toEqual([
            { path: 'vmConfig.cpuCount', text: 'expected a whole number, got the text "two"' },
            { path: 'vmFeature.Defender', text: 'expected true or false, got the text "yes"' }
        ]);
    });

    it('refuses an unknown or retired product', () => {
        const file = fileOf(validWizardModel());
        file['eflowProduct'] = 'Azure IoT Edge LTS';
        expect(!importObject(file).ok && (importObject(file) as { errors: { path: string }[] }).errors.map(e => e.path)).toEqual(['eflowProduct']);
        file['eflowProduct'] = '';
        const missing = importObject(file);
        expect(!missing.ok && missing.errors[0].text).toContain('is required');
    });

    it('reports out-of-range values at the file\'s paths', () => {
        const file = fileOf(validWizardModel());
        Object.assign(file['vmConfig'] as object, { memoryInMB: 1025, vmDiskSize: 20 });
        Object.assign(file['network'] as object, { ip4PrefixLength: 31, dnsServers: ['10.0.0.1', 'x'] });
        const result = importObject(file);
        expect(!result.ok && result.errors.map(e => e.path)).toEqual([
            'vmConfig.memoryInMB', 'vmConfig.vmDiskSize', 'network.ip4PrefixLength', 'network.dnsServers.1'
        ]);
    });

    it('refuses both disk sizes, a partial static address and bad enumerations', () => {
        const file = fileOf(validWizardModel());
        Object.assign(file['vmConfig'] as object, { vmDataSize: 10, vmLogSize: 'Huge', gpuPassthroughType: 'Passthrough' });
        Object.assign(file['network'] as object, { ip4GatewayAddress: '' });
        Object.assign(file['enduser'] as object, { acceptEula: 'Y' });
        Object.assign(file['eflowProvisioning'] as object, { provisioningType: 'Manual' });
        const result = importObject(file);
        expect(!result.ok && result.errors.map(e => e.path)).toEqual([
            'network', 'vmConfig', 'vmConfig.vmLogSize', 'vmConfig.gpuPassthroughType', 'enduser.acceptEula', 'eflowProvisioning.provisioningType'
        ]);
    });

    it('refuses a switch type without a name and vice versa', () => {
        const file = fileOf(validWizardModel());
        Object.assign(file['network'] as object, { vswitchType: '' });
        expect(!importObject(file).ok).toBe(true);
        Object.assign(file['network'] as object, { vswitchName: '', vswitchType: 'External' });
        const result = importObject(file);
        expect(!result.ok && result.errors.map(e => e.path)).toContain('network.vswitchName');
    });
});

describe('importAutoDeployConfig: warnings', () => {
    it('ignores proxies, unknown fields and fields of other provisioning types, saying so', () => {
        const file = fileOf(validWizardModel());
        Object.assign(file['network'] as object, { useHostProxy: true, httpsProxy: 'https://proxy:8080' });
        Object.assign(file['eflowProvisioning'] as object, { deviceId: 'edge-01' });
        file['comment'] = 'made by hand';
        const result = importObject(file);
        expect(result.ok).toBe(true);
        expect(result.warnings.map(w => w.path)).toEqual(
            expect.arrayContaining(['network.useHostProxy', 'network.httpsProxy', 'eflowProvisioning.deviceId', 'comment', 'eflowProvisioning.symmKey']));
    });

    it('uses a secret found in the file for this deployment only, never in the model', () => {
        const file = fileOf(validWizardModel());
        const key = base64Key(32);
        Object.assign(file['eflowProvisioning'] as object, { symmKey: key });
        const result = importObject(file);
        expect(result.ok && result.secrets.symmKey).toBe(key);
        expect(result.ok && JSON.stringify(result.model)).not.toContain(key);
        expect(result.warnings).toEqual([expect.objectContaining({ path: 'eflowProvisioning.symmKey', text: expect.stringContaining('never saved or exported') })]);
    });

    it('does not report a secret it found as invalid by quoting it', () => {
        const file = fileOf(validWizardModel());
        Object.assign(file['eflowProvisioning'] as object, { symmKey: 'secret-not-base64' });
        const result = importObject(file);
        expect(result.ok).toBe(false);
        expect(JSON.stringify(result)).not.toContain('secret-not-base64"');
        expect(!result.ok && result.errors.map(e => e.path)).toEqual(['eflowProvisioning.symmKey']);
    });
});
