import { HostFacts } from '../../core/models/host-overview';
import { isServerSku } from '../../core/domain/readiness';

/**
 * The PowerShell an administrator can run on the host for the next step, for those who prefer it to the page: the
 * deployment wizard runs the install and deploy steps itself (the card says so in its wizard note), and starting a
 * stopped VM has no button on the page. Commands follow the EFLOW documentation (eflow.md sections 7, 8, 17):
 * non-interactive, current LTS, values the admin must supply written as `<placeholders>`.
 */

/** One step: what it does (a strings key under `Overview.Commands`) and its PowerShell. */
export interface AdminCommandStep {
    step: 'enableHyperV' | 'downloadMsi' | 'installMsi' | 'deploy' | 'provision' | 'startVm';
    code: string;
}

/** The installer links of the current LTS train by architecture. */
export const LTS_MSI_URLS = {
    x64: 'https://aka.ms/AzEFLOWMSI_1_5_LTS_X64',
    arm64: 'https://aka.ms/AzEFLOWMSI_1_5_LTS_ARM64'
} as const;

/** Install on a host without EFLOW: Hyper-V if it is off, then the MSI, Deploy-Eflow, provisioning. */
export function installCommands(host: HostFacts): AdminCommandStep[] {
    const steps: AdminCommandStep[] = [];
    if (host.hyperV.featureState.toLowerCase() === 'disabled') {
        steps.push({
            step: 'enableHyperV',
            code: isServerSku(host)
                ? 'Install-WindowsFeature -Name Hyper-V -IncludeAllSubFeature -IncludeManagementTools -Restart'
                : 'Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V -All'
        });
    }
    const url = host.architecture.toLowerCase() === 'arm64' ? LTS_MSI_URLS.arm64 : LTS_MSI_URLS.x64;
    steps.push(
        { step: 'downloadMsi', code: `$msiPath = Join-Path $env:TEMP 'AzureIoTEdge.msi'\nInvoke-WebRequest '${url}' -OutFile $msiPath` },
        { step: 'installMsi', code: "Start-Process -Wait msiexec -ArgumentList '/i', $msiPath, '/qn'" },
        ...deployCommands(host)
    );
    return steps;
}

/** Deploy and provision the VM once the MSI is installed. */
export function deployCommands(host: HostFacts): AdminCommandStep[] {
    // Windows Server has no Default Switch: Deploy-Eflow needs a switch the admin created.
    const switchArguments = isServerSku(host) ? " -vswitchName '<virtual switch name>' -vswitchType External" : '';
    return [
        {
            step: 'deploy',
            code: 'Set-ExecutionPolicy -ExecutionPolicy AllSigned -Force\n'
                + `Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No${switchArguments}`
        },
        {
            step: 'provision',
            code: "Provision-EflowVm -provisioningType ManualConnectionString -devConnString '<device connection string>' -headless"
        }
    ];
}

/** Start a stopped VM. */
export function startVmCommands(): AdminCommandStep[] {
    return [{ step: 'startVm', code: 'Start-EflowVm' }];
}
