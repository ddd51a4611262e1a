import { rendered, textOf } from '../testing/rendered-text';
import { MAX_FOLDER_PATH_LENGTH, MAX_HOST_PATH_LENGTH, validateHostFilePath, validateInstallFolder, validateMsiPath } from './host-path-rules';

const codes = (messages: { code: string }[]): string[] => messages.map(m => m.code);

describe('validateHostFilePath', () => {
    const check = (path: string, exists: boolean | null = null) =>
        validateHostFilePath('provisioning.identityCertPath', 'labelIdentityCertificate', path, exists);

    it('accepts an absolute local path and warns about a share (second hop)', () => {
        expect(check('C:\\certs\\device.pem')).toEqual([]);
        expect(check('\\\\files\\certs\\device.pem')).toEqual([expect.objectContaining({ code: 'pathOnShare', severity: 'warning' })]);
    });

    it('accepts exactly the maximum length and refuses one character more', () => {
        const atLimit = 'C:\\' + 'a'.repeat(MAX_HOST_PATH_LENGTH - 3);
        expect(check(atLimit)).toEqual([]);
        expect(codes(check(atLimit + 'a'))).toEqual(['pathTooLong']);
    });

    it('asks for a path, refuses relative or wildcard paths and reports a file the host does not find', () => {
        expect(codes(check(''))).toEqual(['pathRequired']);
        expect(codes(check('certs\\device.pem'))).toEqual(['pathInvalid']);
        expect(codes(check('C:\\certs\\*.pem'))).toEqual(['pathInvalid']);
        expect(rendered(check('C:\\certs\\device.pem', false))).toEqual([expect.objectContaining({
            code: 'pathNotFound', text: 'The host cannot find C:\\certs\\device.pem.'
        })]);
    });
});

describe('validateMsiPath', () => {
    it('needs a .msi file', () => {
        expect(validateMsiPath('C:\\Temp\\AzureIoTEdge.msi', true)).toEqual([]);
        expect(validateMsiPath('C:\\Temp\\AzureIoTEdge.zip', true)).toEqual([expect.objectContaining({
            code: 'pathInvalid', field: 'product.source.msiPath'
        })]);
        expect(textOf(validateMsiPath('C:\\Temp\\AzureIoTEdge.zip', true)[0].text)).toContain('ending in .msi');
    });

    it('gives each file kind its own example: an MSI, a certificate, a private key', () => {
        expect(textOf(validateMsiPath('AzureIoTEdge.msi', null)[0].text)).toContain('e.g. C:\\Installers\\AzureIoTEdge.msi');
        const invalid = (label: 'labelIdentityCertificate' | 'labelIdentityPrivateKey') =>
            textOf(validateHostFilePath('provisioning.identityPrivKeyPath', label, 'device.pem', null)[0].text);
        expect(invalid('labelIdentityCertificate')).toContain('e.g. C:\\certs\\device.pem');
        expect(invalid('labelIdentityPrivateKey')).toContain('e.g. C:\\certs\\device.key.pem');
    });
});

describe('validateInstallFolder', () => {
    const check = (path: string) => validateInstallFolder('product.installPath', 'labelInstallFolder', path);

    it('takes empty as the default and accepts local folders up to the limit', () => {
        expect(check('')).toEqual([]);
        expect(check('D:\\EFLOW')).toEqual([]);
        const atLimit = 'D:\\' + 'a'.repeat(MAX_FOLDER_PATH_LENGTH - 3);
        expect(check(atLimit)).toEqual([]);
        expect(codes(check(atLimit + 'a'))).toEqual(['folderTooLong']);
    });

    it('refuses shares and relative folders', () => {
        expect(codes(check('\\\\srv\\share\\eflow'))).toEqual(['folderInvalid']);
        expect(codes(check('EFLOW'))).toEqual(['folderInvalid']);
    });
});
