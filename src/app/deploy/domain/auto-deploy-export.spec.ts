import { rendered } from '../testing/rendered-text';
import { exportAutoDeployConfig, serializeAutoDeployConfig } from './auto-deploy-export';
import { clientHostFacts, serverHostFacts, validWizardModel } from './testing/deploy-fixtures';

/** Why an exported 1.5 LTS x64 names the 1.4 LTS. */
const LTS_NAME_NOTE = 'eflowProduct says "Azure IoT Edge 1.4 LTS X64": eflowAutoDeploy lists no 1.5 LTS name, so the file names that LTS and sets ' +
    'eflowProductUrl to the Azure IoT Edge 1.5 LTS (x64) installer, which eflowAutoDeploy downloads instead. The file installs Azure IoT Edge 1.5 LTS (x64).';

describe('exportAutoDeployConfig', () => {
    it('writes the eflowAutoDeploy user configuration with every section', () => {
        const { config, notes } = exportAutoDeployConfig(validWizardModel(), clientHostFacts());
        expect(config).toEqual({
            schemaVersion: '1.1', version: '1.0',
            eflowProduct: 'Azure IoT Edge 1.4 LTS X64', eflowProductUrl: 'https://aka.ms/AzEFLOWMSI_1_5_LTS_X64',
            installOptions: { installPath: '', vhdxPath: '' },
            enduser: { acceptEula: 'Yes', acceptOptionalTelemetry: 'No' },
            network: {
                adapterName: 'Ethernet', vswitchName: 'LAN', vswitchType: 'External', ip4Address: '192.168.10.50', ip4GatewayAddress: '192.168.10.1',
                ip4PrefixLength: 24, useHostProxy: false, httpProxy: '', httpsProxy: '', ftpProxy: '', dnsServers: ['192.168.10.1', '1.1.1.1']
            },
            vmConfig: { cpuCount: 2, memoryInMB: 4096, vmDiskSize: 64, vmDataSize: 0, vmLogSize: 'Small', gpuPassthroughType: '', gpuName: '', gpuCount: 0 },
            vmFeature: { DpsTpm: false, Defender: true },
            eflowProvisioning: {
                provisioningType: 'DpsSymmetricKey', devConnString: '', iotHubHostname: '', deviceId: '', scopeId: '0ne0012AB34', symmKey: '',
                registrationId: 'edge-01', identityCertPath: '', identityPrivKeyPath: '', globalEndpoint: ''
            }
        });
        // 1.5 LTS goes out under the 1.4 LTS name, which the notes beside the export explain.
        expect(rendered(notes)).toEqual([
            LTS_NAME_NOTE,
            'The symmetric key is not exported: fill in eflowProvisioning.symmKey before using the file.'
        ]);
    });

    it('names the physical adapter of an existing External switch, which eflowAutoDeploy requires', () => {
        // LAN is bound to "Intel(R) Ethernet Connection I219-LM", the adapter named "Ethernet".
        const host = clientHostFacts();
        expect(exportAutoDeployConfig(validWizardModel(), host).config.network.adapterName).toBe('Ethernet');
        host.switches[1] = { ...host.switches[1], name: 'lan', netAdapterInterfaceDescription: 'Realtek USB GbE Family Controller' };
        expect(exportAutoDeployConfig(validWizardModel(), host).config.network.adapterName).toBe('Ethernet 2');
        // An existing Internal switch needs none.
        const internal = validWizardModel();
        internal.network.virtualSwitch = { kind: 'existing', switchName: 'EFLOW-Internal', switchType: 'Internal' };
        const exported = exportAutoDeployConfig(internal, serverHostFacts());
        expect([exported.config.network.adapterName, exported.config.network.vswitchType]).toEqual(['', 'Internal']);
        expect(rendered(exported.notes).filter(note => note.includes('adapterName'))).toEqual([]);
    });

    it('says so when the adapter of an existing External switch is not known, leaving the field for the admin', () => {
        for (const host of [null, { ...clientHostFacts(), physicalAdapters: [] }]) {
            const { config, notes } = exportAutoDeployConfig(validWizardModel(), host);
            expect(config.network.adapterName).toBe('');
            expect(rendered(notes)).toContain('The physical adapter of the External switch "LAN" is not known: fill in network.adapterName with its name ' +
                '(Get-NetAdapter -Physical) before using the file; eflowAutoDeploy refuses an External switch without it.');
        }
    });

    it('writes the Default Switch as no switch and DHCP as empty address fields', () => {
        const model = validWizardModel();
        model.network.virtualSwitch = { kind: 'defaultSwitch' };
        model.network.addressing = 'dhcp';
        const { network } = exportAutoDeployConfig(model).config;
        expect([network.vswitchName, network.vswitchType, network.ip4Address, network.ip4PrefixLength, network.ip4GatewayAddress]).toEqual(['', '', '', '', '']);
    });

    it('writes a new External switch with its adapter, GPU-PV with count 1', () => {
        const model = validWizardModel();
        model.network.virtualSwitch = { kind: 'newExternal', switchName: 'EFLOW-Ext', adapterName: 'Ethernet 2' };
        model.gpu = { passthroughType: 'ParaVirtualization', gpuName: 'NVIDIA RTX', gpuCount: null };
        const { config } = exportAutoDeployConfig(model);
        expect(config.network).toEqual(expect.objectContaining({ adapterName: 'Ethernet 2', vswitchName: 'EFLOW-Ext', vswitchType: 'External' }));
        expect(config.vmConfig).toEqual(expect.objectContaining({ gpuPassthroughType: 'ParaVirtualization', gpuName: 'NVIDIA RTX', gpuCount: 1 }));
    });

    it('explains no product name for CR, which eflowAutoDeploy lists under its own name', () => {
        const model = validWizardModel();
        model.product.channel = 'CR';
        expect(rendered(exportAutoDeployConfig(model, clientHostFacts()).notes).filter(note => note.startsWith('eflowProduct'))).toEqual([]);
    });

    it('notes what the file cannot carry: a host MSI path and the connection string', () => {
        const model = validWizardModel();
        model.product.source = { kind: 'hostPath', msiPath: 'C:\\a.msi' };
        model.provisioning = { type: 'ManualConnectionString' };
        const { config, notes } = exportAutoDeployConfig(model, clientHostFacts());
        expect(rendered(notes)).toEqual([
            'eflowAutoDeploy has no setting for an MSI file on the host: the file downloads the channel\'s MSI instead.',
            LTS_NAME_NOTE,
            'The device connection string is not exported: fill in eflowProvisioning.devConnString before using the file.'
        ]);
        expect(config.eflowProvisioning.devConnString).toBe('');
        expect(JSON.stringify(config)).not.toContain('C:\\\\a.msi');
    });
});

describe('serializeAutoDeployConfig', () => {
    it('writes indented JSON that parses back to the same object', () => {
        const { config } = exportAutoDeployConfig(validWizardModel());
        const text = serializeAutoDeployConfig(config);
        expect(text.startsWith('{\n    "schemaVersion": "1.1",')).toBe(true);
        expect(JSON.parse(text)).toEqual(config);
    });
});
