import { extensionStrings } from '../../../shared/extension-strings';
import { loadSdkStrings } from '../../../testing/sdk-test-environment';
import { validWizardModel } from '../../domain/testing/deploy-fixtures';
import { reviewLines } from './review-summary';

describe('reviewLines', () => {
    beforeAll(() => loadSdkStrings());

    const provisioningLine = (provisioning: ReturnType<typeof validWizardModel>['provisioning']): string | undefined =>
        reviewLines({ ...validWizardModel(), provisioning }, extensionStrings().Deploy).find(line => line.page === 'provisioning')?.text;

    it('names the provisioning method as the Provisioning page did, not by its Provision-EflowVm value', () => {
        expect(provisioningLine({ type: 'ManualConnectionString' })).toBe('Device connection string (IoT Hub)');
        expect(provisioningLine({ type: 'DpsTPM', scopeId: '0ne00', registrationId: '', globalEndpoint: '' })).toBe('TPM (DPS)');
        expect(provisioningLine({ type: 'skip' })).toBe('Provisioned later from the dashboard');
    });
});
