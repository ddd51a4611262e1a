/**
 * Every string parameter of every deploy script, given hostile strings (quotes, `;`, `$()`, backticks, line breaks,
 * `--%`, very long and non-ASCII values): each either is rejected (the run fails and changes nothing) or arrives
 * literally at a stand-in cmdlet, and the payload, `Stop-EflowVm`, never runs. Secrets are never echoed either way.
 * Each value runs twice: bound to the script file, and as Windows Admin Center sends it (the SDK's SmeSubmit wrapper,
 * the value quoted into the command text by the core layer).
 *
 * A value can only show that it arrives literally if it gets past the script's checks: names of host objects (GPUs,
 * adapters) are given by a test stand-in answer that reports an object of exactly that name, and connection strings
 * are well-formed ones carrying the payload where the format allows it (DeviceId takes $ ' ( ) , = @ but no ; or
 * backtick, which separate fields or are not allowed anywhere in a device connection string).
 */
import type { ScriptParameters } from '../../../src/app/core/gateway/script-parameters';
import type { StandInCall } from '../../../tools/simulator/api';
import type { CallOutcome, JsonValue } from '../../../tools/pwsh-host/protocol';
import { analyzeScripts } from '../../../tools/pwsh-host/analyze';
import { readdirSync } from 'fs';
import * as path from 'path';
import {
    callsOf, changingCalls, DEPLOY_SCRIPT_FOLDER, outputOf, useDeployHarness, RUN_TIMEOUT_MS,
    type DeployScriptName, type RunOptions, type ScriptRun
} from './deploy-harness';
import { visibleText } from './deploy-flow';

/** What would stop the VM if any of these strings were ever run as code. */
const HOSTILE: string[] = [
    "it's'; Stop-EflowVm; 'x",
    'a"b"; Stop-EflowVm; "',
    '$(Stop-EflowVm)',
    '`$(Stop-EflowVm)` `n `"',
    'first\nStop-EflowVm',
    'tab\there\r\nStop-EflowVm',
    '--% Stop-EflowVm',
    '@(Stop-EflowVm) | Stop-EflowVm & Stop-EflowVm',
    '${env:PATH}$null$true',
    'Jürgen € 日本 \u2018Stop-EflowVm\u2019',
    'A'.repeat(10_000)
];

/** The same payloads made to fit a Windows path segment (no " * ? < > | / : or control characters). */
const PATH_PAYLOADS = ["$(Stop-EflowVm);'x'", '`$(Stop-EflowVm)` --% a&b', 'Jürgen € 日本 \u2019q\u2019', '@(Stop-EflowVm) ${x}'];

/** Names of host objects (GPUs, adapters): anything but control characters. */
const NAME_PAYLOADS = [
    `NVIDIA "Tesla" T4 '$(Stop-EflowVm)'`, "Ethernet`$(Stop-EflowVm)` ; Stop-EflowVm", 'Réseau — 日本 \u2018q\u2019 ${env:PATH} $null',
    '@(Stop-EflowVm) | & Stop-EflowVm --% x', "'); Stop-EflowVm; ('"
];

const KEY = 'c2VjcmV0LWRldmljZS1rZXktb2YtMzItYnl0ZXMhIQ==';
/** Well-formed device connection strings whose DeviceId carries the payload. */
const CONNECTION_STRING_PAYLOADS = [
    `HostName=contoso-edge-hub.azure-devices.net;DeviceId=$(Stop-EflowVm)'x';SharedAccessKey=${KEY}`,
    `HostName=contoso-edge-hub.azure-devices.net;;DeviceId='),(Stop-EflowVm),(';SharedAccessKey=${KEY};`,
    `DeviceId=@(Stop-EflowVm)=$true;HostName=contoso-edge-hub.azure-devices.net;SharedAccessKey=${KEY};GatewayHostName=gw.contoso.local`,
    `HostName=contoso-edge-hub.azure-devices.net;DeviceId=%24(Stop-EflowVm)*?!:$null';SharedAccessKey=${KEY}`
];

/** A physical adapter that is Up, named `name` (Get-NetAdapter -Physical). */
const adapterNamed = (name: string): JsonValue => [{ Name: name, InterfaceDescription: 'Hostile Test Adapter #1', Status: 'Up', ifIndex: 42 }];
/** EFLOW's host facts with one GPU named `name` that supports both passthrough types (Get-EflowHostConfiguration). */
const gpuNamed = (name: string): JsonValue => ({
    FreePhysicalMemoryInMB: 12000, NumberOfLogicalProcessors: 8, DiskInfo: [],
    GpuInfo: [{ Name: name, Count: 1, SupportedPassthroughTypes: ['DirectDeviceAssignment', 'ParaVirtualization'] }]
});

interface Target {
    script: DeployScriptName;
    parameter: string;
    host: string;
    base: ScriptParameters;
    /** Values besides HOSTILE, shaped to pass the parameter's format so they reach the cmdlets. */
    shaped?: string[];
    secret?: boolean;
    array?: boolean;
    /** Stand-in answers of the test's own, by command, for the value under test (see the file comment). */
    answers?: { [command: string]: (value: string) => JsonValue };
}

const DEPLOY: ScriptParameters = { AcceptEula: 'Yes', AcceptOptionalTelemetry: 'No', CpuCount: 2, MemoryInMB: 2048 };
const X509 = { ProvisioningType: 'ManualX509', IotHubHostname: 'contoso-edge-hub.azure-devices.net', DeviceId: 'edge-01',
    IdentityCertPath: 'C:\\certs\\device-identity.cert.pem', IdentityPrivKeyPath: 'C:\\certs\\device-identity.key.pem' };
const DPS_KEY = { ProvisioningType: 'DpsSymmetricKey', ScopeId: '0ne00A1B2C3', RegistrationId: 'edge-01',
    SymmKey: 'c2VjcmV0LWRldmljZS1rZXktb2YtMzItYnl0ZXMhIQ==' };

const TARGETS: Target[] = [
    { script: 'Get-EflowDeploymentState', parameter: 'VhdxPath', host: 'msi-installed', base: {}, shaped: PATH_PAYLOADS.map(p => `D:\\${p}`) },
    { script: 'Install-EflowProduct', parameter: 'Channel', host: 'ready-to-deploy', base: { Architecture: 'x64' } },
    { script: 'Install-EflowProduct', parameter: 'Architecture', host: 'ready-to-deploy', base: { Channel: 'LTS' } },
    { script: 'Install-EflowProduct', parameter: 'MsiPath', host: 'ready-to-deploy', base: { Channel: 'LTS', Architecture: 'x64' }, shaped: PATH_PAYLOADS.map(p => `C:\\msi\\${p}.msi`) },
    { script: 'Install-EflowProduct', parameter: 'InstallPath', host: 'ready-to-deploy', base: { Channel: 'LTS', Architecture: 'x64' }, shaped: PATH_PAYLOADS.map(p => `D:\\${p}`) },
    { script: 'Install-EflowProduct', parameter: 'VhdxPath', host: 'ready-to-deploy', base: { Channel: 'LTS', Architecture: 'x64' }, shaped: PATH_PAYLOADS.map(p => `D:\\${p}`) },
    { script: 'New-EflowVirtualSwitch', parameter: 'SwitchName', host: 'ready-to-deploy', base: { SwitchType: 'External', AdapterName: 'Ethernet' } },
    { script: 'New-EflowVirtualSwitch', parameter: 'SwitchType', host: 'ready-to-deploy', base: { SwitchName: 'X', AdapterName: 'Ethernet' } },
    { script: 'New-EflowVirtualSwitch', parameter: 'AdapterName', host: 'ready-to-deploy', base: { SwitchName: 'X', SwitchType: 'External' },
        shaped: NAME_PAYLOADS, answers: { 'Get-NetAdapter': adapterNamed } },
    { script: 'New-EflowVirtualSwitch', parameter: 'GatewayAddress', host: 'srv2022-dps', base: { SwitchName: 'X', SwitchType: 'Internal', PrefixLength: 24 } },
    { script: 'New-EflowVirtualSwitch', parameter: 'VmAddress', host: 'srv2022-dps', base: { SwitchName: 'X', SwitchType: 'Internal', PrefixLength: 24, GatewayAddress: '10.9.0.1' } },
    { script: 'New-EflowVirtualMachine', parameter: 'AcceptEula', host: 'msi-installed', base: DEPLOY },
    { script: 'New-EflowVirtualMachine', parameter: 'AcceptOptionalTelemetry', host: 'msi-installed', base: DEPLOY },
    { script: 'New-EflowVirtualMachine', parameter: 'VmLogSize', host: 'msi-installed', base: DEPLOY },
    { script: 'New-EflowVirtualMachine', parameter: 'VswitchName', host: 'msi-installed', base: { ...DEPLOY, VswitchType: 'External' } },
    { script: 'New-EflowVirtualMachine', parameter: 'VswitchType', host: 'msi-installed', base: { ...DEPLOY, VswitchName: 'Default Switch' } },
    { script: 'New-EflowVirtualMachine', parameter: 'Ip4Address', host: 'msi-installed', base: { ...DEPLOY, Ip4PrefixLength: 24, Ip4GatewayAddress: '10.0.0.1' } },
    { script: 'New-EflowVirtualMachine', parameter: 'Ip4GatewayAddress', host: 'msi-installed', base: { ...DEPLOY, Ip4PrefixLength: 24, Ip4Address: '10.0.0.5' } },
    { script: 'New-EflowVirtualMachine', parameter: 'GpuPassthroughType', host: 'msi-installed', base: { ...DEPLOY, GpuName: 'x' } },
    { script: 'New-EflowVirtualMachine', parameter: 'GpuName', host: 'msi-installed', base: { ...DEPLOY, GpuPassthroughType: 'ParaVirtualization' },
        shaped: NAME_PAYLOADS, answers: { 'Get-EflowHostConfiguration': gpuNamed } },
    { script: 'New-EflowVirtualMachine', parameter: 'VhdxPath', host: 'msi-installed', base: DEPLOY, shaped: PATH_PAYLOADS.map(p => `D:\\${p}`) },
    { script: 'Remove-EflowInstallation', parameter: 'VhdxPath', host: 'deploy-partial', base: {}, shaped: PATH_PAYLOADS.map(p => `D:\\${p}`) },
    { script: 'Set-EflowVmConfiguration', parameter: 'DnsServers', host: 'edge-unprovisioned', base: {}, array: true },
    { script: 'Set-EflowVmProvisioning', parameter: 'ProvisioningType', host: 'edge-unprovisioned', base: { ScopeId: '0ne00A1B2C3' } },
    { script: 'Set-EflowVmProvisioning', parameter: 'DevConnString', host: 'edge-unprovisioned', base: { ProvisioningType: 'ManualConnectionString' }, secret: true,
        shaped: CONNECTION_STRING_PAYLOADS },
    { script: 'Set-EflowVmProvisioning', parameter: 'SymmKey', host: 'edge-unprovisioned', base: DPS_KEY, secret: true },
    { script: 'Set-EflowVmProvisioning', parameter: 'IotHubHostname', host: 'edge-unprovisioned', base: X509 },
    { script: 'Set-EflowVmProvisioning', parameter: 'DeviceId', host: 'edge-unprovisioned', base: X509, shaped: ['$(Stop-EflowVm)', "'Stop-EflowVm'", '@(x)=$true'] },
    { script: 'Set-EflowVmProvisioning', parameter: 'IdentityCertPath', host: 'edge-unprovisioned', base: X509, shaped: PATH_PAYLOADS.map(p => `C:\\certs\\${p}.pem`) },
    { script: 'Set-EflowVmProvisioning', parameter: 'IdentityPrivKeyPath', host: 'edge-unprovisioned', base: X509, shaped: PATH_PAYLOADS.map(p => `\\\\files\\share\\${p}.pem`) },
    { script: 'Set-EflowVmProvisioning', parameter: 'ScopeId', host: 'edge-unprovisioned', base: DPS_KEY },
    { script: 'Set-EflowVmProvisioning', parameter: 'RegistrationId', host: 'edge-unprovisioned', base: DPS_KEY },
    { script: 'Set-EflowVmProvisioning', parameter: 'GlobalEndpoint', host: 'edge-unprovisioned', base: DPS_KEY },
    { script: 'Test-EflowDeploymentInput', parameter: 'Path', host: 'ready-to-deploy', base: {}, array: true, shaped: PATH_PAYLOADS.map(p => `C:\\certs\\${p}.pem`) },
    { script: 'Test-EflowDeploymentInput', parameter: 'MsiPath', host: 'ready-to-deploy', base: {}, shaped: PATH_PAYLOADS.map(p => `C:\\msi\\${p}.msi`) },
    { script: 'Test-EflowDeploymentInput', parameter: 'Ip4Address', host: 'ready-to-deploy', base: {} },
    { script: 'Test-EflowDeploymentInput', parameter: 'Ip4GatewayAddress', host: 'ready-to-deploy', base: {} }
];

/** Every string found anywhere in a call's parameters. */
function stringsIn(value: JsonValue): string[] {
    if (typeof value === 'string') {
        return [value];
    }
    if (Array.isArray(value)) {
        return value.flatMap(stringsIn);
    }
    if (value !== null && typeof value === 'object') {
        return Object.values(value).flatMap(stringsIn);
    }
    return [];
}

type Verdict = 'rejected' | 'passedLiterally' | 'ranThePayload' | 'lost';

/**
 * A folder put in front of a file-name wildcard (`<folder>\*EFLOW.vhdx`) is escaped as PowerShell's
 * WildcardPattern.Escape does, so that Test-Path -Path reads it literally: that form counts as arriving literally.
 */
function wildcardEscaped(value: string): string {
    return value.replace(/[`[\]*?]/g, character => '`' + character);
}

function verdictOf(run: ScriptRun, value: string): Verdict {
    if (callsOf(run, 'Stop-EflowVm').length > 0) {
        return 'ranThePayload';
    }
    // Exactly the value, or the value in the one wrapping a script adds on purpose: msiexec's quoted paths and
    // properties, or an escaped folder in front of a file-name wildcard.
    const wrapped = [value, `"${value}"`, `INSTALLDIR="${value}"`, `VHDXDIR="${value}"`];
    const arrived = (text: string): boolean => wrapped.includes(text) || text === `${wildcardEscaped(value)}\\*EFLOW.vhdx`;
    if (run.calls.some(call => stringsIn(call.parameters).some(arrived))) {
        return 'passedLiterally';
    }
    return run.failure !== null && changingCalls(run).length === 0 ? 'rejected' : 'lost';
}

const harness = useDeployHarness();

/** A script's parameters as the file run binds them (JSON values). */
function asJson(parameters: ScriptParameters): { [name: string]: JsonValue } {
    const json: { [name: string]: JsonValue } = {};
    for (const [name, value] of Object.entries(parameters)) {
        json[name] = typeof value === 'object' && value !== null ? [...value] : value;
    }
    return json;
}

/** The two ways a value reaches a script: bound to the file, and as Windows Admin Center sends it. */
const WAYS: [string, (target: Target, parameters: ScriptParameters, options: RunOptions) => Promise<ScriptRun>][] = [
    ['file', (target, parameters, options) => harness.run(target.host, target.script, asJson(parameters), options)],
    ['as sent', (target, parameters, options) => harness.runAsSent(target.host, target.script, parameters, options)]
];

/** The target's own stand-in answers for `value` (null: the simulator answers). */
function answerFor(target: Target, value: string): (call: StandInCall) => CallOutcome | null {
    return call => {
        const answer = target.answers?.[call.command];
        return answer ? { ok: true, value: answer(value) } : null;
    };
}

describe('hostile strings', () => {
    it('cover every string parameter of every deploy script', async () => {
        const files = readdirSync(DEPLOY_SCRIPT_FOLDER).filter(f => f.endsWith('.ps1')).map(f => path.join(DEPLOY_SCRIPT_FOLDER, f));
        const analyses = await analyzeScripts(files);
        const stringParameters = analyses.flatMap(a => a.parameters.filter(p => p.type === 'string' || p.type === 'string[]')
            .map(p => `${path.basename(a.file, '.ps1')}.${p.name}`)).sort();
        expect(TARGETS.map(t => `${t.script}.${t.parameter}`).sort()).toEqual(stringParameters);
    }, RUN_TIMEOUT_MS);

    it.each(TARGETS)('$script -$parameter arrives literally or is refused, and runs nothing', async target => {
        const values = [...HOSTILE, ...(target.shaped ?? [])];
        for (const [way, runScript] of WAYS) {
            const outcomes: { value: string; verdict: Verdict }[] = [];
            for (const value of values) {
                harness.sim.reset();
                const parameters: ScriptParameters = { ...target.base, [target.parameter]: target.array ? [value] : value };
                const run = await runScript(target, parameters, { answer: answerFor(target, value) });
                const verdict = verdictOf(run, value);
                outcomes.push({ value: value.substring(0, 40), verdict });
                if (target.secret) {
                    expect({ way, value: value.substring(0, 40), echoed: value.length > 8 && visibleText(run).includes(value) })
                        .toEqual({ way, value: value.substring(0, 40), echoed: false });
                }
            }
            expect({ way, failed: outcomes.filter(o => o.verdict === 'ranThePayload' || o.verdict === 'lost') }).toEqual({ way, failed: [] });
            if (target.shaped) {
                // Values shaped to fit the format must not be refused: they reach the cmdlet as they are.
                expect({ way, verdicts: outcomes.slice(HOSTILE.length).map(o => o.verdict) })
                    .toEqual({ way, verdicts: target.shaped.map(() => 'passedLiterally') });
            }
        }
    }, RUN_TIMEOUT_MS);

    it('a switch named with a payload is created, and Deploy-Eflow gets exactly that name', async () => {
        harness.sim.reset();
        const name = "LAN'; Stop-EflowVm; $(Stop-EflowVm) `n --% Jürgen";
        expect(outputOf(await harness.run('ready-to-deploy', 'New-EflowVirtualSwitch', { SwitchName: name, SwitchType: 'External', AdapterName: 'Ethernet' })))
            .toEqual(expect.objectContaining({ switchName: name, created: true }));
        outputOf(await harness.run('ready-to-deploy', 'Install-EflowProduct', { Channel: 'LTS', Architecture: 'x64' }));
        const deploy = await harness.run('ready-to-deploy', 'New-EflowVirtualMachine', asJson({ ...DEPLOY, VswitchName: name, VswitchType: 'External' }));
        expect(outputOf(deploy)).toEqual(expect.objectContaining({ status: 'deployed' }));
        expect(callsOf(deploy, 'Deploy-Eflow')[0].parameters['vswitchName']).toBe(name);
        expect(callsOf(deploy, 'Stop-EflowVm')).toEqual([]);
    }, RUN_TIMEOUT_MS);
});
