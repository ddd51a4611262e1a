import { SAMPLE_INSTALLERS } from '../../fleet/fleet-definition';
import { asObject, harness } from '../../testing/sim-harness';

describe('the WindowsInstaller.Installer stand-in\'s package read', () => {
    const read = (host: string, path: string, mode = 0) =>
        harness().call(host, 'WindowsInstaller', 'Get-MsiDatabase', { DatabasePath: path, OpenMode: mode });

    it('describes EFLOW MSIs from the catalog: the ProductName they register, the version, the platform', async () => {
        const lts = asObject((await read('ready-to-deploy', SAMPLE_INSTALLERS.ltsX64)).value());
        expect(asObject(lts['properties'] ?? null)).toEqual(expect.objectContaining({
            ProductName: 'Azure IoT Edge LTS', ProductVersion: '1.5.6.08025', Manufacturer: 'Microsoft Corporation' }));
        expect(asObject(lts['summaryInformation'] ?? null)['7']).toBe('x64;1033');
        const cr = asObject((await read('ready-to-deploy', 'c:/installers/AzureIoTEdge-CR-x64.MSI')).value());
        expect(asObject(cr['properties'] ?? null)['ProductName']).toBe('Azure IoT Edge');
        const arm = asObject((await read('ready-to-deploy', SAMPLE_INSTALLERS.ltsArm64)).value());
        expect(asObject(arm['summaryInformation'] ?? null)['7']).toBe('Arm64;1033');
    });

    it('describes another product\'s MSI from its own facts', async () => {
        const other = asObject((await read('ready-to-deploy', SAMPLE_INSTALLERS.otherProduct)).value());
        expect(asObject(other['properties'] ?? null)).toEqual(expect.objectContaining({ ProductName: 'PowerShell 7-x64', ProductVersion: '7.4.6.0' }));
        expect(asObject(other['properties'] ?? null)['ProductCode']).toMatch(/^\{[0-9A-F-]{36}\}$/);
    });

    it('fails as Windows Installer does for a damaged MSI, another kind of file, a missing file and a writable open', async () => {
        for (const outcome of [await read('ready-to-deploy', SAMPLE_INSTALLERS.damaged),
            await read('ready-to-deploy', 'C:\\certs\\device-identity.cert.pem'),
            await read('ready-to-deploy', 'C:\\Installers\\missing.msi'),
            await read('ready-to-deploy', SAMPLE_INSTALLERS.ltsX64, 1)]) {
            expect(outcome.outcome).toEqual({ ok: false, error: { message: 'OpenDatabase,DatabasePath,OpenMode',
                errorId: 'COMException', category: 'OpenError', terminating: true } });
        }
    });

    it('reads a downloaded MSI too, and stays out of the operation history', async () => {
        const h = harness();
        await h.windows('ready-to-deploy', 'Invoke-WebRequest', { Uri: 'https://aka.ms/AzEFLOWMSI-CR-ARM64', OutFile: 'C:\\Windows\\Temp\\cr.msi' });
        const downloaded = asObject((await h.call('ready-to-deploy', 'WindowsInstaller', 'Get-MsiDatabase',
            { DatabasePath: 'C:\\Windows\\Temp\\cr.msi', OpenMode: 0 })).value());
        expect(asObject(downloaded['summaryInformation'] ?? null)['7']).toBe('Arm64;1033');
        const history = asObject(h.sim.getHostState('ready-to-deploy'))['history'];
        expect(JSON.stringify(history)).not.toContain('Get-MsiDatabase');
    });
});
