/**
 * Builds the extension's NuGet package in the layout WAC's extension feed expects (as the SDK's
 * New-ExtensionPackage.ps1 does on Windows, which cannot run here):
 *
 *   ux/                               the production build, manifest.json with CoreVersion and BackendVersion
 *   ux/powershell-module/EflowManager the gateway scripts as one PowerShell module (for JEA endpoints)
 *   content.json                      the inventory (size, SHA-256, signature) of everything under ux/
 *   README.md
 *
 * `dotnet pack` writes the .nupkg from a generated .nuspec. Authenticode signing is a Windows step and is not done:
 * content.json says so (status `unhealthy`), as the SDK's script would.
 *
 *   npm run pack          (production build, then this)
 *   npx tsx tools/pack/pack.ts [--dist dist/eflow-manager] [--out dist/package]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildContentInventory } from './content-inventory';
import { buildNuspec, metadataFromManifest } from './nuspec';
import { buildPowerShellModule } from './powershell-module';

const ROOT = path.resolve(__dirname, '..', '..');
const MODULE_NAME = 'EflowManager';
/** The WAC gateway generation the extension targets (the SDK's script defaults to it). */
const BACKEND_VERSION = '2.0.0';

export interface PackOptions {
    /** The production build to package (index.html, bundles, assets, manifest.json). */
    distDir: string;
    /** Gateway scripts, each a `<feature>/<Verb-Noun>.ps1`. */
    scriptPaths: string[];
    /** Where the .nupkg goes. */
    outDir: string;
    version: string;
    sdkVersion: string;
    license: string;
    now?: Date;
}

/** Stages the package and runs `dotnet pack`; returns the .nupkg's path. */
export function packExtension(options: PackOptions): string {
    if (!existsSync(path.join(options.distDir, 'index.html')) || !existsSync(path.join(options.distDir, 'manifest.json'))) {
        throw new Error(`${options.distDir} holds no built extension (index.html and manifest.json): run npm run build first.`);
    }
    const staging = mkdtempSync(path.join(tmpdir(), 'eflow-pack-'));
    try {
        const ux = path.join(staging, 'ux');
        cpSync(options.distDir, ux, { recursive: true });

        const manifest = JSON.parse(readFileSync(path.join(ux, 'manifest.json'), 'utf8')) as Record<string, unknown>;
        manifest['CoreVersion'] = options.sdkVersion;
        manifest['BackendVersion'] = BACKEND_VERSION;
        writeFileSync(path.join(ux, 'manifest.json'), JSON.stringify(manifest, null, 2));

        const module = buildPowerShellModule(options.scriptPaths, MODULE_NAME, options.version);
        const moduleDir = path.join(ux, 'powershell-module', MODULE_NAME);
        mkdirSync(moduleDir, { recursive: true });
        writeFileSync(path.join(moduleDir, `${MODULE_NAME}.psm1`), module.psm1);
        writeFileSync(path.join(moduleDir, `${MODULE_NAME}.psd1`), module.psd1);

        const inventory = buildContentInventory(staging, ['ux'], options.now ?? new Date());
        writeFileSync(path.join(staging, 'content.json'), JSON.stringify(inventory, null, 2));
        cpSync(path.join(__dirname, 'package-readme.md'), path.join(staging, 'README.md'));

        const metadata = metadataFromManifest(manifest, options.version, options.license);
        writeFileSync(path.join(staging, 'package.nuspec'), buildNuspec(metadata));
        writeFileSync(path.join(staging, 'pack.csproj'), PACK_PROJECT);
        mkdirSync(options.outDir, { recursive: true });
        execFileSync('dotnet', ['pack', path.join(staging, 'pack.csproj'), '-o', options.outDir, '--nologo', '-v', 'q'],
            { stdio: ['ignore', 'pipe', 'pipe'] });
        const nupkg = path.join(options.outDir, `${metadata.id}.${metadata.version}.nupkg`);
        if (!existsSync(nupkg)) {
            throw new Error(`dotnet pack did not write ${nupkg}.`);
        }
        return nupkg;
    } finally {
        rmSync(staging, { recursive: true, force: true });
    }
}

/** A project that only packs the .nuspec (no build output), so dotnet pack works with the SDK alone. */
const PACK_PROJECT = `<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <IncludeBuildOutput>false</IncludeBuildOutput>
    <NoBuild>true</NoBuild>
    <EnableDefaultItems>false</EnableDefaultItems>
    <NuspecFile>package.nuspec</NuspecFile>
    <NuspecBasePath>.</NuspecBasePath>
  </PropertyGroup>
</Project>
`;

function scriptsIn(dir: string): string[] {
    return readdirSync(dir).flatMap(entry => {
        const full = path.join(dir, entry);
        return statSync(full).isDirectory() ? scriptsIn(full) : entry.endsWith('.ps1') ? [full] : [];
    });
}

function main(): void {
    const flag = (name: string, fallback: string) => {
        const index = process.argv.indexOf(`--${name}`);
        return index >= 0 ? process.argv[index + 1] ?? fallback : fallback;
    };
    const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
        version: string; license: string; dependencies: Record<string, string>;
    };
    const nupkg = packExtension({
        distDir: path.resolve(ROOT, flag('dist', 'dist/eflow-manager')),
        scriptPaths: scriptsIn(path.join(ROOT, 'src', 'resources', 'scripts')),
        outDir: path.resolve(ROOT, flag('out', 'dist/package')),
        version: packageJson.version,
        sdkVersion: packageJson.dependencies['@microsoft/windows-admin-center-sdk'] ?? 'unknown',
        license: packageJson.license
    });
    process.stdout.write(`Package: ${path.relative(process.cwd(), nupkg)}\n`);
}

if (require.main === module) {
    main();
}
