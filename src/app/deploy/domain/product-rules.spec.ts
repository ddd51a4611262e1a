import { rendered } from '../testing/rendered-text';
import { validateProduct, type ProductHostFacts } from './product-rules';
import type { ProductChoice } from './wizard-model';

const download: ProductChoice = { channel: 'LTS', architecture: 'x64', source: { kind: 'download' }, installPath: '', vhdxPath: '' };
const host: ProductHostFacts = { architecture: 'x64', installedProductName: null, msiExists: null };
const codes = (messages: { code: string }[]): string[] => messages.map(m => m.code);

describe('validateProduct', () => {
    it('accepts a download of the host\'s architecture', () => {
        expect(validateProduct(download, host)).toEqual([]);
        expect(validateProduct({ ...download, architecture: 'ARM64' }, { ...host, architecture: 'ARM64' })).toEqual([]);
    });

    it('refuses an MSI for another architecture', () => {
        expect(rendered(validateProduct({ ...download, architecture: 'ARM64' }, host))).toEqual([expect.objectContaining({
            code: 'architectureMismatch', text: 'This host is x64; the ARM64 MSI does not install on it.'
        })]);
    });

    it('refuses switching channels over an installed product, accepts the installed channel', () => {
        expect(codes(validateProduct({ ...download, channel: 'CR' }, { ...host, installedProductName: 'Azure IoT Edge LTS' })))
            .toEqual(['differentProductInstalled']);
        expect(validateProduct(download, { ...host, installedProductName: 'Azure IoT Edge LTS' })).toEqual([]);
    });

    it('checks an MSI on the host and the install folders', () => {
        const fromPath: ProductChoice = { ...download, source: { kind: 'hostPath', msiPath: 'C:\\Temp\\AzureIoTEdge.msi' } };
        expect(validateProduct(fromPath, { ...host, msiExists: true })).toEqual([]);
        expect(codes(validateProduct(fromPath, { ...host, msiExists: false }))).toEqual(['pathNotFound']);
        expect(codes(validateProduct({ ...download, installPath: 'EFLOW', vhdxPath: '\\\\srv\\s\\v' }, host))).toEqual(['folderInvalid', 'folderInvalid']);
    });
});
