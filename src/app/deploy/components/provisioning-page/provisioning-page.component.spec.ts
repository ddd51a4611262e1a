import { allByTest, setInputs } from '../../../testing/render-component';
import type { ProvisioningChoice } from '../../domain/provisioning-choice';
import { emptyProvisioningSecrets } from '../../domain/provisioning-secrets';
import { emptyRememberedEntries, rememberEntries } from '../../domain/remembered-entries';
import { validWizardModel } from '../../domain/testing/deploy-fixtures';
import { validationError } from '../../domain/validation-message';
import { choose, fieldElement, renderDeployComponent, shownCodes, typeInto } from '../../testing/render-deploy-component';
import { ProvisioningPageComponent, type SecretChange } from './provisioning-page.component';

describe('ProvisioningPageComponent', () => {
    function render(provisioning: ProvisioningChoice, messages = [validationError('provisioning.scopeId', 'scopeIdRequired')]) {
        const fixture = renderDeployComponent(ProvisioningPageComponent, { provisioning, secrets: emptyProvisioningSecrets(), messages });
        const choices: ProvisioningChoice[] = [];
        const secrets: SecretChange[] = [];
        fixture.componentInstance.provisioningChange.subscribe((value: ProvisioningChoice) => choices.push(value));
        fixture.componentInstance.secretChange.subscribe((value: SecretChange) => secrets.push(value));
        return { fixture, choices, secrets };
    }

    const fields = (fixture: ReturnType<typeof render>['fixture']): (string | null)[] =>
        allByTest(fixture, 'field').filter(e => e.getAttribute('data-field') !== 'provisioning.type').map(e => e.getAttribute('data-field'));

    it.each([
        [{ type: 'skip' }, []],
        [{ type: 'ManualConnectionString' }, ['secrets.devConnString']],
        [{ type: 'DpsSymmetricKey', scopeId: '', registrationId: '', globalEndpoint: '' },
            ['provisioning.scopeId', 'provisioning.registrationId', 'provisioning.globalEndpoint', 'secrets.symmKey']],
        [{ type: 'ManualX509', iotHubHostname: '', deviceId: '', identityCertPath: '', identityPrivKeyPath: '' },
            ['provisioning.iotHubHostname', 'provisioning.deviceId', 'provisioning.identityCertPath', 'provisioning.identityPrivKeyPath']]
    ] as [ProvisioningChoice, string[]][])('shows the fields of %o', (choice, expected) => {
        expect(fields(render(choice).fixture)).toEqual(expected);
    });

    const types = (fixture: ReturnType<typeof render>['fixture']): (string | null)[] =>
        allByTest(fixture, 'field').filter(e => e.getAttribute('data-field') === 'provisioning.type').map(e => e.getAttribute('data-value'));

    it('offers "Later" unless provisioning is all that is left', () => {
        const { fixture } = render({ type: 'ManualConnectionString' });
        expect(types(fixture)[0]).toBe('skip');
        setInputs(fixture, { offerLater: false });
        expect(types(fixture)).toEqual(['ManualConnectionString', 'ManualX509', 'DpsTPM', 'DpsX509', 'DpsSymmetricKey']);
    });

    it('keeps "Later" listed while it is the choice (an imported file), so the choice is not hidden', () => {
        const { fixture } = render({ type: 'skip' });
        setInputs(fixture, { offerLater: false });
        expect(types(fixture)[0]).toBe('skip');
    });

    it('ties each field to its messages for screen readers', () => {
        const { fixture } = render({ type: 'DpsTPM', scopeId: '', registrationId: '', globalEndpoint: '' });
        const scopeId = fieldElement(fixture, 'provisioning.scopeId');
        expect(scopeId.getAttribute('aria-invalid')).toBe('true');
        const list = (fixture.nativeElement as HTMLElement).querySelector(`#${scopeId.getAttribute('aria-describedby')}`);
        expect(list?.querySelector('[data-code="scopeIdRequired"]')).not.toBeNull();
    });

    it('masks the secret', () => {
        expect(fieldElement(render({ type: 'ManualConnectionString' }).fixture, 'secrets.devConnString').type).toBe('password');
    });

    it('keeps what carries over when the type changes, and emits fields and secrets as typed', () => {
        const { fixture, choices, secrets } = render({ type: 'DpsTPM', scopeId: '0ne0012AB34', registrationId: '', globalEndpoint: '' });
        expect(shownCodes(fixture, 'provisioning.scopeId')).toEqual(['scopeIdRequired']);
        choose(fieldElement(fixture, 'provisioning.type', 'DpsSymmetricKey'));
        expect(choices[0]).toEqual({ type: 'DpsSymmetricKey', scopeId: '0ne0012AB34', registrationId: '', globalEndpoint: '' });
        fixture.componentRef.setInput('provisioning', choices[0]);
        fixture.detectChanges();
        typeInto(fieldElement(fixture, 'provisioning.registrationId'), 'edge-01');
        typeInto(fieldElement(fixture, 'secrets.symmKey'), 'c2VjcmV0');
        expect(choices[1]).toEqual({ type: 'DpsSymmetricKey', scopeId: '0ne0012AB34', registrationId: 'edge-01', globalEndpoint: '' });
        expect(secrets).toEqual([{ name: 'symmKey', value: 'c2VjcmV0' }]);
    });

    it('loses nothing typed when the type changes and back: each type\'s fields come back (as the store remembers them)', () => {
        const { fixture, choices } = render({ type: 'ManualX509', iotHubHostname: '', deviceId: '', identityCertPath: '', identityPrivKeyPath: '' }, []);
        let remembered = emptyRememberedEntries();
        // What the store does with every emitted choice: keep it as the model and remember its fields.
        const store = (): void => {
            const choice = choices[choices.length - 1];
            remembered = rememberEntries(remembered, { ...validWizardModel(), provisioning: choice });
            fixture.componentRef.setInput('provisioning', choice);
            fixture.componentRef.setInput('remembered', remembered.provisioning);
            fixture.detectChanges();
        };
        for (const [field, text] of [['iotHubHostname', 'hub.azure-devices.net'], ['deviceId', 'edge-01'], ['identityCertPath', 'C:\\c\\e.pem'],
            ['identityPrivKeyPath', 'C:\\c\\e.key']]) {
            typeInto(fieldElement(fixture, `provisioning.${field}`), text);
            store();
        }
        choose(fieldElement(fixture, 'provisioning.type', 'ManualConnectionString'));
        store();
        expect(choices[choices.length - 1]).toEqual({ type: 'ManualConnectionString' });
        choose(fieldElement(fixture, 'provisioning.type', 'DpsX509'));
        store();
        // DpsX509 shares the certificate and key paths.
        expect(choices[choices.length - 1]).toEqual({ type: 'DpsX509', scopeId: '', identityCertPath: 'C:\\c\\e.pem', identityPrivKeyPath: 'C:\\c\\e.key', globalEndpoint: '' });
        typeInto(fieldElement(fixture, 'provisioning.identityCertPath'), 'D:\\dps.pem');
        store();
        choose(fieldElement(fixture, 'provisioning.type', 'ManualX509'));
        store();
        expect(choices[choices.length - 1]).toEqual({ type: 'ManualX509', iotHubHostname: 'hub.azure-devices.net', deviceId: 'edge-01',
            identityCertPath: 'D:\\dps.pem', identityPrivKeyPath: 'C:\\c\\e.key' });
        expect(fieldElement(fixture, 'provisioning.deviceId').value).toBe('edge-01');
    });

    it('shows that TPM provisioning needs the DpsTpm feature', () => {
        const { fixture } = render({ type: 'DpsTPM', scopeId: '0ne0012AB34', registrationId: '', globalEndpoint: '' },
            [validationError('features.dpsTpm', 'tpmFeatureRequired')]);
        expect(shownCodes(fixture, 'features')).toEqual(['tpmFeatureRequired']);
    });
});
