import {
    aHealthyOverview,
    aHomeEditionHost,
    aHostWithoutEflow,
    anInstallation,
    aRunningVm,
    aStoppedVm
} from '../../testing/host-overview.fixtures';
import { HostOverviewPayload } from '../models/host-overview';
import { deriveInstallState, derivePowerState } from './install-state';

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

    it('is installed when the MSI is in but no VM has been deployed', () => {
        expect(deriveInstallState(withVm(null))).toBe('installed');
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

describe('derivePowerState', () => {
    it.each([
        ['Running', 'running'], ['running', 'running'], ['Off', 'off'], ['Unknown', 'unknown'], ['', 'unknown'],
        ['Starting', 'other'], ['Saved', 'other']
    ])('maps "%s" to %s', (powerState: string, expected: string) => {
        expect(derivePowerState({ ...aRunningVm(), powerState })).toBe(expected);
    });
});
