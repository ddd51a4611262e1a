import type { JsonValue } from '../../pwsh-host/protocol';
import { asArray, asObject, harness } from '../testing/sim-harness';
import { createGeneratedFleet } from './generated-fleet';

/** Errors a dashboard read may get, verbatim from eflow.md (or #254 / the module-import error). */
const DOCUMENTED_ERRORS = [
    'Virtual machine does not exist, deploy it first',
    'Could not resolve virtual machine IP address at line 1542',
    "The specified module 'AzureEFLOW' was not loaded because no valid module file was found in any module directory.",
    'Cannot process request, EFLOW VM is OFF!',
    "Unexpected return from 'sudo iotedge list'"
];

function keys(value: JsonValue): string[] {
    return Object.keys(asObject(value)).sort();
}

describe('default fleet', () => {
    const h = harness();
    const hosts = h.sim.listHosts();

    it('has at least 14 hosts with unique lower-case names, both connection types and tags', () => {
        expect(hosts.length).toBeGreaterThanOrEqual(14);
        expect(new Set(hosts.map(x => x.name)).size).toBe(hosts.length);
        expect(hosts.every(x => x.name === x.name.toLowerCase() && x.tags.length > 0 && x.description.length > 10))
            .toBe(true);
        expect(new Set(hosts.map(x => x.connectionType))).toEqual(new Set(['msft.sme.connection-type.server',
            'msft.sme.connection-type.windows-client']));
    });

    it('presents the offline and slow hosts at the transport level', () => {
        expect(h.sim.connection('offline-kiosk').reachable).toBe(false);
        expect(h.sim.connection('slow-link')).toEqual({ reachable: true, latencyMs: 4000, failureRate: 0 });
        h.sim.setGlobalKnobs({ latencyMs: 100, failureRate: 0.25 });
        expect(h.sim.connection('slow-link')).toEqual({ reachable: true, latencyMs: 4100, failureRate: 0.25 });
        h.sim.setGlobalKnobs({ latencyMs: 0, failureRate: 0 });
    });

    it.each(hosts.map(x => x.name))('%s answers the dashboard reads with documented shapes or errors', async name => {
        const os = asArray(await h.windows(name, 'Get-CimInstance', { ClassName: 'Win32_OperatingSystem' })
            .then(r => r.value()));
        expect(keys(os[0] ?? {})).toEqual(expect.arrayContaining(['BuildNumber', 'CSName', 'Caption',
            'FreePhysicalMemory', 'OSArchitecture', 'ProductType', 'TotalVisibleMemorySize', 'Version']));
        const uninstall = await h.windows(name, 'Get-ItemProperty', {
            Path: ['HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*'] });
        const products = asArray(uninstall.value()).map(asObject);
        const eflowEntry = products.find(p => String(p.DisplayName).startsWith('Azure IoT Edge'));
        const imported = await h.eflow(name, 'Import-Module');
        expect(imported.outcome.ok).toBe(eflowEntry !== undefined);
        if (!eflowEntry) {
            expect(imported.error()).toBe(DOCUMENTED_ERRORS[2]);
            expect((await h.eflow(name, 'Get-EflowVm')).error()).toMatch(/^The term 'Get-EflowVm' is not recognized/);
            return;
        }
        expect(String(eflowEntry.InstallDate)).toMatch(/^\d{8}$/);
        expect(String(eflowEntry.PSChildName)).toMatch(/^\{[0-9A-F-]{36}\}$/);
        const services = asArray((await h.windows(name, 'Get-Service', { Name: ['wssdagent', 'EFLOWProxy'] })).value());
        expect(services.map(s => asObject(s).Status)).toEqual(['Running', 'Running']);
        const verified = (await h.eflow(name, 'Verify-EflowVm')).value();
        const vm = await h.eflow(name, 'Get-EflowVm');
        if (!vm.outcome.ok) {
            expect(DOCUMENTED_ERRORS).toContain(vm.error());
            return;
        }
        expect(verified).toBe(true);
        const view = asObject(vm.value());
        expect(keys(view)).toEqual(['EdgeRuntimeStatus', 'EdgeRuntimeVersion', 'SystemStatistics', 'VmConfiguration',
            'VmPowerState']);
        const properties = asObject(asObject(view.VmConfiguration).properties);
        expect(asObject(properties.hardwareProfile).vmSize).toBe('Custom');
        expect(asObject(asObject(properties.osProfile).linuxConfiguration)).toEqual({ disablePasswordAuthentication: true });
        if (view.VmPowerState === 'Running') {
            expect(keys(view.EdgeRuntimeVersion)).toEqual(['IotEdgeVersion', 'MobyCliVersion', 'MobyEngineVersion']);
            expect(keys(view.SystemStatistics)).toEqual(['AvailableMemMb', 'AvailableStorageMb', 'CpuCount',
                'KernelVersion', 'TotalMemMb', 'TotalStorageMb', 'UsedMemMb', 'UsedStorageMb']);
            const endpoint = asObject(asArray((await h.eflow(name, 'Get-EflowVmEndpoint')).value())[0] ?? {});
            expect(endpoint.HealthStatus).toBe('currentState:OK previousState:OK');
            expect(keys(endpoint.IpConfiguration)).toEqual(['Address', 'AllocationMethod', 'Gateway', 'PrefixLength', 'SubNet']);
            const addr = await h.eflow(name, 'Get-EflowVmAddr');
            expect(asArray(addr.value())[0]).toMatch(/^00:15:5d(:[0-9a-f]{2}){3}$/);
        } else {
            expect(view.VmPowerState).toBe('Off');
            expect(view.EdgeRuntimeVersion).toEqual({});
        }
        const networks = asArray((await h.eflow(name, 'Get-EflowNetwork')).value());
        expect(keys(networks[0] ?? {})).toEqual(['AllocationMethod', 'Cidr', 'Name', 'Type']);
        expect(['Optional', 'Required']).toContain((await h.eflow(name, 'Get-EflowVmTelemetryOption')).value());
    });

    it('shows each demonstrated situation', async () => {
        expect((await h.windows('hyperv-disabled', 'Get-WindowsOptionalFeature',
            { Online: true, FeatureName: 'Microsoft-Hyper-V' })).value()).toEqual([expect.objectContaining({ State: 'Disabled' })]);
        expect((await h.windows('win10-home', 'Get-WindowsOptionalFeature', { Online: true, FeatureName: 'Microsoft-Hyper-V' }))
            .error()).toBe('Feature name Microsoft-Hyper-V is unknown.');
        expect((await h.eflow('msi-installed', 'Get-EflowVm')).error()).toBe(DOCUMENTED_ERRORS[0]);
        expect((await h.eflow('vm-ip-broken', 'Get-EflowVm')).error()).toBe(DOCUMENTED_ERRORS[1]);
        const failing = asObject(asObject((await h.eflow('module-failing', 'Get-EflowVm')).value()).EdgeRuntimeStatus);
        expect(asArray(failing.ModuleList).map(asObject).find(m => m.Name === 'OpcPublisher')?.Status).toBe('failed');
        const diskFull = asObject(asObject((await h.eflow('vm-disk-full', 'Get-EflowVm')).value()).SystemStatistics);
        expect(Number(diskFull.UsedStorageMb) / Number(diskFull.TotalStorageMb)).toBeCloseTo(0.95, 2);
        const hostDisk = asObject(asArray((await h.windows('host-disk-full', 'Get-CimInstance',
            { ClassName: 'Win32_LogicalDisk', Filter: "DeviceID='C:'" })).value())[0] ?? {});
        expect(Number(hostDisk.FreeSpace) / Number(hostDisk.Size)).toBeLessThan(0.05);
        const old = asObject(asObject((await h.eflow('eflow-14-lts', 'Get-EflowVm')).value()).EdgeRuntimeVersion);
        expect(String(old.IotEdgeVersion)).toMatch(/^1\.4\./);
        const cert = asObject(asObject(h.sim.getHostState('cert-expiring')).eflow);
        const daysLeft = (Date.parse(String(cert.wssdCertificateExpiry)) - h.clock.now().getTime()) / 86_400_000;
        expect(daysLeft).toBeCloseTo(15, 5);
        const arm = asArray((await h.windows('arm64-cr', 'Get-CimInstance', { ClassName: 'Win32_Processor' })).value());
        expect(asObject(arm[0] ?? {}).Architecture).toBe(12);
        const server = asObject(asArray((await h.eflow('srv2022-dps', 'Get-EflowNetwork')).value())[0] ?? {});
        expect(server.Type).toBe('External');
        expect(asArray((await h.eflow('srv2022-dps', 'Invoke-EflowVmCommand',
            { command: 'grep -E "^(source|method)" /etc/aziot/config.toml' })).value()))
            .toEqual(['source = "dps"', 'method = "tpm"']);
    });
});

describe('generated fleet', () => {
    it('cycles a realistic mix with unique edge-0001 style names', () => {
        const fleet = createGeneratedFleet(1000, new Date('2026-03-02T10:00:00Z'));
        expect(fleet.hosts).toHaveLength(1000);
        expect(fleet.hosts[0]?.name).toBe('edge-0001');
        expect(fleet.hosts[999]?.name).toBe('edge-1000');
        expect(new Set(fleet.hosts.map(x => x.name)).size).toBe(1000);
        const healthy = fleet.hosts.filter(x => x.tags.includes('healthy')).length;
        expect(healthy).toBe(550);
        expect(Object.keys(fleet.faults)).toHaveLength(50);
        expect(fleet.hosts.filter(x => x.eflow === null)).toHaveLength(50);
    });

    it('serves a generated host through the simulator', async () => {
        const h = harness({ fleet: { generated: 100 } });
        expect(h.sim.listHosts()).toHaveLength(100);
        expect(asObject((await h.eflow('edge-0003', 'Get-EflowVm')).value()).VmPowerState).toBe('Off');
    });
});
