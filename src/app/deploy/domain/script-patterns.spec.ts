import {
    BASE64_PATTERN, DEVICE_ID_PATTERN, GLOBAL_ENDPOINT_PATTERN, HOST_FILE_PATH_PATTERN, HOST_NAME_PATTERN,
    LOCAL_DIRECTORY_PATTERN, MSI_PATH_PATTERN, OBJECT_NAME_PATTERN, REGISTRATION_ID_PATTERN, SCOPE_ID_PATTERN
} from './script-patterns';

describe('HOST_FILE_PATH_PATTERN', () => {
    it('accepts drive and UNC paths, including spaces and non-ASCII letters', () => {
        for (const path of ['C:\\certs\\device.pem', 'd:\\a b\\Jürgen\\key.pem', '\\\\fileserver\\share\\certs\\device.pem']) {
            expect(HOST_FILE_PATH_PATTERN.test(path)).toBe(true);
        }
    });

    it('refuses relative paths, roots, device paths, reserved characters and line breaks', () => {
        for (const path of ['certs\\device.pem', 'C:device.pem', 'C:\\', '\\\\.\\pipe\\x', '\\\\?\\C:\\x.pem', '\\\\server\\share',
            'C:\\a\\*.pem', 'C:\\a\\b".pem', 'C:\\a\\b|c.pem', 'C:\\a\\b.pem\nC:\\x', 'C:/a/b.pem']) {
            expect(HOST_FILE_PATH_PATTERN.test(path)).toBe(false);
        }
    });
});

describe('MSI_PATH_PATTERN', () => {
    it('needs a file name ending in .msi, in any case', () => {
        expect(MSI_PATH_PATTERN.test('C:\\Temp\\AzureIoTEdge.msi')).toBe(true);
        expect(MSI_PATH_PATTERN.test('\\\\srv\\share\\AzureIoTEdge.MSI')).toBe(true);
        expect(MSI_PATH_PATTERN.test('C:\\Temp\\AzureIoTEdge.msix')).toBe(false);
        expect(MSI_PATH_PATTERN.test('C:\\Temp\\.msi')).toBe(false);
    });
});

describe('LOCAL_DIRECTORY_PATTERN', () => {
    it('accepts a drive root and folders with or without a trailing backslash, refuses shares and bare drives', () => {
        expect(LOCAL_DIRECTORY_PATTERN.test('C:\\')).toBe(true);
        expect(LOCAL_DIRECTORY_PATTERN.test('D:\\EFLOW\\vm')).toBe(true);
        expect(LOCAL_DIRECTORY_PATTERN.test('D:\\EFLOW\\vm\\')).toBe(true);
        expect(LOCAL_DIRECTORY_PATTERN.test('D:')).toBe(false);
        expect(LOCAL_DIRECTORY_PATTERN.test('\\\\srv\\share\\eflow')).toBe(false);
        expect(LOCAL_DIRECTORY_PATTERN.test('D:\\EFLOW\\\\vm')).toBe(false);
    });
});

describe('HOST_NAME_PATTERN', () => {
    it('accepts host names up to 253 characters with labels up to 63', () => {
        const label63 = 'a'.repeat(63);
        expect(HOST_NAME_PATTERN.test('myhub.azure-devices.net')).toBe(true);
        expect(HOST_NAME_PATTERN.test(`${label63}.net`)).toBe(true);
        const longest = [label63, label63, label63, 'a'.repeat(61)].join('.');
        expect(longest.length).toBe(253);
        expect(HOST_NAME_PATTERN.test(longest)).toBe(true);
        expect(HOST_NAME_PATTERN.test(longest + 'a')).toBe(false);
    });

    it('refuses single labels, 64-character labels, edge hyphens and URLs', () => {
        for (const name of ['localhost', `${'a'.repeat(64)}.net`, '-hub.net', 'hub-.net', 'https://hub.net', 'hub..net', 'hub.net.']) {
            expect(HOST_NAME_PATTERN.test(name)).toBe(false);
        }
    });
});

describe('DEVICE_ID_PATTERN and REGISTRATION_ID_PATTERN', () => {
    it('accepts device IDs of 1..128 documented characters', () => {
        expect(DEVICE_ID_PATTERN.test('a')).toBe(true);
        expect(DEVICE_ID_PATTERN.test("edge-01.%_*?!(),:=@$'")).toBe(true);
        expect(DEVICE_ID_PATTERN.test('d'.repeat(128))).toBe(true);
        expect(DEVICE_ID_PATTERN.test('d'.repeat(129))).toBe(false);
        expect(DEVICE_ID_PATTERN.test('edge 01')).toBe(false);
        expect(DEVICE_ID_PATTERN.test('edge;01')).toBe(false);
    });

    it('accepts registration IDs of 1..128 characters ending in a letter, digit or hyphen', () => {
        expect(REGISTRATION_ID_PATTERN.test('a')).toBe(true);
        expect(REGISTRATION_ID_PATTERN.test('edge-01.site_a:line-')).toBe(true);
        expect(REGISTRATION_ID_PATTERN.test('r'.repeat(128))).toBe(true);
        expect(REGISTRATION_ID_PATTERN.test('r'.repeat(129))).toBe(false);
        expect(REGISTRATION_ID_PATTERN.test('edge.')).toBe(false);
        expect(REGISTRATION_ID_PATTERN.test('edge_')).toBe(false);
        expect(REGISTRATION_ID_PATTERN.test('edge/01')).toBe(false);
    });
});

describe('other formats', () => {
    it('scope IDs are 1..64 letters and digits', () => {
        expect(SCOPE_ID_PATTERN.test('0ne0012AB34')).toBe(true);
        expect(SCOPE_ID_PATTERN.test('s'.repeat(64))).toBe(true);
        expect(SCOPE_ID_PATTERN.test('s'.repeat(65))).toBe(false);
        expect(SCOPE_ID_PATTERN.test('0ne-0012')).toBe(false);
    });

    it('global endpoints are https host names with an optional port and trailing slash', () => {
        expect(GLOBAL_ENDPOINT_PATTERN.test('https://global.azure-devices-provisioning.net')).toBe(true);
        expect(GLOBAL_ENDPOINT_PATTERN.test('https://global.azure-devices-provisioning.net:443/')).toBe(true);
        expect(GLOBAL_ENDPOINT_PATTERN.test('http://global.azure-devices-provisioning.net')).toBe(false);
        expect(GLOBAL_ENDPOINT_PATTERN.test('https://global.azure-devices-provisioning.net/path')).toBe(false);
    });

    it('object names are 1..256 characters without control characters', () => {
        expect(OBJECT_NAME_PATTERN.test('LAN "A" $(x) ; `b`')).toBe(true);
        expect(OBJECT_NAME_PATTERN.test('n'.repeat(256))).toBe(true);
        expect(OBJECT_NAME_PATTERN.test('n'.repeat(257))).toBe(false);
        expect(OBJECT_NAME_PATTERN.test('LAN\nB')).toBe(false);
        expect(OBJECT_NAME_PATTERN.test('')).toBe(false);
    });

    it('base64 is canonical: padded, no whitespace', () => {
        expect(BASE64_PATTERN.test('QUJD')).toBe(true);
        expect(BASE64_PATTERN.test('QUI=')).toBe(true);
        expect(BASE64_PATTERN.test('QQ==')).toBe(true);
        expect(BASE64_PATTERN.test('QUI')).toBe(false);
        expect(BASE64_PATTERN.test('QU I=')).toBe(false);
        expect(BASE64_PATTERN.test('QQ===')).toBe(false);
    });
});
