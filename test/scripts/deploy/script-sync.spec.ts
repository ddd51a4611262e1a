/**
 * The deploy scripts and the deploy domain describe the same things twice (patterns, progress activities, error
 * codes, download links): this keeps the two copies equal, and the scripts within the house rules that a parser
 * can check (ASCII only, help, approved verbs, Windows PowerShell 5.1 syntax).
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { DEPLOY_ERROR_CODES } from '../../../src/app/deploy/domain/deploy-error-codes';
import { deviceConnectionStringProblem } from '../../../src/app/deploy/domain/device-connection-string';
import { validateHostFilePath, validateInstallFolder, validateMsiPath } from '../../../src/app/deploy/domain/host-path-rules';
import { validateGlobalEndpoint } from '../../../src/app/deploy/domain/provisioning-rules';
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

/** Every script parameter with a ValidateLength, as `Script.Parameter` -> [min, max]. */
function lengthBounds(): Map<string, [number, number]> {
    return new Map(analyses.flatMap(a => a.parameters.flatMap(p =>
        p.validateLength ? [[`${path.basename(a.file, '.ps1')}.${p.name}`, p.validateLength] as [string, [number, number]]] : [])));
}

/** The same domain pattern and bounds for several script parameters. */
const LENGTH_RULES: [string[], patterns.LengthBounds][] = [
    [['Set-EflowVmProvisioning.IdentityCertPath', 'Set-EflowVmProvisioning.IdentityPrivKeyPath', 'Test-EflowDeploymentInput.Path'], patterns.HOST_FILE_PATH_LENGTH],
    [['Install-EflowProduct.MsiPath', 'Test-EflowDeploymentInput.MsiPath'], patterns.MSI_PATH_LENGTH],
    [['Install-EflowProduct.InstallPath', 'Install-EflowProduct.VhdxPath', 'Get-EflowDeploymentState.VhdxPath', 'New-EflowVirtualMachine.VhdxPath',
        'Remove-EflowInstallation.VhdxPath'],
        patterns.LOCAL_DIRECTORY_LENGTH],
    [['Set-EflowVmProvisioning.GlobalEndpoint'], patterns.GLOBAL_ENDPOINT_LENGTH],
    [['Set-EflowVmProvisioning.IotHubHostname'], patterns.HOST_NAME_LENGTH],
    [['New-EflowVirtualMachine.VswitchName', 'New-EflowVirtualMachine.GpuName', 'New-EflowVirtualSwitch.SwitchName', 'New-EflowVirtualSwitch.AdapterName'],
        patterns.OBJECT_NAME_LENGTH],
    [['Set-EflowVmProvisioning.DevConnString'], patterns.DEVICE_CONNECTION_STRING_LENGTH],
    [['Set-EflowVmProvisioning.SymmKey'], patterns.SYMMETRIC_KEY_LENGTH]
];

/** A DNS name of exactly `length` characters (labels of up to 63). */
function hostNameOf(length: number): string {
    const labels: string[] = [];
    let left = length;
    while (left > 64) {
        labels.push('a'.repeat(63));
        left -= 64;
    }
    return [...labels, 'b'.repeat(left)].join('.');
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
            ['New-EflowVirtualMachine', 'VhdxPath', patterns.LOCAL_DIRECTORY_PATTERN],
            ['Remove-EflowInstallation', 'VhdxPath', patterns.LOCAL_DIRECTORY_PATTERN],
            ['New-EflowVirtualSwitch', 'VmAddress', patterns.IPV4_PATTERN],
            ['Install-EflowProduct', 'VhdxPath', patterns.LOCAL_DIRECTORY_PATTERN],
            ['Set-EflowVmProvisioning', 'IdentityPrivKeyPath', patterns.HOST_FILE_PATH_PATTERN],
            ['Set-EflowVmProvisioning', 'IotHubHostname', patterns.HOST_NAME_PATTERN],
            ['Set-EflowVmProvisioning', 'DeviceId', patterns.DEVICE_ID_PATTERN],
            ['Set-EflowVmProvisioning', 'ScopeId', patterns.SCOPE_ID_PATTERN],
            ['Set-EflowVmProvisioning', 'RegistrationId', patterns.REGISTRATION_ID_PATTERN],
            ['Set-EflowVmProvisioning', 'IdentityCertPath', patterns.HOST_FILE_PATH_PATTERN],
            ['Set-EflowVmProvisioning', 'GlobalEndpoint', patterns.GLOBAL_ENDPOINT_PATTERN],
            ['Test-EflowDeploymentInput', 'Path', patterns.HOST_FILE_PATH_PATTERN],
            ['Test-EflowDeploymentInput', 'MsiPath', patterns.MSI_PATH_PATTERN]
        ];
        for (const [script, parameter, pattern] of expectations) {
            expect({ script, parameter, pattern: parameterPatterns(script).get(parameter) })
                .toEqual({ script, parameter, pattern: asPowerShell(pattern) });
        }
    });

    it('bound the same lengths: every ValidateLength equals the domain\'s bounds', () => {
        const expected = new Map(LENGTH_RULES.flatMap(([names, bounds]) => names.map(name => [name, [bounds.min, bounds.max]] as [string, [number, number]])));
        // Listed completely, so a new bounded parameter has to be given its domain bounds here.
        expect([...lengthBounds().keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [name, bounds] of lengthBounds()) {
            expect({ name, bounds }).toEqual({ name, bounds: expected.get(name) });
        }
    });

    it('and the wizard accepts exactly those lengths: the shortest value its pattern allows, up to the maximum', () => {
        // The minimum is the shortest text the pattern accepts, so the script never refuses a value the wizard takes.
        const shortest: [RegExp, patterns.LengthBounds, string][] = [
            [patterns.HOST_FILE_PATH_PATTERN, patterns.HOST_FILE_PATH_LENGTH, 'C:\\a'],
            [patterns.MSI_PATH_PATTERN, patterns.MSI_PATH_LENGTH, 'C:\\a.msi'],
            [patterns.LOCAL_DIRECTORY_PATTERN, patterns.LOCAL_DIRECTORY_LENGTH, 'C:\\'],
            [patterns.GLOBAL_ENDPOINT_PATTERN, patterns.GLOBAL_ENDPOINT_LENGTH, 'https://a.b'],
            [patterns.HOST_NAME_PATTERN, patterns.HOST_NAME_LENGTH, 'a.b'],
            [patterns.OBJECT_NAME_PATTERN, patterns.OBJECT_NAME_LENGTH, 'x']
        ];
        for (const [pattern, bounds, value] of shortest) {
            expect({ value, accepted: pattern.test(value), length: value.length, shorter: pattern.test(value.slice(0, -1)) })
                .toEqual({ value, accepted: true, length: bounds.min, shorter: false });
        }
        expect(validateHostFilePath('f', 'labelMsiFile', 'C:\\a', null)).toEqual([]);
        expect(validateMsiPath('C:\\a.msi', null)).toEqual([]);
        expect(validateInstallFolder('f', 'labelInstallFolder', 'C:\\')).toEqual([]);
        expect(validateGlobalEndpoint('https://a.b')).toEqual([]);
        // The maximum: the longest the wizard accepts is exactly it.
        const longPath = `C:\\${'p'.repeat(patterns.HOST_FILE_PATH_LENGTH.max - 3)}`;
        expect(validateHostFilePath('f', 'labelMsiFile', longPath, null)).toEqual([]);
        expect(validateHostFilePath('f', 'labelMsiFile', `${longPath}q`, null).map(m => m.code)).toEqual(['pathTooLong']);
        const longMsi = `C:\\${'p'.repeat(patterns.MSI_PATH_LENGTH.max - 7)}.msi`;
        expect(validateMsiPath(longMsi, null)).toEqual([]);
        expect(validateMsiPath(`C:\\q${longMsi.slice(3)}`, null).map(m => m.code)).toEqual(['pathTooLong']);
        const longFolder = `C:\\${'d'.repeat(patterns.LOCAL_DIRECTORY_LENGTH.max - 3)}`;
        expect(validateInstallFolder('f', 'labelInstallFolder', longFolder)).toEqual([]);
        expect(validateInstallFolder('f', 'labelInstallFolder', `${longFolder}e`).map(m => m.code)).toEqual(['folderTooLong']);
        const longEndpoint = `https://${hostNameOf(253)}:65535/`;
        expect(longEndpoint.length).toBe(patterns.GLOBAL_ENDPOINT_LENGTH.max);
        expect(validateGlobalEndpoint(longEndpoint)).toEqual([]);
        expect(validateGlobalEndpoint(`https://${hostNameOf(254)}:65535/`).map(m => m.code)).toEqual(['globalEndpointTooLong']);
        // Secrets: the longest well-formed connection string fits; a longer text is refused by the wizard first.
        const key = Buffer.alloc(64, 7).toString('base64');
        const longest = `HostName=${hostNameOf(253)};DeviceId=${'d'.repeat(128)};SharedAccessKey=${key};GatewayHostName=${hostNameOf(253)}`;
        expect(deviceConnectionStringProblem(longest)).toBeNull();
        expect(longest.length).toBeLessThanOrEqual(patterns.DEVICE_CONNECTION_STRING_LENGTH.max);
        expect(deviceConnectionStringProblem(`${longest};`.padEnd(patterns.DEVICE_CONNECTION_STRING_LENGTH.max + 1, ';'))?.code).toBe('connectionStringTooLong');
        expect(key.length).toBeLessThanOrEqual(patterns.SYMMETRIC_KEY_LENGTH.max);
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

    it('throw only error codes the domain can explain, their shared functions included', () => {
        const functionsFolder = path.resolve(DEPLOY_SCRIPT_FOLDER, '../../script-functions');
        const withFunctions = (file: string): string => {
            const text = textOf(file);
            const included = [...text.matchAll(/script-functions\\([A-Za-z0-9-]+\.ps1)/g)].map(m => readFileSync(path.join(functionsFolder, m[1]), 'utf8'));
            return [text, ...included].join('\n');
        };
        const thrown = new Set(scriptFiles.flatMap(f => [...withFunctions(f).matchAll(/["']\[([A-Z][A-Za-z]+)\] /g)].map(m => m[1])));
        expect(thrown).toContain('MachineGuidUnreadable');
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

    it('keep their variables in the body\'s own scope ($script: and $global: name other scopes inside WAC\'s SmeSubmit wrapper)', () => {
        // WAC sends a script as the body of `function SmeSubmit { ... }`: a variable the body sets is SmeSubmit's, and
        // `$script:x` in a function of the body names the scope around SmeSubmit, so it would write one variable and
        // the body read another (a secret left unmasked, for one). The shared functions are inlined into the body.
        const functionsFolder = path.resolve(DEPLOY_SCRIPT_FOLDER, '../../script-functions');
        const files = [...scriptFiles.map(f => path.join(DEPLOY_SCRIPT_FOLDER, f)),
            ...readdirSync(functionsFolder).filter(f => f.endsWith('.ps1')).map(f => path.join(functionsFolder, f))];
        for (const file of files) {
            const code = readFileSync(file, 'utf8').split('\n').filter(line => !line.trim().startsWith('#')).join('\n');
            expect({ file: path.basename(file), found: code.match(/\$\{?(?:script|global):/gi) }).toEqual({ file: path.basename(file), found: null });
        }
    });

    it('avoid syntax Windows PowerShell 5.1 lacks (?? ?. ternaries, pipeline chains, clean blocks)', () => {
        for (const file of scriptFiles) {
            const code = textOf(file).split('\n').filter(line => !line.trim().startsWith('#')).join('\n');
            expect({ file, found: code.match(/\?\?|\?\.|\s&&\s|\s\|\|\s|\bclean\s*\{|\s\?\s[^:]+\s:\s/g) }).toEqual({ file, found: null });
        }
    });
});
