/**
 * The coded errors of the deployment scripts (src/resources/scripts/deploy; a failure message starts with
 * `[Code] `), each with plain words for the admin and how to recover. test/scripts/deploy/script-sync.spec.ts checks
 * that every code a deploy script throws is listed here.
 */
import type { DeployTextKey } from './message-text';
import type { WizardPageId } from './wizard-pages';

/**
 * How to recover from a failed step:
 *  - rerun: run the step again as it is (after fixing the cause the explanation names, if any);
 *  - refreshFirst: read the host's state again and continue from the first step still to do;
 *  - editSettings: the input was refused; change it on `page` and deploy again;
 *  - uninstall: Deploy-Eflow left a partial deployment, which it never runs on again: only uninstalling EFLOW
 *    (Remove-EflowInstallation) and starting again from the product install goes on; no plain retry;
 *  - none: the wizard cannot recover; the explanation says what the admin must do outside it.
 */
export type Recovery =
    | { kind: 'rerun' }
    /** Read the host again and rerun; `editPage`: the settings page that may need a change first (also offered). */
    | { kind: 'refreshFirst'; editPage?: WizardPageId }
    | { kind: 'editSettings'; page: WizardPageId }
    | { kind: 'uninstall' }
    | { kind: 'none' };

export interface DeployErrorCode {
    /** The `Deploy.Text` key of its plain words: what happened and what to do. */
    explanation: DeployTextKey;
    recovery: Recovery;
}

const RERUN: Recovery = { kind: 'rerun' };
const REFRESH: Recovery = { kind: 'refreshFirst' };
const NONE: Recovery = { kind: 'none' };
const UNINSTALL: Recovery = { kind: 'uninstall' };
const edit = (page: WizardPageId): Recovery => ({ kind: 'editSettings', page });
/** The host may have changed (memory freed) or the settings may: both a retry and a change of settings are offered. */
const refreshOrEdit = (page: WizardPageId): Recovery => ({ kind: 'refreshFirst', editPage: page });

export const DEPLOY_ERROR_CODES: Readonly<Record<string, DeployErrorCode>> = {
    HostFactsUnavailable: { explanation: 'errorHostFactsUnavailable', recovery: RERUN },
    HyperVNotAvailable: { explanation: 'errorHyperVNotAvailable', recovery: NONE },
    HyperVStateUnreadable: { explanation: 'errorHyperVStateUnreadable', recovery: RERUN },
    HyperVEnableFailed: { explanation: 'errorHyperVEnableFailed', recovery: RERUN },
    HyperVUnavailable: { explanation: 'errorHyperVUnavailable', recovery: edit('prerequisites') },
    ArchitectureMismatch: { explanation: 'errorArchitectureMismatch', recovery: edit('product') },
    DifferentProductInstalled: { explanation: 'errorDifferentProductInstalled', recovery: NONE },
    MsiNotFound: { explanation: 'errorMsiNotFound', recovery: edit('product') },
    DownloadFailed: { explanation: 'errorDownloadFailed', recovery: RERUN },
    MsiexecFailed: { explanation: 'errorMsiexecFailed', recovery: RERUN },
    MsiCancelled: { explanation: 'errorMsiCancelled', recovery: RERUN },
    MsiInstallFailed: { explanation: 'errorMsiInstallFailed', recovery: RERUN },
    MsiInstallInProgress: { explanation: 'errorMsiInstallInProgress', recovery: RERUN },
    MsiPackageUnreadable: { explanation: 'errorMsiPackageUnreadable', recovery: edit('product') },
    MsiPackageInvalid: { explanation: 'errorMsiPackageInvalid', recovery: edit('product') },
    MsiBlockedByPolicy: { explanation: 'errorMsiBlockedByPolicy', recovery: NONE },
    MsiPlatformUnsupported: { explanation: 'errorMsiPlatformUnsupported', recovery: edit('product') },
    MsiOtherVersionInstalled: { explanation: 'errorMsiOtherVersionInstalled', recovery: NONE },
    MsiExitCode: { explanation: 'errorMsiExitCode', recovery: RERUN },
    // An MSI given by path that is not the chosen product (Install-EflowProduct reads the package before installing).
    MsiNotEflow: { explanation: 'errorMsiNotEflow', recovery: edit('product') },
    MsiProductMismatch: { explanation: 'errorMsiProductMismatch', recovery: edit('product') },
    MsiArchitectureMismatch: { explanation: 'errorMsiArchitectureMismatch', recovery: edit('product') },
    InstallNotDetected: { explanation: 'errorInstallNotDetected', recovery: REFRESH },
    EflowNotInstalled: { explanation: 'errorEflowNotInstalled', recovery: REFRESH },
    EflowModuleUnavailable: { explanation: 'errorEflowModuleUnavailable', recovery: RERUN },
    SwitchNameReserved: { explanation: 'errorSwitchNameReserved', recovery: edit('network') },
    ExternalSwitchOnAzureVm: { explanation: 'errorExternalSwitchOnAzureVm', recovery: edit('network') },
    AzureVmUnknown: { explanation: 'errorAzureVmUnknown', recovery: refreshOrEdit('network') },
    AdapterRequired: { explanation: 'errorAdapterRequired', recovery: edit('network') },
    AdapterNotFound: { explanation: 'errorAdapterNotFound', recovery: edit('network') },
    AdapterNotUp: { explanation: 'errorAdapterNotUp', recovery: edit('network') },
    AdapterInUse: { explanation: 'errorAdapterInUse', recovery: edit('network') },
    UnexpectedParameter: { explanation: 'errorUnexpectedParameter', recovery: edit('network') },
    GatewayRequired: { explanation: 'errorGatewayRequired', recovery: edit('network') },
    InvalidGatewayAddress: { explanation: 'errorInvalidGatewayAddress', recovery: edit('network') },
    InternalSwitchNotSupported: { explanation: 'errorInternalSwitchNotSupported', recovery: edit('network') },
    DuplicateSwitchName: { explanation: 'errorDuplicateSwitchName', recovery: edit('network') },
    SwitchNameInUse: { explanation: 'errorSwitchNameInUse', recovery: edit('network') },
    SwitchCreationFailed: { explanation: 'errorSwitchCreationFailed', recovery: RERUN },
    SwitchAdapterMissing: { explanation: 'errorSwitchAdapterMissing', recovery: RERUN },
    HostAddressFailed: { explanation: 'errorHostAddressFailed', recovery: RERUN },
    NatCreationFailed: { explanation: 'errorNatCreationFailed', recovery: RERUN },
    CpuCountTooHigh: { explanation: 'errorCpuCountTooHigh', recovery: edit('vmSize') },
    MemoryNotEven: { explanation: 'errorMemoryNotEven', recovery: edit('vmSize') },
    NotEnoughMemory: { explanation: 'errorNotEnoughMemory', recovery: edit('vmSize') },
    DiskSizeConflict: { explanation: 'errorDiskSizeConflict', recovery: edit('vmSize') },
    SwitchIncomplete: { explanation: 'errorSwitchIncomplete', recovery: edit('network') },
    DefaultSwitchOnServer: { explanation: 'errorDefaultSwitchOnServer', recovery: edit('network') },
    SwitchNotFound: { explanation: 'errorSwitchNotFound', recovery: edit('network') },
    SwitchTypeMismatch: { explanation: 'errorSwitchTypeMismatch', recovery: edit('network') },
    IncompleteStaticIp: { explanation: 'errorIncompleteStaticIp', recovery: edit('network') },
    StaticIpOnDefaultSwitch: { explanation: 'errorStaticIpOnDefaultSwitch', recovery: edit('network') },
    InvalidStaticIp: { explanation: 'errorInvalidStaticIp', recovery: edit('network') },
    IpAddressInUse: { explanation: 'errorIpAddressInUse', recovery: edit('network') },
    UnexpectedGpuParameter: { explanation: 'errorUnexpectedGpuParameter', recovery: edit('gpu') },
    GpuNameRequired: { explanation: 'errorGpuNameRequired', recovery: edit('gpu') },
    GpuCountRequired: { explanation: 'errorGpuCountRequired', recovery: edit('gpu') },
    GpuCountInvalid: { explanation: 'errorGpuCountInvalid', recovery: edit('gpu') },
    GpuNotFound: { explanation: 'errorGpuNotFound', recovery: edit('gpu') },
    GpuPassthroughUnsupported: { explanation: 'errorGpuPassthroughUnsupported', recovery: edit('gpu') },
    GpuCountTooHigh: { explanation: 'errorGpuCountTooHigh', recovery: edit('gpu') },
    DeploymentInProgress: { explanation: 'errorDeploymentInProgress', recovery: REFRESH },
    VmStateUnknown: { explanation: 'errorVmStateUnknown', recovery: REFRESH },
    VmAlreadyExists: { explanation: 'errorVmAlreadyExists', recovery: REFRESH },
    PartialDeploymentFound: { explanation: 'errorPartialDeploymentFound', recovery: UNINSTALL },
    DeployNotEnoughMemory: { explanation: 'errorDeployNotEnoughMemory', recovery: refreshOrEdit('vmSize') },
    DeployNotEnoughDisk: { explanation: 'errorDeployNotEnoughDisk', recovery: refreshOrEdit('vmSize') },
    DeployNotEnoughCpu: { explanation: 'errorDeployNotEnoughCpu', recovery: refreshOrEdit('vmSize') },
    DeployEflowFailed: { explanation: 'errorDeployEflowFailed', recovery: REFRESH },
    VmNotDeployed: { explanation: 'errorVmNotDeployed', recovery: REFRESH },
    VmStartFailed: { explanation: 'errorVmStartFailed', recovery: RERUN },
    FeatureStateUnreadable: { explanation: 'errorFeatureStateUnreadable', recovery: RERUN },
    MachineGuidUnreadable: { explanation: 'errorMachineGuidUnreadable', recovery: RERUN },
    InvalidDnsServers: { explanation: 'errorInvalidDnsServers', recovery: edit('network') },
    DnsConfigurationFailed: { explanation: 'errorDnsConfigurationFailed', recovery: RERUN },
    FeatureConfigurationFailed: { explanation: 'errorFeatureConfigurationFailed', recovery: RERUN },
    TelemetryConfigurationFailed: { explanation: 'errorTelemetryConfigurationFailed', recovery: RERUN },
    MissingProvisioningParameter: { explanation: 'errorMissingProvisioningParameter', recovery: edit('provisioning') },
    UnexpectedProvisioningParameter: { explanation: 'errorUnexpectedProvisioningParameter', recovery: edit('provisioning') },
    InvalidConnectionString: { explanation: 'errorInvalidConnectionString', recovery: edit('provisioning') },
    InvalidSymmetricKey: { explanation: 'errorInvalidSymmetricKey', recovery: edit('provisioning') },
    CertificateNotFound: { explanation: 'errorCertificateNotFound', recovery: edit('provisioning') },
    PrivateKeyNotFound: { explanation: 'errorPrivateKeyNotFound', recovery: edit('provisioning') },
    TpmFeatureNotEnabled: { explanation: 'errorTpmFeatureNotEnabled', recovery: edit('features') },
    DeploymentNotHealthy: { explanation: 'errorDeploymentNotHealthy', recovery: RERUN },
    ProvisioningFailed: { explanation: 'errorProvisioningFailed', recovery: REFRESH },
    // Remove-EflowInstallation: a failed uninstall changed nothing (or left only the disk), so it is tried again.
    UninstallFailed: { explanation: 'errorUninstallFailed', recovery: UNINSTALL },
    UninstallNotCompleted: { explanation: 'errorUninstallNotCompleted', recovery: UNINSTALL },
    VhdxRemovalFailed: { explanation: 'errorVhdxRemovalFailed', recovery: UNINSTALL },
    ProductCodeUnreadable: { explanation: 'errorProductCodeUnreadable', recovery: NONE }
};
