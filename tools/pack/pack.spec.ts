import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PwshHost } from '../pwsh-host/client';
import { packExtension } from './pack';
import { zipEntries } from './zip-entries';

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPTS = [
    path.join(ROOT, 'src/resources/scripts/overview/Get-EflowHostOverview.ps1'),
    path.join(ROOT, 'src/resources/scripts/deploy/Get-EflowDeploymentState.ps1')
];

describe('packExtension', () => {
    let work: string;
    let nupkg: string;
    let entries: Map<string, Buffer>;

    beforeAll(() => {
        work = mkdtempSync(path.join(tmpdir(), 'pack-spec-'));
        const dist = path.join(work, 'dist');
        mkdirSync(path.join(dist, 'assets'), { recursive: true });
        writeFileSync(path.join(dist, 'index.html'), '<em-root></em-root>');
        writeFileSync(path.join(dist, 'main.js'), 'console.log("main")');
        writeFileSync(path.join(dist, 'assets', 'strings.json'), '{}');
        writeFileSync(path.join(dist, 'manifest.json'), readFileSync(path.join(ROOT, 'src/manifest.json')));
        nupkg = packExtension({
            distDir: dist, scriptPaths: SCRIPTS, outDir: path.join(work, 'out'), version: '1.2.3', sdkVersion: '5.0.0',
            license: 'MIT', now: new Date('2026-11-22T10:00:00Z')
        });
        entries = new Map(zipEntries(readFileSync(nupkg)).map(entry => [entry.name, entry.read()]));
    }, 120_000);

    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it('names the package after the manifest and the version', () => {
        expect(path.basename(nupkg)).toBe('eflowmanager.iot-edge-eflow.1.2.3.nupkg');
        const nuspec = entries.get('eflowmanager.iot-edge-eflow.nuspec')?.toString('utf8') ?? '';
        expect(nuspec).toContain('<id>eflowmanager.iot-edge-eflow</id>');
        expect(nuspec).toContain('<title>IoT Edge for Linux on Windows</title>');
        expect(nuspec).toContain('<license type="expression">MIT</license>');
    });

    it('puts the build under ux/ with the SDK and gateway versions in its manifest', () => {
        expect(entries.get('ux/index.html')?.toString('utf8')).toBe('<em-root></em-root>');
        expect(entries.has('ux/assets/strings.json')).toBe(true);
        const manifest = JSON.parse(entries.get('ux/manifest.json')?.toString('utf8') ?? '{}') as Record<string, unknown>;
        expect(manifest).toMatchObject({ name: 'eflowmanager.iot-edge-eflow', CoreVersion: '5.0.0', BackendVersion: '2.0.0' });
        expect(entries.has('README.md')).toBe(true);
    });

    it('lists every ux file in content.json with its size and SHA-256, unsigned and so unhealthy', () => {
        const inventory = JSON.parse(entries.get('content.json')?.toString('utf8') ?? '{}') as {
            status: string; datetime: string; packageContent: { path: string; size: number; hash256: string; signedBy: string }[];
        };
        expect(inventory.status).toBe('unhealthy');
        expect(inventory.datetime).toBe('2026-11-22T10:00:00');
        const main = inventory.packageContent.find(item => item.path === 'ux\\main.js');
        expect(main).toEqual(expect.objectContaining({
            size: 19, signedBy: 'None',
            hash256: createHash('sha256').update('console.log("main")').digest('hex').toUpperCase()
        }));
        const packaged = [...entries.keys()].filter(name => name.startsWith('ux/')).map(name => name.replace(/\//g, '\\')).sort();
        expect(inventory.packageContent.map(item => item.path).sort()).toEqual(packaged);
    });

    it('ships the gateway scripts as a PowerShell module that loads and exports one function per script', async () => {
        const psm1 = entries.get('ux/powershell-module/EflowManager/EflowManager.psm1')?.toString('utf8') ?? '';
        const psd1 = entries.get('ux/powershell-module/EflowManager/EflowManager.psd1')?.toString('utf8') ?? '';
        expect(psd1).toContain("FunctionsToExport = @('Get-EflowDeploymentState', 'Get-EflowHostOverview')");
        // Shared functions are inlined: no script refers to a file that is not in the package.
        expect(psm1).not.toContain('script-functions');
        const moduleDir = path.join(work, 'module', 'EflowManager');
        mkdirSync(moduleDir, { recursive: true });
        writeFileSync(path.join(moduleDir, 'EflowManager.psm1'), psm1);
        writeFileSync(path.join(moduleDir, 'EflowManager.psd1'), psd1);
        const host = await PwshHost.start({ runspaces: 1 });
        try {
            const run = await host.run({
                host: 'pack-spec',
                script: `Import-Module '${path.join(moduleDir, 'EflowManager.psd1')}'; (Get-Command -Module EflowManager | Sort-Object -Property Name).Name`
            }, { onCall: async () => ({ ok: true, value: null }) }).done;
            expect(run.errors).toEqual([]);
            expect(run.outputs).toEqual(['Get-EflowDeploymentState', 'Get-EflowHostOverview']);
        } finally {
            await host.stop();
        }
    }, 120_000);

    it('refuses a folder without a build', () => {
        expect(() => packExtension({
            distDir: path.join(work, 'nothing'), scriptPaths: SCRIPTS, outDir: path.join(work, 'out2'), version: '1.0.0',
            sdkVersion: '5.0.0', license: 'MIT'
        })).toThrow(/holds no built extension .*run npm run build first/);
    });
});
