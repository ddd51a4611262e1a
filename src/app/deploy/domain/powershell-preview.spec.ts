import { messageOf } from './message-text';
import { buildPowerShellPreview, previewText, renderCmdletCall } from './powershell-preview';
import { validWizardModel } from './testing/deploy-fixtures';
import type { DeployStepId } from './deploy-steps';
import type { WizardModel } from './wizard-model';
import { previewScript } from '../testing/rendered-text';

/** The preview as the admin copies it, worded by the real strings. */
function script(model: WizardModel, doneSteps: DeployStepId[] = []): string {
    return previewScript(buildPowerShellPreview(model, doneSteps));
}

describe('buildPowerShellPreview', () => {
    it('shows the whole deployment as commands with single-quoted values', () => {
        const model = validWizardModel();
        model.provisioning = { type: 'ManualConnectionString' };
        model.product.installPath = 'D:\\EFLOW';
        expect(script(model)).toBe([
            '# Azure IoT Edge for Linux on Windows deployment, as run by EFLOW Manager.',
            '# Run in an elevated Windows PowerShell session on the host. Secrets are masked: replace the <...> values.',
            '',
            '# 1. Install Azure IoT Edge 1.5 LTS (x64)',
            "$msiPath = Join-Path $env:TEMP 'EflowManager-AzureIoTEdge-LTS-x64.msi'",
            "Invoke-WebRequest -Uri 'https://aka.ms/AzEFLOWMSI_1_5_LTS_X64' -OutFile $msiPath -UseBasicParsing",
            "$logPath = Join-Path $env:TEMP 'EflowManager-install.log'",
            "Start-Process -FilePath 'msiexec.exe' -ArgumentList @('/i', ('\"{0}\"' -f $msiPath), '/qn', '/norestart', '/l*v', ('\"{0}\"' -f $logPath), " +
            "'INSTALLDIR=\"D:\\EFLOW\"') -Wait",
            'Import-Module -Name AzureEFLOW',
            '',
            '# 2. Deploy the VM (Deploy-Eflow runs once per installation)',
            "Deploy-Eflow -acceptEula 'Yes' -acceptOptionalTelemetry 'No' -cpuCount 2 -memoryInMB 4096 -vmDiskSize 64 -vmLogSize 'Small' " +
            "-vswitchName 'LAN' -vswitchType 'External' -ip4Address '192.168.10.50' -ip4PrefixLength 24 -ip4GatewayAddress '192.168.10.1'",
            '',
            '# 3. DNS, features and telemetry (each applied only where the VM differs)',
            "Set-EflowVmDNSServers -dnsServers @('192.168.10.1', '1.1.1.1')",
            "Set-EflowVmFeature -feature 'Defender' -enable",
            'Set-EflowVmTelemetryOption -optionalTelemetry $false',
            '',
            '# 4. Provision the device',
            "Provision-EflowVm -provisioningType 'ManualConnectionString' -devConnString '<device connection string>' -headless",
            ''
        ].join('\n'));
    });

    it('masks the symmetric key', () => {
        expect(script(validWizardModel()))
            .toContain("Provision-EflowVm -provisioningType 'DpsSymmetricKey' -scopeId '0ne0012AB34' -registrationId 'edge-01' -symmKey '<symmetric key>' -headless");
    });

    it('shows the switch a deployment creates, with its NAT subnet', () => {
        const model = validWizardModel();
        model.network.virtualSwitch = { kind: 'newInternal', switchName: "Ops' NAT" };
        model.network.staticIp = { ip4Address: '172.20.0.2', ip4PrefixLength: 24, ip4GatewayAddress: '172.20.0.1' };
        const preview = script(model);
        expect(preview).toContain("New-VMSwitch -Name 'Ops'' NAT' -SwitchType 'Internal'");
        expect(preview).toContain("New-NetIPAddress -IPAddress '172.20.0.1' -PrefixLength 24 -InterfaceAlias 'vEthernet (Ops'' NAT)'");
        expect(preview).toContain("New-NetNat -Name 'Ops'' NAT-NAT' -InternalIPInterfaceAddressPrefix '172.20.0.0/24'");
    });

    it('uses the MSI on the host instead of a download', () => {
        const model = validWizardModel();
        model.product.source = { kind: 'hostPath', msiPath: '\\\\files\\eflow\\AzureIoTEdge.msi' };
        const preview = script(model);
        expect(preview).toContain("$msiPath = '\\\\files\\eflow\\AzureIoTEdge.msi'");
        expect(preview).not.toContain('Invoke-WebRequest');
    });

    it('shows steps already done on the host as comments only', () => {
        const preview = script(validWizardModel(), ['downloadMsi', 'installMsi', 'deployVm']);
        expect(preview).toContain('# 1. Install Azure IoT Edge 1.5 LTS (x64): already done on this host.\n');
        expect(preview).toContain('# 2. Deploy the VM (Deploy-Eflow runs once per installation): already done on this host.\n');
        expect(preview).not.toContain('Deploy-Eflow -acceptEula');
        expect(preview).not.toContain('Invoke-WebRequest');
        expect(preview).toContain('Set-EflowVmDNSServers');
    });

    it('quotes hostile values so that they stay text', () => {
        const model = validWizardModel();
        model.network.virtualSwitch = { kind: 'existing', switchName: "x'; Remove-Item C:\\ -Recurse; '$(whoami)`", switchType: 'External' };
        expect(script(model)).toContain("-vswitchName 'x''; Remove-Item C:\\ -Recurse; ''$(whoami)`'");
    });

    it('words its comments in the admin\'s language, and gives each line of a comment its own #', () => {
        const lines = buildPowerShellPreview(validWizardModel(), ['downloadMsi', 'installMsi']);
        expect(lines[0]).toEqual({ kind: 'comment', text: messageOf('previewTitle') });
        const worded = previewText(lines, text => text.key === 'previewTitle' ? 'Bereitstellung\nvon EFLOW' : `[${text.key}]`);
        expect(worded.split('\n').slice(0, 3)).toEqual(['# Bereitstellung', '# von EFLOW', '# [previewRunElevated]']);
        expect(worded).toContain('\n# [previewSectionDone]\n');
        expect(worded).toContain("\nDeploy-Eflow -acceptEula 'Yes'");
    });
});

describe('renderCmdletCall', () => {
    it('writes switches bare and secrets as placeholders', () => {
        expect(renderCmdletCall({ cmdlet: 'X', arguments: [{ name: 'a', kind: 'switch' }, { name: 'b', kind: 'secret', secret: 'symmKey' }] }))
            .toBe("X -a -b '<symmetric key>'");
    });
});
