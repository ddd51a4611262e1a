/**
 * Outputs of the deployment scripts that change a host (and of the input checks and the verification), as the
 * PowerShell host returned them during a whole deployment of the simulated host ready-to-deploy, captured once and
 * kept as test data. Each function returns a fresh copy.
 */

/** Test-EflowDeploymentInput with a certificate that exists, one that does not, the CR MSI, and a free address. */
export function inputChecksOutput(): Record<string, unknown> {
    return {
        "paths": [
            {
                "path": "C:\\certs\\device-identity.cert.pem",
                "exists": true
            },
            {
                "path": "C:\\x\\y.pem",
                "exists": false
            }
        ],
        "msi": {
            "path": "C:\\Installers\\AzureIoTEdge-CR-x64.msi",
            "status": "eflow",
            "productName": "Azure IoT Edge",
            "productVersion": "1.3.1.02092",
            "architecture": "x64",
            "channel": "CR",
            "error": null
        },
        "addressInUse": false,
        "gatewayReachable": null
    };
}

/** Enable-EflowHostHyperV on hyperv-disabled. */
export function enableHyperVOutput(): Record<string, unknown> {
    return {
        "status": "enabled",
        "rebootRequired": true,
        "restarting": false
    };
}

/** Install-EflowProduct LTS x64, downloaded. */
export function installOutput(): Record<string, unknown> {
    return {
        "status": "installed",
        "productName": "Azure IoT Edge LTS",
        "version": "1.5.6.08025",
        "rebootRequired": false,
        "msiExitCode": 0,
        "downloaded": true,
        "logPath": "C:\\Windows\\Temp\\EflowManager-install.log"
    };
}

/** New-EflowVirtualMachine. */
export function newVmOutput(): Record<string, unknown> {
    return {
        "status": "deployed",
        "result": "OK",
        "lastLine": "[11/23/2026 00:45:59] Deployment successful"
    };
}

/** Set-EflowVmConfiguration with one DNS server. */
export function configurationOutput(): Record<string, unknown> {
    return {
        "vmStarted": false,
        "dnsServers": [
            "1.1.1.1"
        ],
        "dpsTpm": false,
        "defender": false,
        "optionalTelemetry": false,
        "changed": [
            "DnsServers"
        ]
    };
}

/** Set-EflowVmProvisioning ManualConnectionString. */
export function provisioningOutput(): Record<string, unknown> {
    return {
        "status": "provisioned",
        "provisioningType": "ManualConnectionString",
        "source": "manual"
    };
}

/** Test-EflowDeployment on a healthy, provisioned VM. */
export function verificationOutput(): Record<string, unknown> {
    return {
        "verdict": "healthy",
        "vmExists": true,
        "powerState": "Running",
        "provisioned": true,
        "source": "manual",
        "services": [
            {
                "name": "aziot-edged",
                "state": "Running"
            },
            {
                "name": "aziot-identityd",
                "state": "Running"
            },
            {
                "name": "aziot-keyd",
                "state": "Running"
            },
            {
                "name": "aziot-certd",
                "state": "Running"
            },
            {
                "name": "aziot-tpmd",
                "state": "Ready"
            }
        ],
        "modules": [
            {
                "name": "edgeAgent",
                "status": "running"
            }
        ],
        "detail": "The VM runs, IoT Edge is provisioned and edgeAgent is running."
    };
}

/** Progress records of the install run: the script's own activities and the cmdlets' (Web request status, Windows Installer). */
export const INSTALL_PROGRESS: readonly (readonly [string, string])[] = [
    ["Downloading the EFLOW installer","Downloading https://aka.ms/AzEFLOWMSI_1_5_LTS_X64"],
    ["Web request status","Reading response stream... (Number of bytes read: 300000000)"],
    ["Web request status","Reading response stream... (Number of bytes read: 600000000)"],
    ["Web request status","Reading response stream... (Number of bytes read: 900000000)"],
    ["Web request status","Reading response stream... (Number of bytes read: 1200000000)"],
    ["Downloading the EFLOW installer","Downloaded to C:\\Windows\\Temp\\EflowManager-AzureIoTEdge-LTS-x64.msi"],
    ["Installing the EFLOW MSI","msiexec /i C:\\Windows\\Temp\\EflowManager-AzureIoTEdge-LTS-x64.msi /qn /norestart"],
    ["Windows Installer","Installing Azure IoT Edge LTS 1.5.6.08025"],
    ["Windows Installer","Installed"],
    ["Installing the EFLOW MSI","msiexec finished with exit code 0"]
];
