/**
 * Outputs of the deployment wizard's two reads as the PowerShell host returned them for simulated hosts
 * (ready-to-deploy before and after its VM was deployed, srv2022-dps), captured once and kept as test data for the
 * parsers, the gateway service and the wizard store. Each function returns a fresh copy.
 */

/** Get-EflowDeploymentPrerequisites on ready-to-deploy (client, Default Switch, no EFLOW). */
export function prerequisitesOutput(): Record<string, unknown> {
    return {
        "schemaVersion": 2,
        "collectedAt": "2026-11-23T07:34:58.8794750Z",
        "checks": [
            {
                "id": "os-edition",
                "status": "pass",
                "reason": "clientSupported",
                "params": {
                    "caption": "Microsoft Windows 11 IoT Enterprise",
                    "build": 22631
                }
            },
            {
                "id": "architecture",
                "status": "pass",
                "reason": "architectureSupported",
                "params": {
                    "architecture": "x64"
                }
            },
            {
                "id": "hyperv-feature",
                "status": "pass",
                "reason": "hyperVEnabled",
                "params": {}
            },
            {
                "id": "hyperv-services",
                "status": "pass",
                "reason": "hyperVServicesRunning",
                "params": {}
            },
            {
                "id": "virtualization-firmware",
                "status": "pass",
                "reason": "virtualizationByHypervisor",
                "params": {}
            },
            {
                "id": "hypervisor-present",
                "status": "pass",
                "reason": "hypervisorRunning",
                "params": {}
            },
            {
                "id": "nested-virtualization",
                "status": "pass",
                "reason": "physicalHost",
                "params": {}
            },
            {
                "id": "memory",
                "status": "pass",
                "reason": "memoryEnough",
                "params": {
                    "freeMB": 9011
                }
            },
            {
                "id": "disk",
                "status": "pass",
                "reason": "diskEnough",
                "params": {
                    "drive": "C:",
                    "freeGB": 212
                }
            },
            {
                "id": "openssh-client",
                "status": "warning",
                "reason": "openSshMissing",
                "params": {}
            },
            {
                "id": "pending-reboot",
                "status": "pass",
                "reason": "noRestartPending",
                "params": {}
            },
            {
                "id": "virtual-switch",
                "status": "pass",
                "reason": "defaultSwitchAvailable",
                "params": {}
            },
            {
                "id": "existing-eflow",
                "status": "pass",
                "reason": "eflowNotInstalled",
                "params": {}
            }
        ],
        "host": {
            "computerName": "READY-TO-DEPLOY",
            "osCaption": "Microsoft Windows 11 IoT Enterprise",
            "productType": 1,
            "isServerSku": false,
            "buildNumber": 22631,
            "ubr": 4317,
            "architecture": "x64",
            "logicalProcessors": 8,
            "totalMemoryMB": 16384,
            "freeMemoryMB": 9011,
            "systemDrive": {
                "name": "C:",
                "totalGB": 476,
                "freeGB": 212
            },
            "hyperV": {
                "featureState": "Enabled",
                "hypervisorPresent": true,
                "virtualizationFirmwareEnabled": true,
                "services": {
                    "vmms": "Running",
                    "vmcompute": "Running",
                    "hvhost": "Running"
                }
            },
            "isVirtualMachine": false,
            "isAzureVm": false,
            "openSshClient": false,
            "rebootPending": false,
            "eflow": null,
            "switches": [
                {
                    "name": "Default Switch",
                    "switchType": "Internal",
                    "netAdapterInterfaceDescription": null
                }
            ],
            "physicalAdapters": [
                {
                    "name": "Ethernet",
                    "interfaceDescription": "Intel(R) Ethernet Connection (13) I219-LM",
                    "status": "Up"
                }
            ],
            "gpus": [
                {
                    "name": "Intel(R) Iris(R) Xe Graphics",
                    "count": 1,
                    "supportedPassthroughTypes": null
                }
            ]
        },
        "errors": []
    };
}

/** Get-EflowDeploymentState on a bare host. */
export function bareStateOutput(): Record<string, unknown> {
    return {
        "schemaVersion": 2,
        "collectedAt": "2026-11-23T00:45:59.3897785Z",
        "computerName": "READY-TO-DEPLOY",
        "product": null,
        "moduleAvailable": false,
        "vmExists": null,
        "vhdxPresent": null,
        "vmPowerState": null,
        "provisioning": {
            "state": "Unknown",
            "source": null
        },
        "configuration": {
            "dnsServers": null,
            "dpsTpm": null,
            "defender": null,
            "optionalTelemetry": null
        },
        "hyperVState": "Enabled",
        "rebootPending": false,
        "deploymentInProgress": false,
        "switches": [
            {
                "name": "Default Switch",
                "switchType": "Internal",
                "hostAddresses": [
                    "172.17.96.1/20"
                ],
                "natPrefix": null
            }
        ],
        "errors": []
    };
}

/** Get-EflowDeploymentState with the VM deployed and not provisioned. */
export function deployedStateOutput(): Record<string, unknown> {
    return {
        "schemaVersion": 2,
        "collectedAt": "2026-11-23T00:45:59.9554835Z",
        "computerName": "READY-TO-DEPLOY",
        "product": {
            "productName": "Azure IoT Edge LTS",
            "version": "1.5.6.08025",
            "installPath": "C:\\Program Files\\Azure IoT Edge\\"
        },
        "moduleAvailable": true,
        "vmExists": true,
        "vhdxPresent": true,
        "vmPowerState": "Running",
        "provisioning": {
            "state": "NotProvisioned",
            "source": null
        },
        "configuration": {
            "dnsServers": null,
            "dpsTpm": false,
            "defender": false,
            "optionalTelemetry": false
        },
        "hyperVState": "Enabled",
        "rebootPending": false,
        "deploymentInProgress": false,
        "switches": [
            {
                "name": "Default Switch",
                "switchType": "Internal",
                "hostAddresses": [
                    "172.17.96.1/20"
                ],
                "natPrefix": null
            }
        ],
        "errors": []
    };
}

/**
 * Get-EflowDeploymentPrerequisites on srv2022-dps (Server 2022, External switch, a T4 GPU, EFLOW deployed): the
 * client's checks with the server's host facts.
 */
export function serverPrerequisitesOutput(): Record<string, unknown> {
    return {
        ...prerequisitesOutput(),
        host: {
            computerName: 'SRV2022-DPS', osCaption: 'Microsoft Windows Server 2022 Datacenter', productType: 3, isServerSku: true,
            buildNumber: 20348, ubr: 2655, architecture: 'x64', logicalProcessors: 32, totalMemoryMB: 131072, freeMemoryMB: 63898,
            systemDrive: { name: 'C:', totalGB: 476, freeGB: 212 },
            hyperV: {
                featureState: 'Enabled', hypervisorPresent: true, virtualizationFirmwareEnabled: true,
                services: { vmms: 'Running', vmcompute: 'Running', hvhost: 'Running' }
            },
            isVirtualMachine: false, isAzureVm: false, openSshClient: false, rebootPending: false,
            eflow: { productName: 'Azure IoT Edge LTS', version: '1.5.6.08025', vmDeployed: true },
            switches: [{ name: 'ExternalSwitch', switchType: 'External', netAdapterInterfaceDescription: 'Intel(R) Ethernet Connection (13) I219-LM' }],
            physicalAdapters: [{ name: 'Ethernet', interfaceDescription: 'Intel(R) Ethernet Connection (13) I219-LM', status: 'Up' }],
            gpus: [{ name: 'NVIDIA Tesla T4', count: 1, supportedPassthroughTypes: ['DirectDeviceAssignment'] }]
        }
    };
}
