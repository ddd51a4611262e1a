import type { SecretFieldName } from './provisioning-secrets';
import {
    emptyRememberedEntries, readRememberedEntries, rememberedDisk, rememberedSwitch, rememberEntries, type RememberedEntries
} from './remembered-entries';
import { validWizardModel } from './testing/deploy-fixtures';
import type { WizardModel } from './wizard-model';
import { ModelShapeError } from './wizard-model-reader';

/** Every property name anywhere inside T (through objects, arrays and unions). */
type DeepKeys<T> = T extends readonly (infer Item)[] ? DeepKeys<Item>
    : T extends object ? { [K in keyof T]-?: K | DeepKeys<T[K]> }[keyof T]
    : never;

/** `true` only when no property is named like a secret; otherwise the type is `false`. */
type HasNoSecretField = Extract<DeepKeys<RememberedEntries>, SecretFieldName> extends never ? true : false;

function withChanges(change: (model: WizardModel) => void): WizardModel {
    const model = validWizardModel();
    change(model);
    return model;
}

describe('remembered entries', () => {
    it('cannot hold a secret: no property anywhere in them is named like one (checked by the compiler)', () => {
        const noSecrets: HasNoSecretField = true;
        expect(noSecrets).toBe(true);
    });

    it('remember each provisioning field, disk size and switch of the kinds chosen, and keep them when the kind changes', () => {
        let remembered = emptyRememberedEntries();
        remembered = rememberEntries(remembered, withChanges(m => {
            m.provisioning = { type: 'ManualX509', iotHubHostname: 'hub.azure-devices.net', deviceId: 'edge-01', identityCertPath: 'C:\\c.pem', identityPrivKeyPath: 'C:\\k.pem' };
            m.vmSize.disk = { kind: 'osDisk', vmDiskSizeGB: 64 };
            m.network.virtualSwitch = { kind: 'newExternal', switchName: 'EFLOW-Ext', adapterName: 'Ethernet 2' };
        }));
        remembered = rememberEntries(remembered, withChanges(m => {
            m.provisioning = { type: 'ManualConnectionString' };
            m.vmSize.disk = { kind: 'dataPartition', vmDataSizeGB: 40 };
            m.network.virtualSwitch = { kind: 'defaultSwitch' };
        }));
        expect(remembered.provisioning).toEqual({ iotHubHostname: 'hub.azure-devices.net', deviceId: 'edge-01', identityCertPath: 'C:\\c.pem',
            identityPrivKeyPath: 'C:\\k.pem', scopeId: '', registrationId: '', globalEndpoint: '' });
        expect(rememberedDisk('osDisk', remembered.disk)).toEqual({ kind: 'osDisk', vmDiskSizeGB: 64 });
        expect(rememberedDisk('dataPartition', remembered.disk)).toEqual({ kind: 'dataPartition', vmDataSizeGB: 40 });
        expect(rememberedDisk('default', remembered.disk)).toEqual({ kind: 'default' });
        expect(rememberedSwitch('newExternal', remembered.switches)).toEqual({ kind: 'newExternal', switchName: 'EFLOW-Ext', adapterName: 'Ethernet 2' });
        expect(rememberedSwitch('newInternal', remembered.switches)).toBeNull();
        expect(rememberedSwitch('defaultSwitch', remembered.switches)).toEqual({ kind: 'defaultSwitch' });
    });

    it('read back from storage only their own fields, and refuse any other shape', () => {
        const remembered = rememberEntries(emptyRememberedEntries(), validWizardModel());
        const stored = JSON.parse(JSON.stringify({ ...remembered, symmKey: 'c2VjcmV0', provisioning: { ...remembered.provisioning, devConnString: 'x' } }));
        expect(readRememberedEntries(stored)).toEqual(remembered);
        expect(() => readRememberedEntries({ ...stored, disk: { vmDiskSizeGB: '64', vmDataSizeGB: null } })).toThrow(ModelShapeError);
        expect(() => readRememberedEntries({ ...stored, switches: { ...stored.switches, existing: { switchName: 'LAN', switchType: 'Private' } } }))
            .toThrow(ModelShapeError);
        expect(() => readRememberedEntries(undefined)).toThrow(ModelShapeError);
        // A switch stored under another kind's slot is refused, not taken for that kind.
        expect(() => readRememberedEntries({ ...stored, switches: { ...stored.switches, newInternal: { kind: 'newExternal', switchName: 'X', adapterName: 'Ethernet' } } }))
            .toThrow('remembered.switches.newInternal.kind: expected newInternal');
    });
});
