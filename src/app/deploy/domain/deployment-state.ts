/**
 * The output contract of src/resources/scripts/deploy/Get-EflowDeploymentState.ps1: a read-only snapshot of how far
 * EFLOW got on a host, from which resume-detection.ts decides where the wizard continues.
 */

/** Bump when the shape changes incompatibly. 2: `switches` (with an Internal switch's address and NAT) replaced `switchNames`. */
export const DEPLOYMENT_STATE_SCHEMA_VERSION = 2;

/**
 * A virtual switch on the host. For an Internal switch also the two parts the wizard adds to it (eflow.md section 9,
 * Internal switch recipe): the host's address on the switch (the VM's gateway) and the NAT `<switch>-NAT`, so that
 * resume can tell a switch the wizard finished from one it left half made.
 */
export interface DeploymentStateSwitch {
    name: string;
    /** Hyper-V's SwitchType: `Internal`, `External` or `Private`. */
    switchType: string;
    /**
     * Internal: the host's IPv4 addresses on `vEthernet (<name>)` as `address/prefixLength` (e.g. `172.20.0.1/24`;
     * text rather than objects keeps the output shallow); null for other types, or when they could not be read.
     */
    hostAddresses: string[] | null;
    /**
     * Internal: the InternalIPInterfaceAddressPrefix of the NAT `<name>-NAT` (e.g. `172.20.0.0/24`); null when there is
     * no such NAT, for other types, or when the NATs could not be read (then `errors` says so).
     */
    natPrefix: string | null;
}

export interface DeploymentStateSnapshot {
    schemaVersion: number;
    collectedAt: string;
    computerName: string;
    /** The installed EFLOW product (ARP entry), null when none. */
    product: { productName: string; version: string; installPath: string | null } | null;
    /** Whether the AzureEFLOW module could be imported (false also when nothing is installed). */
    moduleAvailable: boolean;
    /**
     * Verify-EflowVm: true/false, or null when it could not be asked (module missing or the call failed). A null
     * never counts as "no VM": the wizard does not run Deploy-Eflow on a host where it cannot tell.
     */
    vmExists: boolean | null;
    /**
     * A VM disk (*EFLOW.vhdx) exists in the install or VHDX folder. Without a VM this means an earlier Deploy-Eflow
     * stopped part-way; EFLOW then needs an uninstall (Remove-EflowInstallation) before it can deploy again.
     */
    vhdxPresent: boolean | null;
    /** Get-EflowVm VmPowerState (`Running`, `Off`, ...), null without a VM or when unreadable. */
    vmPowerState: string | null;
    /** From /etc/aziot/config.toml `source =`: needs a running VM, otherwise `Unknown`. */
    provisioning: { state: 'Provisioned' | 'NotProvisioned' | 'Unknown'; source: string | null };
    /** Post-deployment configuration as read from the VM; each null when unreadable. */
    configuration: {
        dnsServers: string[] | null;
        dpsTpm: boolean | null;
        defender: boolean | null;
        optionalTelemetry: boolean | null;
    };
    /** Hyper-V feature/role state (`EnablePending` until the reboot after enabling it). */
    hyperVState: string;
    rebootPending: boolean;
    /** Another session holds the host's deployment lock: Deploy-Eflow is running right now. */
    deploymentInProgress: boolean;
    /** The host's virtual switches (to tell whether a switch the wizard creates exists already, and is complete). */
    switches: DeploymentStateSwitch[];
    errors: { source: string; code: string; message: string }[];
}
