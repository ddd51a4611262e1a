import { allByTest, byTest, setInputs, textOf } from '../../../testing/render-component';
import { messageOf } from '../../domain/message-text';
import type { MsiPackageReading } from '../../domain/msi-package-rules';
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

    it('shows which product and version a confirmed MSI is, and a mismatch as the field\'s error', () => {
        const fromPath: ProductChoice = { ...product, source: { kind: 'hostPath', msiPath: 'C:\\Installers\\AzureIoTEdge.msi' } };
        const confirmedMsi: MsiPackageReading = { path: 'C:\\Installers\\AzureIoTEdge.msi', status: 'eflow', productName: 'Azure IoT Edge LTS',
            productVersion: '1.5.6.08025', architecture: 'x64', channel: 'LTS', error: null };
        const { fixture } = render({ product: fromPath, confirmedMsi });
        expect(textOf(byTest(fixture, 'msi-confirmed'))).toBe('This MSI is Azure IoT Edge LTS 1.5.6.08025, the LTS release for x64.');

        setInputs(fixture, { product: { ...fromPath, channel: 'CR' }, confirmedMsi: null,
            messages: [validationError('product.source.msiPath', 'msiChannelMismatch',
                { product: 'Azure IoT Edge LTS', channel: 'LTS', version: '1.5.6.08025', chosen: 'CR' })] });
        expect(allByTest(fixture, 'msi-confirmed')).toEqual([]);
        expect(shownCodes(fixture, 'product.source.msiPath')).toEqual(['msiChannelMismatch']);
        expect(fieldElement(fixture, 'product.source.msiPath').classList).toContain('em-invalid');
    });

    it('is read-only once the host has EFLOW installed', () => {
        const { fixture } = render({ locked: true });
        expect(fieldElement(fixture, 'product.installPath').disabled).toBe(true);
        expect((fieldElement(fixture, 'product.channel', 'CR').closest('fieldset') as HTMLFieldSetElement).disabled).toBe(true);
    });
});
