import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { findCmdlet, loadAzureEflowSpec, loadWindowsSpec } from './load';
import { blockCommentText, singleQuoted } from './powershell-text';
import type { CmdletSpec } from './spec';
import { standInFunctionText, standInModuleText, writeStandInModules } from './standin-module';

function cmdlet(name: string, windows = false): CmdletSpec {
    const found = findCmdlet(windows ? loadWindowsSpec() : loadAzureEflowSpec(), name);
    if (!found) {
        throw new Error(`no ${name}`);
    }
    return found;
}

describe('stand-in function text', () => {
    it('declares Deploy-Eflow parameters with types and ValidateSet, and forwards the bound parameters', () => {
        const text = standInFunctionText('AzureEFLOW', cmdlet('Deploy-Eflow'));
        expect(text).toContain("        [Parameter()]\n        [ValidateSet('Yes', 'No')]\n        [string] $acceptEula,");
        expect(text).toContain('        [Parameter()]\n        [int] $memoryInMB,');
        expect(text).toContain("[ValidateSet('DirectDeviceAssignment', 'ParaVirtualization', 'none')]");
        expect(text).toContain('        [switch] $customSsh,');
        expect(text).toMatch(/^function Deploy-Eflow \{\n/);
        expect(text).toContain('    [CmdletBinding()]\n');
        expect(text).toContain("    Invoke-EflowSimulatorCall -Module 'AzureEFLOW' -Command 'Deploy-Eflow' " +
            '-BoundParameters $PSBoundParameters\n}');
    });

    it('declares positions and mandatory parameters as described', () => {
        expect(standInFunctionText('AzureEFLOW', cmdlet('Invoke-EflowVmCommand')))
            .toContain('        [Parameter(Position = 0)]\n        [string] $command,');
        expect(standInFunctionText('Windows', cmdlet('Get-CimInstance', true)))
            .toContain('        [Parameter(Mandatory = $true, Position = 0)]\n        [string] $ClassName,');
        expect(standInFunctionText('Windows', cmdlet('Get-ItemProperty', true)))
            .toContain('[string[]] $Path,');
    });

    it('gives run-time checked values no ValidateSet, so the module\'s own error can be raised', () => {
        const text = standInFunctionText('AzureEFLOW', cmdlet('Set-EflowVmFeature'));
        expect(text).not.toContain('ValidateSet');
        expect(text).toContain('[string] $feature,');
    });

    it('writes a cmdlet without parameters with an empty param block', () => {
        expect(standInFunctionText('AzureEFLOW', cmdlet('Get-EflowVm'))).toContain('    param()\n');
    });

    it('quotes data safely: single quotes (also typographic ones) doubled, comment terminators broken', () => {
        expect(singleQuoted("it's")).toBe("'it''s'");
        expect(singleQuoted('a\u2019b\u2018c')).toBe("'a\u2019\u2019b\u2018\u2018c'");
        expect(singleQuoted('$(Remove-Item x)')).toBe("'$(Remove-Item x)'");
        expect(blockCommentText('ends #> here\nnext')).toBe('ends # > here next');
        const hostile: CmdletSpec = { name: 'Get-Thing', synopsis: "Closes #> the help", sources: ['X'], output: 'o',
            parameters: [{ name: 'kind', type: 'string', values: ["O'Brien", 'plain'], description: 'd' }] };
        const text = standInFunctionText("Mod'ule", hostile);
        expect(text).toContain("[ValidateSet('O''Brien', 'plain')]");
        expect(text).toContain("-Module 'Mod''ule'");
        expect(text).not.toContain('Closes #>');
    });

    it('refuses names that cannot be PowerShell identifiers', () => {
        const bad: CmdletSpec = { name: 'Get-Thing; Remove-Item', synopsis: 's', sources: ['X'], output: 'o', parameters: [] };
        expect(() => standInFunctionText('AzureEFLOW', bad)).toThrow('cannot be used as a PowerShell name');
    });
});

describe('writeStandInModules', () => {
    let dir: string;
    beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'standin-')); });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('writes AzureEFLOW under the module root with the import check first, and the Windows module beside it', () => {
        const paths = writeStandInModules(dir);
        const psm1 = readFileSync(path.join(paths.moduleRoot, 'AzureEFLOW', 'AzureEFLOW.psm1'), 'utf8');
        const importCheck = psm1.indexOf("Invoke-EflowSimulatorCall -Module 'AzureEFLOW' -Command 'Import-Module' " +
            '-BoundParameters @{}');
        expect(importCheck).toBeGreaterThan(0);
        expect(importCheck).toBeLessThan(psm1.indexOf('function '));
        expect((psm1.match(/^function /gm) ?? []).length).toBe(loadAzureEflowSpec().cmdlets.length);
        expect(psm1).toContain("Export-ModuleMember -Function @('Add-EflowNetwork', ");
        const psd1 = readFileSync(path.join(paths.moduleRoot, 'AzureEFLOW', 'AzureEFLOW.psd1'), 'utf8');
        expect(psd1).toContain("RootModule = 'AzureEFLOW.psm1'");
        expect(psd1).toContain("'Verify-EflowVm'");
        const windows = readFileSync(paths.windowsModule, 'utf8');
        expect(windows).not.toContain("-Command 'Import-Module'");
        expect(windows).toContain("Invoke-EflowSimulatorCall -Module 'Windows' -Command 'Get-Service'");
        expect(path.dirname(paths.windowsModule)).not.toBe(paths.moduleRoot);
    });

    it('generates module text whose function count matches the description', () => {
        const text = standInModuleText(loadWindowsSpec(), 'windows.json', false);
        expect((text.match(/^function /gm) ?? []).length).toBe(20);
    });
});
