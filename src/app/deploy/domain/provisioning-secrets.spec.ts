import { emptyProvisioningSecrets, hasRequiredSecret, secretFieldFor } from './provisioning-secrets';

describe('provisioning secrets', () => {
    it('names the one secret each provisioning type needs', () => {
        expect(secretFieldFor({ type: 'ManualConnectionString' })).toBe('devConnString');
        expect(secretFieldFor({ type: 'DpsSymmetricKey', scopeId: 's', registrationId: 'r', globalEndpoint: '' })).toBe('symmKey');
        expect(secretFieldFor({ type: 'DpsTPM', scopeId: 's', registrationId: '', globalEndpoint: '' })).toBeNull();
        expect(secretFieldFor({ type: 'skip' })).toBeNull();
    });

    it('tells whether the needed secret has been typed', () => {
        const secrets = emptyProvisioningSecrets();
        expect(hasRequiredSecret({ type: 'ManualConnectionString' }, secrets)).toBe(false);
        expect(hasRequiredSecret({ type: 'ManualConnectionString' }, { ...secrets, devConnString: 'x' })).toBe(true);
        expect(hasRequiredSecret({ type: 'skip' }, secrets)).toBe(true);
    });
});
