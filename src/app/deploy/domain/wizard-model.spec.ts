import type { ProvisioningSecrets, SecretFieldName } from './provisioning-secrets';
import { validWizardModel } from './testing/deploy-fixtures';
import type { WizardModel } from './wizard-model';

/** Every property name anywhere inside T (through objects, arrays and unions). */
type DeepKeys<T> = T extends readonly (infer Item)[] ? DeepKeys<Item>
    : T extends object ? { [K in keyof T]-?: K | DeepKeys<T[K]> }[keyof T]
    : never;

/** `true` only when the model has no property named like a secret; otherwise the type is `false`. */
type ModelHasNoSecretField = Extract<DeepKeys<WizardModel>, SecretFieldName> extends never ? true : false;

describe('WizardModel', () => {
    it('cannot hold a secret: no property anywhere in it is named like one (checked by the compiler)', () => {
        // If a secret field were added to the model, this assignment would not compile.
        const noSecrets: ModelHasNoSecretField = true;
        const secretNames: SecretFieldName[] = ['devConnString', 'symmKey'];
        const secrets: ProvisioningSecrets = { devConnString: 'HostName=h;DeviceId=d;SharedAccessKey=k', symmKey: 'a2V5' };
        expect(noSecrets).toBe(true);
        // And at run time: a persisted (JSON) model of every provisioning type carries no secret field.
        const serialized = JSON.stringify(validWizardModel());
        for (const name of secretNames) {
            expect(serialized).not.toContain(name);
            expect(serialized).not.toContain(secrets[name]);
        }
    });
});
