/**
 * Output contracts of the deployment wizard's gateway scripts (src/resources/scripts/deploy) other than the two big
 * reads, whose contracts live in the deploy domain (deployment-prerequisites.ts, deployment-state.ts). Each script
 * returns exactly one such object; deploy-results.parse.ts validates it.
 */

import type { MsiPackageReading } from '../../deploy/domain/msi-package-rules';

/** Test-EflowDeploymentInput: the host's answers for the wizard's as-you-type checks; null = not asked. */
export interface DeploymentInputChecks {
    /** One entry per path asked about, in the order given. */
    paths: { path: string; exists: boolean }[];
    /** What the MSI asked about is (read from its database). */
    msi: MsiPackageReading | null;
    addressInUse: boolean | null;
    gatewayReachable: boolean | null;
}

/** Enable-EflowHostHyperV. */
export interface EnableHyperVResult {
    status: 'enabled' | 'alreadyEnabled' | 'restartPending';
    rebootRequired: boolean;
    /** The host is restarting now (asked for with -Restart and needed). */
    restarting: boolean;
}

/** Install-EflowProduct. */
export interface InstallProductResult {
    status: 'installed' | 'alreadyInstalled';
    productName: string;
    version: string;
    rebootRequired: boolean;
    /** msiexec's exit code (0, 3010, 1641), null when nothing was installed. */
    msiExitCode: number | null;
    downloaded: boolean;
    logPath: string | null;
}

/** Remove-EflowInstallation: the uninstall that recovers from an interrupted Deploy-Eflow. */
export interface RemoveInstallationResult {
    /** removed: msiexec /x ran; notInstalled: there was no EFLOW product (nothing was uninstalled). */
    status: 'removed' | 'notInstalled';
    /** The product that was removed, null when none was installed. */
    productName: string | null;
    version: string | null;
    /** msiexec's exit code (0, 3010, 1641, 1605), null when it did not run. */
    msiExitCode: number | null;
    rebootRequired: boolean;
    /** Whether a VM disk the uninstall left behind was removed afterwards. */
    vhdxRemoved: boolean;
    logPath: string | null;
}

/** New-EflowVirtualSwitch. */
export interface NewVirtualSwitchResult {
    switchName: string;
    switchType: 'Internal' | 'External';
    /** False when the switch existed already (a retry after a partial failure). */
    created: boolean;
    /** The NAT of an Internal switch, null for External. */
    natName: string | null;
    warnings: string[];
}

/** New-EflowVirtualMachine. */
export interface NewVirtualMachineResult {
    status: 'deployed';
    /** What Deploy-Eflow returned (OK). */
    result: string;
    /** Deploy-Eflow's last step line, null when it printed none. */
    lastLine: string | null;
}

/** Set-EflowVmConfiguration. */
export interface VmConfigurationResult {
    vmStarted: boolean;
    dnsServers: string[] | null;
    dpsTpm: boolean | null;
    defender: boolean | null;
    optionalTelemetry: boolean | null;
    /** What it changed (`DnsServers`, `DpsTpm`, ...); empty when the VM already matched. */
    changed: string[];
}

/** Set-EflowVmProvisioning. */
export interface VmProvisioningResult {
    status: 'provisioned' | 'alreadyProvisioned';
    provisioningType: string;
    /** `manual` or `dps` (config.toml `source`). */
    source: string;
}

/** The verdicts of Test-EflowDeployment. */
export type DeploymentVerdict = 'healthy' | 'starting' | 'notProvisioned' | 'vmStopped' | 'notDeployed' | 'unhealthy';

/** Test-EflowDeployment. */
export interface DeploymentVerification {
    verdict: DeploymentVerdict;
    vmExists: boolean;
    powerState: string | null;
    provisioned: boolean;
    source: string | null;
    services: { name: string; state: string }[];
    modules: { name: string; status: string }[];
    /** One sentence for people. */
    detail: string;
}
