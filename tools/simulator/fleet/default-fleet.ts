/**
 * The default demo fleet: one host per situation the product must show (see README.md for the table). Dates are
 * relative to now() at creation, so "installed 350 days ago" stays true whenever the fleet is built.
 */
import { MINUTE_MS } from '../runtime/clock';
import type { HostState } from '../state/host-state';
import { addFile, vhdxFilePath } from '../model/install';
import {
    SAMPLE_CERT_PATH, SAMPLE_DPS_ENDPOINT, SAMPLE_DPS_SCOPE, SAMPLE_INSTALLERS, SAMPLE_IOT_HUB, SAMPLE_KEY_PATH,
    SAMPLE_SHARED_FOLDERS_PATH, type FleetDefinition
} from './fleet-definition';
import { baseHost, withInstall, withProvisioning, withVm } from './host-builder';

const WIN11_PRO = { caption: 'Microsoft Windows 11 Pro', editionId: 'Professional', displayVersion: '23H2',
    build: 22631, ubr: 4169 };
const WIN11_IOT = { caption: 'Microsoft Windows 11 IoT Enterprise', editionId: 'IoTEnterprise',
    displayVersion: '23H2', build: 22631, ubr: 4317 };
const WIN10_HOME = { caption: 'Microsoft Windows 10 Home', editionId: 'Core', displayVersion: '22H2', build: 19045,
    ubr: 5247 };
const WIN10_IOT_LTSC = { caption: 'Microsoft Windows 10 IoT Enterprise LTSC', editionId: 'IoTEnterpriseS',
    displayVersion: '21H2', build: 19044, ubr: 5131 };
const SERVER_2019 = { caption: 'Microsoft Windows Server 2019 Standard', editionId: 'ServerStandard',
    displayVersion: '1809', build: 17763, ubr: 6414 };
const SERVER_2022_AZURE = { caption: 'Microsoft Windows Server 2022 Datacenter: Azure Edition',
    editionId: 'ServerDatacenterAzureEdition', displayVersion: '21H2', build: 20348, ubr: 2762 };

function manualIdentity(deviceId: string): { iotHubHostname: string; deviceId: string } {
    return { iotHubHostname: SAMPLE_IOT_HUB, deviceId };
}

function addCertificates(host: HostState): void {
    addFile(host, { path: SAMPLE_CERT_PATH, kind: 'certificate' });
    addFile(host, { path: SAMPLE_KEY_PATH, kind: 'privateKey' });
}

/** The installers of SAMPLE_INSTALLERS: EFLOW MSIs from the catalog, another product's MSI, a damaged file. */
function addInstallers(host: HostState): void {
    addFile(host, { path: SAMPLE_INSTALLERS.ltsX64, kind: 'msi', msiKey: 'lts-1.5-x64' });
    addFile(host, { path: SAMPLE_INSTALLERS.crX64, kind: 'msi', msiKey: 'cr-x64' });
    addFile(host, { path: SAMPLE_INSTALLERS.ltsArm64, kind: 'msi', msiKey: 'lts-1.5-arm64' });
    addFile(host, { path: SAMPLE_INSTALLERS.otherProduct, kind: 'msi', msiPackage: { productName: 'PowerShell 7-x64',
        productVersion: '7.4.6.0', manufacturer: 'Microsoft Corporation', template: 'x64;1033' } });
    addFile(host, { path: SAMPLE_INSTALLERS.damaged, kind: 'msi' });
}

/** A provisioned, healthy 1.5 LTS host (the base of several problem hosts). */
function healthyHost(name: string, description: string, tags: string[], now: Date,
    installedDaysAgo = 40): HostState {
    const host = baseHost({ name, description, tags, kind: 'client', os: WIN11_IOT, now });
    withInstall(host, 'lts-1.5-x64', now, installedDaysAgo);
    withVm(host, now, { uptimeMinutes: 2 * 24 * 60 + 75 });
    withProvisioning(host, 'ManualConnectionString', manualIdentity(name));
    return host;
}

/** Builds the default fleet (20 hosts). */
export function createDefaultFleet(now: Date): FleetDefinition {
    const hosts: HostState[] = [];

    hosts.push(baseHost({ name: 'hyperv-disabled', kind: 'client', os: WIN11_PRO, hyperV: 'Disabled', now,
        tags: ['lab', 'prerequisites'], description: 'Windows 11 Pro with the Hyper-V feature disabled: enable it, reboot, then deploy.' }));

    hosts.push(baseHost({ name: 'win10-home', kind: 'client', os: WIN10_HOME, hyperV: 'NotAvailable', now,
        totalMemoryMb: 8192, logicalProcessors: 4, tags: ['lab', 'unsupported'],
        description: 'Windows 10 Home: Hyper-V is not available in this edition, EFLOW cannot be installed.' }));

    const ready = baseHost({ name: 'ready-to-deploy', kind: 'client', os: WIN11_IOT, now,
        tags: ['line-2', 'new'], description: 'Hyper-V enabled, EFLOW not installed: ready for the deployment wizard.' });
    addCertificates(ready);
    addInstallers(ready);
    hosts.push(ready);

    const msiOnly = baseHost({ name: 'msi-installed', kind: 'client', os: WIN11_IOT, now, tags: ['line-2'],
        description: 'EFLOW 1.5 LTS MSI installed, Deploy-Eflow never run: no virtual machine yet.' });
    withInstall(msiOnly, 'lts-1.5-x64', now, 2);
    hosts.push(msiOnly);

    // What a Deploy-Eflow that failed part-way leaves (deploy.ts): the VM disk, no VM, the install marked incomplete.
    const partial = baseHost({ name: 'deploy-partial', kind: 'client', os: WIN11_IOT, now, tags: ['line-2'],
        description: 'EFLOW 1.5 LTS installed, Deploy-Eflow failed part-way: a VM disk is left, no virtual machine.' });
    withInstall(partial, 'lts-1.5-x64', now, 1);
    if (partial.eflow) {
        partial.eflow.deployment = 'incomplete';
        addFile(partial, { path: vhdxFilePath(partial.eflow), kind: 'vhdx' });
    }
    hosts.push(partial);

    const healthy = healthyHost('edge-healthy', 'VM running and provisioned (manual connection string), all modules running.',
        ['production', 'line-1'], now);
    addFile(healthy, { path: SAMPLE_SHARED_FOLDERS_PATH, kind: 'json', content: JSON.stringify([{
        sharedFolderRoot: 'C:\\Shared', sharedFolders: [{ hostFolderPath: 'camera', readOnly: true,
            targetFolderOnGuest: '/home/iotedge-user/camera' }] }]) });
    hosts.push(healthy);

    const unprovisioned = baseHost({ name: 'edge-unprovisioned', kind: 'client', os: WIN11_IOT, now,
        tags: ['line-2', 'new'], description: 'VM deployed and running, IoT Edge not provisioned yet.' });
    withInstall(unprovisioned, 'lts-1.5-x64', now, 1);
    withVm(unprovisioned, now, { uptimeMinutes: 50 });
    addCertificates(unprovisioned);
    hosts.push(unprovisioned);

    const stopped = healthyHost('edge-stopped', 'Provisioned VM that is stopped (Off): start it.', ['production', 'line-1'], now);
    if (stopped.vm) {
        stopped.vm.powerState = 'Off';
        stopped.windows.freeMemoryMb += stopped.vm.memoryMb;
    }
    hosts.push(stopped);

    const failing = healthyHost('module-failing', 'A custom module keeps failing (exit 137, crash loop).',
        ['production', 'line-1'], now);
    failing.vm?.modules.push({ name: 'OpcPublisher', status: 'failed', exitCode: 137,
        image: 'mcr.microsoft.com/iotedge/opc-publisher:2.9.10', restartCount: 23,
        startedAt: new Date(now.getTime() - 5 * MINUTE_MS).toISOString(),
        stoppedAt: new Date(now.getTime() - 3 * MINUTE_MS).toISOString(), crashAfterSeconds: 120 });
    hosts.push(failing);

    const vmDiskFull = baseHost({ name: 'vm-disk-full', kind: 'client', os: WIN11_IOT, now, tags: ['production', 'line-3'],
        description: 'The VM data partition is 95% used (module logs and images filled it).' });
    withInstall(vmDiskFull, 'lts-1.5-x64', now, 120);
    withVm(vmDiskFull, now, { usedStoragePercent: 95, uptimeMinutes: 9 * 24 * 60 });
    withProvisioning(vmDiskFull, 'ManualConnectionString', manualIdentity('vm-disk-full'));
    hosts.push(vmDiskFull);

    const hostDiskFull = healthyHost('host-disk-full', 'Host system drive C: nearly full (9 GB free of 238 GB).',
        ['production', 'line-3'], now);
    hostDiskFull.windows.systemDrive = { letter: 'C:', sizeGb: 238, freeGb: 9 };
    hosts.push(hostDiskFull);

    const old = baseHost({ name: 'eflow-14-lts', kind: 'client', os: WIN10_IOT_LTSC, now, tags: ['production', 'legacy'],
        description: 'Still on EFLOW 1.4 LTS (IoT Edge 1.4, out of servicing): update available.' });
    withInstall(old, 'lts-1.4-x64', now, 200);
    withVm(old, now, { uptimeMinutes: 30 * 24 * 60 });
    withProvisioning(old, 'ManualConnectionString', manualIdentity('eflow-14-lts'));
    hosts.push(old);

    hosts.push(healthyHost('cert-expiring', 'Installed 350 days ago: the WSSDAgent certificate expires in 15 days.',
        ['production', 'line-1'], now, 350));

    hosts.push(healthyHost('offline-kiosk', 'Unreachable: the gateway cannot connect (offline).',
        ['production', 'remote-site'], now));

    hosts.push(healthyHost('slow-link', 'Healthy but behind a slow link (about 4 s per request).',
        ['production', 'remote-site'], now));

    const ipBroken = healthyHost('vm-ip-broken', 'Get-EflowVm fails: "Could not resolve virtual machine IP address"; Stop/Start-EflowVm fixes it.',
        ['production', 'line-3'], now);
    if (ipBroken.vm) {
        ipBroken.vm.ipAddress = null;
    }
    hosts.push(ipBroken);

    const arm = baseHost({ name: 'arm64-cr', kind: 'client', os: WIN11_IOT, architecture: 'ARM64', now,
        logicalProcessors: 8, totalMemoryMb: 32768, tags: ['pilot', 'arm64'],
        gpus: [{ name: 'Qualcomm(R) Adreno(TM) 8cx Gen 3 GPU', pnpDeviceId: 'ACPI\\VEN_QCOM&DEV_043A&SUBSYS_CLS08280\\0',
            adapterRamBytes: 0, ddaCapable: false, paravirtualizationCapable: false }],
        description: 'ARM64 device on the continuous release (Azure IoT Edge CR), DPS symmetric key provisioning.' });
    withInstall(arm, 'cr-arm64', now, 90);
    withVm(arm, now, { uptimeMinutes: 6 * 60 });
    withProvisioning(arm, 'DpsSymmetricKey', { scopeId: SAMPLE_DPS_SCOPE, registrationId: 'arm64-cr',
        globalEndpoint: SAMPLE_DPS_ENDPOINT });
    hosts.push(arm);

    hosts.push(serverWithExternalSwitch(now));

    hosts.push(baseHost({ name: 'srv2019-new', kind: 'server', os: SERVER_2019, hyperV: 'Disabled', now,
        logicalProcessors: 16, totalMemoryMb: 65536, tags: ['datacenter', 'new'],
        description: 'Windows Server 2019 without the Hyper-V role: install the role, reboot, create a switch, deploy.' }));

    // Last, so the hosts before it keep their places in the connection list.
    hosts.push(baseHost({ name: 'azure-vm', kind: 'server', os: SERVER_2022_AZURE, azureVm: true, now,
        logicalProcessors: 4, totalMemoryMb: 16384, tags: ['cloud', 'new'],
        description: 'Azure VM (nested-capable size), Windows Server 2022 with Hyper-V: no External switch, deploy on an Internal switch + NAT.' }));

    return {
        hosts,
        faults: {
            'offline-kiosk': { offline: true },
            'slow-link': { latencyMs: 4000 }
        }
    };
}

/** Windows Server 2022 with an External switch, TPM passthrough and DPS TPM provisioning, an NVIDIA T4. */
function serverWithExternalSwitch(now: Date): HostState {
    const host = baseHost({ name: 'srv2022-dps', kind: 'server', now, logicalProcessors: 32, totalMemoryMb: 131072,
        tags: ['datacenter', 'production'],
        gpus: [{ name: 'NVIDIA Tesla T4', pnpDeviceId: 'PCI\\VEN_10DE&DEV_1EB8&SUBSYS_12A210DE&REV_A1\\4&2B8260C3&0&0010',
            adapterRamBytes: 4293918720, ddaCapable: true, paravirtualizationCapable: false }],
        description: 'Windows Server 2022, External switch, DPS TPM provisioning, NVIDIA T4 available for DDA.' });
    host.windows.vSwitches.push({ name: 'ExternalSwitch', type: 'External', netAdapterName: 'Ethernet',
        allowManagementOS: true });
    host.windows.netAdapters.push({ name: 'vEthernet (ExternalSwitch)', interfaceDescription:
        'Hyper-V Virtual Ethernet Adapter', ifIndex: 21, status: 'Up', macAddress: host.windows.netAdapters[0]?.macAddress ?? '',
        linkSpeed: '10 Gbps', physical: false });
    withInstall(host, 'lts-1.5-x64', now, 60);
    const vm = withVm(host, now, { cpuCount: 4, memoryMb: 8192, dataDiskGb: 40,
        network: { switchName: 'ExternalSwitch', type: 'External' }, uptimeMinutes: 12 * 24 * 60 });
    vm.features.DpsTpm = true;
    withProvisioning(host, 'DpsTPM', { scopeId: SAMPLE_DPS_SCOPE, globalEndpoint: SAMPLE_DPS_ENDPOINT });
    return host;
}
