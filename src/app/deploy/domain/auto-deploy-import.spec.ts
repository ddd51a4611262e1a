import { rendered } from '../testing/rendered-text';
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
        expect(rendered(importAutoDeployConfig('{ "schemaVersion": ', noHost))).toEqual(expect.objectContaining({
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
        expect(rendered(!result.ok && result.errors)).toEqual([
            { path: 'vmConfig.cpuCount', text: 'expected a whole number, got the text "two"' },
            { path: 'vmFeature.Defender', text: 'expected true or false, got the text "yes"' }
        ]);
    });

    it('refuses an unknown product, still reading the install options (no bogus "unknown field" warning)', () => {
        const file = fileOf(validWizardModel());
        file['eflowProduct'] = 'Azure IoT Edge 1.6 LTS X64';
        const unknown = importObject(file);
        expect(!unknown.ok && unknown.errors.map(e => e.path)).toEqual(['eflowProduct']);
        expect(unknown.warnings.map(w => w.path)).not.toContain('installOptions');
        file['eflowProduct'] = '';
        const missing = importObject(file);
        expect(rendered(!missing.ok && missing.errors[0].text)).toContain('is required');
    });

    it('says where a file stops being JSON by line and column only, never quoting its text (it may hold a secret)', () => {
        const secret = 'c2VjcmV0LWtleS10aGF0LW11c3Qtbm90LWxlYWs=';
        const text = `{\n    "eflowProvisioning": {\n        "symmKey": ${secret}\n    }\n}`;
        const result = importAutoDeployConfig(text, noHost);
        expect(rendered(result)).toEqual({ ok: false, warnings: [],
            errors: [{ path: '(file)', text: 'is not valid JSON: the syntax breaks at line 3, column 20.' }] });
        expect(JSON.stringify(result)).not.toMatch(/c2Vj|symmKey/);
        expect(rendered(importAutoDeployConfig('{ "symmKey": "c2VjcmV0', noHost))).toEqual(expect.objectContaining({
            errors: [{ path: '(file)', text: 'is not valid JSON: the text ends too early (line 1, column 23).' }] }));
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
        expect(rendered(result.warnings)).toEqual([expect.objectContaining({ path: 'eflowProvisioning.symmKey', text: expect.stringContaining('never saved or exported') })]);
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

/** eflowAutoDeploy's own eflow-userconfig-template.json (Azure/iotedge-eflow eflowautodeploy/, eflow.md section 6), unchanged. */
const TEMPLATE = `{
    "schemaVersion":"1.1",
    "version":"1.0",
    "eflowProduct" : "Azure IoT Edge LTS",
    "eflowProductUrl" : "",
    "installOptions":{
        "installPath":"",
        "vhdxPath":""
    },
    "enduser":{
        "acceptEula" : "Yes",
        "acceptOptionalTelemetry" : ""
    },
    "network":{
        "adapterName": "Ethernet",
        "vswitchName" : "",
        "vswitchType" : "",
        "ip4Address": "",
        "ip4GatewayAddress": "",
        "ip4PrefixLength" : "",
        "useHostProxy" : false,
        "httpProxy":"",
        "httpsProxy":"",
        "ftpProxy" :"",
        "dnsServers":""
    },
    "vmConfig":{
        "cpuCount" : 0,
        "memoryInMB" : 0,
        "vmDiskSize" : 0,
        "vmDataSize" : 0,
        "gpuPassthroughType" : "",
        "gpuName" : "",
        "gpuCount" : 0
    },
    "vmFeature":{
        "DpsTpm": false,
        "Defender": false
    },
    "eflowProvisioning":{
        "provisioningType" : "",
        "devConnString" : "",
        "iotHubHostname" : "",
        "deviceId" : "",
        "scopeId" : "",
        "symmKey": "",
        "registrationId" : "",
        "identityCertPath" : "",
        "identityPrivKeyPath" : "",
        "globalEndpoint" : ""
    }
}`;

describe('importAutoDeployConfig: files eflowAutoDeploy accepts', () => {
    it('reads eflowAutoDeploy\'s unmodified template: 1.1 LTS becomes 1.5 LTS with a warning, nothing else is flagged', () => {
        const result = importAutoDeployConfig(TEMPLATE, noHost);
        expect(result.ok).toBe(true);
        expect(result.ok && result.model.product).toEqual({ channel: 'LTS', architecture: 'x64', source: { kind: 'download' }, installPath: '', vhdxPath: '' });
        expect(result.ok && result.model.network).toEqual({ virtualSwitch: { kind: 'defaultSwitch' }, addressing: 'dhcp',
            staticIp: { ip4Address: '', ip4PrefixLength: null, ip4GatewayAddress: '' }, dnsServers: [] });
        expect(result.ok && result.model.features).toEqual({ dpsTpm: false, defender: false, eulaAccepted: true, optionalTelemetry: false });
        expect(result.ok && result.model.provisioning).toEqual({ type: 'skip' });
        expect(rendered(result.warnings)).toEqual([{ path: 'eflowProduct',
            text: 'EFLOW 1.1 LTS ("Azure IoT Edge LTS") is out of service since December 2022; the wizard installs 1.5 LTS instead.' }]);
        // The same file, with a byte order mark as Windows editors save it.
        expect(importAutoDeployConfig(`\uFEFF${TEMPLATE}`, noHost).ok).toBe(true);
    });

    it('compares values and field names ignoring case, as eflowAutoDeploy\'s PowerShell does, keeping the canonical spelling', () => {
        const file = JSON.parse(TEMPLATE) as Record<string, Record<string, unknown>>;
        file['eflowProduct'] = 'azure iot edge cr x64' as never;
        Object.assign(file['enduser'], { acceptEula: 'yes', acceptOptionalTelemetry: 'YES' });
        file['network'] = { vSwitchName: 'LAN', VSWITCHTYPE: 'external', adapterName: 'Ethernet' };
        Object.assign(file['vmConfig'], { vmLogSize: 'large', gpuPassthroughType: 'paravirtualization', gpuName: 'NVIDIA Tesla T4' });
        file['vmFeature'] = { dpstpm: true, Defender: false };
        delete file['eflowProvisioning']['scopeId'];
        Object.assign(file['eflowProvisioning'], { provisioningType: 'dpstpm', ScopeId: '0ne0012AB34' });
        const result = importObject(file, { hostSwitches: clientHostFacts().switches });
        expect(result.warnings.filter(w => !w.path.startsWith('vmConfig.gpuCount'))).toEqual([]);
        expect(result.ok).toBe(true);
        if (result.ok) {
            expect(result.model.product.channel).toBe('CR');
            expect([result.model.features.eulaAccepted, result.model.features.optionalTelemetry, result.model.features.dpsTpm]).toEqual([true, true, true]);
            expect(result.model.network.virtualSwitch).toEqual({ kind: 'existing', switchName: 'LAN', switchType: 'External' });
            expect(result.model.vmSize.vmLogSize).toBe('Large');
            expect(result.model.gpu.passthroughType).toBe('ParaVirtualization');
            expect(result.model.provisioning).toEqual({ type: 'DpsTPM', scopeId: '0ne0012AB34', registrationId: '', globalEndpoint: '' });
        }
    });

    it('imports DpsTPM with the DpsTpm feature off, saying the Features page must turn it on (eflowAutoDeploy would fail)', () => {
        const file = JSON.parse(TEMPLATE) as Record<string, Record<string, unknown>>;
        Object.assign(file['eflowProvisioning'], { provisioningType: 'DpsTPM', scopeId: '0ne0012AB34' });
        const result = importObject(file);
        expect(result.ok).toBe(true);
        expect(result.ok && result.model.features.dpsTpm).toBe(false);
        expect(rendered(result.warnings)).toContainEqual({ path: 'vmFeature.DpsTpm', text: expect.stringContaining('Turn DpsTpm on on the Features page') });
    });
});

describe('importAutoDeployConfig: an Internal switch without an address (eflowAutoDeploy\'s auto-static)', () => {
    function internalFile(): Record<string, Record<string, unknown>> {
        const file = JSON.parse(TEMPLATE) as Record<string, Record<string, unknown>>;
        Object.assign(file['network'], { vswitchName: 'EFLOW-NAT', vswitchType: 'Internal', adapterName: '' });
        return file;
    }
    const hostSwitches = [...serverHostFacts().switches, { name: 'EFLOW-NAT', switchType: 'Internal' as const, netAdapterInterfaceDescription: null }];

    it('takes the address as eflowAutoDeploy does from the host\'s address on the switch and its NAT: VM .2, /24', () => {
        const result = importObject(internalFile(), { hostSwitches, stateSwitches: [
            { name: 'EFLOW-NAT', switchType: 'Internal', hostAddresses: ['169.254.3.4/16', '172.22.0.1/24'], natPrefix: '172.22.0.0/24' }] });
        expect(result.ok && result.model.network).toEqual(expect.objectContaining({ virtualSwitch: { kind: 'existing', switchName: 'EFLOW-NAT', switchType: 'Internal' },
            addressing: 'static', staticIp: { ip4Address: '172.22.0.2', ip4PrefixLength: 24, ip4GatewayAddress: '172.22.0.1' } }));
        expect(rendered(result.warnings)).toContainEqual({ path: 'network', text: expect.stringContaining('the VM gets 172.22.0.2/24') });
    });

    it('asks for the address on the Network page when it cannot be derived, instead of turning the switch to DHCP', () => {
        for (const context of [{ hostSwitches }, { hostSwitches: serverHostFacts().switches }, { hostSwitches,
            stateSwitches: [{ name: 'EFLOW-NAT', switchType: 'Internal', hostAddresses: ['172.22.0.1/24'], natPrefix: null }] }]) {
            const result = importObject(internalFile(), context);
            expect(result.ok).toBe(true);
            expect(result.ok && result.model.network.addressing).toBe('static');
            expect(result.ok && result.model.network.staticIp).toEqual({ ip4Address: '', ip4PrefixLength: null, ip4GatewayAddress: '' });
            expect(rendered(result.warnings.filter(w => w.path === 'network'))).toEqual([{ path: 'network', text: expect.stringContaining('on the Network page') }]);
        }
        const created = importObject(internalFile(), { hostSwitches: [] });
        expect(created.ok && created.model.network.virtualSwitch).toEqual({ kind: 'newInternal', switchName: 'EFLOW-NAT' });
        expect(rendered(created.warnings.find(w => w.path === 'network')?.text)).toContain('the new Internal switch "EFLOW-NAT"');
    });
});
