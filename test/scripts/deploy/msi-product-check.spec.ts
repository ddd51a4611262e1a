/**
 * An MSI given by path is read for what it is (Read-MsiPackage through the WindowsInstaller.Installer stand-in,
 * backed by the installers on `ready-to-deploy`): Test-EflowDeploymentInput tells the wizard, and
 * Install-EflowProduct refuses a package that is not the chosen product before changing anything.
 */
import { callsOf, changingCalls, failureCode, outputOf, RUN_TIMEOUT_MS, useDeployHarness } from './deploy-harness';

const INSTALLERS = {
    ltsX64: 'C:\\Installers\\AzureIoTEdge-1.5-LTS-x64.msi',
    crX64: 'C:\\Installers\\AzureIoTEdge-CR-x64.msi',
    ltsArm64: 'C:\\Installers\\AzureIoTEdge-1.5-LTS-ARM64.msi',
    otherProduct: 'C:\\Installers\\PowerShell-7.4.6-win-x64.msi',
    damaged: 'C:\\Installers\\AzureIoTEdge-damaged.msi'
};

const harness = useDeployHarness();

/** Test-EflowDeploymentInput's answer for one MSI path on ready-to-deploy. */
async function readMsi(msiPath: string): Promise<unknown> {
    const run = await harness.run('ready-to-deploy', 'Test-EflowDeploymentInput', { MsiPath: msiPath });
    expect(changingCalls(run)).toEqual([]);
    return outputOf(run)['msi'];
}

describe('Test-EflowDeploymentInput -MsiPath', () => {
    it('reads the product, version, architecture and channel of EFLOW MSIs from their own database', async () => {
        expect(await readMsi(INSTALLERS.ltsX64)).toEqual({ path: INSTALLERS.ltsX64, status: 'eflow', productName: 'Azure IoT Edge LTS',
            productVersion: '1.5.6.08025', architecture: 'x64', channel: 'LTS', error: null });
        expect(await readMsi(INSTALLERS.crX64)).toEqual(expect.objectContaining({ status: 'eflow', productName: 'Azure IoT Edge',
            productVersion: '1.3.1.02092', architecture: 'x64', channel: 'CR' }));
        expect(await readMsi(INSTALLERS.ltsArm64)).toEqual(expect.objectContaining({ status: 'eflow', architecture: 'ARM64', channel: 'LTS' }));
    }, RUN_TIMEOUT_MS);

    it('tells another product, a damaged file and a missing one apart', async () => {
        expect(await readMsi(INSTALLERS.otherProduct)).toEqual({ path: INSTALLERS.otherProduct, status: 'notEflow', productName: 'PowerShell 7-x64',
            productVersion: '7.4.6.0', architecture: 'x64', channel: null, error: null });
        const damaged = await readMsi(INSTALLERS.damaged);
        expect(damaged).toEqual(expect.objectContaining({ status: 'unreadable', productName: null, channel: null }));
        expect((damaged as { error: string }).error).toContain('OpenDatabase,DatabasePath,OpenMode');
        expect(await readMsi('C:\\Installers\\[missing].msi')).toEqual({ path: 'C:\\Installers\\[missing].msi', status: 'notFound',
            productName: null, productVersion: null, architecture: null, channel: null, error: null });
    }, RUN_TIMEOUT_MS);

    it('opens the package read-only, asks only when asked, and still answers the other checks', async () => {
        const run = await harness.run('ready-to-deploy', 'Test-EflowDeploymentInput', { MsiPath: INSTALLERS.crX64 });
        expect(callsOf(run, 'Get-MsiDatabase').map(call => [call.module, call.parameters]))
            .toEqual([['WindowsInstaller', { DatabasePath: INSTALLERS.crX64, OpenMode: 0 }]]);
        const without = await harness.run('ready-to-deploy', 'Test-EflowDeploymentInput', { Path: ['C:\\certs\\device-identity.cert.pem'] });
        expect(outputOf(without)).toEqual({ paths: [{ path: 'C:\\certs\\device-identity.cert.pem', exists: true }], msi: null,
            addressInUse: null, gatewayReachable: null });
        expect(callsOf(without, 'Get-MsiDatabase')).toEqual([]);
    }, RUN_TIMEOUT_MS);
});

describe('Install-EflowProduct -MsiPath', () => {
    it('installs the MSI that is the chosen product', async () => {
        const run = await harness.run('ready-to-deploy', 'Install-EflowProduct', { Channel: 'LTS', Architecture: 'x64', MsiPath: INSTALLERS.ltsX64 });
        expect(outputOf(run)).toEqual(expect.objectContaining({ status: 'installed', productName: 'Azure IoT Edge LTS', version: '1.5.6.08025', downloaded: false }));
        expect(callsOf(run, 'Start-Process')[0].parameters['ArgumentList']).toEqual(expect.arrayContaining([`"${INSTALLERS.ltsX64}"`]));
    }, RUN_TIMEOUT_MS);

    it.each([
        ['the CR MSI for LTS', 'LTS', INSTALLERS.crX64, 'MsiProductMismatch', 'is Azure IoT Edge 1.3.1.02092 (CR), but the LTS channel was chosen'],
        ['the LTS MSI for CR', 'CR', INSTALLERS.ltsX64, 'MsiProductMismatch', 'is Azure IoT Edge LTS 1.5.6.08025 (LTS), but the CR channel was chosen'],
        ['the ARM64 MSI on x64', 'LTS', INSTALLERS.ltsArm64, 'MsiArchitectureMismatch', 'is Azure IoT Edge LTS 1.5.6.08025 for ARM64, but x64 was chosen'],
        ['another product\'s MSI', 'LTS', INSTALLERS.otherProduct, 'MsiNotEflow', 'installs PowerShell 7-x64 7.4.6.0, not Azure IoT Edge for Linux on Windows'],
        ['a damaged MSI', 'LTS', INSTALLERS.damaged, 'MsiPackageUnreadable', 'is not a Windows Installer package the host can open'],
        ['a missing MSI', 'LTS', 'C:\\Installers\\missing.msi', 'MsiNotFound', 'The host cannot find the MSI']
    ])('refuses %s with its code, changing nothing', async (_case, channel, msiPath, code, words) => {
        const run = await harness.run('ready-to-deploy', 'Install-EflowProduct', { Channel: channel, Architecture: 'x64', MsiPath: msiPath });
        expect(failureCode(run)).toBe(code);
        expect(run.failure).toContain(words);
        expect(changingCalls(run)).toEqual([]);
        expect(callsOf(run, 'Invoke-WebRequest')).toEqual([]);
    }, RUN_TIMEOUT_MS);
});
