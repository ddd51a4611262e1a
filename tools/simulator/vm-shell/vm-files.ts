/**
 * The VM's tiny filesystem, derived from the state at read time: /etc/os-release, /etc/hostname,
 * /etc/resolv.conf and /etc/aziot/config.toml. config.toml never holds a secret: where the real file has the
 * connection string or symmetric key, it has SECRET_PLACEHOLDER.
 */
import type { VmState } from '../state/host-state';

/** What config.toml shows in place of a secret the simulator was given but never keeps. */
export const SECRET_PLACEHOLDER = '<secret not stored by the simulator>';

function osRelease(vm: VmState): string[] {
    const versionId = vm.runtime.osVersion.split('.').slice(0, 2).join('.');
    const azureLinux = vm.runtime.osName === 'Microsoft Azure Linux';
    const id = azureLinux ? 'azurelinux' : 'mariner';
    const url = azureLinux ? 'https://aka.ms/azurelinux' : 'https://aka.ms/cbl-mariner';
    return [
        `NAME="${vm.runtime.osName}"`,
        `VERSION="${vm.runtime.osVersion}"`,
        `ID=${id}`,
        `VERSION_ID="${versionId}"`,
        `PRETTY_NAME="${azureLinux ? `Microsoft Azure Linux ${versionId}` : 'CBL-Mariner/Linux'}"`,
        'ANSI_COLOR="1;34"',
        `HOME_URL="${url}"`,
        `BUG_REPORT_URL="${url}"`,
        `SUPPORT_URL="${url}"`
    ];
}

/** A host certificate path as the file EFLOW copies into the VM. */
function guestCertificatePath(hostPath: string | null): string {
    const fileName = (hostPath ?? '').split(/[\\/]/).pop() ?? 'identity.pem';
    return `file:///var/secrets/aziot/${fileName}`;
}

function provisioningSection(vm: VmState): string[] {
    const provisioning = vm.provisioning;
    if (!provisioning) {
        return ['# Not provisioned: run Provision-EflowVm on the host.'];
    }
    const dps = [`global_endpoint = "${provisioning.globalEndpoint ?? ''}"`, `id_scope = "${provisioning.scopeId ?? ''}"`];
    const certificate = [`identity_cert = "${guestCertificatePath(provisioning.identityCertPath)}"`,
        `identity_pk = "${guestCertificatePath(provisioning.identityPrivKeyPath)}"`];
    const registration = provisioning.registrationId !== null
        ? [`registration_id = "${provisioning.registrationId}"`] : [];
    switch (provisioning.type) {
        case 'ManualConnectionString':
            return ['[provisioning]', 'source = "manual"', `connection_string = "${SECRET_PLACEHOLDER}"`];
        case 'ManualX509':
            return ['[provisioning]', 'source = "manual"', `iothub_hostname = "${provisioning.iotHubHostname ?? ''}"`,
                `device_id = "${provisioning.deviceId ?? ''}"`, '', '[provisioning.authentication]', 'method = "x509"',
                ...certificate];
        case 'DpsSymmetricKey':
            return ['[provisioning]', 'source = "dps"', ...dps, '', '[provisioning.attestation]',
                'method = "symmetric_key"', ...registration, `symmetric_key = { value = "${SECRET_PLACEHOLDER}" }`];
        case 'DpsX509':
            return ['[provisioning]', 'source = "dps"', ...dps, '', '[provisioning.attestation]', 'method = "x509"',
                ...registration, ...certificate];
        case 'DpsTPM':
            return ['[provisioning]', 'source = "dps"', ...dps, '', '[provisioning.attestation]', 'method = "tpm"',
                ...registration];
    }
}

function configToml(vm: VmState): string[] {
    const tag = vm.runtime.iotEdgeVersion.split('.').slice(0, 2).join('.');
    return [
        '# Azure IoT Edge configuration, written by Provision-EflowVm.',
        `hostname = "${vm.name}"`,
        '',
        ...provisioningSection(vm),
        '',
        '[agent]',
        'name = "edgeAgent"',
        'type = "docker"',
        '',
        '[agent.config]',
        `image = "mcr.microsoft.com/azureiotedge-agent:${tag}"`,
        '',
        '[connect]',
        'workload_uri = "unix:///var/run/iotedge/workload.sock"',
        'management_uri = "unix:///var/run/iotedge/mgmt.sock"',
        '',
        '[listen]',
        'workload_uri = "fd://aziot-edged.workload.socket"',
        'management_uri = "fd://aziot-edged.mgmt.socket"'
    ];
}

function resolvConf(vm: VmState): string[] {
    const servers = vm.endpoints[0]?.dnsServers ?? [];
    return ['# This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).',
        ...(servers.length > 0 ? servers : ['127.0.0.53']).map(server => `nameserver ${server}`),
        'options edns0 trust-ad', 'search .'];
}

/** The lines of a VM file, or null when it does not exist. */
export function readVmFile(vm: VmState, path: string): string[] | null {
    switch (path) {
        case '/etc/os-release':
        case '/usr/lib/os-release':
            return osRelease(vm);
        case '/etc/hostname':
            return [vm.name];
        case '/etc/resolv.conf':
            return resolvConf(vm);
        case '/etc/aziot/config.toml':
            return configToml(vm);
        default:
            return null;
    }
}
