import { aRunningVm, aStoppedVm } from '../../../testing/host-overview.fixtures';
import { allByTest, byTest, renderComponent, textOf } from '../../../testing/render-component';
import { VmCardComponent } from './vm-card.component';

describe('VmCardComponent', () => {
    it('shows a running VM: power state, size, addresses and provisioning', () => {
        const fixture = renderComponent(VmCardComponent, { vm: aRunningVm(), errors: [] });
        expect(byTest(fixture, 'vm-power-state').getAttribute('data-state')).toBe('running');
        expect(textOf(byTest(fixture, 'vm-power-state'))).toBe('Running');
        expect(textOf(byTest(fixture, 'vm-name'))).toBe('FACTORY-PC-01-EFLOW');
        expect(textOf(byTest(fixture, 'vm-cpu'))).toBe('2');
        expect(textOf(byTest(fixture, 'vm-memory'))).toBe('2 GB');
        expect(textOf(byTest(fixture, 'vm-ip'))).toBe('172.27.120.111');
        expect(textOf(byTest(fixture, 'vm-mac'))).toBe('00:15:5d:4e:15:2c');
        expect(textOf(byTest(fixture, 'vm-provisioning'))).toBe('Provisioned (ManualConnectionString)');
    });

    it('draws memory and disk use from the available figures', () => {
        const fixture = renderComponent(VmCardComponent, { vm: aRunningVm(), errors: [] });
        // Memory: 1967 MB total, 1050 MB available: 917 MB used, 47%.
        expect(textOf(byTest(fixture, 'vm-memory-use'))).toBe('Memory use Total: 1.9 GB Used: 917 MB (47%) 1 GB free');
        // Disk: 9900 MB total, 6930 MB available: 2970 MB used, 30%.
        expect(textOf(byTest(fixture, 'vm-disk-use'))).toBe('Disk use Total: 9.7 GB Used: 2.9 GB (30%) 6.8 GB free');
        expect(allByTest(fixture, 'vm-stats-unavailable')).toEqual([]);
    });

    it('shows a stopped VM as off, without resource use', () => {
        const fixture = renderComponent(VmCardComponent, { vm: aStoppedVm(), errors: [] });
        expect(byTest(fixture, 'vm-power-state').getAttribute('data-state')).toBe('off');
        expect(allByTest(fixture, 'vm-memory-use')).toEqual([]);
        expect(allByTest(fixture, 'vm-disk-use')).toEqual([]);
        expect(textOf(byTest(fixture, 'vm-stats-unavailable'))).toContain('not available while the virtual machine is not running');
        expect(textOf(byTest(fixture, 'vm-provisioning'))).toBe('Unknown');
    });

    it('passes an unexpected power state through as text', () => {
        const fixture = renderComponent(VmCardComponent, { vm: { ...aRunningVm(), powerState: 'Starting' }, errors: [] });
        expect(byTest(fixture, 'vm-power-state').getAttribute('data-state')).toBe('other');
        expect(textOf(byTest(fixture, 'vm-power-state'))).toBe('Starting');
    });

    it('shows the Get-EflowVm section error and still what is known', () => {
        const unread = { ...aRunningVm(), powerState: 'Unknown', cpuCount: null, memoryMB: null, runtime: null, stats: null };
        const fixture = renderComponent(VmCardComponent, {
            vm: unread,
            errors: [{ source: 'Get-EflowVm', code: 'EflowVmUnavailable', message: 'Could not resolve virtual machine IP address' }]
        });
        expect(textOf(byTest(fixture, 'section-error'))).toBe(
            'Could not read the virtual machine (code EflowVmUnavailable). The alerts say what to do.');
        expect(byTest(fixture, 'vm-power-state').getAttribute('data-state')).toBe('unknown');
        // The status icon says "Unknown" already: the text says why, not "Unknown" again.
        expect(textOf(byTest(fixture, 'vm-power-state'))).toBe('Could not be read');
        expect(textOf(byTest(fixture, 'vm-cpu'))).toBe('Not available');
        expect(textOf(byTest(fixture, 'vm-name'))).toBe('FACTORY-PC-01-EFLOW');
        expect(textOf(byTest(fixture, 'vm-stats-unavailable'))).toBe('Resource use could not be read.');
    });

    it('explains, as information rather than an error, that Get-EflowVm cannot answer while IoT Edge is down', () => {
        const edgeDown = { ...aRunningVm(), cpuCount: null, memoryMB: null, runtime: null, stats: null };
        const fixture = renderComponent(VmCardComponent, {
            vm: edgeDown,
            errors: [{ source: 'Get-EflowVm', code: 'EflowVmUnavailable', message: "Unexpected return from 'sudo iotedge list'" }]
        });
        expect(textOf(byTest(fixture, 'section-error'))).toBe("Get-EflowVm cannot report the VM's size and resource use while IoT Edge is not "
            + "running (Unexpected return from 'sudo iotedge list'); the rest of this card was read another way.");
        expect(byTest(fixture, 'vm-power-state').getAttribute('data-state')).toBe('running');
    });
});
