/**
 * The Review page's PowerShell preview is itself valid PowerShell: PowerShell's parser reads it without errors and
 * gets back exactly the values the wizard holds, hostile ones included.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { deployEflowCall } from '../../../src/app/deploy/domain/cmdlet-calls';
import { buildPowerShellPreview } from '../../../src/app/deploy/domain/powershell-preview';
import { previewScript } from '../../../src/app/deploy/testing/rendered-text';
import type { WizardModel } from '../../../src/app/deploy/domain/wizard-model';
import { analyzeScripts, type ArgumentFact } from '../../../tools/pwsh-host/analyze';
import { HOST_START_TIMEOUT_MS } from './deploy-harness';

const HOSTILE_NAME = "LAN'; Stop-EflowVm; $(Stop-EflowVm) `n \u2019x\u2019 --% \"q\"";

function model(): WizardModel {
    return {
        product: { channel: 'CR', architecture: 'x64', source: { kind: 'hostPath', msiPath: "\\\\files\\o'neil\\$(x)\\AzureIoTEdge.msi" }, installPath: "D:\\it's $(here)", vhdxPath: '' },
        vmSize: { cpuCount: 4, memoryInMB: 8192, disk: { kind: 'dataPartition', vmDataSizeGB: 100 }, vmLogSize: 'Large' },
        network: {
            virtualSwitch: { kind: 'existing', switchName: HOSTILE_NAME, switchType: 'External' }, addressing: 'static',
            staticIp: { ip4Address: '192.168.1.20', ip4PrefixLength: 24, ip4GatewayAddress: '192.168.1.1' }, dnsServers: ['192.168.1.1']
        },
        gpu: { passthroughType: 'DirectDeviceAssignment', gpuName: "NVIDIA 'Tesla' T4", gpuCount: 2 },
        features: { dpsTpm: true, defender: false, optionalTelemetry: true, eulaAccepted: true },
        provisioning: { type: 'ManualX509', iotHubHostname: 'hub.azure-devices.net', deviceId: "dev'$(x)", identityCertPath: 'C:\\c\\e.pem', identityPrivKeyPath: 'C:\\c\\e.key' }
    };
}

function valueOf(argument: ArgumentFact | null | undefined): unknown {
    if (!argument) {
        return undefined;
    }
    switch (argument.kind) {
        case 'constant':
            return argument.value;
        case 'array':
            return argument.items.map(valueOf);
        default:
            return `<${argument.kind}>`;
    }
}

let folder = '';
beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'eflow-preview-'));
});
afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
});

describe('the PowerShell preview', () => {
    it('parses, and its Deploy-Eflow and Provision-EflowVm arguments read back as the wizard\'s values', async () => {
        const file = path.join(folder, 'preview.ps1');
        writeFileSync(file, previewScript(buildPowerShellPreview(model())), 'utf8');
        const [analysis] = await analyzeScripts([file]);
        expect(analysis.parseErrors).toEqual([]);
        expect(analysis.commands.map(c => c.name)).toEqual([
            'Join-Path', 'Start-Process', 'Import-Module', 'Deploy-Eflow', 'Set-EflowVmDNSServers', 'Set-EflowVmFeature', 'Set-EflowVmTelemetryOption',
            'Provision-EflowVm'
        ]);
        const deploy = analysis.commands.find(c => c.name === 'Deploy-Eflow');
        const parsed = Object.fromEntries(deploy?.parameters.map(p => [p.name, valueOf(p.argument)]) ?? []);
        const expected = Object.fromEntries(deployEflowCall(model()).arguments.map(a => [a.name, a.kind === 'value' ? a.value : true]));
        expect(parsed).toEqual(expected);
        expect(parsed['vswitchName']).toBe(HOSTILE_NAME);
        const provision = analysis.commands.find(c => c.name === 'Provision-EflowVm');
        expect(provision?.parameters.find(p => p.name === 'deviceId')?.argument).toEqual({ kind: 'constant', value: "dev'$(x)" });
        const install = analysis.commands.find(c => c.name === 'Start-Process');
        expect(valueOf(install?.parameters.find(p => p.name === 'ArgumentList')?.argument)).toEqual(
            ['/i', '<expression>', '/qn', '/norestart', '/l*v', '<expression>', 'INSTALLDIR="D:\\it\'s $(here)"']);
    }, HOST_START_TIMEOUT_MS);
});
