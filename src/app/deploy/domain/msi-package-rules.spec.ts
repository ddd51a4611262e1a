import { rendered } from '../testing/rendered-text';
import { confirmedMsiPackage, msiFileExists, validateMsiPackage, type MsiPackageReading } from './msi-package-rules';
import type { ProductChoice } from './wizard-model';

const MSI = 'C:\\Installers\\AzureIoTEdge.msi';
const ltsX64: ProductChoice = { channel: 'LTS', architecture: 'x64', source: { kind: 'hostPath', msiPath: MSI }, installPath: '', vhdxPath: '' };

/** The readings of the simulator's sample installers (tools/simulator/fleet SAMPLE_INSTALLERS). */
const READINGS: Record<string, MsiPackageReading> = {
    ltsX64: { path: MSI, status: 'eflow', productName: 'Azure IoT Edge LTS', productVersion: '1.5.6.08025', architecture: 'x64', channel: 'LTS', error: null },
    crX64: { path: MSI, status: 'eflow', productName: 'Azure IoT Edge', productVersion: '1.5.7.01026', architecture: 'x64', channel: 'CR', error: null },
    ltsArm64: { path: MSI, status: 'eflow', productName: 'Azure IoT Edge LTS', productVersion: '1.5.6.08025', architecture: 'ARM64', channel: 'LTS', error: null },
    otherProduct: { path: MSI, status: 'notEflow', productName: 'PowerShell 7-x64', productVersion: '7.4.6.0', architecture: 'x64', channel: null, error: null },
    unnamed: { path: MSI, status: 'notEflow', productName: null, productVersion: null, architecture: 'x86', channel: null, error: null },
    damaged: { path: MSI, status: 'unreadable', productName: null, productVersion: null, architecture: null, channel: null,
        error: 'Exception calling "InvokeMember" with "5" argument(s): "OpenDatabase,DatabasePath,OpenMode"' },
    missing: { path: MSI, status: 'notFound', productName: null, productVersion: null, architecture: null, channel: null, error: null }
};

describe('validateMsiPackage', () => {
    it('accepts the MSI of the chosen channel and architecture, and confirms it with its version', () => {
        expect(validateMsiPackage(ltsX64, READINGS.ltsX64)).toEqual([]);
        expect(confirmedMsiPackage(ltsX64, READINGS.ltsX64)).toBe(READINGS.ltsX64);
        const crArm: ProductChoice = { ...ltsX64, channel: 'CR', architecture: 'ARM64' };
        expect(validateMsiPackage(crArm, { ...READINGS.crX64, architecture: 'ARM64' })).toEqual([]);
    });

    it('says which release the MSI is when it is the other one', () => {
        expect(rendered(validateMsiPackage(ltsX64, READINGS.crX64))).toEqual([{ field: 'product.source.msiPath', code: 'msiChannelMismatch', severity: 'error',
            text: 'This MSI is Azure IoT Edge 1.5.7.01026, the CR release, but you chose LTS. Choose CR above, or the LTS MSI.' }]);
        expect(rendered(validateMsiPackage({ ...ltsX64, channel: 'CR' }, READINGS.ltsX64))).toEqual([expect.objectContaining({
            code: 'msiChannelMismatch', text: 'This MSI is Azure IoT Edge LTS 1.5.6.08025, the LTS release, but you chose CR. Choose LTS above, or the CR MSI.' })]);
        expect(confirmedMsiPackage(ltsX64, READINGS.crX64)).toBeNull();
    });

    it('says which architecture the MSI is built for when it is not the chosen one', () => {
        expect(rendered(validateMsiPackage(ltsX64, READINGS.ltsArm64))).toEqual([expect.objectContaining({ code: 'msiArchitectureMismatch', severity: 'error',
            text: 'This MSI is Azure IoT Edge LTS 1.5.6.08025 for ARM64, but you chose x64. Choose the x64 MSI.' })]);
        expect(confirmedMsiPackage(ltsX64, READINGS.ltsArm64)).toBeNull();
    });

    it('names the product of an MSI that is not EFLOW, and says so for one without a name', () => {
        expect(rendered(validateMsiPackage(ltsX64, READINGS.otherProduct))).toEqual([expect.objectContaining({ code: 'msiNotEflow',
            text: 'This MSI is PowerShell 7-x64 7.4.6.0, not Azure IoT Edge for Linux on Windows. Choose the EFLOW MSI.' })]);
        expect(validateMsiPackage(ltsX64, READINGS.unnamed).map(m => m.code)).toEqual(['msiNotEflowUnnamed']);
        expect(confirmedMsiPackage(ltsX64, READINGS.otherProduct)).toBeNull();
    });

    it('passes on why the host could not read the file', () => {
        expect(rendered(validateMsiPackage(ltsX64, READINGS.damaged))).toEqual([expect.objectContaining({ code: 'msiUnreadable',
            text: 'The host cannot open this file as a Windows Installer package: Exception calling "InvokeMember" with "5" argument(s): "OpenDatabase,DatabasePath,OpenMode"' })]);
    });

    it('leaves a missing file to the path rule, and says nothing before the host answered', () => {
        expect(validateMsiPackage(ltsX64, READINGS.missing)).toEqual([]);
        expect(msiFileExists(READINGS.missing)).toBe(false);
        expect(msiFileExists(READINGS.damaged)).toBe(true);
        expect(msiFileExists(null)).toBeNull();
        expect(validateMsiPackage(ltsX64, null)).toEqual([]);
        expect(confirmedMsiPackage(ltsX64, null)).toBeNull();
    });
});
