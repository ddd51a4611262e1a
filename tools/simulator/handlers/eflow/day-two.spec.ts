import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { SAMPLE_SHARED_FOLDERS_PATH } from '../../fleet/fleet-definition';
import { STATE_FILE_NAME } from '../../persistence/state-store';
import { asArray, asObject, harness } from '../../testing/sim-harness';

describe('day-2 AzureEFLOW cmdlets', () => {
    it('stops and starts the VM; Set-EflowVM only while it runs; start heals a lost IP', async () => {
        const h = harness();
        expect((await h.eflow('edge-stopped', 'Set-EflowVM', { cpuCount: 2 })).error()).toBe('Cannot process request, EFLOW VM is OFF!');
        (await h.eflow('edge-stopped', 'Start-EflowVm')).value();
        (await h.eflow('edge-stopped', 'Set-EflowVM', { cpuCount: 4, memoryInMB: 6144, headless: true })).value();
        const size = asObject(asObject(asObject(asObject((await h.eflow('edge-stopped', 'Get-EflowVm')).value())
            .VmConfiguration).properties).hardwareProfile).customsize;
        expect(size).toEqual({ cpucount: 4, gpucount: 0, memorymb: 6144 });
        expect((await h.eflow('edge-stopped', 'Set-EflowVM', { cpuCount: 64 })).error()).toBe('Not enough CPU cores available.');
        (await h.eflow('vm-ip-broken', 'Stop-EflowVm')).value();
        (await h.eflow('vm-ip-broken', 'Start-EflowVm')).value();
        expect(asObject((await h.eflow('vm-ip-broken', 'Get-EflowVm')).value()).VmPowerState).toBe('Running');
    });

    it('refuses to start a VM the host has no memory for (issue #273)', async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'sim-memory-'));
        try {
            await harness({ stateDir: dir }).sim.flush();
            // Another workload took the host's memory while the VM was off.
            const file = path.join(dir, STATE_FILE_NAME);
            const saved = JSON.parse(readFileSync(file, 'utf8')) as { hosts: { name: string; windows: { freeMemoryMb: number } }[] };
            const host = saved.hosts.find(x => x.name === 'edge-stopped');
            if (host) {
                host.windows.freeMemoryMb = 3000;
            }
            writeFileSync(file, JSON.stringify(saved));
            const h = harness({ stateDir: dir });
            expect((await h.eflow('edge-stopped', 'Start-EflowVm')).error()).toBe("'EDGE-STOPPED-EFLOW' failed to start. " +
                'Not enough memory in the system to start the virtual machine EDGE-STOPPED-EFLOW with ram size 4096 megabytes.');
            expect(asObject(asObject(h.sim.getHostState('edge-stopped')).vm).powerState).toBe('Off');
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('manages networks, endpoints and DNS with the documented validations', async () => {
        const h = harness();
        expect((await h.eflow('srv2022-dps', 'Set-EflowVmDNSServers', { dnsServers: ['10.0.0.300'] })).error())
            .toBe('10.0.0.300 is not a valid IP4 address');
        (await h.eflow('srv2022-dps', 'Set-EflowVmDNSServers', { dnsServers: ['10.0.10.1', '1.1.1.1'] })).value();
        expect(asArray((await h.eflow('srv2022-dps', 'Invoke-EflowVmCommand', { command: 'grep nameserver /etc/resolv.conf' }))
            .value())).toEqual(['nameserver 10.0.10.1', 'nameserver 1.1.1.1']);
        await h.windows('srv2022-dps', 'New-VMSwitch', { Name: 'Sensors', SwitchType: 'Internal' });
        const network = asObject((await h.eflow('srv2022-dps', 'Add-EflowNetwork', { vswitchName: 'Sensors',
            vswitchType: 'Internal' })).value());
        expect(network).toEqual(expect.objectContaining({ Name: 'Sensors', Type: 'Internal' }));
        expect((await h.eflow('srv2022-dps', 'Add-EflowVmEndpoint', { vswitchName: 'Sensors', vendpointName: 'sensors-nic',
            ip4Address: '10.1.0.5' })).error()).toBe('A static IP configuration needs all of ip4Address, ip4PrefixLength and ip4GatewayAddress.');
        const endpoint = asObject((await h.eflow('srv2022-dps', 'Add-EflowVmEndpoint', { vswitchName: 'Sensors',
            vendpointName: 'sensors-nic', ip4Address: '10.1.0.5', ip4PrefixLength: 24, ip4GatewayAddress: '10.1.0.1' })).value());
        expect(endpoint).toEqual(expect.objectContaining({ Name: 'sensors-nic', GuestInterfaceName: 'eth1',
            HealthStatus: 'currentState:OK previousState:OK' }));
        expect(asArray((await h.eflow('srv2022-dps', 'Get-EflowVmEndpoint', { vswitchName: 'Sensors' })).value())).toHaveLength(1);
        expect((await h.eflow('srv2022-dps', 'Remove-EflowNetwork', { vswitchName: 'Sensors' })).error())
            .toBe("Network 'Sensors' still has endpoints. Remove them with Remove-EflowVmEndpoint first.");
        (await h.eflow('srv2022-dps', 'Remove-EflowVmEndpoint', { vendpointName: 'sensors-nic' })).value();
        (await h.eflow('srv2022-dps', 'Remove-EflowNetwork', { vswitchName: 'Sensors' })).value();
        expect((await h.eflow('srv2022-dps', 'Remove-EflowNetwork', { vswitchName: 'ExternalSwitch' })).error())
            .toBe("The primary network 'ExternalSwitch' used at deployment cannot be removed.");
    });

    it('sets features and telemetry; unknown features get the documented error', async () => {
        const h = harness();
        expect((await h.eflow('edge-healthy', 'Set-EflowVmFeature', { feature: 'Gpu', enable: true })).error())
            .toBe("Unknown feature 'Gpu' is provided.");
        (await h.eflow('edge-healthy', 'Set-EflowVmFeature', { feature: 'Defender', enable: true })).value();
        expect((await h.eflow('edge-healthy', 'Get-EflowVmFeature', { feature: 'defender' })).value()).toBe(true);
        (await h.eflow('edge-healthy', 'Set-EflowVmTelemetryOption', { optionalTelemetry: false })).value();
        expect((await h.eflow('edge-healthy', 'Get-EflowVmTelemetryOption')).value()).toBe('Required');
    });

    it('shares folders from a JSON file and lists them with the full host path', async () => {
        const h = harness();
        (await h.eflow('edge-healthy', 'Add-EflowVmSharedFolder', { sharedFoldersJsonPath: SAMPLE_SHARED_FOLDERS_PATH })).value();
        expect((await h.eflow('edge-healthy', 'Get-EflowVmSharedFolder', { sharedfolderRoot: 'C:\\Shared' })).value()).toEqual([{
            hostFolderPath: 'camera', readOnly: true, targetFolderOnGuest: '/home/iotedge-user/camera',
            hostFolderFullPath: 'C:\\Shared\\camera' }]);
        (await h.eflow('edge-healthy', 'Remove-EflowVmSharedFolder', { sharedfolderRoot: 'C:\\Shared', hostFolderPath: ['camera'] }))
            .value();
        expect((await h.eflow('edge-healthy', 'Get-EflowVmSharedFolder', {})).value()).toEqual([]);
    });

    it('collects logs, names the VM, refuses Connect-EflowVm, and reports an expired WSSDAgent certificate', async () => {
        const h = harness();
        const logs = await h.eflow('edge-healthy', 'Get-EflowLogs');
        expect(logs.value()).toBe('C:\\Program Files\\Azure IoT Edge\\eflowlogs.zip');
        expect((await h.windows('edge-healthy', 'Test-Path', { Path: ['C:\\Program Files\\Azure IoT Edge\\eflowlogs.zip'] }))
            .value()).toBe(true);
        expect((await h.eflow('msi-installed', 'Get-EflowVmName')).value()).toBe('MSI-INSTALLED-EFLOW');
        expect((await h.eflow('edge-healthy', 'Connect-EflowVm')).error()).toContain("It won't work when using Windows Admin Center");
        h.clock.advance(16 * 86_400_000);
        expect((await h.eflow('cert-expiring', 'Get-EflowVm')).error())
            .toBe('transport: authentication handshake failed: x509: certificate has expired');
    });

    it('migrates 1.1 LTS only', async () => {
        const h = harness();
        expect((await h.eflow('edge-healthy', 'Start-EflowMigration', { autoConfirm: true })).error())
            .toBe('Migration is only supported from Azure IoT Edge LTS 1.1 to Azure IoT Edge LTS 1.4.');
        expect((await h.eflow('edge-healthy', 'Confirm-EflowMigration')).error())
            .toBe('No migration is in progress. Run Start-EflowMigration first.');
    });
});
