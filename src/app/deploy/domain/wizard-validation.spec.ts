import { rendered } from '../testing/rendered-text';
import type { PrerequisiteCheck } from './deployment-prerequisites';
import { emptyProvisioningSecrets } from './provisioning-secrets';
import { base64Key, clientHostFacts, validWizardModel } from './testing/deploy-fixtures';
import { noHostInputChecks, validatePage, validateWizard, type WizardValidationInput } from './wizard-validation';

function input(): WizardValidationInput {
    return {
        model: validWizardModel(),
        secrets: { ...emptyProvisioningSecrets(), symmKey: base64Key(32) },
        host: clientHostFacts(),
        prerequisiteChecks: [{ id: 'memory', status: 'pass', reason: 'memoryEnough', params: { freeMB: 8192 } }],
        hostChecks: noHostInputChecks()
    };
}

describe('validatePage', () => {
    it('passes every page of a valid model on a matching host', () => {
        const result = validateWizard(input());
        expect([...result.values()].flat()).toEqual([]);
    });

    it('turns failed prerequisites into errors that carry the fix, and asks for the check first', () => {
        const failed: PrerequisiteCheck = { id: 'hyperv-feature', status: 'fail', reason: 'hyperVDisabled', params: {} };
        expect(rendered(validatePage('prerequisites', { ...input(), prerequisiteChecks: [failed] }))).toEqual([
            expect.objectContaining({ field: 'prerequisites.hyperv-feature', code: 'prerequisiteFailed',
                text: 'Hyper-V is not enabled. Enable Hyper-V (the wizard can do it); the host then needs a restart.' })
        ]);
        expect(validatePage('prerequisites', { ...input(), prerequisiteChecks: null })[0].code).toBe('prerequisitesNotChecked');
    });

    it('applies the host facts to the VM size, network and GPU pages', () => {
        const data = input();
        data.model.vmSize.memoryInMB = 8194;
        data.model.network.virtualSwitch = { kind: 'existing', switchName: 'WAN', switchType: 'External' };
        data.model.gpu = { passthroughType: 'DirectDeviceAssignment', gpuName: 'NVIDIA Tesla T4', gpuCount: 3 };
        expect(validatePage('vmSize', data).map(m => m.code)).toEqual(['memoryAboveFree']);
        expect(validatePage('network', data).map(m => m.code)).toEqual(['switchNotFound']);
        expect(validatePage('gpu', data).map(m => m.code)).toEqual(['gpuCountTooHigh']);
    });

    it('feeds the host-side checks to the rules that use them', () => {
        const data = { ...input(), hostChecks: { ...noHostInputChecks(), addressInUse: true } };
        expect(validatePage('network', data).map(m => m.code)).toEqual(['ip4AddressInUse']);
    });

    it('skips host limits while the host facts are unknown', () => {
        const data = { ...input(), host: null };
        data.model.vmSize.cpuCount = 64;
        expect(validatePage('vmSize', data)).toEqual([]);
    });

    it('leaves out the pages the host has fixed', () => {
        const data = input();
        data.model.vmSize.cpuCount = 64;
        expect(validateWizard(data).get('vmSize')).toHaveLength(1);
        expect(validateWizard(data, ['vmSize']).get('vmSize')).toEqual([]);
    });

    it('leaves out fields the host has fixed while the rest of their page is still checked', () => {
        const data = input();
        data.model.network.virtualSwitch = { kind: 'newExternal', switchName: 'LAN', adapterName: 'Ethernet 2' };
        data.model.network.dnsServers = ['x'];
        const locked = ['network.virtualSwitch', 'network.addressing', 'network.staticIp'];
        expect(validateWizard(data).get('network')?.map(m => m.code)).toEqual(['switchNameTaken', 'externalSwitchInterruptsNetwork', 'dnsInvalid']);
        expect(validateWizard(data, [], locked).get('network')?.map(m => m.code)).toEqual(['dnsInvalid']);
    });

    it('checks the provisioning page against the features page (TPM needs DpsTpm)', () => {
        const data = input();
        data.model.provisioning = { type: 'DpsTPM', scopeId: '0ne0012AB34', registrationId: '', globalEndpoint: '' };
        expect(validatePage('provisioning', data).map(m => m.code)).toEqual(['tpmFeatureRequired']);
        data.model.features.dpsTpm = true;
        expect(validatePage('provisioning', data)).toEqual([]);
    });
});
