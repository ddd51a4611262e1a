/**
 * A large fleet for benchmarks: N hosts named edge-0001..., cycling a realistic mix (mostly healthy, some of each
 * problem). Built from the same host builders as the default fleet; cheap enough for thousands of hosts.
 */
import { MINUTE_MS } from '../runtime/clock';
import type { HostState } from '../state/host-state';
import { SAMPLE_IOT_HUB, type FleetDefinition } from './fleet-definition';
import { baseHost, withInstall, withProvisioning, withVm } from './host-builder';

type Profile = 'healthy' | 'stopped' | 'module-failing' | 'not-installed' | 'msi-only' | 'old-version' |
    'cert-expiring' | 'vm-disk-full' | 'unprovisioned' | 'offline';

/** 20 slots: 11 healthy, one of each problem. */
const PROFILE_CYCLE: readonly Profile[] = [
    'healthy', 'healthy', 'stopped', 'healthy', 'module-failing', 'healthy', 'not-installed', 'healthy',
    'old-version', 'healthy', 'cert-expiring', 'healthy', 'vm-disk-full', 'healthy', 'msi-only', 'healthy',
    'unprovisioned', 'healthy', 'offline', 'healthy'
];

function hostFor(index: number, now: Date): HostState {
    const profile = PROFILE_CYCLE[(index - 1) % PROFILE_CYCLE.length] ?? 'healthy';
    const name = `edge-${String(index).padStart(4, '0')}`;
    const server = index % 7 === 0;
    const host = baseHost({ name, kind: server ? 'server' : 'client', now, tags: [`site-${(index - 1) % 10 + 1}`, profile],
        description: `Generated host (${profile}).` });
    if (server) {
        // Server SKUs have no Default Switch: give them the External switch they would deploy on.
        host.windows.vSwitches.push({ name: 'ExternalSwitch', type: 'External', netAdapterName: 'Ethernet',
            allowManagementOS: true });
    }
    if (profile === 'not-installed') {
        return host;
    }
    withInstall(host, profile === 'old-version' ? 'lts-1.4-x64' : 'lts-1.5-x64', now,
        profile === 'cert-expiring' ? 350 : 10 + index % 90);
    if (profile === 'msi-only') {
        return host;
    }
    withVm(host, now, {
        network: server ? { switchName: 'ExternalSwitch', type: 'External' } : undefined,
        uptimeMinutes: 60 + index % 5000,
        usedStoragePercent: profile === 'vm-disk-full' ? 95 : 10 + index % 40
    });
    if (profile === 'unprovisioned') {
        return host;
    }
    const vm = withProvisioning(host, 'ManualConnectionString', { iotHubHostname: SAMPLE_IOT_HUB, deviceId: name });
    if (profile === 'stopped') {
        vm.powerState = 'Off';
        host.windows.freeMemoryMb += vm.memoryMb;
    }
    if (profile === 'module-failing') {
        vm.modules.push({ name: 'OpcPublisher', status: 'failed', exitCode: 137,
            image: 'mcr.microsoft.com/iotedge/opc-publisher:2.9.10', restartCount: 5 + index % 30,
            startedAt: new Date(now.getTime() - 6 * MINUTE_MS).toISOString(),
            stoppedAt: new Date(now.getTime() - 4 * MINUTE_MS).toISOString(), crashAfterSeconds: 120 });
    }
    return host;
}

/** Builds `count` hosts. */
export function createGeneratedFleet(count: number, now: Date): FleetDefinition {
    const hosts: HostState[] = [];
    const faults: FleetDefinition['faults'] = {};
    for (let index = 1; index <= count; index++) {
        const host = hostFor(index, now);
        hosts.push(host);
        if (host.tags.includes('offline')) {
            faults[host.name] = { offline: true };
        }
    }
    return { hosts, faults };
}
