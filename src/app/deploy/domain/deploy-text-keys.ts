import { PREREQUISITE_TEXT_KEYS } from './prerequisite-reasons';

/**
 * Every key of `Deploy.Text` (strings.resjson) the domain may use in a message (message-text.ts): the domain can name
 * no other (a compile error), and deploy-text-keys.spec.ts checks that each has a string. The prerequisite checks'
 * keys follow from their reason codes (prerequisite-reasons.ts).
 */
export const DEPLOY_TEXT_KEYS = [
    ...PREREQUISITE_TEXT_KEYS, 'prerequisiteDetailAndFix', 'externalSwitchOnAzureVm', 'externalSwitchAzureVmUnknown',
    'errorExternalSwitchOnAzureVm', 'errorAzureVmUnknown',
    'cpuRequired', 'cpuNotWhole', 'cpuTooLow', 'cpuTooHigh', 'memoryRequired', 'memoryNotWhole', 'memoryTooLow',
    'memoryOdd', 'memoryAboveFree', 'labelVmDiskSize', 'labelDataPartitionSize', 'sizeRequired', 'sizeNotWhole',
    'sizeOutOfRange', 'diskAboveFree', 'diskSizesExclusive', 'dnsTooMany', 'dnsEmpty', 'dnsInvalid', 'dnsNotUnicast',
    'dnsDuplicate', 'dnsMissingForStatic', 'reasonThisNetwork', 'reasonLoopback', 'reasonMulticast', 'reasonReserved',
    'gpuNameRequired', 'gpuNotFound', 'gpuTypeUnsupported', 'gpuNoPassthrough', 'listAnd', 'gpuPvCountNotOne',
    'ddaModelNotDocumented', 'gpuCountRequired', 'gpuCountTooLow', 'gpuCountTooHighOne', 'gpuCountTooHigh',
    'architectureMismatch', 'differentProductInstalled', 'labelInstallFolder', 'labelVmDiskFolder', 'eulaRequired',
    'labelMsiFile', 'labelIdentityCertificate', 'labelIdentityPrivateKey', 'pathRequired', 'pathTooLong',
    'pathInvalid', 'pathInvalidMsi', 'pathNotFound', 'pathOnShare', 'folderTooLong', 'folderInvalid',
    'scopeIdRequired', 'scopeIdInvalid', 'scopeIdUnusual', 'registrationIdRequired', 'registrationIdTooLong',
    'registrationIdInvalid', 'registrationIdUpperCase', 'globalEndpointTooLong', 'globalEndpointNotHttps',
    'globalEndpointInvalid', 'globalEndpointWithTpm', 'iotHubHostnameRequired', 'iotHubHostnameInvalid', 'deviceIdRequired', 'deviceIdInvalid',
    'tpmFeatureRequired', 'connectionStringRequired', 'connectionStringTooLong', 'connectionStringWhitespace',
    'connectionStringMalformed', 'connectionStringIsServiceString', 'connectionStringIsModuleString',
    'connectionStringIsX509', 'connectionStringUnknownField', 'connectionStringMissingField',
    'connectionStringBadHostName', 'connectionStringBadGatewayHostName', 'connectionStringBadDeviceId',
    'connectionStringBadKey', 'symmKeyRequired', 'symmKeyNotBase64', 'symmKeyLength', 'staticIpNeeds',
    'staticIpTogether', 'staticIpMissingAddress', 'staticIpMissingPrefix', 'staticIpMissingGateway', 'addressInvalid',
    'addressNotUnicast', 'labelVmAddress', 'labelGateway', 'prefixOutOfRange', 'ip4AddressIsNetwork',
    'ip4AddressIsBroadcast', 'gatewayOutsideSubnet', 'gatewayNotHostAddress', 'ip4AddressIsGateway',
    'staticIpOnDefaultSwitch', 'ip4AddressInUse', 'gatewayUnreachable', 'switchNameRequired', 'switchNameInvalid',
    'defaultSwitchByName', 'switchNotFound', 'switchNameDuplicate', 'switchPrivate', 'switchTypeMismatch',
    'internalSwitchOnClient', 'internalSwitchDhcp', 'externalAdapterUnknown', 'externalAdapterDown', 'switchNameTaken',
    'adapterRequired', 'adapterNotFound', 'adapterNotUp', 'adapterInUse', 'externalSwitchInterruptsNetwork',
    'defaultSwitchOnServer', 'newInternalNeedsStatic', 'prerequisitesNotChecked', 'valueNull',
    'valueList', 'valueText', 'valueObject', 'valueOther', 'expectedObject', 'expectedText', 'expectedWholeNumber',
    'expectedBoolean', 'expectedTextList', 'unknownSetting', 'importDpsTpmOff', 'importSecretEmpty',
    'importRetiredLts11', 'importRetiredLts14', 'importUnknownProduct', 'importProductUrlIgnored',
    'importProxyIgnored', 'importSwitchTypeInvalid', 'importSwitchNameInvalid', 'importAdapterIgnored',
    'importAdapterDiffers', 'importInternalAutoAddress', 'importNewInternalNoAddress', 'importInternalNoAddress',
    'importYesNoInvalid', 'importProductRequired', 'importLogSizeInvalid', 'importGpuTypeInvalid',
    'importGpuCountDefault', 'importProvisioningTypeInvalid', 'importProvisioningFieldIgnored', 'importSecretUsedOnce',
    'importNotJson', 'importJsonEndsEarly', 'importJsonBreaks', 'importSchemaVersion', 'errorHostFactsUnavailable',
    'errorHyperVNotAvailable', 'errorHyperVStateUnreadable', 'errorHyperVEnableFailed', 'errorHyperVUnavailable',
    'errorArchitectureMismatch', 'errorDifferentProductInstalled', 'errorMsiNotFound', 'errorDownloadFailed',
    'errorMsiexecFailed', 'errorMsiCancelled', 'errorMsiInstallFailed', 'errorMsiInstallInProgress',
    'errorMsiPackageUnreadable', 'errorMsiPackageInvalid', 'errorMsiBlockedByPolicy', 'errorMsiPlatformUnsupported',
    'errorMsiOtherVersionInstalled', 'errorMsiExitCode', 'errorInstallNotDetected', 'errorEflowNotInstalled',
    'errorEflowModuleUnavailable', 'errorSwitchNameReserved', 'errorAdapterRequired', 'errorAdapterNotFound',
    'errorAdapterNotUp', 'errorAdapterInUse', 'errorUnexpectedParameter', 'errorGatewayRequired',
    'errorInvalidGatewayAddress', 'errorInternalSwitchNotSupported', 'errorDuplicateSwitchName',
    'errorSwitchNameInUse', 'errorSwitchCreationFailed', 'errorSwitchAdapterMissing', 'errorHostAddressFailed',
    'errorNatCreationFailed', 'errorCpuCountTooHigh', 'errorMemoryNotEven', 'errorNotEnoughMemory',
    'errorDiskSizeConflict', 'errorSwitchIncomplete', 'errorDefaultSwitchOnServer', 'errorSwitchNotFound',
    'errorSwitchTypeMismatch', 'errorIncompleteStaticIp', 'errorStaticIpOnDefaultSwitch', 'errorInvalidStaticIp',
    'errorIpAddressInUse', 'errorUnexpectedGpuParameter', 'errorGpuNameRequired', 'errorGpuCountRequired',
    'errorGpuCountInvalid', 'errorGpuNotFound', 'errorGpuPassthroughUnsupported', 'errorGpuCountTooHigh',
    'errorDeploymentInProgress', 'errorVmStateUnknown', 'errorVmAlreadyExists', 'errorPartialDeploymentFound',
    'errorDeployNotEnoughMemory', 'errorDeployNotEnoughDisk', 'errorDeployNotEnoughCpu', 'errorDeployEflowFailed',
    'errorVmNotDeployed', 'errorVmStartFailed', 'errorFeatureStateUnreadable', 'errorMachineGuidUnreadable', 'errorInvalidDnsServers', 'errorDnsConfigurationFailed',
    'errorFeatureConfigurationFailed', 'errorTelemetryConfigurationFailed', 'errorMissingProvisioningParameter',
    'errorUnexpectedProvisioningParameter', 'errorInvalidConnectionString', 'errorInvalidSymmetricKey',
    'errorCertificateNotFound', 'errorPrivateKeyNotFound', 'errorTpmFeatureNotEnabled', 'errorDeploymentNotHealthy',
    'errorProvisioningFailed', 'errorUnknown', 'blockedRunExplanation', 'cancelInstallMsi', 'cancelDeployVm',
    'resumeDeploymentRunning', 'resumeRestartToEnableHyperV', 'resumeModuleUnavailable', 'resumeVmStateUnknown',
    'resumePartialDeployment', 'resumeBlocked', 'resumeFreshAfterRun', 'resumeFresh', 'resumeProductInstalled',
    'resumeVmDeployed', 'resumeVmDeployedStopped', 'resumeProvisioned', 'resumeUnknownSource', 'exportAdapterUnknown',
    'exportMsiPathDropped', 'exportConnectionStringLeftOut', 'exportSymmetricKeyLeftOut',
    'previewTitle', 'previewRunElevated', 'previewSection', 'previewSectionDone', 'previewInstall',
    'previewCreateSwitch', 'previewDeployVm', 'previewConfigureVm', 'previewProvision',
    // The way out of a partial deployment (Remove-EflowInstallation's refusals) and the Stop prompt's label for Deploy-Eflow.
    'stopLeavePartialVm', 'errorUninstallFailed', 'errorUninstallNotCompleted', 'errorVhdxRemovalFailed',
    'errorProductCodeUnreadable',
    // What an MSI given by path is (msi-package-rules.ts) and Install-EflowProduct's refusals of a wrong one.
    'msiUnreadable', 'msiNotEflow', 'msiNotEflowUnnamed', 'msiChannelMismatch', 'msiArchitectureMismatch',
    'errorMsiNotEflow', 'errorMsiProductMismatch', 'errorMsiArchitectureMismatch',
    // What the VM leaves the host (vm-size-rules.ts): warnings below one logical processor or 2 GB of free memory.
    'cpuHostLeftLow', 'memoryHostLeftLow',
    // A private key path's own example (host-path-rules.ts).
    'pathInvalidKey',
    // Why an exported 1.5 LTS names "Azure IoT Edge 1.4 LTS" (auto-deploy-products.ts).
    'exportLtsProductName'
] as const;

/** A key of `Deploy.Text`. */
export type DeployTextKey = typeof DEPLOY_TEXT_KEYS[number];
