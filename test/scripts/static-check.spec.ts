/**
 * The static check over every gateway script in src/resources/scripts: documented AzureEFLOW and Windows cmdlets,
 * parameter names and accepted values, help blocks and roles, validated parameters, nothing that runs text as
 * code, and only commands that exist (a script that runs here calls nothing the stand-ins do not describe).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadAllSpecs } from '../../tools/eflow-spec/load';
import { composeScript } from '../../tools/script-compose/compose';
import { analyzeScripts } from '../../tools/pwsh-host/analyze';
import { checkScript, type Finding } from '../../tools/script-check/check-script';
import { allScripts, startScriptHarness, type ScriptHarness } from './harness';

let harness: ScriptHarness;
let builtInCommands: Set<string>;
let composedDir: string;

/**
 * Writes each script as the build sends it to a host (shared functions inlined) under the same file name, so the
 * check reads exactly what runs; returns the composed paths in the order given.
 */
function composeAll(scripts: string[]): string[] {
    return scripts.map(script => {
        const composed = path.join(composedDir, path.basename(script));
        writeFileSync(composed, composeScript(readFileSync(script, 'utf8')));
        return composed;
    });
}

beforeAll(async () => {
    composedDir = mkdtempSync(path.join(tmpdir(), 'eflow-composed-scripts-'));
    harness = await startScriptHarness();
    // Ask the PowerShell host which commands exist besides the stand-ins (core and compat cmdlets).
    const listing = await harness.runInline(
        "Get-Command -CommandType Cmdlet, Function | Where-Object { $_.ModuleName -notin @('AzureEFLOW', 'EflowWindowsStandIn') } | ForEach-Object { $_.Name }");
    builtInCommands = new Set(listing.outputs.map(name => String(name).toLowerCase()));
});

afterAll(async () => {
    await harness.close();
    rmSync(composedDir, { recursive: true, force: true });
});

describe('static check of src/resources/scripts', () => {
    const scripts = allScripts();

    it('finds the gateway scripts and the host commands it checks against', () => {
        expect(scripts.map(s => path.basename(s))).toContain('Get-EflowHostOverview.ps1');
        expect(builtInCommands.has('foreach-object')).toBe(true);
        expect(builtInCommands.has('convertfrom-json')).toBe(true);
        // Stand-ins are checked against their spec, not counted as built in.
        expect(builtInCommands.has('get-eflowvm')).toBe(false);
        expect(builtInCommands.has('invoke-expression')).toBe(false);
    });

    it('reports no finding for any script', async () => {
        const analyses = await analyzeScripts(composeAll(scripts));
        const context = { modules: loadAllSpecs(), builtInCommands };
        const findings: Finding[] = analyses.flatMap(analysis => checkScript(analysis, context));
        // Lines are those of the composed script (shared functions inlined).
        const readable = findings.map(f => `${path.basename(f.file)}:${f.line} [${f.rule}] ${f.message}`);
        expect(readable).toEqual([]);
    });

    it('catches a wrong AzureEFLOW parameter name and a value outside the accepted set in a real parse', async () => {
        const [analysis] = await analyzeScripts([path.join(__dirname, 'fixtures', 'Set-BadExample.ps1')]);
        if (!analysis) throw new Error('no analysis');
        const findings = checkScript(analysis, { modules: loadAllSpecs(), builtInCommands });
        expect(findings.map(f => f.rule).sort()).toEqual(['accepted-values', 'forbidden', 'param-validation', 'readers-change',
            'readers-vm-command', 'unknown-parameter', 'vm-command-injection']);
    });

    it('keeps a Readers script from restarting IoT Edge, rebooting the VM or writing the log bundle, in a real parse', async () => {
        const [analysis] = await analyzeScripts([path.join(__dirname, 'fixtures', 'Get-ReaderThatWrites.ps1')]);
        if (!analysis) throw new Error('no analysis');
        const findings = checkScript(analysis, { modules: loadAllSpecs(), builtInCommands });
        expect(findings.map(f => [f.line, f.rule])).toEqual([
            [14, 'readers-vm-command'], [15, 'readers-vm-command'], [16, 'readers-change']
        ]);
    });
});
