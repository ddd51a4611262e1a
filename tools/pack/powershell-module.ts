/**
 * The extension's PowerShell module (`ux/powershell-module/EflowManager/`): every gateway script, composed with its
 * shared functions, as a function of one module. WAC uses it on JEA endpoints, where the gateway calls
 * `module\command` instead of sending script text; the function names are the scripts' names, which is also what
 * the SDK sends as `command`.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { composeScript } from '../script-compose/compose';

export interface PowerShellModuleFiles {
    psm1: string;
    psd1: string;
    functions: string[];
}

/** Builds the module text from script paths; `moduleName` and `version` go into the manifest. */
export function buildPowerShellModule(scriptPaths: string[], moduleName: string, version: string): PowerShellModuleFiles {
    const functions: string[] = [];
    const bodies: string[] = [];
    for (const scriptPath of [...scriptPaths].sort()) {
        const name = path.basename(scriptPath, '.ps1');
        if (functions.includes(name)) {
            throw new Error(`Two scripts are named ${name}: module functions must be unique.`);
        }
        functions.push(name);
        const body = composeScript(readFileSync(scriptPath, 'utf8')).replace(/\r\n/g, '\n').trimEnd();
        bodies.push(`function ${name} {\n${body}\n}\n`);
    }
    const psm1 = `# ${moduleName} ${version}: generated from src/resources/scripts by tools/pack; do not edit.\n\n` +
        bodies.join('\n') + `\nExport-ModuleMember -Function ${functions.map(quote).join(', ')}\n`;
    const psd1 = [
        '@{',
        `    RootModule = '${moduleName}.psm1'`,
        `    ModuleVersion = '${version}'`,
        `    GUID = '6f1e8a9c-2f4b-4b8e-9d3a-5c7e1b2a4d60'`,
        `    Author = 'EFLOW Manager'`,
        `    Description = 'Gateway scripts of the IoT Edge for Linux on Windows extension for Windows Admin Center.'`,
        `    PowerShellVersion = '5.1'`,
        `    FunctionsToExport = @(${functions.map(quote).join(', ')})`,
        '    CmdletsToExport = @()',
        '    VariablesToExport = @()',
        '    AliasesToExport = @()',
        '}',
        ''
    ].join('\n');
    return { psm1, psd1, functions };
}

function quote(text: string): string {
    return `'${text.replace(/'/g, "''")}'`;
}
