/**
 * The eflowAutoDeploy user configuration file (eflow.md section 6; Azure/iotedge-eflow
 * eflowautodeploy/eflow-userconfig-template.json), as the wizard writes it. Unset values follow the template: ""
 * for text, 0 for numbers, false for flags.
 *
 * Secret fields are typed as the empty string: an export can leave them blank but cannot carry a value. Blank
 * rather than a placeholder such as "<device connection string>": eflowAutoDeploy checks only that required
 * fields are non-empty, so a placeholder would pass its check and fail later inside Provision-EflowVm, while a blank
 * fails at once with "provisioningType ManualConnectionString requires devConnString value".
 */
import type { MessageText } from './message-text';
import type { ProvisioningType } from './provisioning-choice';

export const AUTO_DEPLOY_SCHEMA_VERSION = '1.1';
export const AUTO_DEPLOY_VERSION = '1.0';

/** eflowAutoDeploy's product names (section 6). 1.5 LTS has none: see auto-deploy-products.ts. */
export type AutoDeployProductName =
    | 'Azure IoT Edge LTS'
    | 'Azure IoT Edge CR X64'
    | 'Azure IoT Edge CR ARM64'
    | 'Azure IoT Edge 1.4 LTS X64'
    | 'Azure IoT Edge 1.4 LTS ARM64';

export interface AutoDeployConfig {
    schemaVersion: string;
    version: string;
    eflowProduct: AutoDeployProductName;
    /** Overrides the product's download link in eflowAutoDeploy; "" for the product's own link. */
    eflowProductUrl: string;
    installOptions: { installPath: string; vhdxPath: string };
    enduser: { acceptEula: 'Yes' | 'No'; acceptOptionalTelemetry: 'Yes' | 'No' };
    network: {
        /** The physical adapter eflowAutoDeploy binds a new External switch to. */
        adapterName: string;
        vswitchName: string;
        vswitchType: '' | 'Internal' | 'External';
        ip4Address: string;
        ip4GatewayAddress: string;
        /** "" when no static address (the template's type for the unset value). */
        ip4PrefixLength: number | '';
        useHostProxy: boolean;
        httpProxy: string;
        httpsProxy: string;
        ftpProxy: string;
        dnsServers: string[];
    };
    vmConfig: {
        cpuCount: number;
        memoryInMB: number;
        /** 0: Deploy-Eflow's default. */
        vmDiskSize: number;
        vmDataSize: number;
        /**
         * Not in the template, but eflowAutoDeploy passes every vmConfig property to Deploy-Eflow, whose -vmLogSize
         * this is; so the file keeps the wizard's choice and eflowAutoDeploy honours it.
         */
        vmLogSize: 'Small' | 'Large';
        gpuPassthroughType: '' | 'DirectDeviceAssignment' | 'ParaVirtualization';
        gpuName: string;
        gpuCount: number;
    };
    vmFeature: { DpsTpm: boolean; Defender: boolean };
    eflowProvisioning: {
        provisioningType: '' | ProvisioningType;
        devConnString: '';
        iotHubHostname: string;
        deviceId: string;
        scopeId: string;
        symmKey: '';
        registrationId: string;
        identityCertPath: string;
        identityPrivKeyPath: string;
        globalEndpoint: string;
    };
}

/** The path of an issue about the whole file (not JSON, not an object): the review shows the file's name instead. */
export const WHOLE_FILE_PATH = '(file)';

/** A problem found in an imported file: where (a dotted JSON path) and what, in plain English. */
export interface AutoDeployIssue {
    /** The setting it is about, e.g. `vmConfig.cpuCount`, or WHOLE_FILE_PATH. */
    path: string;
    /** What is wrong or changed, said of the setting (e.g. "expected a whole number, ..."). */
    text: MessageText;
}

/** The errors (the file cannot be used) and warnings (something is ignored or changed) of an import. */
export interface AutoDeployIssues {
    errors: AutoDeployIssue[];
    warnings: AutoDeployIssue[];
}
