import { messageOf } from '../../domain/message-text';
import { validationError } from '../../domain/validation-message';
import type { ProductChoice } from '../../domain/wizard-model';
import { choose, fieldElement, renderDeployComponent, shownCodes, typeInto } from '../../testing/render-deploy-component';
import { ProductPageComponent } from './product-page.component';

const product: ProductChoice = { channel: 'LTS', architecture: 'x64', source: { kind: 'download' }, installPath: '', vhdxPath: '' };

describe('ProductPageComponent', () => {
    function render(inputs: Record<string, unknown> = {}) {
        const fixture = renderDeployComponent(ProductPageComponent, { product, hostArchitecture: 'x64', ...inputs });
        const emitted: ProductChoice[] = [];
        fixture.componentInstance.productChange.subscribe((value: ProductChoice) => emitted.push(value));
        return { fixture, emitted };
    }

    it('emits the whole choice as the admin picks the release, the source and types the MSI path', () => {
        const { fixture, emitted } = render();
        choose(fieldElement(fixture, 'product.channel', 'CR'));
        choose(fieldElement(fixture, 'product.source', 'hostPath'));
        expect(emitted).toEqual([{ ...product, channel: 'CR' }, { ...product, source: { kind: 'hostPath', msiPath: '' } }]);
        fixture.componentRef.setInput('product', { ...product, source: { kind: 'hostPath', msiPath: '' } });
        fixture.detectChanges();
        typeInto(fieldElement(fixture, 'product.source.msiPath'), 'C:\\Installers\\AzureIoTEdge.msi');
        expect(emitted[2].source).toEqual({ kind: 'hostPath', msiPath: 'C:\\Installers\\AzureIoTEdge.msi' });
    });

    it('shows each field\'s messages under it', () => {
        const { fixture } = render({
            product: { ...product, source: { kind: 'hostPath', msiPath: 'C:\\x.msi' }, installPath: 'rel' },
            messages: [validationError('product.source.msiPath', 'pathNotFound', { path: 'C:\\x.msi' }),
                validationError('product.installPath', 'folderInvalid', { label: messageOf('labelInstallFolder') })]
        });
        expect(shownCodes(fixture, 'product.source.msiPath')).toEqual(['pathNotFound']);
        expect(shownCodes(fixture, 'product.installPath')).toEqual(['folderInvalid']);
        expect(fieldElement(fixture, 'product.installPath').classList).toContain('em-invalid');
    });

    it('is read-only once the host has EFLOW installed', () => {
        const { fixture } = render({ locked: true });
        expect(fieldElement(fixture, 'product.installPath').disabled).toBe(true);
        expect((fieldElement(fixture, 'product.channel', 'CR').closest('fieldset') as HTMLFieldSetElement).disabled).toBe(true);
    });
});
