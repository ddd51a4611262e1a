/**
 * The Review page's "show me the PowerShell": the commands the wizard will run on the host, as one copyable script
 * that is itself valid PowerShell. Values are single-quoted literals (powershell-literal.ts), secrets are replaced
 * by a placeholder, and steps the host has done already appear as comments only. The comments are messages, worded in
 * the admin's language by previewText. The cmdlet calls come from cmdlet-calls.ts, the same source the deploy plan's
 * script parameters come from.
 */
import { configurationCalls, deployEflowCall, msiDownloadUrl, provisionCall, type CmdletCall } from './cmdlet-calls';
import type { DeployStepId } from './deploy-steps';
import { subnetCidr } from './ipv4';
import { messageOf, type MessageText } from './message-text';
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

/** One line of the preview: a command, a comment in the admin's language, or a blank line between sections. */
export type PreviewLine =
    | { readonly kind: 'code'; readonly text: string }
    | { readonly kind: 'comment'; readonly text: MessageText }
    | { readonly kind: 'blank' };

/**
 * The script for a (valid) model, line by line; `doneSteps` are shown as done instead of as commands. The comments
 * are messages, not words: the script is copied and exported in the admin's language (previewText).
 */
export function buildPowerShellPreview(model: WizardModel, doneSteps: readonly DeployStepId[] = []): PreviewLine[] {
    const product = findEflowProduct(model.product.channel, model.product.architecture);
    const provision = provisionCall(model.provisioning);
    const sections: { steps: DeployStepId[]; title: MessageText; lines: string[] }[] = [
        { steps: ['downloadMsi', 'installMsi'], title: messageOf('previewInstall', { product: product.displayName }), lines: installLines(model) },
        { steps: ['createSwitch'], title: messageOf('previewCreateSwitch'), lines: switchLines(model) },
        { steps: ['deployVm'], title: messageOf('previewDeployVm'), lines: [renderCmdletCall(deployEflowCall(model))] },
        { steps: ['configureVm'], title: messageOf('previewConfigureVm'), lines: configurationCalls(model).map(renderCmdletCall) },
        { steps: ['provision'], title: messageOf('previewProvision'), lines: provision ? [renderCmdletCall(provision)] : [] }
    ];
    const out: PreviewLine[] = [comment(messageOf('previewTitle')), comment(messageOf('previewRunElevated'))];
    let number = 1;
    for (const section of sections) {
        if (section.lines.length === 0) {
            continue;
        }
        out.push({ kind: 'blank' });
        if (section.steps.every(step => doneSteps.includes(step))) {
            out.push(comment(messageOf('previewSectionDone', { number: String(number), title: section.title })));
        } else {
            out.push(comment(messageOf('previewSection', { number: String(number), title: section.title })));
            out.push(...section.lines.map((text): PreviewLine => ({ kind: 'code', text })));
        }
        number += 1;
    }
    return out;
}

function comment(text: MessageText): PreviewLine {
    return { kind: 'comment', text };
}

/**
 * The preview as script text, its comments worded by `wordComment`. A comment's text may not end the comment early:
 * each of its lines gets its own `#`, so a translation with a line break still parses as PowerShell.
 */
export function previewText(lines: readonly PreviewLine[], wordComment: (text: MessageText) => string): string {
    const out: string[] = [];
    for (const line of lines) {
        switch (line.kind) {
            case 'code':
                out.push(line.text);
                break;
            case 'blank':
                out.push('');
                break;
            case 'comment':
                out.push(...wordComment(line.text).split(/\r\n|\r|\n/).map(part => `# ${part}`));
                break;
        }
    }
    return out.join('\n') + '\n';
}
