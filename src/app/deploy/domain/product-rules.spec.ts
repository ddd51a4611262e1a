import { rendered } from '../testing/rendered-text';
import type { MsiPackageReading } from './msi-package-rules';
import { validateProduct, type ProductHostFacts } from './product-rules';
import type { ProductChoice } from './wizard-model';

const download: ProductChoice = { channel: 'LTS', architecture: 'x64', source: { kind: 'download' }, installPath: '', vhdxPath: '' };
const host: ProductHostFacts = { architecture: 'x64', installedProductName: null, msiPackage: null };
const reading = (msiPath: string, status: MsiPackageReading['status'], channel: MsiPackageReading['channel'] = null): MsiPackageReading =>
    ({ path: msiPath, status, productName: channel === 'LTS' ? 'Azure IoT Edge LTS' : 'Azure IoT Edge', productVersion: '1.5.6.08025',
        architecture: 'x64', channel, error: null });
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
        const msiPath = 'C:\\Temp\\AzureIoTEdge.msi';
        expect(validateProduct(fromPath, { ...host, msiPackage: reading(msiPath, 'eflow', 'LTS') })).toEqual([]);
        expect(codes(validateProduct(fromPath, { ...host, msiPackage: reading(msiPath, 'notFound') }))).toEqual(['pathNotFound']);
        expect(codes(validateProduct(fromPath, { ...host, msiPackage: reading(msiPath, 'eflow', 'CR') }))).toEqual(['msiChannelMismatch']);
        // A share path keeps its warning next to what the file is.
        const onShare: ProductChoice = { ...download, source: { kind: 'hostPath', msiPath: '\\\\srv\\s\\a.msi' } };
        expect(codes(validateProduct(onShare, { ...host, msiPackage: reading('\\\\srv\\s\\a.msi', 'notEflow') })))
            .toEqual(['pathOnShare', 'msiNotEflow']);
        expect(codes(validateProduct({ ...download, installPath: 'EFLOW', vhdxPath: '\\\\srv\\s\\v' }, host))).toEqual(['folderInvalid', 'folderInvalid']);
    });
});
