/**
 * `iotedge check` (text with √ ‼ × marks and the summary lines) and `iotedge check -o json` (eflow.md section 16),
 * from the VM state: version currency, DNS, storage persistence, provisioning, connectivity.
 */
import type { JsonValue } from '../../pwsh-host/protocol';
import { compareVersions } from '../model/products';
import type { HostState, VmState } from '../state/host-state';
import { guestTotalMemMb } from '../handlers/eflow/vm-view';

export type CheckResult = 'ok' | 'warning' | 'error' | 'skipped';

export interface CheckOutcome {
    id: string;
    section: string;
    description: string;
    result: CheckResult;
    details: string[];
    /**
     * The check's own `additional_info` in the JSON report: what the checker recorded while it ran (the real CLI
     * serializes the checker's fields, e.g. `actual_edged_version`); `{}` for checks that record nothing.
     */
    additionalInfo: { [key: string]: JsonValue };
}

/** The newest IoT Edge the check compares with (the 1.5 LTS runtime the simulator knows). */
export const LATEST_IOTEDGE_VERSION = '1.5.21';

const IDENTITY_CONFIG = 'Configuration checks (aziot-identity-service)';
const IDENTITY_CONNECTIVITY = 'Connectivity checks (aziot-identity-service)';
const CONFIG = 'Configuration checks';
const CONNECTIVITY = 'Connectivity checks';

/** Runs the modelled checks. */
export function runChecks(host: HostState, vm: VmState): CheckOutcome[] {
    const provisioned = vm.provisioning !== null;
    const online = host.windows.internet;
    const dps = vm.provisioning?.type.startsWith('Dps') ?? false;
    const checks: CheckOutcome[] = [];
    const add = (section: string, id: string, description: string, result: CheckResult, details: string[] = [],
        additionalInfo: CheckOutcome['additionalInfo'] = {}): void => {
        checks.push({ id, section, description, result, details, additionalInfo });
    };
    const afterProvisioning = (result: CheckResult): CheckResult => provisioned ? result : 'skipped';
    const connectivity = afterProvisioning(online ? 'ok' : 'error');
    const offlineDetails = online ? [] : ['Could not connect to the upstream endpoint: the network is unreachable.'];

    add(IDENTITY_CONFIG, 'keyd-configuration-well-formed', 'keyd configuration is well-formed', 'ok');
    add(IDENTITY_CONFIG, 'certd-configuration-well-formed', 'certd configuration is well-formed', 'ok');
    add(IDENTITY_CONFIG, 'tpmd-configuration-well-formed', 'tpmd configuration is well-formed', 'ok');
    add(IDENTITY_CONFIG, 'identityd-configuration-well-formed', 'identityd configuration is well-formed',
        provisioned ? 'ok' : 'error', provisioned ? [] : ['missing field `provisioning` in /etc/aziot/config.toml']);
    add(IDENTITY_CONFIG, 'daemons-running', 'daemons are running', provisioned ? 'ok' : 'skipped');
    add(IDENTITY_CONFIG, 'read-certs', 'read all preloaded certificates from the Certificates Service',
        afterProvisioning('ok'));
    add(IDENTITY_CONFIG, 'read-keys', 'read all preloaded key pairs from the Keys Service', afterProvisioning('ok'));
    add(IDENTITY_CONFIG, 'host-local-time', 'host time is close to reference time', 'ok');
    if (dps) {
        add(IDENTITY_CONNECTIVITY, 'host-connect-dps-endpoint',
            'host can connect to and perform TLS handshake with DPS endpoint', connectivity, offlineDetails);
    }
    for (const protocol of ['amqp', 'https', 'mqtt']) {
        add(IDENTITY_CONNECTIVITY, `host-connect-iothub-${protocol}`,
            `host can connect to and perform TLS handshake with iothub ${protocol.toUpperCase()} port`, connectivity,
            offlineDetails);
    }

    add(CONFIG, 'aziot-edged-config-well-formed', 'aziot-edged configuration is well-formed', 'ok');
    add(CONFIG, 'config-up-to-date', 'configuration up-to-date with config.toml', afterProvisioning('ok'));
    add(CONFIG, 'container-engine-uri', 'container engine is installed and functional', 'ok');
    const current = compareVersions(vm.runtime.iotEdgeVersion, LATEST_IOTEDGE_VERSION) >= 0;
    add(CONFIG, 'aziot-edge-version', 'aziot-edge package is up-to-date', current ? 'ok' : 'warning', current ? [] : [
        `Installed IoT Edge daemon has version ${vm.runtime.iotEdgeVersion} but ${LATEST_IOTEDGE_VERSION} is the ` +
        'latest stable version available.', 'Please see https://aka.ms/iotedge-update-runtime for update instructions.'],
    { actual_edged_version: vm.runtime.iotEdgeVersion, expected_edged_version: LATEST_IOTEDGE_VERSION });
    add(CONFIG, 'container-local-time', 'container time is close to host time', afterProvisioning('ok'));
    const dnsServers = vm.endpoints[0]?.dnsServers ?? [];
    const hasDns = dnsServers.length > 0;
    add(CONFIG, 'container-engine-dns', 'DNS server', hasDns ? 'ok' : 'warning', hasDns ? [] : [
        'Container engine is not configured with DNS server setting, which may impact connectivity to IoT Hub.',
        'Please see https://aka.ms/iotedge-prod-checklist-dns for best practices.',
        'You can ignore this warning if you are setting DNS server per module in the Edge deployment.'],
    { container_engine_config_path: '/etc/docker/daemon.json', dns: hasDns ? [...dnsServers] : null });
    add(CONFIG, 'container-engine-ipv6', 'IPv6 network configuration', 'ok');
    add(CONFIG, 'container-engine-logrotate', 'production readiness: logs policy', 'warning', [
        'Container engine is not configured to rotate module logs which may cause it run out of disk space.',
        'Please see https://aka.ms/iotedge-prod-checklist-logs for best practices.',
        'You can ignore this warning if you are setting log policy per module in the Edge deployment.']);
    add(CONFIG, 'edge-agent-storage-mounted-from-host',
        "production readiness: Edge Agent's storage directory is persisted on the host filesystem",
        afterProvisioning('warning'), provisioned ? [
            'The edgeAgent module is not configured to persist its /tmp/edgeAgent directory on the host filesystem.',
            'Data might be lost if the module is deleted or updated.',
            'Please see https://aka.ms/iotedge-storage-host for best practices.'] : []);
    const hasHub = vm.modules.some(module => module.name === 'edgeHub');
    add(CONFIG, 'edge-hub-storage-mounted-from-host',
        "production readiness: Edge Hub's storage directory is persisted on the host filesystem",
        afterProvisioning(hasHub ? 'warning' : 'error'), !provisioned ? [] : hasHub ? [
            'The edgeHub module is not configured to persist its /tmp/edgeHub directory on the host filesystem.',
            'Data might be lost if the module is deleted or updated.',
            'Please see https://aka.ms/iotedge-storage-host for best practices.']
            : ['Could not check current state of edgeHub container']);
    add(CONFIG, 'check-agent-image', 'Agent image is valid and can be pulled from upstream', connectivity,
        offlineDetails);
    add(CONFIG, 'proxy-settings',
        'proxy settings are consistent in aziot-edged, aziot-identityd, moby daemon and config.toml', 'ok');
    for (const protocol of ['amqp', 'https', 'mqtt']) {
        add(CONNECTIVITY, `container-default-connect-upstream-${protocol}`,
            `container on the default network can connect to upstream ${protocol.toUpperCase()} port`, connectivity,
            offlineDetails);
    }
    return checks;
}

const MARKS: Record<Exclude<CheckResult, 'skipped'>, string> = { ok: '\u221A', warning: '\u203C', error: '\u00D7' };
const LABELS: Record<Exclude<CheckResult, 'skipped'>, string> = { ok: 'OK', warning: 'Warning', error: 'Error' };

/** The text report (skipped checks are listed only in verbose mode, so not here). */
export function checkText(checks: CheckOutcome[]): string[] {
    const lines: string[] = [];
    let section = '';
    for (const check of checks) {
        if (check.result === 'skipped') {
            continue;
        }
        if (check.section !== section) {
            if (section !== '') {
                lines.push('');
            }
            section = check.section;
            lines.push(section, '-'.repeat(section.length));
        }
        lines.push(`${MARKS[check.result]} ${check.description} - ${LABELS[check.result]}`);
        lines.push(...check.details.map(detail => `    ${detail}`));
    }
    const count = (result: CheckResult): number => checks.filter(check => check.result === result).length;
    lines.push('');
    const summary: [number, string][] = [
        [count('ok'), 'check(s) succeeded.'],
        [count('warning'), 'check(s) raised warnings.'],
        [count('error'), 'check(s) raised errors.'],
        [count('skipped'), 'check(s) were skipped due to errors from other checks.']
    ];
    lines.push(...summary.filter(([n]) => n > 0).map(([n, text]) => `${n} ${text}`));
    return lines;
}

/** The JSON report (one line, as the CLI prints it). */
export function checkJson(host: HostState, vm: VmState, checks: CheckOutcome[], now: Date): string {
    const megabyte = 1024 * 1024;
    const checksById: { [id: string]: JsonValue } = {};
    for (const check of checks) {
        checksById[check.id] = check.details.length > 0
            ? { result: check.result, details: check.details, additional_info: check.additionalInfo }
            : { result: check.result, additional_info: check.additionalInfo };
    }
    const free = vm.totalStorageMb - vm.usedStorageMb;
    return JSON.stringify({
        additional_info: {
            docker_version: vm.runtime.mobyEngineVersion,
            aziot_edged_version: vm.runtime.iotEdgeVersion,
            now: now.toISOString(),
            os: { id: vm.runtime.osName === 'Microsoft Azure Linux' ? 'azurelinux' : 'mariner',
                version_id: vm.runtime.osVersion.split('.').slice(0, 2).join('.'),
                arch: host.windows.architecture === 'ARM64' ? 'aarch64' : 'x86_64', bitness: 64 },
            system_info: {
                used_ram: vm.usedMemMb * megabyte, total_ram: guestTotalMemMb(vm) * megabyte, used_swap: 0,
                total_swap: 0,
                disks: [{ name: '/dev/sda3', percent_free: Math.round(free * 100 / vm.totalStorageMb),
                    available_space: free * megabyte, total_space: vm.totalStorageMb * megabyte, file_system: 'ext4',
                    file_type: 'SSD' }]
            }
        },
        checks: checksById
    });
}
