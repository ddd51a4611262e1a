import { clientHostFacts, serverHostFacts } from './testing/deploy-fixtures';
import { createDefaultWizardModel, onlyProvisioningLeft, withProvisioningOffered } from './wizard-defaults';

describe('createDefaultWizardModel', () => {
    it('starts from Deploy-Eflow\'s defaults with 1.5 LTS and the Default Switch on a client', () => {
        const model = createDefaultWizardModel(clientHostFacts());
        expect(model.product).toEqual({ channel: 'LTS', architecture: 'x64', source: { kind: 'download' }, installPath: '', vhdxPath: '' });
        expect(model.vmSize).toEqual({ cpuCount: 1, memoryInMB: 1024, disk: { kind: 'default' }, vmLogSize: 'Small' });
        expect(model.network.virtualSwitch).toEqual({ kind: 'defaultSwitch' });
        expect(model.features.eulaAccepted).toBe(false);
        expect(model.provisioning).toEqual({ type: 'skip' });
    });

    it('picks an existing switch on a server, preferring External, or a new Internal one with a static address', () => {
        const server = serverHostFacts();
        expect(createDefaultWizardModel(server).network.virtualSwitch).toEqual({ kind: 'existing', switchName: 'EFLOW-Internal', switchType: 'Internal' });
        server.switches.push({ name: 'Uplink', switchType: 'External', netAdapterInterfaceDescription: 'x' });
        expect(createDefaultWizardModel(server).network.virtualSwitch).toEqual({ kind: 'existing', switchName: 'Uplink', switchType: 'External' });
        server.switches = [];
        const bare = createDefaultWizardModel(server).network;
        expect(bare.virtualSwitch.kind).toBe('newInternal');
        expect(bare.addressing).toBe('static');
    });

    it('does not start an Azure VM, or a server that may be one, on an External switch', () => {
        const server = { ...serverHostFacts(), isAzureVm: true };
        server.switches = [{ name: 'Uplink', switchType: 'External', netAdapterInterfaceDescription: 'x' }, ...server.switches];
        expect(createDefaultWizardModel(server).network.virtualSwitch).toEqual({ kind: 'existing', switchName: 'EFLOW-Internal', switchType: 'Internal' });
        expect(createDefaultWizardModel({ ...server, isAzureVm: null }).network.virtualSwitch).toEqual(expect.objectContaining({ switchName: 'EFLOW-Internal' }));
        const onlyExternal = createDefaultWizardModel({ ...server, switches: [server.switches[0]] }).network;
        expect(onlyExternal).toEqual(expect.objectContaining({ virtualSwitch: { kind: 'newInternal', switchName: 'EFLOW-Internal' }, addressing: 'static' }));
    });

    it('follows the host\'s architecture and an installed product\'s channel', () => {
        const host = clientHostFacts();
        host.architecture = 'ARM64';
        host.eflow = { productName: 'Azure IoT Edge', version: '1.4.26.05092', vmDeployed: false };
        expect(createDefaultWizardModel(host).product).toEqual(expect.objectContaining({ channel: 'CR', architecture: 'ARM64' }));
    });
});

describe('withProvisioningOffered', () => {
    const model = createDefaultWizardModel(clientHostFacts());

    it('preselects a real method instead of "Later" when provisioning is all that is left, and hides "Later"', () => {
        expect(onlyProvisioningLeft({ phase: 'vmDeployed' })).toBe(true);
        expect(withProvisioningOffered(model, { phase: 'vmDeployed' }).provisioning).toEqual({ type: 'ManualConnectionString' });
    });

    it('keeps a method the admin chose, and "Later" where more than provisioning is left', () => {
        const chosen = { ...model, provisioning: { type: 'DpsTPM', scopeId: '0ne00', registrationId: '', globalEndpoint: '' } } as const;
        expect(withProvisioningOffered(chosen, { phase: 'vmDeployed' })).toBe(chosen);
        for (const phase of ['fresh', 'productInstalled', 'provisioned', 'blocked'] as const) {
            expect(onlyProvisioningLeft({ phase })).toBe(false);
            expect(withProvisioningOffered(model, { phase }).provisioning).toEqual({ type: 'skip' });
        }
        expect(withProvisioningOffered(model, null)).toBe(model);
    });
});
