import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { composeScript, FUNCTIONS_DIR, includedFunctions } from './compose';

describe('composeScript', () => {
    let dir: string;

    beforeEach(() => {
        dir = mkdtempSync(path.join(tmpdir(), 'compose-spec-'));
        writeFileSync(path.join(dir, 'Get-Thing.ps1'), '# shared\nfunction Get-Thing {\n    \'thing\'\n}\n\n');
    });

    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const include = (name: string) => `. "$PSScriptRoot\\..\\..\\script-functions\\${name}.ps1"`;

    it('replaces each include line with the function file and leaves everything else alone', () => {
        const script = `param ()\n${include('Get-Thing')}\nGet-Thing\n`;
        expect(composeScript(script, dir)).toBe("param ()\n# shared\nfunction Get-Thing {\n    'thing'\n}\nGet-Thing\n");
    });

    it('keeps CRLF scripts CRLF', () => {
        expect(composeScript(`param ()\r\n${include('Get-Thing')}\r\nGet-Thing\r\n`, dir))
            .toBe("param ()\r\n# shared\r\nfunction Get-Thing {\r\n    'thing'\r\n}\r\nGet-Thing\r\n");
    });

    it('names a missing function file', () => {
        expect(() => composeScript(include('Get-Missing'), dir)).toThrow(/includes Get-Missing, but .*Get-Missing\.ps1 does not exist/);
    });

    it('refuses a function file that defines something else or includes another', () => {
        writeFileSync(path.join(dir, 'Get-Other.ps1'), 'function Get-Thing { }\n');
        expect(() => composeScript(include('Get-Other'), dir)).toThrow(/must define the function Get-Other/);
        writeFileSync(path.join(dir, 'Get-Nested.ps1'), `${include('Get-Thing')}\nfunction Get-Nested { }\n`);
        expect(() => composeScript(include('Get-Nested'), dir)).toThrow(/must not include each other/);
    });

    it('does not treat other dot-sourcing or a mention in a comment as an include', () => {
        const script = `# ${include('Get-Thing')} is how to include\n. "$PSScriptRoot\\other.ps1"\n`;
        expect(composeScript(script, dir)).toBe(script);
        expect(includedFunctions(script)).toEqual([]);
    });

    it('lists the includes of a script and finds the project\'s function folder', () => {
        expect(includedFunctions(`${include('Get-Thing')}\n${include('Add-ReadError')}\n`)).toEqual(['Get-Thing', 'Add-ReadError']);
        expect(FUNCTIONS_DIR.replace(/\\/g, '/')).toMatch(/src\/resources\/script-functions$/);
    });
});
