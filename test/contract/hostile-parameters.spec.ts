/**
 * Parameter values the user typed reach the script literally, through the SDK's own client and the gateway
 * emulator into real PowerShell: the product's command builder (createScriptCommand) against the SDK's own
 * createCommand, which lets a typographic quote end the string and run code.
 */
import { firstValueFrom } from 'rxjs';
import { PowerShell } from '@microsoft/windows-admin-center-sdk/core/data/powershell';
import { createScriptCommand } from '../../src/app/core/gateway/script-command';
import { useEmulatorClient } from './harness/emulator-client';

interface RunData {
    completed: string;
    results: unknown[];
    errors: { message: string }[];
}

/** Echoes its parameters back, and reports whether anything else ran. */
const ECHO = {
    command: 'Get-Echo',
    script: 'param([string]$Text, [string[]]$List)\n[pscustomobject]@{ text = $Text; list = @($List); pwned = [bool]$global:pwned }\n'
};

const HOSTILE = [
    "it's", 'a"b', 'semi; Get-Date', '$(throw "ran")', '`n backtick', 'line1\nline2\r\nline3', '--% stop parsing',
    'x'.repeat(20_000), 'Ünïcödé ✓ 東京', '\u2019); $global:pwned = $true; (\'', '\u2018\u201A\u201B mixed \u2019\'',
    '\u2019) ; Write-Output INJECTED ; (\u2019',
    '@{a=1}', '${env:PATH}', '#> <#', "''"
];

describe('parameter values through the SDK client, the gateway and PowerShell', () => {
    const context = useEmulatorClient();

    async function run(command: ReturnType<typeof createScriptCommand>): Promise<RunData> {
        const session = context.client.powerShell.createSession(context.node, 'hostile-parameters');
        try {
            return await firstValueFrom(context.client.powerShell.run(session, command)) as RunData;
        } finally {
            session.dispose();
        }
    }

    it.each(HOSTILE.map(value => [value.length > 60 ? `${value.slice(0, 20)}... (${value.length} chars)` : value, value]))(
        'arrives literally and runs nothing: %s', async (_label, value) => {
            const data = await run(createScriptCommand(ECHO, { Text: value, List: [value, 'second'] }));
            expect(data.errors).toEqual([]);
            expect(data.results).toEqual([{ text: value, list: [value, 'second'], pwned: false }]);
        }, 60_000);

    it('is needed: the SDK\'s own createCommand lets a typographic quote end the string and run code', async () => {
        // The value closes the string with U+2019, runs a command, and reopens a string so the script still parses.
        const value = '\u2019) ; Write-Output INJECTED ; (\u2019';
        const data = await run(PowerShell.createCommand(ECHO, { Text: value }));
        expect(data.results).toContain('INJECTED');
        const safe = await run(createScriptCommand(ECHO, { Text: value }));
        expect(safe.results).toEqual([{ text: value, list: [null], pwned: false }]);
    }, 60_000);
});
