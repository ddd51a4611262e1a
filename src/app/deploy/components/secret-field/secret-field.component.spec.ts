import { byTest, textOf } from '../../../testing/render-component';
import { validationError } from '../../domain/validation-message';
import { fieldElement, renderDeployComponent, shownCodes, typeInto } from '../../testing/render-deploy-component';
import { SecretFieldComponent } from './secret-field.component';

describe('SecretFieldComponent', () => {
    function render(value = 'HostName=h;DeviceId=d;SharedAccessKey=c2VjcmV0') {
        return renderDeployComponent(SecretFieldComponent, {
            label: 'Device connection string', field: 'secrets.devConnString', value,
            messages: [validationError('secrets.devConnString', 'connectionStringKeyMissing', 'The connection string has no SharedAccessKey.')]
        });
    }

    it('is masked until the admin asks to see it, and never offered to autofill', () => {
        const fixture = render();
        const input = fieldElement(fixture, 'secrets.devConnString');
        expect(input.type).toBe('password');
        expect(input.getAttribute('autocomplete')).toBe('off');
        const toggle = byTest(fixture, 'secret-toggle');
        expect(textOf(toggle)).toBe('Show');
        toggle.click();
        fixture.detectChanges();
        expect(input.type).toBe('text');
        expect(textOf(toggle)).toBe('Hide');
        expect(toggle.getAttribute('aria-pressed')).toBe('true');
    });

    it('emits what is typed and shows its messages', () => {
        const fixture = render('');
        const typed: string[] = [];
        fixture.componentInstance.valueChange.subscribe((value: string) => typed.push(value));
        typeInto(fieldElement(fixture, 'secrets.devConnString'), 'HostName=x');
        expect(typed).toEqual(['HostName=x']);
        expect(shownCodes(fixture)).toEqual(['connectionStringKeyMissing']);
        expect(fieldElement(fixture, 'secrets.devConnString').classList).toContain('em-invalid');
    });
});
