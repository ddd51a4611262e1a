/**
 * The deploy scripts and the deploy domain describe the same things twice (patterns, progress activities, error
 * codes, download links): this keeps the two copies equal, and the scripts within the house rules that a parser
 * can check (ASCII only, help, approved verbs, Windows PowerShell 5.1 syntax).
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { DEPLOY_ERROR_CODES } from '../../../src/app/deploy/domain/deploy-error-codes';
import { DEPLOY_STEPS } from '../../../src/app/deploy/domain/deploy-steps';
import { listEflowProducts } from '../../../src/app/deploy/domain/product-catalog';
import * as patterns from '../../../src/app/deploy/domain/script-patterns';
import { analyzeScripts, type ScriptAnalysis } from '../../../tools/pwsh-host/analyze';
import { DEPLOY_SCRIPT_FOLDER, HOST_START_TIMEOUT_MS } from './deploy-harness';

const scriptFiles = readdirSync(DEPLOY_SCRIPT_FOLDER).filter(f => f.endsWith('.ps1')).sort();
const textOf = (file: string): string => readFileSync(path.join(DEPLOY_SCRIPT_FOLDER, file), 'utf8');

/** A domain pattern as the scripts write it: `\z` instead of `$` at the end (see script-patterns.ts). */
function asPowerShell(pattern: RegExp): string {
    return pattern.source.replace(/\$$/, '\\z').replace(/\{1,253\}\$\)/, '{1,253}\\z)');
}

let analyses: ScriptAnalysis[] = [];
beforeAll(async () => {
    analyses = await analyzeScripts(scriptFiles.map(f => path.join(DEPLOY_SCRIPT_FOLDER, f)));
}, HOST_START_TIMEOUT_MS);

function parameterPatterns(script: string): Map<string, string | null> {
    const analysis = analyses.find(a => a.file.endsWith(`${script}.ps1`));
    if (!analysis) {
        throw new Error(`${script}.ps1 was not analysed`);
    }
    return new Map(analysis.parameters.map(p => [p.name, p.validatePattern]));
}

describe('deploy scripts and domain agree', () => {
    it('validate the same formats', () => {
        const expectations: [string, string, RegExp][] = [
            ['New-EflowVirtualMachine', 'Ip4Address', patterns.IPV4_PATTERN],
            ['New-EflowVirtualMachine', 'VswitchName', patterns.OBJECT_NAME_PATTERN],
            ['New-EflowVirtualMachine', 'GpuName', patterns.OBJECT_NAME_PATTERN],
            ['New-EflowVirtualSwitch', 'AdapterName', patterns.OBJECT_NAME_PATTERN],
            ['New-EflowVirtualSwitch', 'GatewayAddress', patterns.IPV4_PATTERN],
            ['Set-EflowVmConfiguration', 'DnsServers', patterns.IPV4_PATTERN],
            ['Install-EflowProduct', 'MsiPath', patterns.MSI_PATH_PATTERN],
            ['Install-EflowProduct', 'InstallPath', patterns.LOCAL_DIRECTORY_PATTERN],
            ['Get-EflowDeploymentState', 'VhdxPath', patterns.LOCAL_DIRECTORY_PATTERN],
            ['Set-EflowVmProvisioning', 'IotHubHostname', patterns.HOST_NAME_PATTERN],
            ['Set-EflowVmProvisioning', 'DeviceId', patterns.DEVICE_ID_PATTERN],
            ['Set-EflowVmProvisioning', 'ScopeId', patterns.SCOPE_ID_PATTERN],
            ['Set-EflowVmProvisioning', 'RegistrationId', patterns.REGISTRATION_ID_PATTERN],
            ['Set-EflowVmProvisioning', 'IdentityCertPath', patterns.HOST_FILE_PATH_PATTERN],
            ['Set-EflowVmProvisioning', 'GlobalEndpoint', patterns.GLOBAL_ENDPOINT_PATTERN],
            ['Test-EflowDeploymentInput', 'Path', patterns.HOST_FILE_PATH_PATTERN]
        ];
        for (const [script, parameter, pattern] of expectations) {
            expect({ script, parameter, pattern: parameterPatterns(script).get(parameter) })
                .toEqual({ script, parameter, pattern: asPowerShell(pattern) });
        }
    });

    it('checks secrets in the body with the domain\'s base64 pattern (a ValidatePattern would echo the secret)', () => {
        expect(parameterPatterns('Set-EflowVmProvisioning').get('DevConnString')).toBeNull();
        expect(parameterPatterns('Set-EflowVmProvisioning').get('SymmKey')).toBeNull();
        const text = textOf('Set-EflowVmProvisioning.ps1');
        expect(text).toContain(`$base64Pattern = '${asPowerShell(patterns.BASE64_PATTERN)}'`);
        // The connection string's own fields are checked with the same patterns as the separate parameters.
        expect(text).toContain(`$hostNamePattern = '${asPowerShell(patterns.HOST_NAME_PATTERN)}'`);
        expect(text).toContain(`$deviceIdPattern = '${asPowerShell(patterns.DEVICE_ID_PATTERN).replace(/'/g, "''")}'`);
    });

    it('report progress under the activities the deploy steps expect', () => {
        const all = scriptFiles.map(textOf).join('\n');
        for (const step of Object.values(DEPLOY_STEPS)) {
            expect({ step: step.id, found: all.includes(`'${step.progressActivity}'`) }).toEqual({ step: step.id, found: true });
        }
    });

    it('throw only error codes the domain can explain', () => {
        const thrown = new Set(scriptFiles.flatMap(f => [...textOf(f).matchAll(/["']\[([A-Z][A-Za-z]+)\] /g)].map(m => m[1])));
        const unexplained = [...thrown].filter(code => !(code in DEPLOY_ERROR_CODES));
        expect(unexplained).toEqual([]);
        expect(thrown.size).toBeGreaterThan(40);
    });

    it('download from the same links as the product catalog', () => {
        const text = textOf('Install-EflowProduct.ps1');
        for (const product of listEflowProducts()) {
            expect(text).toContain(`'${product.channel}-${product.architecture}' = '${product.downloadUrl}'`);
        }
    });
});

describe('deploy scripts follow the house rules', () => {
    it('are ASCII only (Windows PowerShell 5.1 reads BOM-less files as the ANSI code page)', () => {
        for (const file of scriptFiles) {
            expect({ file, nonAscii: /[^\x00-\x7F]/.test(textOf(file)) }).toEqual({ file, nonAscii: false });
        }
    });

    it('parse, carry help with a role, and use approved verbs', () => {
        const approved = ['Get', 'New', 'Install', 'Set', 'Enable', 'Test', 'Start', 'Stop', 'Restart', 'Invoke', 'Remove', 'Add'];
        for (const analysis of analyses) {
            const name = path.basename(analysis.file, '.ps1');
            expect({ name, parseErrors: analysis.parseErrors }).toEqual({ name, parseErrors: [] });
            expect(approved).toContain(name.split('-')[0]);
            expect(['Readers', 'Administrators']).toContain(analysis.help?.role?.trim());
        }
    });

    it('avoid the cmdlets WAC\'s JEA endpoints proxy, which gulp-ps-code flags unless module-qualified', () => {
        // The same test gulp-ps-code applies to every non-comment line.
        const proxied = /[^A-Z\\]+(select-object|select|get-formatdata|measure-object|measure|help|get-help|out-default)[^A-Z\\]+/i;
        for (const file of scriptFiles) {
            const flagged = textOf(file).split('\n').map(line => line.trim()).filter(line => line && !line.startsWith('#') && proxied.test(' ' + line));
            expect({ file, flagged }).toEqual({ file, flagged: [] });
        }
    });

    it('avoid syntax Windows PowerShell 5.1 lacks (?? ?. ternaries, pipeline chains, clean blocks)', () => {
        for (const file of scriptFiles) {
            const code = textOf(file).split('\n').filter(line => !line.trim().startsWith('#')).join('\n');
            expect({ file, found: code.match(/\?\?|\?\.|\s&&\s|\s\|\|\s|\bclean\s*\{|\s\?\s[^:]+\s:\s/g) }).toEqual({ file, found: null });
        }
    });
});
