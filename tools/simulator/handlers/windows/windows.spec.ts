import { asArray, asObject, harness } from '../../testing/sim-harness';
import { installEflow, MSI_PATH } from '../../testing/host-setup';

const CBS = 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending';
const WU = 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired';

describe('Windows stand-ins', () => {
    it('Get-CimInstance returns the Windows property names, honours -Filter and -Property, rejects unknown classes', async () => {
        const h = harness();
        const system = asObject(asArray((await h.windows('srv2022-dps', 'Get-CimInstance',
            { ClassName: 'Win32_ComputerSystem' })).value())[0] ?? {});
        expect(system).toEqual(expect.objectContaining({ HypervisorPresent: true, NumberOfLogicalProcessors: 32,
            TotalPhysicalMemory: 131072 * 1024 * 1024 }));
        const os = asObject(asArray((await h.windows('srv2022-dps', 'Get-CimInstance', { ClassName: 'win32_operatingsystem',
            Property: ['Caption', 'producttype'] })).value())[0] ?? {});
        expect(os).toEqual({ Caption: 'Microsoft Windows Server 2022 Datacenter', ProductType: 3 });
        expect((await h.windows('edge-healthy', 'Get-CimInstance', { ClassName: 'Win32_LogicalDisk',
            Filter: "DeviceID = 'D:'" })).value()).toEqual([]);
        const gpus = asArray((await h.windows('srv2022-dps', 'Get-CimInstance', { ClassName: 'Win32_VideoController',
            Filter: "Name LIKE 'NVIDIA%'" })).value());
        expect(gpus.map(g => asObject(g).Name)).toEqual(['NVIDIA Tesla T4']);
        const processor = asObject(asArray((await h.windows('hyperv-disabled', 'Get-CimInstance',
            { ClassName: 'Win32_Processor' })).value())[0] ?? {});
        expect(processor).toEqual(expect.objectContaining({ Architecture: 9, VirtualizationFirmwareEnabled: true,
            SecondLevelAddressTranslationExtensions: true }));
        const invalid = await h.windows('edge-healthy', 'Get-CimInstance', { ClassName: 'Win32Reg_AddRemovePrograms' });
        expect(invalid.outcome).toEqual({ ok: false, error: { message: 'Invalid class ', errorId:
            'HRESULT 0x80041010,Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand',
            category: 'MetadataError', terminating: false } });
        expect((await h.windows('edge-healthy', 'Get-CimInstance', { ClassName: 'Win32_LogicalDisk',
            Filter: 'DeviceID = C:' })).error()).toBe('Invalid query ');
    });

    it('Get-Service reports a missing service as Windows does (non-terminating, ObjectNotFound)', async () => {
        const h = harness();
        const result = await h.windows('ready-to-deploy', 'Get-Service', { Name: ['vmms', 'wssdagent'] });
        expect(result.outcome).toEqual({ ok: false, error: { message: "Cannot find any service with service name 'wssdagent'.",
            errorId: 'NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.GetServiceCommand', category: 'ObjectNotFound',
            terminating: false }, value: [{ Name: 'vmms', DisplayName: 'Hyper-V Virtual Machine Management',
            Status: 'Running', StartType: 'Automatic' }] });
        expect(asArray((await h.windows('hyperv-disabled', 'Get-Service', { Name: ['vm*'] })).value())).toEqual([]);
    });

    it('Get-ItemProperty reads Windows NT\\CurrentVersion and named values', async () => {
        const h = harness();
        const version = asObject(asArray((await h.windows('srv2019-new', 'Get-ItemProperty', {
            Path: ['HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion'], Name: ['UBR', 'EditionID'] })).value())[0] ?? {});
        expect(version).toEqual(expect.objectContaining({ UBR: 6414, EditionID: 'ServerStandard', PSChildName: 'CurrentVersion' }));
        expect(Object.keys(version)).not.toContain('ProductName');
        const missing = await h.windows('srv2019-new', 'Get-ItemProperty', { Path: ['HKLM:\\SOFTWARE\\Nope'] });
        expect(missing.error()).toBe("Cannot find path 'HKLM:\\SOFTWARE\\Nope' because it does not exist.");
        const wow = asArray((await h.windows('srv2019-new', 'Get-ItemProperty', { Path:
            ['Registry::HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*'] })).value());
        expect(wow.map(entry => asObject(entry).DisplayName)).toEqual(['Microsoft Edge']);
    });

    it('enables Hyper-V with a pending reboot that Restart-Computer completes, the host unreachable meanwhile', async () => {
        const h = harness({ timeScale: 1 });
        jest.useFakeTimers();
        try {
            const pending = h.windows('hyperv-disabled', 'Enable-WindowsOptionalFeature',
                { Online: true, FeatureName: ['Microsoft-Hyper-V'], All: true, NoRestart: true });
            await jest.advanceTimersByTimeAsync(15_000);
            expect((await pending).value()).toEqual({ Path: null, Online: true, RestartNeeded: true });
        } finally {
            jest.useRealTimers();
        }
        expect((await h.windows('hyperv-disabled', 'Test-Path', { Path: [CBS] })).value()).toBe(true);
        expect((await h.windows('hyperv-disabled', 'Test-Path', { Path: [WU] })).value()).toBe(false);
        expect(asObject(asArray((await h.windows('hyperv-disabled', 'Get-WindowsOptionalFeature',
            { Online: true, FeatureName: 'Microsoft-Hyper-V' })).value())[0] ?? {}).State).toBe('EnablePending');
        expect((await h.windows('hyperv-disabled', 'Get-VMSwitch', {})).error()).toMatch(/^The term 'Get-VMSwitch' is not recognized/);
        (await h.windows('hyperv-disabled', 'Restart-Computer', { Force: true })).value();
        expect(h.sim.connection('hyperv-disabled').reachable).toBe(false);
        h.clock.advance(61_000);
        expect(h.sim.connection('hyperv-disabled').reachable).toBe(true);
        expect((await h.windows('hyperv-disabled', 'Test-Path', { Path: [CBS] })).value()).toBe(false);
        const switches = asArray((await h.windows('hyperv-disabled', 'Get-VMSwitch', {})).value());
        expect(switches.map(s => asObject(s).Name)).toEqual(['Default Switch']);
    });

    it('installs Hyper-V on Server only, and refuses where the edition lacks it', async () => {
        const h = harness();
        expect((await h.windows('hyperv-disabled', 'Install-WindowsFeature', { Name: ['Hyper-V'] })).error())
            .toMatch(/^The term 'Install-WindowsFeature' is not recognized/);
        const installed = asObject((await h.windows('srv2019-new', 'Install-WindowsFeature',
            { Name: ['Hyper-V'], IncludeManagementTools: true })).value());
        expect(installed).toEqual(expect.objectContaining({ Success: true, RestartNeeded: 'Yes', ExitCode: 'SuccessRestartRequired' }));
        expect(asObject(asArray((await h.windows('srv2019-new', 'Get-WindowsFeature', { Name: ['Hyper-V'] })).value())[0] ?? {})
            .InstallState).toBe('InstallPending');
        expect((await h.windows('win10-home', 'Enable-WindowsOptionalFeature', { Online: true,
            FeatureName: ['Microsoft-Hyper-V'] })).error()).toBe('Feature name Microsoft-Hyper-V is unknown.');
    });

    it('downloads and installs the MSI; the product shows in the Uninstall key and the module imports', async () => {
        const h = harness();
        expect((await h.eflow('ready-to-deploy', 'Import-Module')).outcome.ok).toBe(false);
        expect(await installEflow(h, 'ready-to-deploy')).toBe(0);
        expect((await h.windows('ready-to-deploy', 'Test-Path', { LiteralPath: [MSI_PATH], PathType: 'Leaf' })).value()).toBe(true);
        expect((await h.eflow('ready-to-deploy', 'Import-Module')).value()).toBeNull();
        const entries = asArray((await h.windows('ready-to-deploy', 'Get-ItemProperty', {
            Path: ['HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*'] })).value()).map(asObject);
        expect(entries.find(e => e.DisplayName === 'Azure IoT Edge LTS')).toEqual(expect.objectContaining({
            DisplayVersion: '1.5.6.08025', InstallDate: '20260302', InstallLocation: 'C:\\Program Files\\Azure IoT Edge\\' }));
        expect((await h.windows('ready-to-deploy', 'Test-Path',
            { Path: ['C:\\Program Files\\Azure IoT Edge\\*EFLOW.vhdx'] })).value()).toBe(false);
        expect(asArray((await h.windows('ready-to-deploy', 'Get-Service', { Name: ['wssdagent'] })).value())).toHaveLength(1);
    });

    it('msiexec /x removes the product with its partial VM disk, or fails with the injected exit code and removes nothing', async () => {
        const h = harness();
        const state = asObject(h.sim.getHostState('msi-installed'));
        const productCode = String(asObject(state.eflow).productCode);
        const uninstall = async (): Promise<unknown> => asObject((await h.windows('msi-installed', 'Start-Process', {
            FilePath: 'msiexec.exe', Wait: true, PassThru: true, ArgumentList: ['/x', productCode, '/qn', '/norestart'] })).value()).ExitCode;
        h.sim.setFaults('msi-installed', { msiUninstallFailure: { exitCode: 1603, mode: 'once' } });
        expect(await uninstall()).toBe(1603);
        expect(asObject(h.sim.getHostState('msi-installed')).eflow).not.toBeNull();
        expect(await uninstall()).toBe(0);
        expect(asObject(h.sim.getHostState('msi-installed')).eflow).toBeNull();
        expect((await h.windows('msi-installed', 'Test-Path', { Path: ['C:\\Program Files\\Azure IoT Edge\\*EFLOW.vhdx'] })).value())
            .toBe(false);
    });

    it('Remove-Item removes host files by wildcard, and refuses a plain path that does not exist', async () => {
        const h = harness();
        expect(await installEflow(h, 'ready-to-deploy')).toBe(0);
        expect((await h.windows('ready-to-deploy', 'Remove-Item', { Path: [MSI_PATH.replace(/[^\\]+$/, '*.msi')], Force: true })).outcome.ok)
            .toBe(true);
        expect((await h.windows('ready-to-deploy', 'Test-Path', { LiteralPath: [MSI_PATH] })).value()).toBe(false);
        expect((await h.windows('ready-to-deploy', 'Remove-Item', { Path: ['C:\\nothing\\*.vhdx'] })).outcome.ok).toBe(true);
        expect((await h.windows('ready-to-deploy', 'Remove-Item', { LiteralPath: [MSI_PATH] })).error())
            .toBe(`Cannot find path '${MSI_PATH}' because it does not exist.`);
    });

    it('msiexec reports Windows Installer exit codes', async () => {
        const h = harness();
        h.sim.setFaults('ready-to-deploy', { msiInstallFailure: 'once' });
        expect(await installEflow(h, 'ready-to-deploy')).toBe(1603);
        expect((await h.eflow('ready-to-deploy', 'Import-Module')).outcome.ok).toBe(false);
        expect(await installEflow(h, 'ready-to-deploy')).toBe(0);
        expect(await installEflow(h, 'arm64-cr')).toBe(1633);
        expect(await installEflow(h, 'win10-home')).toBe(1603);
        expect(await installEflow(h, 'eflow-14-lts')).toBe(0);
        const updated = asObject(asObject(h.sim.getHostState('eflow-14-lts')).eflow);
        expect(updated.version).toBe('1.5.6.08025');
        expect(asObject(asObject((await h.eflow('eflow-14-lts', 'Get-EflowVm')).value()).EdgeRuntimeVersion).IotEdgeVersion)
            .toBe('1.5.21');
        const unknown = await h.windows('edge-healthy', 'Start-Process', { FilePath: 'msiexec', Wait: true, PassThru: true,
            ArgumentList: ['/x', '{00000000-0000-0000-0000-000000000000}', '/quiet'] });
        expect(asObject(unknown.value()).ExitCode).toBe(1605);
        expect((await h.windows('edge-healthy', 'Invoke-WebRequest', { Uri: 'https://aka.ms/nope', OutFile: 'C:\\x.msi' }))
            .error()).toBe('The remote server returned an error: (404) Not Found.');
        expect((await h.windows('edge-healthy', 'Start-Process', { FilePath: 'notepad.exe' })).error())
            .toBe('This command cannot be run due to the error: The system cannot find the file specified.');
    });

    it('msiexec without -Wait goes on in the background', async () => {
        const h = harness();
        await h.windows('ready-to-deploy', 'Invoke-WebRequest', { Uri: 'https://aka.ms/AzEFLOWMSI_1_4_LTS_X64', OutFile: MSI_PATH });
        const started = asObject((await h.windows('ready-to-deploy', 'Start-Process', { FilePath: 'msiexec', PassThru: true,
            ArgumentList: [`/i "${MSI_PATH}" /qn INSTALLDIR="D:\\Edge Runtime"`] })).value());
        expect(started.HasExited).toBe(false);
        await (h.sim as unknown as { whenIdle: () => Promise<void> }).whenIdle();
        const eflow = asObject(asObject(h.sim.getHostState('ready-to-deploy')).eflow);
        expect([eflow.version, eflow.installPath]).toEqual(['1.4.12.05024', 'D:\\Edge Runtime']);
    });

    it('creates switches, host addresses and NAT; an injected switch failure creates nothing', async () => {
        const h = harness();
        h.sim.setFaults('ready-to-deploy', { switchCreationFailure: 'once' });
        const failed = await h.windows('ready-to-deploy', 'New-VMSwitch', { Name: 'Ext', NetAdapterName: ['Ethernet'] });
        expect(failed.error()).toBe('Installation of virtual switch failed');
        const created = asObject((await h.windows('ready-to-deploy', 'New-VMSwitch', { Name: 'Ext',
            NetAdapterName: ['Ethernet'], AllowManagementOS: true })).value());
        expect(created).toEqual(expect.objectContaining({ Name: 'Ext', SwitchType: 'External' }));
        expect((await h.windows('ready-to-deploy', 'New-VMSwitch', { Name: 'Ext2', NetAdapterName: ['Ethernet'] })).error())
            .toBe("The network adapter 'Ethernet' is already bound to virtual switch 'Ext'.");
        const physical = asArray((await h.windows('ready-to-deploy', 'Get-NetAdapter', { Physical: true })).value());
        expect(physical.map(a => asObject(a).Name)).toEqual(['Ethernet']);
        expect((await h.windows('ready-to-deploy', 'Get-NetNat', { Name: ['X'] })).error())
            .toBe("No MSFT_NetNat objects found with property 'Name' equal to 'X'.  Verify the value of the property and retry.");
        (await h.windows('ready-to-deploy', 'New-NetNat', { Name: 'A', InternalIPInterfaceAddressPrefix: '172.20.0.0/24' })).value();
        expect((await h.windows('ready-to-deploy', 'New-NetNat', { Name: 'B', InternalIPInterfaceAddressPrefix: '172.21.0.0/24' }))
            .error()).toBe('Instance MSFT_NetNat already exists');
    });

    it('lists IPv4 addresses with their interface name, by alias', async () => {
        const h = harness();
        (await h.windows('srv2022-dps', 'New-VMSwitch', { Name: 'NatSw', SwitchType: 'Internal' })).value();
        (await h.windows('srv2022-dps', 'New-NetIPAddress', { IPAddress: '172.30.0.1', PrefixLength: 24, InterfaceAlias: 'vEthernet (NatSw)' })).value();
        const all = asArray((await h.windows('srv2022-dps', 'Get-NetIPAddress', { AddressFamily: 'IPv4' })).value());
        expect(all.map(a => asObject(a).InterfaceAlias)).toContain('vEthernet (NatSw)');
        expect((await h.windows('srv2022-dps', 'Get-NetIPAddress', { InterfaceAlias: ['vEthernet (NatSw)'] })).value())
            .toEqual([{ IPAddress: '172.30.0.1', InterfaceIndex: expect.any(Number), InterfaceAlias: 'vEthernet (NatSw)', AddressFamily: 'IPv4', PrefixLength: 24 }]);
        expect((await h.windows('srv2022-dps', 'Get-NetIPAddress', { AddressFamily: 'IPv6' })).value()).toEqual([]);
        expect((await h.windows('srv2022-dps', 'Get-NetIPAddress', { InterfaceAlias: ['vEthernet (None)'] })).error())
            .toBe("No MSFT_NetIPAddress objects found with property 'InterfaceAlias' equal to 'vEthernet (None)'.  Verify the value of the property and retry.");
    });

    it('Test-Connection answers for the LAN and the Internet only', async () => {
        const h = harness();
        expect((await h.windows('edge-healthy', 'Test-Connection', { ComputerName: ['192.168.1.1', '10.9.9.9', 'aka.ms'],
            Count: 1, Quiet: true })).value()).toEqual([true, false, true]);
        expect((await h.windows('edge-healthy', 'Test-Connection', { ComputerName: ['10.9.9.9'], Count: 1 })).error())
            .toBe("Testing connection to computer '10.9.9.9' failed: Error due to lack of resources");
    });
});
