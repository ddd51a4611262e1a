import { aReadyHost } from '../../testing/host-overview.fixtures';
import { deployCommands, installCommands, LTS_MSI_URLS, startVmCommands } from './admin-commands';

describe('installCommands', () => {
    it('downloads the x64 LTS installer, installs it silently, deploys non-interactively and provisions', () => {
        const steps = installCommands(aReadyHost());
        expect(steps.map(s => s.step)).toEqual(['downloadMsi', 'installMsi', 'deploy', 'provision']);
        expect(steps[0].code).toContain(LTS_MSI_URLS.x64);
        expect(steps[1].code).toContain("'/qn'");
        expect(steps[2].code).toContain('Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No');
        expect(steps[3].code).toContain('-provisioningType ManualConnectionString');
    });

    it('uses the ARM64 installer on ARM64', () => {
        expect(installCommands({ ...aReadyHost(), architecture: 'ARM64' })[0].code).toContain(LTS_MSI_URLS.arm64);
    });

    it('enables Hyper-V first when it is off: the optional feature on clients, the role on servers', () => {
        const off = { featureState: 'Disabled', hypervisorPresent: false };
        const client = installCommands({ ...aReadyHost(), hyperV: off });
        expect(client[0]).toEqual({ step: 'enableHyperV', code: 'Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V -All' });
        const server = installCommands({ ...aReadyHost(), productType: 3, osCaption: 'Microsoft Windows Server 2022 Standard', hyperV: off });
        expect(server[0].code).toContain('Install-WindowsFeature -Name Hyper-V');
    });
});

describe('deployCommands', () => {
    it('asks servers for a virtual switch, which they lack by default', () => {
        expect(deployCommands(aReadyHost())[0].code).not.toContain('-vswitchName');
        expect(deployCommands({ ...aReadyHost(), productType: 3 })[0].code).toContain("-vswitchName '<virtual switch name>' -vswitchType External");
    });
});

describe('startVmCommands', () => {
    it('starts the VM', () => {
        expect(startVmCommands()).toEqual([{ step: 'startVm', code: 'Start-EflowVm' }]);
    });
});
