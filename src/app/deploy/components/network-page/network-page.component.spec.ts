import { byTest, textOf } from '../../../testing/render-component';
import { emptyRememberedEntries, rememberEntries } from '../../domain/remembered-entries';
import { messageOf } from '../../domain/message-text';
import { clientHostFacts, serverHostFacts, validWizardModel } from '../../domain/testing/deploy-fixtures';
import { validateSwitchChoice } from '../../domain/switch-rules';
import { validationError } from '../../domain/validation-message';
import type { NetworkChoice } from '../../domain/wizard-model';
import { choose, fieldElement, renderDeployComponent, shownCodes, typeInto } from '../../testing/render-deploy-component';
import { NetworkPageComponent } from './network-page.component';

const network: NetworkChoice = {
    virtualSwitch: { kind: 'defaultSwitch' }, addressing: 'dhcp',
    staticIp: { ip4Address: '', ip4PrefixLength: null, ip4GatewayAddress: '' }, dnsServers: []
};

describe('NetworkPageComponent', () => {
    function render(inputs: Record<string, unknown> = {}) {
        const fixture = renderDeployComponent(NetworkPageComponent, { network, host: clientHostFacts(), ...inputs });
        const emitted: NetworkChoice[] = [];
        fixture.componentInstance.networkChange.subscribe((value: NetworkChoice) => emitted.push(value));
        return { fixture, emitted };
    }

    const kinds = (fixture: ReturnType<typeof render>['fixture']): (string | null)[] =>
        Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('[data-field="network.virtualSwitch"]'), e => e.getAttribute('data-value'));

    it('offers the Default Switch on a client SKU, never an Internal switch', () => {
        expect(kinds(render().fixture)).toEqual(['defaultSwitch', 'existing', 'newExternal']);
    });

    it('calls the Default Switch "Internal, with NAT" in the choice and in the host\'s list alike', () => {
        const { fixture } = render({ host: { ...clientHostFacts(), switches: [{ name: 'Default Switch', switchType: 'Internal', netAdapterInterfaceDescription: null }] } });
        const label = fieldElement(fixture, 'network.virtualSwitch', 'defaultSwitch').closest('label');
        expect(textOf(label)).toBe('Default Switch (Internal, with NAT: addresses from the host)');
        expect(textOf(byTest(fixture, 'host-switches'))).toBe('Switches on the host: Default Switch (Internal, with NAT)');
    });

    it('offers Internal switches but no Default Switch on a server, and lists the host\'s switches', () => {
        const server = render({ host: serverHostFacts(), network: { ...network, virtualSwitch: { kind: 'newInternal', switchName: 'EFLOW-Internal' }, addressing: 'static' } });
        expect(kinds(server.fixture)).toEqual(['existing', 'newExternal', 'newInternal']);
        expect(textOf(byTest(server.fixture, 'host-switches'))).toBe('Switches on the host: EFLOW-Internal (Internal), Isolated (Private)');
    });

    it('proposes a new External switch on an adapter that is up', () => {
        const { fixture, emitted } = render();
        choose(fieldElement(fixture, 'network.virtualSwitch', 'newExternal'));
        expect(emitted[0].virtualSwitch).toEqual({ kind: 'newExternal', switchName: 'EFLOW-External', adapterName: 'Ethernet' });
    });

    it('says under the switch choice why an Azure VM host cannot take an External switch', () => {
        const host = { ...clientHostFacts(), isAzureVm: true };
        const external = { ...network, virtualSwitch: { kind: 'newExternal', switchName: 'EFLOW-External', adapterName: 'Ethernet 2' } } as const;
        const { fixture } = render({ host, network: external, messages: validateSwitchChoice(external.virtualSwitch, 'dhcp', host) });
        const shown = (fixture.nativeElement as HTMLElement).querySelector('[data-test="field-message"][data-field="network.virtualSwitch"]');
        expect(shown?.getAttribute('data-code')).toBe('externalSwitchOnAzureVm');
        expect(textOf(byTest(fixture, 'field-message-text'))).toBe('This host is an Azure VM, and an Azure VM cannot use an External switch. ' +
            'Use the Default Switch (Windows client) or an Internal switch with a static address (Windows Server).');
    });

    it('proposes a new Internal switch with a static address, which it needs', () => {
        const server = render({ host: serverHostFacts() });
        choose(fieldElement(server.fixture, 'network.virtualSwitch', 'newInternal'));
        expect(server.emitted[0]).toEqual(expect.objectContaining({ virtualSwitch: { kind: 'newInternal', switchName: 'EFLOW-Internal' }, addressing: 'static' }));
    });

    it('takes a static address field by field, and DNS servers as a list, showing each field\'s messages', () => {
        const { fixture, emitted } = render({
            network: { ...network, virtualSwitch: { kind: 'existing', switchName: 'LAN', switchType: 'External' }, addressing: 'static' },
            messages: [validationError('network.staticIp.ip4Address', 'ip4AddressInvalid', messageOf('addressInvalid', { address: '10.0.0.300' })),
                validationError('network.dnsServers.1', 'dnsInvalid', { server: 'x' })]
        });
        typeInto(fieldElement(fixture, 'network.staticIp.ip4Address'), '10.0.0.300');
        typeInto(fieldElement(fixture, 'network.staticIp.ip4PrefixLength'), '24');
        typeInto(fieldElement(fixture, 'network.dnsServers'), '1.1.1.1, x');
        expect(emitted.map(e => [e.staticIp.ip4Address, e.staticIp.ip4PrefixLength, e.dnsServers])).toEqual([
            ['10.0.0.300', null, []], ['', 24, []], ['', null, ['1.1.1.1', 'x']]
        ]);
        expect(shownCodes(fixture, 'network.staticIp.ip4Address')).toEqual(['ip4AddressInvalid']);
        expect(shownCodes(fixture, 'network.dnsServers')).toEqual(['dnsInvalid']);
    });

    it('keeps the switch and address read-only once the VM is deployed, DNS still open', () => {
        const { fixture } = render({ lockedFields: ['network.virtualSwitch', 'network.addressing', 'network.staticIp'] });
        expect((fieldElement(fixture, 'network.virtualSwitch', 'defaultSwitch').closest('fieldset') as HTMLFieldSetElement).disabled).toBe(true);
        expect(fieldElement(fixture, 'network.dnsServers').disabled).toBe(false);
    });

    it('gives back the switch typed for each kind when the admin switches kinds and back (as the store remembers it)', () => {
        const { fixture, emitted } = render();
        let remembered = emptyRememberedEntries();
        const store = (): void => {
            const choice = emitted[emitted.length - 1];
            remembered = rememberEntries(remembered, { ...validWizardModel(), network: choice });
            fixture.componentRef.setInput('network', choice);
            fixture.componentRef.setInput('rememberedSwitches', remembered.switches);
            fixture.detectChanges();
        };
        choose(fieldElement(fixture, 'network.virtualSwitch', 'newExternal'));
        store();
        typeInto(fieldElement(fixture, 'network.virtualSwitch.switchName'), 'Plant-LAN');
        store();
        typeInto(fieldElement(fixture, 'network.virtualSwitch.adapterName'), 'Ethernet 2');
        store();
        choose(fieldElement(fixture, 'network.virtualSwitch', 'existing'));
        store();
        expect(emitted[emitted.length - 1].virtualSwitch).toEqual({ kind: 'existing', switchName: 'LAN', switchType: 'External' });
        choose(fieldElement(fixture, 'network.virtualSwitch', 'defaultSwitch'));
        store();
        choose(fieldElement(fixture, 'network.virtualSwitch', 'newExternal'));
        store();
        expect(emitted[emitted.length - 1].virtualSwitch).toEqual({ kind: 'newExternal', switchName: 'Plant-LAN', adapterName: 'Ethernet 2' });
        expect(fieldElement(fixture, 'network.virtualSwitch.switchName').value).toBe('Plant-LAN');
    });
});
