import { createdSwitchComplete, isSamePlannedSwitch, plannedSwitchOf, switchPlannedByRun } from './created-switch';
import { startRunRecord } from './deployment-run-record';
import { validWizardModel } from './testing/deploy-fixtures';
import type { NetworkChoice } from './wizard-model';

describe('the switch the wizard creates', () => {
    it('is the new-switch choice of the recorded run, by name (any case) and type', () => {
        const model = validWizardModel();
        expect(switchPlannedByRun(null)).toBeNull();
        expect(switchPlannedByRun(startRunRecord(model, '2026-05-01T10:00:00Z'))).toBeNull();
        model.network.virtualSwitch = { kind: 'newInternal', switchName: 'EFLOW-NAT' };
        const planned = switchPlannedByRun(startRunRecord(model, '2026-05-01T10:00:00Z'));
        expect(planned).toEqual({ switchName: 'EFLOW-NAT', switchType: 'Internal' });
        expect(isSamePlannedSwitch(planned, { kind: 'newInternal', switchName: 'eflow-nat' })).toBe(true);
        expect(isSamePlannedSwitch(planned, { kind: 'newExternal', switchName: 'EFLOW-NAT', adapterName: 'Ethernet' })).toBe(false);
        expect(isSamePlannedSwitch(planned, { kind: 'existing', switchName: 'EFLOW-NAT', switchType: 'Internal' })).toBe(false);
        expect(isSamePlannedSwitch(null, { kind: 'newInternal', switchName: 'EFLOW-NAT' })).toBe(false);
        expect(plannedSwitchOf({ kind: 'newExternal', switchName: 'X', adapterName: 'Ethernet' })).toEqual({ switchName: 'X', switchType: 'External' });
    });

    it('is complete when the host has exactly one switch of that name and type, an Internal one with its address and NAT', () => {
        const network: NetworkChoice = {
            virtualSwitch: { kind: 'newInternal', switchName: 'EFLOW-NAT' }, addressing: 'static',
            staticIp: { ip4Address: '172.22.0.2', ip4PrefixLength: 24, ip4GatewayAddress: '172.22.0.1' }, dnsServers: []
        };
        const whole = { name: 'eflow-nat', switchType: 'Internal', hostAddresses: ['172.22.0.1/24'], natPrefix: '172.22.0.0/24' };
        expect(createdSwitchComplete([whole], network)).toBe(true);
        expect(createdSwitchComplete([whole, { ...whole, name: 'EFLOW-NAT' }], network)).toBe(false);
        expect(createdSwitchComplete([{ ...whole, natPrefix: null }], network)).toBe(false);
        expect(createdSwitchComplete([whole], { ...network, staticIp: { ...network.staticIp, ip4PrefixLength: null } })).toBe(false);
        expect(createdSwitchComplete([whole], { ...network, virtualSwitch: { kind: 'existing', switchName: 'EFLOW-NAT', switchType: 'Internal' } })).toBe(false);
    });
});
