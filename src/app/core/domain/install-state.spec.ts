import {
    aHealthyOverview,
    aHomeEditionHost,
    aHostWithoutEflow,
    aHostWithUnreadableInstallation,
    aHostDeploying,
    aHostWithUnverifiableVm,
    anInstallation,
    aPartialDeployment,
    aRunningVm,
    aStoppedVm,
    VERIFY_EFLOW_VM_FAILURE
} from '../../testing/host-overview.fixtures';
import { HostOverviewPayload } from '../models/host-overview';
import { deriveInstallState, derivePowerState, presenceErrors } from './install-state';

function withVm(vm: ReturnType<typeof aRunningVm> | null): HostOverviewPayload {
    return { ...aHealthyOverview(), eflow: anInstallation(vm) };
}

describe('deriveInstallState', () => {
    it('is not-ready when there is no EFLOW and the platform cannot run it', () => {
        expect(deriveInstallState(aHomeEditionHost())).toBe('not-ready');
    });

    it('is not-installed when there is no EFLOW on a ready host', () => {
        expect(deriveInstallState(aHostWithoutEflow())).toBe('not-installed');
    });

    it('is not-installed, not not-ready, when only memory or disk is short', () => {
        const overview = aHostWithoutEflow();
        overview.host.freeMemoryMB = 200;
        expect(deriveInstallState(overview)).toBe('not-installed');
    });

    it('is install-unknown, not not-installed, when the installation could not be read', () => {
        expect(deriveInstallState(aHostWithUnreadableInstallation())).toBe('install-unknown');
    });

    it('is installed when the MSI is in but no VM has been deployed', () => {
        expect(deriveInstallState(withVm(null))).toBe('installed');
    });

    it('is deployment-in-progress, not installed, while a session holds the deployment lock', () => {
        expect(deriveInstallState(aHostDeploying())).toBe('deployment-in-progress');
        const unverified = aHostDeploying();
        unverified.eflow = { ...anInstallation(null), vmExists: null, vhdxPresent: null };
        expect(deriveInstallState(unverified)).toBe('deployment-in-progress');
    });

    it('is partial-deployment, not installed, when a VM disk is left without a VM', () => {
        expect(deriveInstallState(aPartialDeployment())).toBe('partial-deployment');
    });

    it.each([
        ['the deployment lock', { deploymentInProgress: null }, 'DeploymentLockUnreadable'],
        ['the VM disk', { eflow: { ...anInstallation(null), vhdxPresent: null } }, 'VhdxUnreadable']
    ] as const)('is vm-unknown, never installed, when %s could not be read', (_what, change, code) => {
        const overview: HostOverviewPayload = { ...withVm(null), ...change, errors: [{ source: 'x', code, message: 'denied' }] };
        expect(deriveInstallState(overview)).toBe('vm-unknown');
        expect(presenceErrors(overview).map(error => error.code)).toEqual([code]);
    });

    it('is vm-unknown, not installed, when Verify-EflowVm or the module failed (vmExists null)', () => {
        expect(deriveInstallState(aHostWithUnverifiableVm())).toBe('vm-unknown');
        const moduleFailed = aHostWithUnverifiableVm();
        moduleFailed.errors = [{ source: 'Import-Module AzureEFLOW', code: 'EflowModuleUnavailable', message: 'x' }];
        expect(deriveInstallState(moduleFailed)).toBe('vm-unknown');
    });

    it('is vm-deployed when the VM is not provisioned', () => {
        expect(deriveInstallState(withVm({ ...aRunningVm(), provisioning: { state: 'NotProvisioned', source: null } }))).toBe('vm-deployed');
    });

    it('is vm-deployed when provisioning is unknown because the VM is off', () => {
        expect(deriveInstallState(withVm(aStoppedVm()))).toBe('vm-deployed');
    });

    it('is provisioned when the VM says so', () => {
        expect(deriveInstallState(aHealthyOverview())).toBe('provisioned');
    });

    it('keeps an installed host installed even when Hyper-V has since been disabled', () => {
        const overview = withVm(null);
        overview.host.hyperV = { featureState: 'Disabled', hypervisorPresent: false };
        expect(deriveInstallState(overview)).toBe('installed');
    });
});

describe('presenceErrors', () => {
    it('gives the errors that left the VM unknown, and no other section error', () => {
        const overview = aHostWithUnverifiableVm();
        overview.errors.push({ source: 'Get-ItemProperty UBR', code: 'HostUbrUnavailable', message: 'denied' });
        expect(presenceErrors(overview)).toEqual([{ source: 'Verify-EflowVm', code: 'EflowVmUnverifiable', message: VERIFY_EFLOW_VM_FAILURE }]);
        expect(presenceErrors(aHealthyOverview())).toEqual([]);
    });

    it('gives the error that left the installation unknown', () => {
        expect(presenceErrors(aHostWithUnreadableInstallation()).map(error => error.code)).toEqual(['EflowInstallationUnreadable']);
    });
});

describe('derivePowerState', () => {
    it.each([
        ['Running', 'running'], ['running', 'running'], ['Off', 'off'], ['Unknown', 'unknown'], ['', 'unknown'],
        ['Starting', 'other'], ['Saved', 'other']
    ])('maps "%s" to %s', (powerState: string, expected: string) => {
        expect(derivePowerState({ ...aRunningVm(), powerState })).toBe(expected);
    });
});
