/**
 * PwshHost runs: parameter binding and validation of scriptPath runs, the SDK's inline scripts with hostile
 * values, stream ordering, terminating errors and output serialization.
 */
import * as path from 'path';
import { PwshHost } from './client';
import type { JsonValue } from './protocol';
import { FIXTURES, HOST_START_TIMEOUT_MS, noStandInCalls, sdkScript } from './spec-support';

jest.setTimeout(60_000);

const SHOW_PARAMETERS = path.join(FIXTURES, 'Show-BoundParameters.ps1');

describe('PwshHost runs', () => {
    let host: PwshHost;

    beforeAll(async () => {
        host = await PwshHost.start({ runspaces: 2 });
    }, HOST_START_TIMEOUT_MS);

    afterAll(() => host.stop());

    const runInline = (script: string) => host.run({ host: 'host-a', script }, noStandInCalls()).done;

    it('says which engine it runs and how many runs it executes at once', () => {
        expect(host.psVersion).toMatch(/^7\.6\.\d+$/);
        expect(host.runspaces).toBe(2);
    });

    it('fails a run it cannot start, saying why, and reports the protocol error', async () => {
        const protocolErrors: string[] = [];
        const unsubscribe = host.onProtocolError((message) => protocolErrors.push(message));
        const result = await host.run({ host: 'host-a', script: '1', scriptPath: SHOW_PARAMETERS }, noStandInCalls()).done;
        unsubscribe();

        expect(result.state).toBe('Failed');
        expect(result.errors).toEqual([expect.objectContaining({
            message: 'A run message takes script or scriptPath, not both.', fullyQualifiedErrorId: 'InvalidRunRequest', terminating: true
        })]);
        expect(protocolErrors).toEqual(['A run message takes script or scriptPath, not both.']);
    });

    describe('scriptPath runs', () => {
        it('binds JSON parameters as real, typed parameters', async () => {
            const result = await host.run({
                host: 'host-a',
                scriptPath: SHOW_PARAMETERS,
                parameters: {
                    Kind: 'Beta', Count: 3, Big: 5_000_000_000, Ratio: 0.25, Tags: ['a', 'b'],
                    Options: { nested: { deep: [1, 'two'] }, B: 2 }, Force: true, Enabled: true
                }
            }, noStandInCalls()).done;

            expect(result.state).toBe('Completed');
            expect(result.outputs).toEqual([{
                kind: 'Beta', count: 3, countType: 'Int32', big: 5_000_000_000, ratio: 0.25, tags: ['a', 'b'],
                tagsType: 'String[]', optionKeys: ['B', 'nested'], nested: { deep: [1, 'two'] }, force: true, enabled: true
            }]);
        });

        it('fails with PowerShell\'s own message when a ValidateSet rejects a value', async () => {
            const result = await host.run({ host: 'host-a', scriptPath: SHOW_PARAMETERS, parameters: { Kind: 'Gamma' } },
                noStandInCalls()).done;

            expect(result.state).toBe('Failed');
            expect(result.errors).toHaveLength(1);
            expect(result.errors[0]).toMatchObject({
                terminating: true,
                category: 'InvalidData',
                message: expect.stringContaining(
                    'Cannot validate argument on parameter \'Kind\'. The argument "Gamma" does not belong to the set "Alpha,Beta"'),
                fullyQualifiedErrorId: expect.stringMatching(/^ParameterArgumentValidationError,/)
            });
        });

        it('fails when a ValidateRange rejects a value', async () => {
            const result = await host.run({ host: 'host-a', scriptPath: SHOW_PARAMETERS, parameters: { Kind: 'Alpha', Count: 11 } },
                noStandInCalls()).done;

            expect(result.state).toBe('Failed');
            expect(result.errors[0].message).toContain('Cannot validate argument on parameter \'Count\'. The 11 argument is greater than the maximum allowed range of 10');
        });

        it('fails when a mandatory parameter is missing (there is nobody to prompt)', async () => {
            const result = await host.run({ host: 'host-a', scriptPath: SHOW_PARAMETERS, parameters: {} }, noStandInCalls()).done;

            expect(result.state).toBe('Failed');
            expect(result.errors[0].message).toMatch(/Kind/);
        });

        it('binds a value that looks like code as plain text', async () => {
            const handlers = noStandInCalls();
            const tag = '$(Invoke-EflowSimulatorCall -Module X -Command Pwned); `"';
            const result = await host.run({ host: 'host-a', scriptPath: SHOW_PARAMETERS, parameters: { Kind: 'Alpha', Tags: [tag] } },
                handlers).done;

            expect(result.outputs[0]).toMatchObject({ tags: [tag] });
            expect(handlers.calls).toEqual([]);
        });
    });

    describe('inline scripts as the WAC SDK sends them', () => {
        const echoName = 'param([string]$Name) [pscustomobject]@{ name = $Name; length = $Name.Length }\n';
        const hostileValues: { [label: string]: string } = {
            'quotes': `it's "quoted" ''twice''`,
            'a statement separator': 'a; Invoke-EflowSimulatorCall -Module X -Command Pwned',
            'a subexpression': '$(Invoke-EflowSimulatorCall -Module X -Command Pwned)',
            'backticks and variables': '`n `$x $env:PATH `"',
            'new lines': 'line1\nline2\r\nline3\ttabbed',
            'the stop-parsing token': '--% & Invoke-EflowSimulatorCall -Module X -Command Pwned',
            'a closing quote and paren': '\')); Invoke-EflowSimulatorCall -Module X -Command Pwned; ((\'',
            'ten thousand characters': 'x\'$;'.repeat(2500),
            'non-ASCII text': 'Ünïcödé 中文 русский 🚀 \u00a0nbsp \u200bzero-width'
        };

        it.each(Object.entries(hostileValues))('passes %s through literally and runs nothing', async (_label, value) => {
            const handlers = noStandInCalls();
            const result = await host.run({ host: 'host-a', script: sdkScript(echoName, { Name: value }) }, handlers).done;

            expect(result.state).toBe('Completed');
            expect(result.errors).toEqual([]);
            expect(result.outputs).toEqual([{ name: value, length: value.length }]);
            expect(handlers.calls).toEqual([]);
        });

        it('converts non-string parameters and flags as the SDK intends', async () => {
            const body = 'param([int]$Count, [string[]]$Names, [pscustomobject]$Settings, [switch]$Force, $Nothing)\n' +
                '[pscustomobject]@{ count = $Count; names = $Names; port = $Settings.port; force = [bool]$Force; nothing = $null -eq $Nothing }\n';
            const script = sdkScript(body, { Count: 7, Names: ['a', 'b'], Settings: { port: 443 }, Nothing: null }, ['Force']);

            const result = await runInline(script);

            expect(result.errors).toEqual([]);
            expect(result.outputs).toEqual([{ count: 7, names: ['a', 'b'], port: 443, force: true, nothing: true }]);
        });

        it('passes an object parameter as a PSCustomObject, which a [hashtable] parameter refuses (as on a real gateway)', async () => {
            const result = await runInline(sdkScript('param([hashtable]$Settings) $Settings\n', { Settings: { port: 443 } }));

            expect(result.outputs).toEqual([]);
            expect(result.errors[0].message).toContain('Cannot process argument transformation on parameter \'Settings\'');
        });

        it('treats U+2019 as a quote, as PowerShell does: the SDK\'s quoting does not escape it', async () => {
            // Documents a hazard for src/app/core/gateway: PowerShell's tokenizer ends a single-quoted string at a
            // typographic quote (U+2018-U+201B), and the SDK doubles only ASCII quotes. Such values must be refused
            // before they reach the SDK.
            const result = await runInline(sdkScript(echoName, { Name: 'it\u2019s' }));

            expect(result.state).toBe('Failed');
            expect(result.errors[0].message).toContain('The string is missing the terminator');
        });
    });

    describe('streams', () => {
        it('reports output, errors, progress and stream records in the order the script writes them', async () => {
            const events: string[] = [];
            const result = await host.run({
                host: 'host-a',
                script: [
                    '\'first\'',
                    'Write-Warning \'careful\'',
                    'Write-Progress -Activity \'Copying\' -Status \'Half\' -PercentComplete 50',
                    'Write-Error \'soft failure\'',
                    '\'second\'',
                    'Write-Host \'to the host\'',
                    'Write-Information \'info\'',
                    'Write-Verbose \'details\' -Verbose',
                    'Write-Debug \'debugging\' -Debug',
                    'Write-Progress -Activity \'Copying\' -Completed',
                    '\'third\''
                ].join('\n')
            }, {
                ...noStandInCalls(),
                onOutput: (item) => events.push(`output:${String(item)}`),
                onError: (record) => events.push(`error:${record.message}`),
                onProgress: (record) => events.push(`progress:${record.activity}:${record.recordType}:${record.percentComplete}`),
                onStream: (record) => events.push(`${record.stream}:${record.message}`)
            }).done;

            expect(events).toEqual([
                'output:first',
                'warning:careful',
                'progress:Copying:Processing:50',
                'error:soft failure',
                'output:second',
                'information:to the host',
                'information:info',
                'verbose:details',
                'debug:debugging',
                'progress:Copying:Completed:-1',
                'output:third'
            ]);
            expect(result.state).toBe('Completed');
            expect(result.errors[0]).toMatchObject({
                terminating: false,
                fullyQualifiedErrorId: 'Microsoft.PowerShell.Commands.WriteErrorException',
                exceptionType: 'Microsoft.PowerShell.Commands.WriteErrorException'
            });
        });

        it('ends with the terminating error last and state Failed', async () => {
            const result = await runInline('\'before\'\nWrite-Error \'first problem\'\nthrow \'boom\'\n\'after\'');

            expect(result.state).toBe('Failed');
            expect(result.outputs).toEqual(['before']);
            expect(result.errors.map((e) => [e.message, e.terminating])).toEqual([['first problem', false], ['boom', true]]);
            expect(result.errors[1].scriptStackTrace).toContain('line 3');
        });

        it('makes Write-Error terminating under $ErrorActionPreference = Stop', async () => {
            const result = await runInline('$ErrorActionPreference = \'Stop\'\nWrite-Error \'stop here\' -ErrorId Custom -Category InvalidData\n\'after\'');

            expect(result.state).toBe('Failed');
            expect(result.outputs).toEqual([]);
            expect(result.errors).toEqual([expect.objectContaining({
                message: 'stop here', terminating: true, category: 'InvalidData', fullyQualifiedErrorId: 'Custom'
            })]);
        });
    });

    describe('output serialization', () => {
        it('writes values as the gateway reports them', async () => {
            const result = await runInline([
                '$when = [datetime]::new(2024, 5, 6, 7, 8, 9, [DateTimeKind]::Utc)',
                '[pscustomobject]@{ z = 1; a = \'text\'; flag = $true; letter = [char]\'q\'; big = [long]9007199254740991;',
                '  real = 1.5; nan = [double]::NaN; when = $when; offset = [datetimeoffset]::new($when);',
                '  kind = [DayOfWeek]::Friday; id = [guid]\'0f8fad5b-d9cb-469f-a165-70867728950e\'; version = [version]\'1.4.2\';',
                '  span = [timespan]::FromMinutes(90); uri = [uri]\'https://example.test/x\'; nothing = $null;',
                '  list = @(1, \'two\', @(3)); table = @{ inner = @{ k = \'v\' } } }',
                '$null',
                '@(1, 2)'
            ].join('\n'));

            expect(result.errors).toEqual([]);
            expect(result.outputs).toEqual([
                {
                    z: 1, a: 'text', flag: true, letter: 'q', big: 9007199254740991, real: 1.5, nan: null,
                    when: '2024-05-06T07:08:09.0000000Z', offset: '2024-05-06T07:08:09.0000000+00:00', kind: 'Friday',
                    id: '0f8fad5b-d9cb-469f-a165-70867728950e', version: '1.4.2', span: '01:30:00',
                    uri: 'https://example.test/x', nothing: null, list: [1, 'two', [3]], table: { inner: { k: 'v' } }
                },
                null,
                1,
                2
            ]);
        });

        it('writes a .NET object by its public properties', async () => {
            const result = await runInline('[System.Collections.Generic.KeyValuePair[string,int]]::new(\'answer\', 42)');

            expect(result.outputs).toEqual([{ Key: 'answer', Value: 42 }]);
        });

        it('cuts containers deeper than 6 levels to their string form and survives cycles', async () => {
            const result = await runInline([
                '$deep = @{ n = @{ n = @{ n = @{ n = @{ n = @{ n = @{ n = @{ n = 1 } } } } } } } }',
                '$deep',
                '$cycle = @{ name = \'loop\' }',
                '$cycle.self = $cycle',
                '$cycle'
            ].join('\n'));

            let level: JsonValue = result.outputs[0];
            for (let depth = 0; depth < 7; depth++) {
                level = (level as { [key: string]: JsonValue })['n'];
            }
            expect(level).toBe('System.Collections.Hashtable');
            expect(result.outputs[1]).toEqual({ name: 'loop', self: 'System.Collections.Hashtable' });
        });
    });
});
