/**
 * Multi-step host preparations the specs share, done through the stand-in calls exactly as a script would
 * (so they also exercise the Windows handlers).
 */
import type { Harness } from './sim-harness';
import { asObject } from './sim-harness';

export const MSI_PATH = 'C:\\Windows\\Temp\\AzureIoTEdge.msi';
export const LTS_15_URL = 'https://aka.ms/AzEFLOWMSI_1_5_LTS_X64';

/** Downloads and installs the 1.5 LTS MSI; returns msiexec's exit code. */
export async function installEflow(h: Harness, host: string, url = LTS_15_URL): Promise<number> {
    (await h.windows(host, 'Invoke-WebRequest', { Uri: url, OutFile: MSI_PATH, UseBasicParsing: true })).value();
    const process = await h.windows(host, 'Start-Process', { FilePath: 'msiexec', Wait: true, PassThru: true,
        ArgumentList: ['/i', MSI_PATH, '/qn'] });
    return Number(asObject(process.value()).ExitCode);
}

/**
 * Turns srv2019-new (Server 2019 without Hyper-V) into a host ready for Deploy-Eflow on an Internal switch
 * 'EflowInternal' with a NAT on 172.20.0.0/24 (the eflowAutoDeploy recipe).
 */
export async function prepareServer(h: Harness, host = 'srv2019-new'): Promise<void> {
    (await h.windows(host, 'Install-WindowsFeature', { Name: ['Hyper-V'], IncludeManagementTools: true })).value();
    (await h.windows(host, 'Restart-Computer', { Force: true })).value();
    (await h.windows(host, 'New-VMSwitch', { Name: 'EflowInternal', SwitchType: 'Internal' })).value();
    const adapters = await h.windows(host, 'Get-NetAdapter', { Name: ['vEthernet (EflowInternal)'] });
    const ifIndex = Number(asObject((adapters.value() as unknown[])[0] as never).ifIndex);
    (await h.windows(host, 'New-NetIPAddress', { IPAddress: '172.20.0.1', PrefixLength: 24, InterfaceIndex: ifIndex }))
        .value();
    (await h.windows(host, 'New-NetNat', { Name: 'EflowInternal-NAT', InternalIPInterfaceAddressPrefix: '172.20.0.0/24' }))
        .value();
    const exitCode = await installEflow(h, host);
    if (exitCode !== 0) {
        throw new Error(`msiexec exited ${exitCode}`);
    }
}

/** Deploy-Eflow parameters that pass on a default client host. */
export const CLIENT_DEPLOY = { acceptEula: 'Yes', acceptOptionalTelemetry: 'No', cpuCount: 2, memoryInMB: 2048 };
