/**
 * The AzureEFLOW (and Windows) cmdlet calls a wizard model stands for, with the documented parameter names (eflow.md
 * sections 2-4 and 9). One source for two consumers, so they cannot drift apart:
 *  - the PowerShell preview (powershell-preview.ts) renders them as text;
 *  - the deploy plan (deploy-plan.ts) turns them into the gateway scripts' parameters, which the scripts pass on
 *    to the same cmdlets.
 * The model must be valid (see wizard-validation.ts); an empty required number is a programming error here.
 */
import { findEflowProduct } from './product-catalog';
import type { ProvisioningChoice } from './provisioning-choice';
import type { SecretFieldName } from './provisioning-secrets';
import type { PowerShellValue } from './powershell-literal';
import type { WizardModel } from './wizard-model';

/** One argument: a value, a present switch, or a secret that is filled in only when the call is made. */
export type CmdletArgument =
    | { name: string; kind: 'value'; value: PowerShellValue }
    | { name: string; kind: 'switch' }
    | { name: string; kind: 'secret'; secret: SecretFieldName };

export interface CmdletCall {
    cmdlet: string;
    arguments: CmdletArgument[];
}

function value(name: string, argumentValue: PowerShellValue): CmdletArgument {
    return { name, kind: 'value', value: argumentValue };
}

function required(what: string, number: number | null): number {
    if (number === null) {
        throw new Error(`${what} is empty: validate the wizard model before building cmdlet calls.`);
    }
    return number;
}

/** Deploy-Eflow with the chosen parameters: only those that differ from "not given", never both disk sizes. */
export function deployEflowCall(model: WizardModel): CmdletCall {
    const args: CmdletArgument[] = [
        value('acceptEula', 'Yes'),
        value('acceptOptionalTelemetry', model.features.optionalTelemetry ? 'Yes' : 'No'),
        value('cpuCount', required('cpuCount', model.vmSize.cpuCount)),
        value('memoryInMB', required('memoryInMB', model.vmSize.memoryInMB))
    ];
    const disk = model.vmSize.disk;
    if (disk.kind === 'osDisk') {
        args.push(value('vmDiskSize', required('vmDiskSize', disk.vmDiskSizeGB)));
    } else if (disk.kind === 'dataPartition') {
        args.push(value('vmDataSize', required('vmDataSize', disk.vmDataSizeGB)));
    }
    args.push(value('vmLogSize', model.vmSize.vmLogSize));
    const virtualSwitch = model.network.virtualSwitch;
    if (virtualSwitch.kind !== 'defaultSwitch') {
        const switchType = virtualSwitch.kind === 'existing' ? virtualSwitch.switchType
            : virtualSwitch.kind === 'newExternal' ? 'External' : 'Internal';
        args.push(value('vswitchName', virtualSwitch.switchName), value('vswitchType', switchType));
    }
    if (model.network.addressing === 'static') {
        const ip = model.network.staticIp;
        args.push(value('ip4Address', ip.ip4Address),
            value('ip4PrefixLength', required('ip4PrefixLength', ip.ip4PrefixLength)),
            value('ip4GatewayAddress', ip.ip4GatewayAddress));
    }
    const gpu = model.gpu;
    if (gpu.passthroughType !== 'none') {
        args.push(value('gpuPassthroughType', gpu.passthroughType), value('gpuName', gpu.gpuName));
        // -gpuCount applies to DDA; GPU-PV always shares one GPU.
        if (gpu.passthroughType === 'DirectDeviceAssignment') {
            args.push(value('gpuCount', required('gpuCount', gpu.gpuCount)));
        }
    }
    return { cmdlet: 'Deploy-Eflow', arguments: args };
}

/**
 * The post-deployment configuration: DNS servers (when given), the features to enable, the telemetry option.
 * A fresh VM has both features off, so only enabling calls appear; the configuration script also turns a feature
 * off when a VM from an earlier run has it on and the model says off.
 */
export function configurationCalls(model: WizardModel): CmdletCall[] {
    const calls: CmdletCall[] = [];
    if (model.network.dnsServers.length > 0) {
        calls.push({ cmdlet: 'Set-EflowVmDNSServers', arguments: [value('dnsServers', model.network.dnsServers)] });
    }
    if (model.features.dpsTpm) {
        calls.push({ cmdlet: 'Set-EflowVmFeature', arguments: [value('feature', 'DpsTpm'), { name: 'enable', kind: 'switch' }] });
    }
    if (model.features.defender) {
        calls.push({ cmdlet: 'Set-EflowVmFeature', arguments: [value('feature', 'Defender'), { name: 'enable', kind: 'switch' }] });
    }
    calls.push({ cmdlet: 'Set-EflowVmTelemetryOption', arguments: [value('optionalTelemetry', model.features.optionalTelemetry)] });
    return calls;
}

/** Provision-EflowVm -headless with the type's required set and the optional fields that were given. */
export function provisionCall(choice: ProvisioningChoice): CmdletCall | null {
    if (choice.type === 'skip') {
        return null;
    }
    const args: CmdletArgument[] = [value('provisioningType', choice.type)];
    switch (choice.type) {
        case 'ManualConnectionString':
            args.push({ name: 'devConnString', kind: 'secret', secret: 'devConnString' });
            break;
        case 'ManualX509':
            args.push(value('iotHubHostname', choice.iotHubHostname), value('deviceId', choice.deviceId),
                value('identityCertPath', choice.identityCertPath), value('identityPrivKeyPath', choice.identityPrivKeyPath));
            break;
        case 'DpsTPM':
            args.push(value('scopeId', choice.scopeId));
            if (choice.registrationId) {
                args.push(value('registrationId', choice.registrationId));
            }
            break;
        case 'DpsX509':
            args.push(value('scopeId', choice.scopeId), value('identityCertPath', choice.identityCertPath),
                value('identityPrivKeyPath', choice.identityPrivKeyPath));
            break;
        case 'DpsSymmetricKey':
            args.push(value('scopeId', choice.scopeId), value('registrationId', choice.registrationId),
                { name: 'symmKey', kind: 'secret', secret: 'symmKey' });
            break;
    }
    if (choice.type !== 'ManualConnectionString' && choice.type !== 'ManualX509' && choice.globalEndpoint) {
        args.push(value('globalEndpoint', choice.globalEndpoint));
    }
    args.push({ name: 'headless', kind: 'switch' });
    return { cmdlet: 'Provision-EflowVm', arguments: args };
}

/** The download link of the chosen product, or null when the MSI comes from a host path. */
export function msiDownloadUrl(model: WizardModel): string | null {
    return model.product.source.kind === 'download'
        ? findEflowProduct(model.product.channel, model.product.architecture).downloadUrl
        : null;
}
