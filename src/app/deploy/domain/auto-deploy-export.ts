/**
 * Exports a wizard model as an eflowAutoDeploy user configuration (auto-deploy-config.ts). Secrets are never
 * exported (the model has none, and the file's secret fields are typed blank); the admin fills them in.
 */
import {
    AUTO_DEPLOY_SCHEMA_VERSION, AUTO_DEPLOY_VERSION, type AutoDeployConfig
} from './auto-deploy-config';
import { autoDeployProductFor } from './auto-deploy-products';
import type { ProvisioningChoice } from './provisioning-choice';
import type { WizardModel } from './wizard-model';

export interface AutoDeployExport {
    config: AutoDeployConfig;
    /** What the file cannot express or leaves to the admin, in plain English (shown next to the download). */
    notes: string[];
}

function networkOf(model: WizardModel): AutoDeployConfig['network'] {
    const network = model.network;
    const virtualSwitch = network.virtualSwitch;
    const isStatic = network.addressing === 'static';
    return {
        adapterName: virtualSwitch.kind === 'newExternal' ? virtualSwitch.adapterName : '',
        vswitchName: virtualSwitch.kind === 'defaultSwitch' ? '' : virtualSwitch.switchName,
        vswitchType: virtualSwitch.kind === 'defaultSwitch' ? ''
            : virtualSwitch.kind === 'existing' ? virtualSwitch.switchType
                : virtualSwitch.kind === 'newExternal' ? 'External' : 'Internal',
        ip4Address: isStatic ? network.staticIp.ip4Address : '',
        ip4GatewayAddress: isStatic ? network.staticIp.ip4GatewayAddress : '',
        ip4PrefixLength: isStatic && network.staticIp.ip4PrefixLength !== null ? network.staticIp.ip4PrefixLength : '',
        useHostProxy: false,
        httpProxy: '',
        httpsProxy: '',
        ftpProxy: '',
        dnsServers: [...network.dnsServers]
    };
}

function vmConfigOf(model: WizardModel): AutoDeployConfig['vmConfig'] {
    const { vmSize, gpu } = model;
    return {
        cpuCount: vmSize.cpuCount ?? 0,
        memoryInMB: vmSize.memoryInMB ?? 0,
        vmDiskSize: vmSize.disk.kind === 'osDisk' ? vmSize.disk.vmDiskSizeGB ?? 0 : 0,
        vmDataSize: vmSize.disk.kind === 'dataPartition' ? vmSize.disk.vmDataSizeGB ?? 0 : 0,
        vmLogSize: vmSize.vmLogSize,
        gpuPassthroughType: gpu.passthroughType === 'none' ? '' : gpu.passthroughType,
        gpuName: gpu.passthroughType === 'none' ? '' : gpu.gpuName,
        gpuCount: gpu.passthroughType === 'DirectDeviceAssignment' ? gpu.gpuCount ?? 0
            : gpu.passthroughType === 'ParaVirtualization' ? 1 : 0
    };
}

function provisioningOf(choice: ProvisioningChoice): AutoDeployConfig['eflowProvisioning'] {
    const blank: AutoDeployConfig['eflowProvisioning'] = {
        provisioningType: '', devConnString: '', iotHubHostname: '', deviceId: '', scopeId: '', symmKey: '',
        registrationId: '', identityCertPath: '', identityPrivKeyPath: '', globalEndpoint: ''
    };
    switch (choice.type) {
        case 'skip':
            return blank;
        case 'ManualConnectionString':
            return { ...blank, provisioningType: choice.type };
        case 'ManualX509':
            return {
                ...blank, provisioningType: choice.type, iotHubHostname: choice.iotHubHostname, deviceId: choice.deviceId,
                identityCertPath: choice.identityCertPath, identityPrivKeyPath: choice.identityPrivKeyPath
            };
        case 'DpsTPM':
            return { ...blank, provisioningType: choice.type, scopeId: choice.scopeId, registrationId: choice.registrationId, globalEndpoint: choice.globalEndpoint };
        case 'DpsX509':
            return {
                ...blank, provisioningType: choice.type, scopeId: choice.scopeId, identityCertPath: choice.identityCertPath,
                identityPrivKeyPath: choice.identityPrivKeyPath, globalEndpoint: choice.globalEndpoint
            };
        case 'DpsSymmetricKey':
            return { ...blank, provisioningType: choice.type, scopeId: choice.scopeId, registrationId: choice.registrationId, globalEndpoint: choice.globalEndpoint };
    }
}

/** The file for a model, with notes on what it leaves out. */
export function exportAutoDeployConfig(model: WizardModel): AutoDeployExport {
    const notes: string[] = [];
    if (model.product.source.kind === 'hostPath') {
        notes.push('eflowAutoDeploy has no setting for an MSI file on the host: the file downloads the channel\'s MSI instead.');
    }
    if (model.provisioning.type === 'ManualConnectionString') {
        notes.push('The device connection string is not exported: fill in eflowProvisioning.devConnString before using the file.');
    }
    if (model.provisioning.type === 'DpsSymmetricKey') {
        notes.push('The symmetric key is not exported: fill in eflowProvisioning.symmKey before using the file.');
    }
    const config: AutoDeployConfig = {
        schemaVersion: AUTO_DEPLOY_SCHEMA_VERSION,
        version: AUTO_DEPLOY_VERSION,
        ...autoDeployProductFor(model.product.channel, model.product.architecture),
        installOptions: { installPath: model.product.installPath, vhdxPath: model.product.vhdxPath },
        enduser: {
            acceptEula: model.features.eulaAccepted ? 'Yes' : 'No',
            acceptOptionalTelemetry: model.features.optionalTelemetry ? 'Yes' : 'No'
        },
        network: networkOf(model),
        vmConfig: vmConfigOf(model),
        vmFeature: { DpsTpm: model.features.dpsTpm, Defender: model.features.defender },
        eflowProvisioning: provisioningOf(model.provisioning)
    };
    return { config, notes };
}

/** The file's text: indented JSON as in eflowAutoDeploy's template. */
export function serializeAutoDeployConfig(config: AutoDeployConfig): string {
    return JSON.stringify(config, null, 4) + '\n';
}
