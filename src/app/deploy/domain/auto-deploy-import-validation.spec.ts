import { rendered } from '../testing/rendered-text';
import { autoDeployPathOf, validateModelForImport } from './auto-deploy-import-validation';
import { emptyProvisioningSecrets } from './provisioning-secrets';
import { validWizardModel } from './testing/deploy-fixtures';

describe('autoDeployPathOf', () => {
    it('maps model fields to the file\'s paths', () => {
        expect(autoDeployPathOf('vmSize.disk.vmDiskSizeGB')).toBe('vmConfig.vmDiskSize');
        expect(autoDeployPathOf('vmSize.cpuCount')).toBe('vmConfig.cpuCount');
        expect(autoDeployPathOf('network.staticIp.ip4Address')).toBe('network.ip4Address');
        expect(autoDeployPathOf('network.dnsServers.2')).toBe('network.dnsServers.2');
        expect(autoDeployPathOf('gpu.passthroughType')).toBe('vmConfig.gpuPassthroughType');
        expect(autoDeployPathOf('secrets.symmKey')).toBe('eflowProvisioning.symmKey');
        expect(autoDeployPathOf('features.dpsTpm')).toBe('vmFeature.DpsTpm');
    });
});

describe('validateModelForImport', () => {
    it('turns a blank secret into a reminder, not an error', () => {
        expect(rendered(validateModelForImport(validWizardModel(), emptyProvisioningSecrets()))).toEqual({
            errors: [], warnings: [{ path: 'eflowProvisioning.symmKey', text: 'is empty; enter it on the Provisioning page.' }]
        });
    });

    it('keeps rule warnings as warnings', () => {
        const model = validWizardModel();
        model.network.dnsServers = [];
        model.provisioning = { type: 'skip' };
        expect(validateModelForImport(model, emptyProvisioningSecrets()).warnings.map(w => w.path)).toEqual(['network.dnsServers']);
    });
});
