/**
 * AzureEFLOW error strings. Documented ones are verbatim from eflow.md (section in the comment); the others are
 * the simulator's own, worded in the module's style, for cases the sources do not cover (README lists them).
 */

/** eflow.md 4 (TSERR). */
export const NO_VM = 'Virtual machine does not exist, deploy it first';
/** Issue #254: what the module says when a command needs the VM and it is Off. */
export const VM_OFF = 'Cannot process request, EFLOW VM is OFF!';
/** eflow.md 5 (#105), with the line number the task fixed. */
export const IP_UNRESOLVED = 'Could not resolve virtual machine IP address at line 1542';
/**
 * eflow.md 5 (TSERR): Get-EflowVm while IoT Edge is unhealthy. Its ModuleList comes from `sudo iotedge list`, which
 * fails while aziot-edged is not running (stopped, down, or never started because the device is not provisioned).
 */
export const IOTEDGE_LIST_UNEXPECTED = "Unexpected return from 'sudo iotedge list'";
/** eflow.md 13 (TSERR, #255): every VM command once the WSSDAgent certificate has expired. */
export const WSSD_CERTIFICATE_EXPIRED = 'transport: authentication handshake failed: x509: certificate has expired';
/** eflow.md 1/7 (TSERR). */
export const redeployError = (productName: string): string =>
    `An existing virtual machine was detected. To redeploy the virtual machine, please uninstall and re-install ${productName}.`;
export const NOT_ENOUGH_MEMORY = 'Not enough memory available.';
export const NOT_ENOUGH_CPU = 'Not enough CPU cores available.';
export const notEnoughDisk = (drive: string): string => `Not enough disk space is available on drive '${drive}'`;
/** eflow.md 9 (NET). */
export const STATIC_IP_ON_ICS = 'Cannot set Static IP on ICS type virtual switch (Default Switch)';
export const invalidIp = (ip: string): string => `${ip} is not a valid IP4 address`;
export const unknownFeature = (feature: string): string => `Unknown feature '${feature}' is provided.`;
export const TPM_NOT_ENABLED = 'TPM provisioning was not enabled!';
/** eflow.md 4 (TSERR). */
export const PREVIOUSLY_PROVISIONED_HEADLESS = 'Aborting, iotedge was previously provisioned (headless mode)!';
export const PROVISIONING_FAILED = 'Failed to provision config.toml. Please provision manually.';
export const TPM_EXTRA_PARAMETERS =
    'Only scope ID and registration ID (optional) for DpsTpm provisioning may be specified';
/** eflow.md 7 (TSERR). */
export const HYPERVISOR_NOT_PRESENT =
    'Hyper-V properties indicate the Hyper-V component is not functional (property HyperVisorPresent is false)';
export const FIRMWARE_VIRTUALIZATION_OFF = 'Hyper-V properties indicate the Hyper-V component is not functional ' +
    '(property HyperVRequirementVirtualizationFirmwareEnabled is false)';
export const MULTIPLE_SWITCHES = 'Found multiple VMMS switches';
export const unsupportedDda = (gpuName: string): string => `Unsupported DDA Type: ${gpuName}`;
export const GPU_NOT_SUPPORTED = 'Requested GPU configuration cannot be supported by Host';
/** Issue #273. */
export const startMemoryError = (vmName: string, memoryMb: number): string =>
    `'${vmName}' failed to start. Not enough memory in the system to start the virtual machine ${vmName} with ram ` +
    `size ${memoryMb} megabytes.`;
/** eflow.md 1 (REF-1.4). */
export const CONNECT_NOT_SUPPORTED = 'Connect-EflowVm only works on a PowerShell session running on the host ' +
    "device. It won't work when using Windows Admin Center or PowerShell ISE.";
/** Issues #122/#126: nodectl failing to create the VM; the store message follows the wssdagent log of #126. */
export const vmCreationFailed = (installPath: string, vmName: string): string =>
    `Unable to create virtual machine. nodectl.exe compute vm create --config "${installPath}\\yaml\\vm.yaml" ` +
    `failed: rpc error: code = NotFound desc = Not Found [Store] unable to filter entity from store for ` +
    `type[VirtualMachineInternal], FilterName[Name], FilterValue[${vmName}]`;

// The simulator's own wording (undocumented cases).
export const DEPLOY_IN_PROGRESS = 'A deployment of the virtual machine is already in progress on this host.';
export const EULA_DECLINED = 'The End User License Agreement was not accepted (-acceptEula No). Deployment aborted.';
export const memoryNotEven = (memoryMb: number): string =>
    `Invalid memoryInMB value ${memoryMb}: the memory size must be an even number of MB.`;
export const memoryTooSmall = (memoryMb: number): string =>
    `Invalid memoryInMB value ${memoryMb}: the minimum is 1024 MB.`;
export const diskSizeOutOfRange = (size: number, min: number, max: number): string =>
    `Invalid vmDiskSize value ${size}: valid sizes are ${min} to ${max} GB.`;
export const dataSizeOutOfRange = (size: number): string =>
    `Invalid vmDataSize value ${size}: valid sizes are 2 to 2000 GB.`;
export const DISK_AND_DATA_SIZE = 'vmDiskSize and vmDataSize cannot be used together.';
export const DATA_SIZE_NOT_IN_11 = 'vmDataSize is not supported in Azure IoT Edge LTS 1.1.';
export const SWITCH_NAME_AND_TYPE = 'vswitchName and vswitchType must be given together.';
export const DEFAULT_SWITCH_ON_SERVER =
    'The Default Switch is not available on Windows Server. Create a virtual switch and pass -vswitchName and -vswitchType.';
export const INTERNAL_SWITCH_ON_CLIENT = 'Internal virtual switches are only supported on Windows Server SKUs.';
export const switchNotFound = (name: string, type: string): string =>
    `Virtual switch '${name}' of type '${type}' was not found. Create it before deploying.`;
export const adapterDown = (adapter: string, name: string): string =>
    `The physical network adapter '${adapter}' of the external virtual switch '${name}' is not connected.`;
export const STATIC_IP_INCOMPLETE =
    'A static IP configuration needs all of ip4Address, ip4PrefixLength and ip4GatewayAddress.';
export const notSameSubnet = (ip: string, gateway: string, prefix: number): string =>
    `ip4Address ${ip} and ip4GatewayAddress ${gateway} are not in the same /${prefix} subnet.`;
export const ipEqualsGateway = (ip: string): string => `ip4Address ${ip} must differ from ip4GatewayAddress.`;
export const ipInUse = (ip: string): string => `The IP address ${ip} is already in use on the network.`;
export const GPU_NAME_REQUIRED = 'gpuName is required when gpuPassthroughType is DirectDeviceAssignment or ParaVirtualization.';
export const GPU_TYPE_REQUIRED = 'gpuPassthroughType is required when gpuName is given.';
export const customSshMissing =
    'ssh.exe was not found. Install the OpenSSH.Client capability or deploy without -customSsh.';
export const hostFileNotFound = (path: string): string => `Cannot find path '${path}' because it does not exist.`;
export const CONNECTION_STRING_INVALID =
    'The device connection string is not valid: it needs HostName=...;DeviceId=...;SharedAccessKey=...';
export const PROVISIONING_TYPE_REQUIRED =
    'A provisioning type is required (-provisioningType ManualConnectionString|ManualX509|DpsTPM|DpsX509|DpsSymmetricKey).';
export const missingProvisioningParameters = (type: string, names: string[]): string =>
    `Missing parameter(s) for ${type} provisioning: ${names.join(', ')}.`;
export const networkNotAttached = (name: string): string =>
    `Network '${name}' is not attached to the virtual machine. Use Add-EflowNetwork first.`;
export const networkAlreadyAttached = (name: string): string =>
    `Network '${name}' is already attached to the virtual machine.`;
export const primaryNetworkRemoval = (name: string): string =>
    `The primary network '${name}' used at deployment cannot be removed.`;
export const networkHasEndpoints = (name: string): string =>
    `Network '${name}' still has endpoints. Remove them with Remove-EflowVmEndpoint first.`;
export const endpointNotFound = (name: string): string => `Endpoint '${name}' was not found.`;
export const endpointExists = (name: string): string => `Endpoint '${name}' already exists.`;
export const primaryEndpointRemoval = (name: string): string =>
    `The primary endpoint '${name}' cannot be removed.`;
export const MIGRATION_NOT_APPLICABLE =
    'Migration is only supported from Azure IoT Edge LTS 1.1 to Azure IoT Edge LTS 1.4.';
export const NO_MIGRATION = 'No migration is in progress. Run Start-EflowMigration first.';
export const vmCommandFailed = (command: string, exitCode: number, detail: string): string =>
    `Command '${command}' failed in the virtual machine with exit code ${exitCode}` + (detail ? `: ${detail}` : '.');
