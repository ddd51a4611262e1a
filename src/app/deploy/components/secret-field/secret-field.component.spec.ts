import { byTest, textOf } from '../../../testing/render-component';
import { messageOf } from '../../domain/message-text';
import { validationError } from '../../domain/validation-message';
import { fieldElement, renderDeployComponent, shownCodes, typeInto } from '../../testing/render-deploy-component';
import { SecretFieldComponent } from './secret-field.component';

describe('SecretFieldComponent', () => {
    function render(value = 'HostName=h;DeviceId=d;SharedAccessKey=c2VjcmV0') {
        return renderDeployComponent(SecretFieldComponent, {
            label: 'Device connection string', field: 'secrets.devConnString', value,
            messages: [validationError('secrets.devConnString', 'connectionStringMissingField', messageOf('connectionStringMissingField', { field: 'SharedAccessKey' }))]
        });
    }

    it('is masked until the admin asks to see it', () => {
        const fixture = render();
        const input = fieldElement(fixture, 'secrets.devConnString');
        expect(input.type).toBe('password');
        const toggle = byTest(fixture, 'secret-toggle');
        expect(textOf(toggle)).toBe('Show');
        toggle.click();
        fixture.detectChanges();
        expect(input.type).toBe('text');
        expect(textOf(toggle)).toBe('Hide');
        expect(toggle.getAttribute('aria-pressed')).toBe('true');
    });

    it('tells the browser and password managers not to offer to save or fill the secret, shown or masked', () => {
        const fixture = render();
        const input = fieldElement(fixture, 'secrets.devConnString');
        const attributes = (): Record<string, string | null> => Object.fromEntries(
            ['autocomplete', 'autocapitalize', 'autocorrect', 'spellcheck', 'data-lpignore', 'data-1p-ignore', 'data-bwignore', 'data-form-type']
                .map(name => [name, input.getAttribute(name)]));
        const expected = {
            // Chromium ignores "off" on a password field and offers to save it; "new-password" stops that.
            autocomplete: 'new-password', autocapitalize: 'off', autocorrect: 'off', spellcheck: 'false',
            'data-lpignore': 'true', 'data-1p-ignore': 'true', 'data-bwignore': 'true', 'data-form-type': 'other'
        };
        expect(attributes()).toEqual(expected);
        byTest(fixture, 'secret-toggle').click();
        fixture.detectChanges();
        expect(input.type).toBe('text');
        expect(attributes()).toEqual(expected);
    });

    it('emits what is typed and shows its messages', () => {
        const fixture = render('');
        const typed: string[] = [];
        fixture.componentInstance.valueChange.subscribe((value: string) => typed.push(value));
        typeInto(fieldElement(fixture, 'secrets.devConnString'), 'HostName=x');
        expect(typed).toEqual(['HostName=x']);
        expect(shownCodes(fixture)).toEqual(['connectionStringMissingField']);
        expect(textOf(byTest(fixture, 'field-message-text')))
            .toBe('The connection string has no SharedAccessKey=...; copy the complete "Primary connection string" of the device.');
        expect(fieldElement(fixture, 'secrets.devConnString').classList).toContain('em-invalid');
    });
});
