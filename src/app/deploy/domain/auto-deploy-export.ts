/**
 * Exports a wizard model as an eflowAutoDeploy user configuration (auto-deploy-config.ts). Secrets are never
 * exported (the model has none, and the file's secret fields are typed blank); the admin fills them in.
 */
import {
    AUTO_DEPLOY_SCHEMA_VERSION, AUTO_DEPLOY_VERSION, type AutoDeployConfig
} from './auto-deploy-config';
import { autoDeployProductFor, autoDeployProductNote } from './auto-deploy-products';
import type { HostNetAdapter, HostVirtualSwitch } from './deployment-prerequisites';
import { messageOf, type MessageText } from './message-text';
import type { ProvisioningChoice } from './provisioning-choice';
import type { SwitchChoice, WizardModel } from './wizard-model';

/** What the export may know of the host: the adapter an existing External switch is bound to. */
export interface AutoDeployExportHost {
    switches: readonly HostVirtualSwitch[];
    physicalAdapters: readonly HostNetAdapter[];
}

export interface AutoDeployExport {
    config: AutoDeployConfig;
    /** What the file cannot express or leaves to the admin, in plain English (shown next to the download). */
    notes: MessageText[];
}

/**
 * The physical adapter of an existing External switch, by name: the host lists the switch with the adapter's
 * InterfaceDescription and the physical adapters with both. Null when the host facts do not tell.
 */
function adapterOfExistingSwitch(switchName: string, host: AutoDeployExportHost | null): string | null {
    const found = host?.switches.find(s => s.switchType === 'External' && s.name.toLowerCase() === switchName.toLowerCase());
    const description = found?.netAdapterInterfaceDescription ?? null;
    return host?.physicalAdapters.find(adapter => description !== null && adapter.interfaceDescription === description)?.name ?? null;
}

/**
 * network.adapterName: eflowAutoDeploy refuses an External switch without it ("adapterName required for External
 * switch", and the name must be a physical adapter that is Up), even when the switch exists already. Null: an
 * existing External switch whose adapter the host facts do not tell.
 */
function adapterNameOf(virtualSwitch: SwitchChoice, host: AutoDeployExportHost | null): string | null {
    switch (virtualSwitch.kind) {
        case 'newExternal':
            return virtualSwitch.adapterName;
        case 'existing':
            return virtualSwitch.switchType === 'External' ? adapterOfExistingSwitch(virtualSwitch.switchName, host) : '';
        default:
            return '';
    }
}

function networkOf(model: WizardModel, adapterName: string): AutoDeployConfig['network'] {
    const network = model.network;
    const virtualSwitch = network.virtualSwitch;
    const isStatic = network.addressing === 'static';
    return {
        adapterName,
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

/**
 * The file for a model, with notes on what it leaves out. `host`: the host's switches and adapters (null when not
 * read), which name the adapter of an existing External switch.
 */
export function exportAutoDeployConfig(model: WizardModel, host: AutoDeployExportHost | null = null): AutoDeployExport {
    const notes: MessageText[] = [];
    const virtualSwitch = model.network.virtualSwitch;
    const adapterName = adapterNameOf(virtualSwitch, host);
    if (adapterName === null && virtualSwitch.kind === 'existing') {
        notes.push(messageOf('exportAdapterUnknown', { name: virtualSwitch.switchName }));
    }
    if (model.product.source.kind === 'hostPath') {
        notes.push(messageOf('exportMsiPathDropped'));
    }
    const productNote = autoDeployProductNote(model.product.channel, model.product.architecture);
    if (productNote) {
        notes.push(productNote);
    }
    if (model.provisioning.type === 'ManualConnectionString') {
        notes.push(messageOf('exportConnectionStringLeftOut'));
    }
    if (model.provisioning.type === 'DpsSymmetricKey') {
        notes.push(messageOf('exportSymmetricKeyLeftOut'));
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
        network: networkOf(model, adapterName ?? ''),
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
