/**
 * The Review page's "show me the PowerShell": the commands the wizard will run on the host, as one copyable script
 * that is itself valid PowerShell. Values are single-quoted literals (powershell-literal.ts), secrets are replaced
 * by a placeholder, and steps the host has done already appear as comments only. The cmdlet calls come from
 * cmdlet-calls.ts, the same source the deploy plan's script parameters come from.
 */
import { configurationCalls, deployEflowCall, msiDownloadUrl, provisionCall, type CmdletCall } from './cmdlet-calls';
import { DEPLOY_STEPS, type DeployStepId } from './deploy-steps';
import { subnetCidr } from './ipv4';
import { powerShellLiteral, quotePowerShellString } from './powershell-literal';
import { findEflowProduct } from './product-catalog';
import type { SecretFieldName } from './provisioning-secrets';
import type { WizardModel } from './wizard-model';

/** What stands in for a secret in the preview: a valid literal that is obviously not the value. */
export const SECRET_PLACEHOLDERS: Readonly<Record<SecretFieldName, string>> = {
    devConnString: '<device connection string>',
    symmKey: '<symmetric key>'
};

/** One cmdlet call as a line of PowerShell. */
export function renderCmdletCall(call: CmdletCall): string {
    const parts = [call.cmdlet];
    for (const argument of call.arguments) {
        switch (argument.kind) {
            case 'switch':
                parts.push(`-${argument.name}`);
                break;
            case 'secret':
                parts.push(`-${argument.name}`, quotePowerShellString(SECRET_PLACEHOLDERS[argument.secret]));
                break;
            case 'value':
                parts.push(`-${argument.name}`, powerShellLiteral(argument.value));
                break;
        }
    }
    return parts.join(' ');
}

function installLines(model: WizardModel): string[] {
    const product = model.product;
    const url = msiDownloadUrl(model);
    // The same file names as Install-EflowProduct uses.
    const lines = url
        ? [`$msiPath = Join-Path $env:TEMP ${quotePowerShellString(`EflowManager-AzureIoTEdge-${product.channel}-${product.architecture}.msi`)}`,
            `Invoke-WebRequest -Uri ${quotePowerShellString(url)} -OutFile $msiPath -UseBasicParsing`]
        : [`$msiPath = ${product.source.kind === 'hostPath' ? quotePowerShellString(product.source.msiPath) : "''"}`];
    lines.push("$logPath = Join-Path $env:TEMP 'EflowManager-install.log'");
    // msiexec needs paths with spaces in double quotes; Windows paths cannot contain a double quote themselves.
    const msiArguments = ["'/i'", `('"{0}"' -f $msiPath)`, "'/qn'", "'/norestart'", "'/l*v'", `('"{0}"' -f $logPath)`];
    if (product.installPath) {
        msiArguments.push(quotePowerShellString(`INSTALLDIR="${product.installPath}"`));
    }
    if (product.vhdxPath) {
        msiArguments.push(quotePowerShellString(`VHDXDIR="${product.vhdxPath}"`));
    }
    lines.push(`Start-Process -FilePath 'msiexec.exe' -ArgumentList @(${msiArguments.join(', ')}) -Wait`);
    lines.push("Import-Module -Name AzureEFLOW");
    return lines;
}

function switchLines(model: WizardModel): string[] {
    const virtualSwitch = model.network.virtualSwitch;
    if (virtualSwitch.kind === 'newExternal') {
        return [`New-VMSwitch -Name ${quotePowerShellString(virtualSwitch.switchName)} -NetAdapterName ${quotePowerShellString(virtualSwitch.adapterName)} -AllowManagementOS $true`];
    }
    if (virtualSwitch.kind === 'newInternal') {
        const ip = model.network.staticIp;
        const prefix = ip.ip4PrefixLength ?? 0;
        return [
            `New-VMSwitch -Name ${quotePowerShellString(virtualSwitch.switchName)} -SwitchType 'Internal'`,
            `New-NetIPAddress -IPAddress ${quotePowerShellString(ip.ip4GatewayAddress)} -PrefixLength ${prefix} -InterfaceAlias ${quotePowerShellString(`vEthernet (${virtualSwitch.switchName})`)}`,
            `New-NetNat -Name ${quotePowerShellString(`${virtualSwitch.switchName}-NAT`)} -InternalIPInterfaceAddressPrefix ${quotePowerShellString(subnetCidr(ip.ip4GatewayAddress, prefix) ?? '')}`
        ];
    }
    return [];
}

/** The script text for a (valid) model; `doneSteps` are shown as done instead of as commands. */
export function buildPowerShellPreview(model: WizardModel, doneSteps: readonly DeployStepId[] = []): string {
    const product = findEflowProduct(model.product.channel, model.product.architecture);
    const provision = provisionCall(model.provisioning);
    const sections: { steps: DeployStepId[]; title: string; lines: string[] }[] = [
        { steps: ['downloadMsi', 'installMsi'], title: `Install ${product.displayName}`, lines: installLines(model) },
        { steps: ['createSwitch'], title: 'Create the virtual switch', lines: switchLines(model) },
        { steps: ['deployVm'], title: 'Deploy the VM (Deploy-Eflow runs once per installation)', lines: [renderCmdletCall(deployEflowCall(model))] },
        {
            steps: ['configureVm'], title: 'DNS, features and telemetry (each applied only where the VM differs)',
            lines: configurationCalls(model).map(renderCmdletCall)
        },
        { steps: ['provision'], title: 'Provision the device', lines: provision ? [renderCmdletCall(provision)] : [] }
    ];
    const out = [
        '# Azure IoT Edge for Linux on Windows deployment, as run by EFLOW Manager.',
        '# Run in an elevated Windows PowerShell session on the host. Secrets are masked: replace the <...> values.'
    ];
    let number = 1;
    for (const section of sections) {
        if (section.lines.length === 0) {
            continue;
        }
        out.push('');
        if (section.steps.every(step => doneSteps.includes(step))) {
            out.push(`# ${number}. ${section.title}: already done on this host (${section.steps.map(s => DEPLOY_STEPS[s].title).join(', ')}).`);
        } else {
            out.push(`# ${number}. ${section.title}`, ...section.lines);
        }
        number += 1;
    }
    return out.join('\n') + '\n';
}
