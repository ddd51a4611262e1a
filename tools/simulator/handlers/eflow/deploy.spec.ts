import type { JsonValue } from '../../../pwsh-host/protocol';
import { asArray, asObject, harness, type Harness } from '../../testing/sim-harness';
import { CLIENT_DEPLOY, installEflow, prepareServer } from '../../testing/host-setup';

const REDEPLOY = 'An existing virtual machine was detected. To redeploy the virtual machine, please uninstall and ' +
    're-install Azure IoT Edge LTS.';
const VHDX = 'C:\\Program Files\\Azure IoT Edge\\AzureIoTEdgeForLinux-v1-EFLOW.vhdx';

function deployment(h: Harness, host: string): JsonValue {
    return asObject(asObject(h.sim.getHostState(host)).eflow).deployment;
}

describe('Deploy-Eflow', () => {
    it('streams the documented step log, returns OK and creates the VM once', async () => {
        const h = harness();
        const result = await h.eflow('msi-installed', 'Deploy-Eflow', CLIENT_DEPLOY);
        expect(result.value()).toBe('OK');
        const lines = result.lines().map(line => line.replace(/^\[\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d\] /, ''));
        const expected = ['Deploying Azure IoT Edge for Linux on Windows', 'Creating configuration',
            'Step 1: Preparing host for Azure IoT Edge for Linux on Windows', 'Checking host for required features',
            'Step 3: Configuring directories and virtual machine', 'Creating storage vhd',
            'Creating vnic (name: MSI-INSTALLED-EFLOWInterface)', 'Instantiating virtual machine (name: MSI-INSTALLED-EFLOW)',
            'Deployment successful'];
        expect(lines.filter(line => expected.includes(line))).toEqual(expected);
        expect(result.lines()[0]).toBe('[03/02/2026 10:00:00] Deploying Azure IoT Edge for Linux on Windows');
        expect(result.events.some(e => e.kind === 'progress' && e.completed === true)).toBe(true);
        expect((await h.eflow('msi-installed', 'Verify-EflowVm')).value()).toBe(true);
        // The new VM runs, but IoT Edge is not provisioned yet: Get-EflowVm fails on `sudo iotedge list` (eflow.md 5).
        expect((await h.eflow('msi-installed', 'Get-EflowVm')).error()).toBe("Unexpected return from 'sudo iotedge list'");
        expect(asArray((await h.eflow('msi-installed', 'Get-EflowVmAddr')).value())).toHaveLength(2);
        expect(asObject(asObject(h.sim.getHostState('msi-installed')).vm)).toMatchObject({ powerState: 'Running', cpuCount: 2, memoryMb: 2048 });
        expect((await h.eflow('msi-installed', 'Deploy-Eflow', CLIENT_DEPLOY)).error()).toBe(REDEPLOY);
    });

    it('takes the VM memory from the host', async () => {
        const h = harness();
        const before = Number(asObject((await h.eflow('msi-installed', 'Get-EflowHostConfiguration')).value())
            .FreePhysicalMemoryInMB);
        await h.eflow('msi-installed', 'Deploy-Eflow', CLIENT_DEPLOY);
        const after = Number(asObject((await h.eflow('msi-installed', 'Get-EflowHostConfiguration')).value())
            .FreePhysicalMemoryInMB);
        expect(before - after).toBe(2048);
    });

    it('refuses a second Deploy-Eflow while one runs (at most once per install)', async () => {
        const h = harness();
        const first = h.eflow('msi-installed', 'Deploy-Eflow', CLIENT_DEPLOY);
        const second = h.eflow('msi-installed', 'Deploy-Eflow', CLIENT_DEPLOY);
        expect((await second).error()).toBe('A deployment of the virtual machine is already in progress on this host.');
        expect((await first).value()).toBe('OK');
    });

    it.each([
        ['no EULA answer (it would prompt)', { acceptOptionalTelemetry: 'No' },
            'PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.'],
        ['a declined EULA', { ...CLIENT_DEPLOY, acceptEula: 'No' },
            'The End User License Agreement was not accepted (-acceptEula No). Deployment aborted.'],
        ['odd memory', { ...CLIENT_DEPLOY, memoryInMB: 2049 },
            'Invalid memoryInMB value 2049: the memory size must be an even number of MB.'],
        ['too little memory', { ...CLIENT_DEPLOY, memoryInMB: 512 }, 'Invalid memoryInMB value 512: the minimum is 1024 MB.'],
        ['more memory than free', { ...CLIENT_DEPLOY, memoryInMB: 16384 }, 'Not enough memory available.'],
        ['more CPUs than cores', { ...CLIENT_DEPLOY, cpuCount: 9 }, 'Not enough CPU cores available.'],
        ['zero CPUs', { ...CLIENT_DEPLOY, cpuCount: 0 }, 'Not enough CPU cores available.'],
        ['a disk below 21 GB', { ...CLIENT_DEPLOY, vmDiskSize: 20 }, 'Invalid vmDiskSize value 20: valid sizes are 21 to 2000 GB.'],
        ['a data size above 2000 GB', { ...CLIENT_DEPLOY, vmDataSize: 2001 },
            'Invalid vmDataSize value 2001: valid sizes are 2 to 2000 GB.'],
        ['disk and data size together', { ...CLIENT_DEPLOY, vmDiskSize: 30, vmDataSize: 10 },
            'vmDiskSize and vmDataSize cannot be used together.'],
        ['an Internal switch on a client SKU', { ...CLIENT_DEPLOY, vswitchName: 'Default Switch', vswitchType: 'Internal' },
            'Internal virtual switches are only supported on Windows Server SKUs.'],
        ['a switch name without type', { ...CLIENT_DEPLOY, vswitchName: 'X' }, 'vswitchName and vswitchType must be given together.'],
        ['a missing External switch', { ...CLIENT_DEPLOY, vswitchName: 'Nope', vswitchType: 'External' },
            "Virtual switch 'Nope' of type 'External' was not found. Create it before deploying."],
        ['half a static IP configuration', { ...CLIENT_DEPLOY, ip4Address: '172.27.120.50' },
            'A static IP configuration needs all of ip4Address, ip4PrefixLength and ip4GatewayAddress.'],
        ['a static IP on the Default Switch', { ...CLIENT_DEPLOY, ip4Address: '172.27.120.50', ip4PrefixLength: 20,
            ip4GatewayAddress: '172.27.112.1' }, 'Cannot set Static IP on ICS type virtual switch (Default Switch)'],
        ['DDA of a GPU that is not a T4 or A2', { ...CLIENT_DEPLOY, gpuPassthroughType: 'DirectDeviceAssignment',
            gpuName: 'Intel(R) Iris(R) Xe Graphics' }, 'Unsupported DDA Type: Intel(R) Iris(R) Xe Graphics'],
        ['GPU-PV without a GPU name', { ...CLIENT_DEPLOY, gpuPassthroughType: 'ParaVirtualization' },
            'gpuName is required when gpuPassthroughType is DirectDeviceAssignment or ParaVirtualization.'],
        ['GPU-PV with two GPUs', { ...CLIENT_DEPLOY, gpuPassthroughType: 'ParaVirtualization',
            gpuName: 'Intel(R) Iris(R) Xe Graphics', gpuCount: 2 }, 'Requested GPU configuration cannot be supported by Host'],
        ['a missing shared folders file', { ...CLIENT_DEPLOY, sharedFoldersJsonPath: 'C:\\nope.json' },
            "Cannot find path 'C:\\nope.json' because it does not exist."]
    ])('rejects %s and changes nothing', async (_case, parameters, message) => {
        const h = harness();
        expect((await h.eflow('msi-installed', 'Deploy-Eflow', parameters)).error()).toBe(message);
        expect(deployment(h, 'msi-installed')).toBe('none');
        expect((await h.eflow('msi-installed', 'Deploy-Eflow', CLIENT_DEPLOY)).value()).toBe('OK');
    });

    it('accepts GPU paravirtualization of the host GPU', async () => {
        const h = harness();
        await h.eflow('msi-installed', 'Deploy-Eflow', { ...CLIENT_DEPLOY, gpuPassthroughType: 'ParaVirtualization',
            gpuName: 'Intel(R) Iris(R) Xe Graphics' });
        const vm = asObject(asObject(h.sim.getHostState('msi-installed')).vm);
        expect(vm.gpu).toEqual({ name: 'Intel(R) Iris(R) Xe Graphics', passthroughType: 'ParaVirtualization', count: 1 });
    });

    it('fails on a host whose Hyper-V is off, after installing the MSI there', async () => {
        const h = harness();
        expect(await installEflow(h, 'hyperv-disabled')).toBe(0);
        expect((await h.eflow('hyperv-disabled', 'Deploy-Eflow', CLIENT_DEPLOY)).error()).toBe(
            'Hyper-V properties indicate the Hyper-V component is not functional (property HyperVisorPresent is false)');
        expect(deployment(h, 'hyperv-disabled')).toBe('none');
    });

    describe('on Windows Server', () => {
        it('needs a switch: no Default Switch there', async () => {
            const h = harness();
            await prepareServer(h);
            expect((await h.eflow('srv2019-new', 'Deploy-Eflow', CLIENT_DEPLOY)).error()).toBe(
                'The Default Switch is not available on Windows Server. Create a virtual switch and pass -vswitchName and -vswitchType.');
        });

        it.each([
            ['an invalid address', '172.20.0.300', '172.20.0.1', '172.20.0.300 is not a valid IP4 address'],
            ['a gateway in another subnet', '172.20.0.2', '172.21.0.1',
                'ip4Address 172.20.0.2 and ip4GatewayAddress 172.21.0.1 are not in the same /24 subnet.'],
            ['an address in use', '172.20.0.1', '172.20.0.254', 'The IP address 172.20.0.1 is already in use on the network.']
        ])('validates a static IP: %s', async (_case, ip, gateway, message) => {
            const h = harness();
            await prepareServer(h);
            expect((await h.eflow('srv2019-new', 'Deploy-Eflow', { ...CLIENT_DEPLOY, vswitchName: 'EflowInternal',
                vswitchType: 'Internal', ip4Address: ip, ip4PrefixLength: 24, ip4GatewayAddress: gateway })).error())
                .toBe(message);
        });

        it('deploys on an Internal switch with a static IP', async () => {
            const h = harness();
            await prepareServer(h);
            expect((await h.eflow('srv2019-new', 'Deploy-Eflow', { ...CLIENT_DEPLOY, vswitchName: 'EflowInternal',
                vswitchType: 'Internal', ip4Address: '172.20.0.2', ip4PrefixLength: 24, ip4GatewayAddress: '172.20.0.1' }))
                .value()).toBe('OK');
            const endpoint = asObject(asArray((await h.eflow('srv2019-new', 'Get-EflowVmEndpoint')).value())[0] ?? {});
            expect(endpoint.IpConfiguration).toEqual({ Address: '172.20.0.2', PrefixLength: 24, Gateway: '172.20.0.1',
                AllocationMethod: 'Static', SubNet: 'EflowInternal' });
            expect(asArray((await h.eflow('srv2019-new', 'Get-EflowNetwork')).value())).toEqual([
                { Name: 'EflowInternal', AllocationMethod: 'Static', Cidr: '172.20.0.0/24', Type: 'Internal' }]);
        });

        it('fails with "Found multiple VMMS switches" when two switches share name and type', async () => {
            const h = harness();
            await prepareServer(h);
            (await h.windows('srv2019-new', 'New-VMSwitch', { Name: 'EflowInternal', SwitchType: 'Internal' })).value();
            expect((await h.eflow('srv2019-new', 'Deploy-Eflow', { ...CLIENT_DEPLOY, vswitchName: 'EflowInternal',
                vswitchType: 'Internal' })).error()).toBe('Found multiple VMMS switches');
        });
    });

    describe('injected faults', () => {
        it('not enough memory (once): fails once, then deploys', async () => {
            const h = harness();
            h.sim.setFaults('msi-installed', { deployNotEnoughMemory: 'once' });
            expect((await h.eflow('msi-installed', 'Deploy-Eflow', CLIENT_DEPLOY)).error()).toBe('Not enough memory available.');
            expect(deployment(h, 'msi-installed')).toBe('none');
            expect((await h.eflow('msi-installed', 'Deploy-Eflow', CLIENT_DEPLOY)).value()).toBe('OK');
        });

        it('not enough disk (sticky): fails every time before the VHD is created', async () => {
            const h = harness();
            h.sim.setFaults('msi-installed', { deployNotEnoughDisk: 'sticky' });
            for (let attempt = 0; attempt < 2; attempt++) {
                expect((await h.eflow('msi-installed', 'Deploy-Eflow', CLIENT_DEPLOY)).error())
                    .toBe("Not enough disk space is available on drive 'C:'");
            }
            expect(deployment(h, 'msi-installed')).toBe('none');
            expect((await h.windows('msi-installed', 'Test-Path', { Path: [VHDX] })).value()).toBe(false);
        });

        it('a really full system drive fails the same check without a fault', async () => {
            const h = harness();
            const code = String(asObject(asObject(h.sim.getHostState('host-disk-full')).eflow).productCode);
            (await h.windows('host-disk-full', 'Start-Process', { FilePath: 'msiexec', Wait: true,
                ArgumentList: ['/x', code, '/quiet'] })).value();
            expect(await installEflow(h, 'host-disk-full')).toBe(0);
            expect((await h.eflow('host-disk-full', 'Deploy-Eflow', CLIENT_DEPLOY)).error())
                .toBe("Not enough disk space is available on drive 'C:'");
        });

        it.each(['storage', 'vnic', 'instantiate'] as const)(
            'VM creation failure at %s leaves a definite incomplete install', async step => {
                const h = harness();
                h.sim.setFaults('msi-installed', { vmCreationFailure: { step, mode: 'once' } });
                const result = await h.eflow('msi-installed', 'Deploy-Eflow', CLIENT_DEPLOY);
                expect(result.error()).toMatch(/^Unable to create virtual machine\. nodectl\.exe compute vm create .*FilterValue\[MSI-INSTALLED-EFLOW\]$/);
                expect(result.lines().at(-1)).toMatch(/Exception caught!!!$/);
                expect(deployment(h, 'msi-installed')).toBe('incomplete');
                expect((await h.eflow('msi-installed', 'Verify-EflowVm')).value()).toBe(false);
                expect((await h.windows('msi-installed', 'Test-Path', { Path: [VHDX] })).value()).toBe(true);
                expect((await h.eflow('msi-installed', 'Deploy-Eflow', CLIENT_DEPLOY)).error()).toBe(REDEPLOY);
            });

        it('a failed deployment is recovered by uninstall and reinstall', async () => {
            const h = harness();
            h.sim.setFaults('msi-installed', { vmCreationFailure: { step: 'instantiate', mode: 'sticky' } });
            await h.eflow('msi-installed', 'Deploy-Eflow', CLIENT_DEPLOY);
            h.sim.setFaults('msi-installed', { vmCreationFailure: null });
            const code = String(asObject(asObject(h.sim.getHostState('msi-installed')).eflow).productCode);
            const uninstall = await h.windows('msi-installed', 'Start-Process', { FilePath: 'msiexec.exe', Wait: true,
                PassThru: true, ArgumentList: ['/x', code, '/quiet', '/noreboot'] });
            expect(asObject(uninstall.value()).ExitCode).toBe(0);
            expect((await h.windows('msi-installed', 'Test-Path', { Path: [VHDX] })).value()).toBe(false);
            expect(await installEflow(h, 'msi-installed')).toBe(0);
            expect((await h.eflow('msi-installed', 'Deploy-Eflow', CLIENT_DEPLOY)).value()).toBe('OK');
        });
    });

    describe('cancellation', () => {
        beforeEach(() => jest.useFakeTimers());
        afterEach(() => jest.useRealTimers());

        it('before the VHD is created: nothing changed, Deploy-Eflow can run again', async () => {
            const h = harness({ timeScale: 1 });
            const controller = new AbortController();
            const pending = h.call('msi-installed', 'AzureEFLOW', 'Deploy-Eflow', CLIENT_DEPLOY, controller.signal);
            await jest.advanceTimersByTimeAsync(3000);
            controller.abort();
            const result = await pending;
            expect(result.error()).toBe('The pipeline has been stopped.');
            expect(result.outcome.ok === false && result.outcome.error.terminating).toBe(true);
            expect(deployment(h, 'msi-installed')).toBe('none');
            expect(asObject(h.sim.getHostState('msi-installed')).vm).toBeNull();
            jest.useRealTimers();
            h.sim.setGlobalKnobs({ timeScale: 0 });
            expect((await h.eflow('msi-installed', 'Deploy-Eflow', CLIENT_DEPLOY)).value()).toBe('OK');
        });

        it('after the VHD is created: incomplete, and the at-most-once rule holds', async () => {
            const h = harness({ timeScale: 1 });
            const controller = new AbortController();
            const pending = h.call('msi-installed', 'AzureEFLOW', 'Deploy-Eflow', CLIENT_DEPLOY, controller.signal);
            await jest.advanceTimersByTimeAsync(12_000);
            controller.abort();
            const result = await pending;
            expect(result.error()).toBe('The pipeline has been stopped.');
            expect(result.lines().some(line => line.endsWith('Creating storage vhd'))).toBe(true);
            expect(deployment(h, 'msi-installed')).toBe('incomplete');
            jest.useRealTimers();
            h.sim.setGlobalKnobs({ timeScale: 0 });
            expect((await h.eflow('msi-installed', 'Verify-EflowVm')).value()).toBe(false);
            expect((await h.eflow('msi-installed', 'Deploy-Eflow', CLIENT_DEPLOY)).error()).toBe(REDEPLOY);
        });

        it('takes the simulated time scaled by timeScale', async () => {
            const h = harness({ timeScale: 0.5 });
            let settled = false;
            const pending = h.eflow('msi-installed', 'Deploy-Eflow', CLIENT_DEPLOY).then(r => { settled = true; return r; });
            await jest.advanceTimersByTimeAsync(10_000);
            expect(settled).toBe(false);
            await jest.advanceTimersByTimeAsync(15_000);
            expect(settled).toBe(true);
            expect((await pending).value()).toBe('OK');
        });
    });
});
