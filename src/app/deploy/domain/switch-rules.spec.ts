import { rendered } from '../testing/rendered-text';
import { validateSwitchChoice } from './switch-rules';
import { clientHostFacts, serverHostFacts } from './testing/deploy-fixtures';

const codes = (messages: { code: string }[]): string[] => messages.map(m => m.code);

describe('validateSwitchChoice', () => {
    it('allows the Default Switch on client SKUs only', () => {
        expect(validateSwitchChoice({ kind: 'defaultSwitch' }, 'dhcp', clientHostFacts())).toEqual([]);
        expect(codes(validateSwitchChoice({ kind: 'defaultSwitch' }, 'dhcp', serverHostFacts()))).toEqual(['defaultSwitchOnServer']);
    });

    it('allows an existing Internal switch on Server SKUs only, warning about DHCP', () => {
        const internal = { kind: 'existing', switchName: 'EFLOW-Internal', switchType: 'Internal' } as const;
        expect(validateSwitchChoice(internal, 'static', serverHostFacts())).toEqual([]);
        expect(validateSwitchChoice(internal, 'dhcp', serverHostFacts())).toEqual([
            expect.objectContaining({ code: 'internalSwitchDhcp', severity: 'warning' })
        ]);
        const client = clientHostFacts();
        client.switches.push({ name: 'EFLOW-Internal', switchType: 'Internal', netAdapterInterfaceDescription: null });
        expect(codes(validateSwitchChoice(internal, 'static', client))).toEqual(['internalSwitchOnClient']);
    });

    it('needs an existing External switch whose adapter is Up', () => {
        const external = { kind: 'existing', switchName: 'LAN', switchType: 'External' } as const;
        expect(validateSwitchChoice(external, 'dhcp', clientHostFacts())).toEqual([]);
        const host = clientHostFacts();
        host.physicalAdapters[0].status = 'Disconnected';
        expect(rendered(validateSwitchChoice(external, 'dhcp', host))).toEqual([expect.objectContaining({
            code: 'externalAdapterDown',
            text: 'The adapter "Ethernet" of switch "LAN" is Disconnected; an External switch needs its adapter Up.'
        })]);
    });

    it('finds switch names case-insensitively and reports missing, duplicate, private and mistyped ones', () => {
        const host = clientHostFacts();
        expect(validateSwitchChoice({ kind: 'existing', switchName: 'lan', switchType: 'External' }, 'dhcp', host)).toEqual([]);
        expect(codes(validateSwitchChoice({ kind: 'existing', switchName: 'WAN', switchType: 'External' }, 'dhcp', host))).toEqual(['switchNotFound']);
        expect(codes(validateSwitchChoice({ kind: 'existing', switchName: 'LAN', switchType: 'Internal' }, 'dhcp', host))).toEqual(['switchTypeMismatch']);
        host.switches.push({ name: 'LAN', switchType: 'External', netAdapterInterfaceDescription: 'x' });
        expect(rendered(validateSwitchChoice({ kind: 'existing', switchName: 'LAN', switchType: 'External' }, 'dhcp', host)[0].text))
            .toContain('Found multiple VMMS switches');
        const server = serverHostFacts();
        expect(codes(validateSwitchChoice({ kind: 'existing', switchName: 'Isolated', switchType: 'Internal' }, 'static', server))).toEqual(['switchPrivate']);
    });

    it('asks for a name, refuses control characters and naming the Default Switch', () => {
        const host = clientHostFacts();
        expect(codes(validateSwitchChoice({ kind: 'existing', switchName: '', switchType: 'External' }, 'dhcp', host))).toEqual(['switchNameRequired']);
        expect(codes(validateSwitchChoice({ kind: 'existing', switchName: 'LAN\n', switchType: 'External' }, 'dhcp', host))).toEqual(['switchNameInvalid']);
        expect(codes(validateSwitchChoice({ kind: 'existing', switchName: 'default switch', switchType: 'Internal' }, 'dhcp', host))).toEqual(['defaultSwitchByName']);
    });

    it('creates a new External switch only on a free name and a free adapter that is Up, warning about the network drop', () => {
        const host = clientHostFacts();
        expect(validateSwitchChoice({ kind: 'newExternal', switchName: 'EFLOW-Ext', adapterName: 'Ethernet 2' }, 'dhcp', host)).toEqual([
            expect.objectContaining({ code: 'externalSwitchInterruptsNetwork', severity: 'warning' })
        ]);
        expect(codes(validateSwitchChoice({ kind: 'newExternal', switchName: 'LAN', adapterName: 'Ethernet 2' }, 'dhcp', host)))
            .toEqual(['switchNameTaken', 'externalSwitchInterruptsNetwork']);
        expect(codes(validateSwitchChoice({ kind: 'newExternal', switchName: 'X', adapterName: 'Wi-Fi' }, 'dhcp', host))).toEqual(['adapterNotUp']);
        expect(codes(validateSwitchChoice({ kind: 'newExternal', switchName: 'X', adapterName: 'Ethernet' }, 'dhcp', host))).toEqual(['adapterInUse']);
        expect(codes(validateSwitchChoice({ kind: 'newExternal', switchName: 'X', adapterName: 'Ethernet 9' }, 'dhcp', host))).toEqual(['adapterNotFound']);
        expect(codes(validateSwitchChoice({ kind: 'newExternal', switchName: 'X', adapterName: '' }, 'dhcp', host))).toEqual(['adapterRequired']);
    });

    it('refuses a new or an existing External switch on an Azure VM host, and a new one where that is unknown', () => {
        const azure = { ...clientHostFacts(), isAzureVm: true };
        const existing = { kind: 'existing', switchName: 'LAN', switchType: 'External' } as const;
        const created = { kind: 'newExternal', switchName: 'EFLOW-Ext', adapterName: 'Ethernet 2' } as const;
        const earlierRun = { switchName: 'EFLOW-Ext', switchType: 'External' } as const;
        const madeByEarlierRun = { name: 'EFLOW-Ext', switchType: 'External', netAdapterInterfaceDescription: 'Realtek USB GbE Family Controller' } as const;
        expect(rendered(validateSwitchChoice(existing, 'dhcp', azure))).toEqual([{
            field: 'network.virtualSwitch', code: 'externalSwitchOnAzureVm', severity: 'error',
            text: 'This host is an Azure VM, and an Azure VM cannot use an External switch. Use the Default Switch (Windows client) ' +
                'or an Internal switch with a static address (Windows Server).'
        }]);
        expect(codes(validateSwitchChoice(created, 'dhcp', azure))).toEqual(['externalSwitchOnAzureVm']);
        // Even the switch an earlier run created: New-EflowVirtualSwitch refuses it there as well.
        expect(codes(validateSwitchChoice(created, 'dhcp', { ...azure, switches: [...azure.switches, madeByEarlierRun] }, earlierRun)))
            .toEqual(['externalSwitchOnAzureVm']);
        // A switch that does not exist is reported as such first; the Default Switch and Internal switches stay allowed.
        expect(codes(validateSwitchChoice({ ...existing, switchName: 'WAN' }, 'dhcp', azure))).toEqual(['switchNotFound']);
        expect(validateSwitchChoice({ kind: 'defaultSwitch' }, 'dhcp', azure)).toEqual([]);
        expect(validateSwitchChoice({ kind: 'newInternal', switchName: 'EFLOW-NAT' }, 'static', { ...serverHostFacts(), isAzureVm: true })).toEqual([]);
        // Unknown: creating one is refused (the host script refuses it too); using one that exists creates nothing, so it warns.
        const unknown = { ...clientHostFacts(), isAzureVm: null };
        expect(rendered(validateSwitchChoice(created, 'dhcp', unknown))[0]).toEqual({
            field: 'network.virtualSwitch', code: 'externalSwitchAzureVmUnknown', severity: 'error',
            text: 'Whether this host is an Azure VM could not be read, and an Azure VM loses its network on an External switch. ' +
                'Check the host again, or choose another switch.'
        });
        expect(codes(validateSwitchChoice(created, 'dhcp', unknown))).toEqual(['externalSwitchAzureVmUnknown', 'externalSwitchInterruptsNetwork']);
        expect(codes(validateSwitchChoice(created, 'dhcp', { ...unknown, switches: [...unknown.switches, madeByEarlierRun] }, earlierRun)))
            .toEqual(['externalSwitchAzureVmUnknown']);
        expect(validateSwitchChoice(existing, 'dhcp', unknown)).toEqual([expect.objectContaining({ code: 'externalSwitchAzureVmUnknown', severity: 'warning' })]);
    });

    it('creates a new Internal switch on Server SKUs with a static address only', () => {
        expect(validateSwitchChoice({ kind: 'newInternal', switchName: 'EFLOW-NAT' }, 'static', serverHostFacts())).toEqual([]);
        expect(codes(validateSwitchChoice({ kind: 'newInternal', switchName: 'EFLOW-NAT' }, 'dhcp', serverHostFacts()))).toEqual(['newInternalNeedsStatic']);
        expect(codes(validateSwitchChoice({ kind: 'newInternal', switchName: 'EFLOW-NAT' }, 'static', clientHostFacts()))).toEqual(['internalSwitchOnClient']);
        expect(codes(validateSwitchChoice({ kind: 'newInternal', switchName: 'eflow-internal' }, 'static', serverHostFacts()))).toEqual(['switchNameTaken']);
    });

    it('does not call the name of the switch an earlier run of the wizard created "taken" (same name and type)', () => {
        const host = serverHostFacts();
        host.switches.push({ name: 'EFLOW-NAT', switchType: 'Internal', netAdapterInterfaceDescription: null },
            { name: 'EFLOW-Ext', switchType: 'External', netAdapterInterfaceDescription: 'Intel(R) Ethernet Connection I219-LM' });
        const internal = { kind: 'newInternal', switchName: 'EFLOW-NAT' } as const;
        expect(codes(validateSwitchChoice(internal, 'static', host))).toEqual(['switchNameTaken']);
        expect(validateSwitchChoice(internal, 'static', host, { switchName: 'eflow-nat', switchType: 'Internal' })).toEqual([]);
        // Still a static address: the plan sets the host's gateway address and NAT from it when they are missing.
        expect(codes(validateSwitchChoice(internal, 'dhcp', host, { switchName: 'EFLOW-NAT', switchType: 'Internal' }))).toEqual(['newInternalNeedsStatic']);
        // A run that planned another switch, or a switch of another type, is no licence.
        expect(codes(validateSwitchChoice(internal, 'static', host, { switchName: 'Other', switchType: 'Internal' }))).toEqual(['switchNameTaken']);
        expect(codes(validateSwitchChoice(internal, 'static', host, { switchName: 'EFLOW-NAT', switchType: 'External' }))).toEqual(['switchNameTaken']);
        const external = { kind: 'newExternal', switchName: 'EFLOW-Ext', adapterName: 'Ethernet' } as const;
        expect(codes(validateSwitchChoice(external, 'dhcp', host))).toEqual(['switchNameTaken', 'adapterInUse']);
        expect(validateSwitchChoice(external, 'dhcp', host, { switchName: 'EFLOW-Ext', switchType: 'External' })).toEqual([]);
        // The host's switch of that name has another type than the run planned: someone else's switch.
        host.switches[2] = { name: 'EFLOW-NAT', switchType: 'External', netAdapterInterfaceDescription: 'x' };
        expect(codes(validateSwitchChoice(internal, 'static', host, { switchName: 'EFLOW-NAT', switchType: 'Internal' }))).toEqual(['switchNameTaken']);
    });
});
