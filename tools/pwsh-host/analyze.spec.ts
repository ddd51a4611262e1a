/**
 * `ast` mode through analyzeScripts: facts from PowerShell's parser for the static check of the gateway scripts.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { analyzeScripts, CommandFact, ScriptAnalysis } from './analyze';
import { FIXTURES } from './spec-support';

jest.setTimeout(60_000);

const FIXTURE_SCRIPT = path.join(FIXTURES, 'Set-FixtureNetwork.ps1');

describe('analyzeScripts', () => {
    let analysis: ScriptAnalysis;
    let commands: CommandFact[];

    beforeAll(async () => {
        [analysis] = await analyzeScripts([FIXTURE_SCRIPT]);
        commands = analysis.commands;
    });

    it('reads the comment-based help', () => {
        expect(analysis.file).toBe(FIXTURE_SCRIPT);
        expect(analysis.parseErrors).toEqual([]);
        expect(analysis.help).toEqual({
            synopsis: 'Changes the fixture network.',
            description: 'Exercises everything the ast mode reports: help, validated parameters, splatting, invocation operators.',
            role: 'Administrators'
        });
    });

    it('reads the declared parameters with their validation attributes', () => {
        const byName = Object.fromEntries(analysis.parameters.map((p) => [p.name, p]));

        expect(analysis.parameters.map((p) => [p.name, p.type])).toEqual([
            ['SwitchType', 'string'], ['IpAddress', 'string'], ['PrefixLength', 'int'], ['Name', 'string'],
            ['DnsServers', 'string[]'], ['Force', 'switch'], ['Untyped', null]
        ]);
        expect(byName['SwitchType']).toMatchObject({ mandatory: true, validateSet: ['Internal', 'External'] });
        expect(byName['IpAddress']).toMatchObject({ mandatory: false, validatePattern: '^\\d+\\.\\d+\\.\\d+\\.\\d+$', validateSet: null });
        expect(byName['PrefixLength'].validateRange).toEqual([-1, 32]);
        expect(byName['Name']).toMatchObject({ validateLength: [1, 64], validateNotNullOrEmpty: true, validateRange: null });
    });

    it('lists the functions the file defines', () => {
        expect(analysis.functions).toEqual(['Write-FixtureLog']);
    });

    it('resolves the keys of a splatted hashtable built up in the file', () => {
        const [splatted] = commands.filter((c) => c.name === 'Set-EflowVmNetwork');

        expect(splatted.line).toBe(42);
        expect(splatted.splats).toEqual([{
            variable: 'params',
            keys: [
                { name: 'vswitchName', argument: { kind: 'variable', name: 'Name' } },
                { name: 'vswitchType', argument: { kind: 'variable', name: 'SwitchType' } },
                { name: 'ip4Address', argument: { kind: 'variable', name: 'IpAddress' } },
                { name: 'ip4PrefixLength', argument: { kind: 'variable', name: 'PrefixLength' } },
                { name: 'dnsServers', argument: { kind: 'array', items: [{ kind: 'constant', value: '1.1.1.1' }, { kind: 'constant', value: '8.8.8.8' }] } }
            ]
        }]);
        expect(splatted.parameters).toEqual([
            { name: 'Force', argument: null, nextElement: null },
            { name: 'Verbose', argument: { kind: 'constant', value: false }, nextElement: null }
        ]);
    });

    it('gives up on the keys of a hashtable that is also assigned something else', () => {
        const dynamic = commands.filter((c) => c.name === 'Set-EflowVmNetwork')[1];

        expect(dynamic.splats).toEqual([{ variable: 'dynamic', keys: null }]);
    });

    it('tells -Name:value, -Name value and positional arguments apart', () => {
        const getVm = commands.find((c) => c.name === 'Get-EflowVm')!;

        expect(getVm).toMatchObject({ line: 48, column: 1, invocationOperator: null });
        expect(getVm.parameters).toEqual([
            { name: 'Name', argument: { kind: 'variable', name: 'Name' }, nextElement: null },
            { name: 'Count', argument: { kind: 'constant', value: 3 }, nextElement: { kind: 'constant', value: 3 } },
            { name: 'Enabled', argument: { kind: 'constant', value: true }, nextElement: { kind: 'constant', value: true } }
        ]);
        expect(getVm.positional).toEqual([{ kind: 'constant', value: 'positional' }]);
    });

    it('reports invocation operators, computed command names, arrays, negative numbers and expressions', () => {
        const dynamic = commands.find((c) => c.invocationOperator === '&')!;
        const dotted = commands.find((c) => c.invocationOperator === '.')!;
        const vmCommand = commands.find((c) => c.name === 'Invoke-EflowVmCommand')!;

        expect(dynamic).toMatchObject({ name: null, parameters: [{ name: 'Flag', argument: null, nextElement: null }] });
        expect(dotted).toMatchObject({ name: 'Write-FixtureLog', parameters: [{ name: 'Message', argument: { kind: 'expression', text: '"done $Name"' } }] });
        expect(vmCommand.parameters.map((p) => p.argument)).toEqual([
            { kind: 'array', items: [{ kind: 'constant', value: 'a' }, { kind: 'constant', value: 'b' }] },
            { kind: 'constant', value: -5 }
        ]);
    });

    it('reports commands inside functions and sub-expressions, in file order', () => {
        expect(commands.map((c) => c.name)).toEqual([
            'Write-Verbose', 'Set-EflowVmNetwork', 'Get-DynamicSettings', 'Set-EflowVmNetwork', 'Get-EflowVm', null,
            'Write-FixtureLog', 'Invoke-EflowVmCommand'
        ]);
    });

    it('reports parse errors with positions, and a missing file as an error, without running anything', async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'pwsh-ast-'));
        const broken = path.join(folder, 'Broken.ps1');
        const marker = path.join(folder, 'ran.txt');
        writeFileSync(broken, `param([string]$a\n[System.IO.File]::WriteAllText('${marker}', 'ran')\nGet-X -y "unterminated\n`);

        const [brokenAnalysis, missing] = await analyzeScripts([broken, path.join(folder, 'Missing.ps1')]);

        expect(brokenAnalysis.parseErrors).toEqual([
            { message: 'Missing \')\' in function parameter list.', line: 1, column: 17 },
            { message: 'The string is missing the terminator: ".', line: 3, column: 10 }
        ]);
        expect(brokenAnalysis.help).toBeNull();
        expect(missing.parseErrors).toEqual([{ message: expect.stringContaining('File not found'), line: 0, column: 0 }]);
        expect(existsSync(marker)).toBe(false);
    });
});
