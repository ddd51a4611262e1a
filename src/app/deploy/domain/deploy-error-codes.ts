/**
 * The coded errors of the deployment scripts (src/resources/scripts/deploy; a failure message starts with
 * `[Code] `), each with plain words for the admin and how to recover. test/scripts/deploy/script-sync.spec.ts checks
 * that every code a deploy script throws is listed here.
 */
import type { WizardPageId } from './wizard-pages';

/**
 * How to recover from a failed step:
 *  - rerun: run the step again as it is (after fixing the cause the explanation names, if any);
 *  - refreshFirst: read the host's state again and continue from the first step still to do;
 *  - editSettings: the input was refused; change it on `page` and deploy again;
 *  - none: the wizard cannot recover; the explanation says what the admin must do outside it.
 */
export type Recovery =
    | { kind: 'rerun' }
    /** Read the host again and rerun; `editPage`: the settings page that may need a change first (also offered). */
    | { kind: 'refreshFirst'; editPage?: WizardPageId }
    | { kind: 'editSettings'; page: WizardPageId }
    | { kind: 'none' };

export interface DeployErrorCode {
    /** Plain words: what happened and what to do. */
    explanation: string;
    recovery: Recovery;
}

const RERUN: Recovery = { kind: 'rerun' };
const REFRESH: Recovery = { kind: 'refreshFirst' };
const NONE: Recovery = { kind: 'none' };
const edit = (page: WizardPageId): Recovery => ({ kind: 'editSettings', page });
/** The host may have changed (memory freed) or the settings may: both a retry and a change of settings are offered. */
const refreshOrEdit = (page: WizardPageId): Recovery => ({ kind: 'refreshFirst', editPage: page });

export const DEPLOY_ERROR_CODES: Readonly<Record<string, DeployErrorCode>> = {
    HostFactsUnavailable: { explanation: 'The host\'s basic facts could not be read. Check the connection to the host and try again.', recovery: RERUN },
    HyperVNotAvailable: { explanation: 'This Windows edition has no Hyper-V, which EFLOW needs.', recovery: NONE },
    HyperVEnableFailed: { explanation: 'Hyper-V could not be enabled. The message below says why.', recovery: RERUN },
    HyperVUnavailable: { explanation: 'The host\'s virtual switches could not be listed; Hyper-V may not be enabled yet.', recovery: edit('prerequisites') },
    ArchitectureMismatch: { explanation: 'The chosen MSI is for another processor architecture than the host\'s.', recovery: edit('product') },
    DifferentProductInstalled: { explanation: 'Another EFLOW channel is installed. Uninstall it first; channels cannot be switched in place.', recovery: NONE },
    MsiNotFound: { explanation: 'The host cannot find the MSI file.', recovery: edit('product') },
    DownloadFailed: { explanation: 'The installer could not be downloaded. Check that the host reaches the Internet (proxy, firewall), then retry.', recovery: RERUN },
    MsiexecFailed: { explanation: 'Windows Installer could not be started on the host.', recovery: RERUN },
    MsiCancelled: { explanation: 'The installation was cancelled on the host.', recovery: RERUN },
    MsiInstallFailed: { explanation: 'Windows Installer failed (1603, 0x80070643). The installation log named below has the cause.', recovery: RERUN },
    MsiInstallInProgress: { explanation: 'Another installation (often Windows Update) is running on the host. Wait a few minutes, then retry.', recovery: RERUN },
    MsiPackageUnreadable: { explanation: 'The MSI could not be opened; check the path and that the host can read it.', recovery: edit('product') },
    MsiPackageInvalid: { explanation: 'The file is not a valid Windows Installer package.', recovery: edit('product') },
    MsiBlockedByPolicy: { explanation: 'A system policy on the host blocks the installation.', recovery: NONE },
    MsiPlatformUnsupported: { explanation: 'The MSI does not support the host\'s processor.', recovery: edit('product') },
    MsiOtherVersionInstalled: { explanation: 'Another EFLOW version is installed; uninstall it first.', recovery: NONE },
    MsiExitCode: { explanation: 'Windows Installer ended with an unexpected code; the installation log has the details.', recovery: RERUN },
    InstallNotDetected: { explanation: 'The installer reported success but EFLOW is not registered on the host.', recovery: REFRESH },
    EflowNotInstalled: { explanation: 'EFLOW is not installed on the host.', recovery: REFRESH },
    EflowModuleUnavailable: { explanation: 'The AzureEFLOW PowerShell module could not be loaded. Repair or reinstall EFLOW if this persists.', recovery: RERUN },
    SwitchNameReserved: { explanation: '"Default Switch" is Hyper-V\'s own switch name.', recovery: edit('network') },
    AdapterRequired: { explanation: 'An External switch needs a physical network adapter.', recovery: edit('network') },
    AdapterNotFound: { explanation: 'The host has no physical network adapter of that name.', recovery: edit('network') },
    AdapterNotUp: { explanation: 'The switch\'s network adapter is not connected.', recovery: edit('network') },
    AdapterInUse: { explanation: 'The adapter already carries an External switch; use that switch.', recovery: edit('network') },
    UnexpectedParameter: { explanation: 'The switch settings do not go together (an adapter for an Internal switch, a gateway for an External one).', recovery: edit('network') },
    GatewayRequired: { explanation: 'A new Internal switch needs the gateway address and prefix length.', recovery: edit('network') },
    InvalidGatewayAddress: { explanation: 'The gateway cannot be the host\'s address on the new Internal switch: it must be a unicast address inside the VM\'s subnet, not its network or broadcast address, and not the VM\'s own address. Nothing was created.', recovery: edit('network') },
    InternalSwitchNotSupported: { explanation: 'EFLOW supports Internal switches on Windows Server only.', recovery: edit('network') },
    DuplicateSwitchName: { explanation: 'Several switches have that name; Deploy-Eflow would fail. Rename or remove the extra ones.', recovery: edit('network') },
    SwitchNameInUse: { explanation: 'A switch of another type has that name.', recovery: edit('network') },
    SwitchCreationFailed: { explanation: 'Hyper-V could not create the switch.', recovery: RERUN },
    SwitchAdapterMissing: { explanation: 'The new switch\'s host adapter did not appear yet. Retry in a few seconds.', recovery: RERUN },
    HostAddressFailed: { explanation: 'The gateway address could not be set on the host side of the switch.', recovery: RERUN },
    NatCreationFailed: { explanation: 'The NAT for the Internal switch could not be created (another NAT may overlap its subnet).', recovery: RERUN },
    CpuCountTooHigh: { explanation: 'The VM has more processors than the host.', recovery: edit('vmSize') },
    MemoryNotEven: { explanation: 'The VM memory must be an even number of MB.', recovery: edit('vmSize') },
    NotEnoughMemory: { explanation: 'The host does not have that much free memory now.', recovery: edit('vmSize') },
    DiskSizeConflict: { explanation: 'Only one of the VM disk size and the data partition size can be given.', recovery: edit('vmSize') },
    SwitchIncomplete: { explanation: 'A switch needs both its name and its type.', recovery: edit('network') },
    DefaultSwitchOnServer: { explanation: 'Windows Server has no Default Switch.', recovery: edit('network') },
    SwitchNotFound: { explanation: 'The chosen switch does not exist on the host.', recovery: edit('network') },
    SwitchTypeMismatch: { explanation: 'The chosen switch has another type on the host.', recovery: edit('network') },
    IncompleteStaticIp: { explanation: 'A static address needs the address, the prefix length and the gateway.', recovery: edit('network') },
    StaticIpOnDefaultSwitch: { explanation: 'The Default Switch cannot give the VM a static address.', recovery: edit('network') },
    InvalidStaticIp: { explanation: 'The static address does not fit its subnet or gateway.', recovery: edit('network') },
    IpAddressInUse: { explanation: 'Another device answers at the VM\'s static address.', recovery: edit('network') },
    UnexpectedGpuParameter: { explanation: 'GPU settings were given without a passthrough type.', recovery: edit('gpu') },
    GpuNameRequired: { explanation: 'GPU passthrough needs a GPU.', recovery: edit('gpu') },
    GpuCountRequired: { explanation: 'Direct Device Assignment needs the number of GPUs to dedicate to the VM.', recovery: edit('gpu') },
    GpuCountInvalid: { explanation: 'GPU paravirtualization shares exactly one GPU.', recovery: edit('gpu') },
    GpuNotFound: { explanation: 'EFLOW does not see that GPU on the host.', recovery: edit('gpu') },
    GpuPassthroughUnsupported: { explanation: 'The GPU does not support the chosen passthrough type.', recovery: edit('gpu') },
    GpuCountTooHigh: { explanation: 'The host has fewer GPUs of that model.', recovery: edit('gpu') },
    DeploymentInProgress: { explanation: 'Another session is deploying EFLOW on this host right now. Wait for it to finish.', recovery: REFRESH },
    VmStateUnknown: { explanation: 'Whether the VM exists could not be read, so Deploy-Eflow was not run. Retry; repair EFLOW if this persists.', recovery: REFRESH },
    VmAlreadyExists: { explanation: 'The VM exists already (an earlier attempt created it). EFLOW deploys once per installation, so the wizard continues with the next step.', recovery: REFRESH },
    PartialDeploymentFound: { explanation: 'An earlier Deploy-Eflow stopped part-way and left a VM disk. Uninstall and reinstall EFLOW, then run the wizard again.', recovery: NONE },
    DeployNotEnoughMemory: { explanation: 'Deploy-Eflow found too little free memory on the host for this VM and did not create it. Give the VM less memory on the VM size page, or free memory on the host, then deploy again.', recovery: refreshOrEdit('vmSize') },
    DeployNotEnoughDisk: { explanation: 'Deploy-Eflow found too little free space on the drive that holds the VM disk and did not create the VM. Choose a smaller disk on the VM size page, or free space on that drive, then deploy again.', recovery: refreshOrEdit('vmSize') },
    DeployNotEnoughCpu: { explanation: 'Deploy-Eflow found too few processor cores on the host for this VM and did not create it. Give the VM fewer virtual processors on the VM size page, then deploy again.', recovery: refreshOrEdit('vmSize') },
    DeployEflowFailed: { explanation: 'Deploy-Eflow failed. Before a retry the wizard reads the host again, so a VM is never deployed twice.', recovery: REFRESH },
    VmNotDeployed: { explanation: 'There is no EFLOW VM on the host.', recovery: REFRESH },
    VmStartFailed: { explanation: 'The VM could not be started.', recovery: RERUN },
    InvalidDnsServers: { explanation: 'A DNS server address is repeated or not a unicast address.', recovery: edit('network') },
    DnsConfigurationFailed: { explanation: 'The DNS servers could not be set in the VM.', recovery: RERUN },
    FeatureConfigurationFailed: { explanation: 'A VM feature could not be changed.', recovery: RERUN },
    TelemetryConfigurationFailed: { explanation: 'The telemetry option could not be changed.', recovery: RERUN },
    MissingProvisioningParameter: { explanation: 'A setting the provisioning type needs is missing.', recovery: edit('provisioning') },
    UnexpectedProvisioningParameter: { explanation: 'A setting does not belong to the provisioning type.', recovery: edit('provisioning') },
    InvalidConnectionString: { explanation: 'The device connection string is not valid.', recovery: edit('provisioning') },
    InvalidSymmetricKey: { explanation: 'The symmetric key is not valid.', recovery: edit('provisioning') },
    CertificateNotFound: { explanation: 'The host cannot find the identity certificate.', recovery: edit('provisioning') },
    PrivateKeyNotFound: { explanation: 'The host cannot find the identity private key.', recovery: edit('provisioning') },
    TpmFeatureNotEnabled: { explanation: 'TPM provisioning needs the DpsTpm feature.', recovery: edit('features') },
    DeploymentNotHealthy: { explanation: 'Every step ran, but the check afterwards found the device not healthy (the message below says what). A runtime that has just started can need a minute: check again.', recovery: RERUN },
    ProvisioningFailed: { explanation: 'Provision-EflowVm failed. Before a retry the wizard checks whether the device got provisioned anyway.', recovery: REFRESH }
};
