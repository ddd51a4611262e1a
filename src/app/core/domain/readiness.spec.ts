import { HostFacts } from '../models/host-overview';
import { aReadyHost } from '../../testing/host-overview.fixtures';
import { checkReadiness, failingChecks, isEditionUnfit, isHostPlatformReady, ReadinessCheck, ReadinessCheckId } from './readiness';

function check(host: HostFacts, id: ReadinessCheckId): ReadinessCheck {
    const found = checkReadiness(host).find(c => c.id === id);
    if (!found) {
        throw new Error(`no check ${id}`);
    }
    return found;
}

function withHost(changes: Partial<HostFacts>): HostFacts {
    return { ...aReadyHost(), ...changes };
}

describe('checkReadiness', () => {
    it('passes every check on a ready Windows 11 IoT Enterprise host', () => {
        const checks = checkReadiness(aReadyHost());
        expect(checks.map(c => c.id)).toEqual(
            ['osEdition', 'osBuild', 'architecture', 'hyperV', 'nestedVirtualization', 'freeMemory', 'freeDisk']);
        expect(checks.every(c => c.outcome === 'pass' && c.reason === 'ok')).toBe(true);
    });

    describe('edition', () => {
        it.each([
            'Microsoft Windows 10 Pro', 'Microsoft Windows 11 Enterprise', 'Microsoft Windows 10 IoT Enterprise LTSC',
            'Microsoft Windows 11 Pro for Workstations'
        ])('accepts client edition %s', (osCaption: string) => {
            expect(check(withHost({ osCaption }), 'osEdition').outcome).toBe('pass');
        });

        it.each(['Microsoft Windows 10 Home', 'Microsoft Windows 11 Home Single Language', 'Microsoft Windows 10 Education'])(
            'refuses client edition %s', (osCaption: string) => {
                expect(check(withHost({ osCaption }), 'osEdition')).toEqual(
                    { id: 'osEdition', outcome: 'fail', reason: 'unsupportedEdition', platform: true });
            });

        it('accepts Windows Server (product type 3) and a domain controller (2)', () => {
            expect(check(withHost({ osCaption: 'Microsoft Windows Server 2022 Datacenter', productType: 3, buildNumber: 20348 }), 'osEdition').outcome).toBe('pass');
            expect(check(withHost({ osCaption: 'Microsoft Windows Server 2019 Standard', productType: 2, buildNumber: 17763 }), 'osEdition').outcome).toBe('pass');
        });

        it('warns on a Windows Server version EFLOW does not list (2025), as the wizard\'s prerequisites do', () => {
            const server2025 = withHost({ osCaption: 'Microsoft Windows Server 2025 Datacenter', productType: 3, buildNumber: 26100 });
            expect(check(server2025, 'osEdition')).toEqual({ id: 'osEdition', outcome: 'warn', reason: 'unlistedServerVersion', platform: true });
            expect(isHostPlatformReady(checkReadiness(server2025))).toBe(true);
        });
    });

    describe('build', () => {
        it('accepts 17763 (the minimum) and refuses 17762', () => {
            expect(check(withHost({ buildNumber: 17763 }), 'osBuild').outcome).toBe('pass');
            expect(check(withHost({ buildNumber: 17762 }), 'osBuild')).toEqual(
                { id: 'osBuild', outcome: 'fail', reason: 'buildTooOld', platform: true });
        });

        it('refuses Windows Server 2016 (14393)', () => {
            const server2016 = withHost({ osCaption: 'Microsoft Windows Server 2016 Standard', productType: 3, buildNumber: 14393 });
            expect(check(server2016, 'osBuild').outcome).toBe('fail');
        });
    });

    describe('Hyper-V read failure', () => {
        it('warns instead of failing when the Hyper-V state could not be read, so the host is not called unable to run EFLOW', () => {
            const host = withHost({ hyperV: { featureState: 'Unknown', hypervisorPresent: true } });
            expect(check(host, 'hyperV')).toEqual({ id: 'hyperV', outcome: 'warn', reason: 'hyperVUnknown', platform: true });
            expect(isHostPlatformReady(checkReadiness(host))).toBe(true);
        });
    });

    describe('architecture', () => {
        it.each(['x64', 'AMD64', 'ARM64', 'arm64'])('accepts %s', (architecture: string) => {
            expect(check(withHost({ architecture }), 'architecture').outcome).toBe('pass');
        });

        it.each(['x86', 'ARM', ''])('refuses "%s"', (architecture: string) => {
            expect(check(withHost({ architecture }), 'architecture').reason).toBe('unsupportedArchitecture');
        });
    });

    describe('Hyper-V', () => {
        it('fails with "not available" when the edition lacks it', () => {
            expect(check(withHost({ hyperV: { featureState: 'NotAvailable', hypervisorPresent: false } }), 'hyperV').reason).toBe('hyperVNotAvailable');
        });

        it('fails with "disabled" when the feature is off', () => {
            expect(check(withHost({ hyperV: { featureState: 'Disabled', hypervisorPresent: false } }), 'hyperV').reason).toBe('hyperVDisabled');
            expect(check(withHost({ hyperV: { featureState: 'EnablePending', hypervisorPresent: false } }), 'hyperV').reason)
                .toBe('hyperVEnablePending');
        });

        it('fails with "hypervisor not running" when enabled but not running (reboot pending, firmware)', () => {
            expect(check(withHost({ hyperV: { featureState: 'Enabled', hypervisorPresent: false } }), 'hyperV')).toEqual(
                { id: 'hyperV', outcome: 'fail', reason: 'hypervisorNotRunning', platform: true });
        });
    });

    it('warns on a nested host without blocking', () => {
        expect(check(withHost({ isVirtualMachine: true }), 'nestedVirtualization')).toEqual(
            { id: 'nestedVirtualization', outcome: 'warn', reason: 'nestedHost', platform: false });
    });

    describe('free memory', () => {
        it('passes at exactly 1 GB and fails just below', () => {
            expect(check(withHost({ freeMemoryMB: 1024 }), 'freeMemory').outcome).toBe('pass');
            expect(check(withHost({ freeMemoryMB: 1023 }), 'freeMemory')).toEqual(
                { id: 'freeMemory', outcome: 'fail', reason: 'memoryBelowMinimum', platform: false });
        });
    });

    describe('free disk', () => {
        const disk = (freeGB: number): HostFacts => withHost({ systemDrive: { name: 'C:', totalGB: 100, freeGB } });

        it('fails below 10 GB', () => {
            expect(check(disk(9.99), 'freeDisk').reason).toBe('diskBelowMinimum');
        });

        it('warns from 10 GB up to just under 18 GB (the default VM needs about 18 GB)', () => {
            expect(check(disk(10), 'freeDisk')).toEqual({ id: 'freeDisk', outcome: 'warn', reason: 'diskBelowDefaultVm', platform: false });
            expect(check(disk(17.9), 'freeDisk').outcome).toBe('warn');
        });

        it('passes from 18 GB', () => {
            expect(check(disk(18), 'freeDisk').outcome).toBe('pass');
        });
    });
});

describe('isHostPlatformReady', () => {
    it('is false when a platform check fails', () => {
        expect(isHostPlatformReady(checkReadiness(withHost({ buildNumber: 10240 })))).toBe(false);
    });

    it('stays true when only resources are short: freeing them is enough', () => {
        const host = withHost({ freeMemoryMB: 100, systemDrive: { name: 'C:', totalGB: 60, freeGB: 2 }, isVirtualMachine: true });
        expect(isHostPlatformReady(checkReadiness(host))).toBe(true);
    });
});

describe('isEditionUnfit', () => {
    it('is true for an edition without Hyper-V (Windows 10 Home): only another edition helps', () => {
        expect(isEditionUnfit(checkReadiness(withHost({
            osCaption: 'Microsoft Windows 10 Home', hyperV: { featureState: 'NotAvailable', hypervisorPresent: false }
        })))).toBe(true);
        expect(isEditionUnfit(checkReadiness(withHost({ hyperV: { featureState: 'NotAvailable', hypervisorPresent: false } })))).toBe(true);
    });

    it('is false where the host can be prepared: Hyper-V off, pending, unreadable, or an old build', () => {
        for (const featureState of ['Disabled', 'EnablePending', 'Unknown']) {
            expect(isEditionUnfit(checkReadiness(withHost({ hyperV: { featureState, hypervisorPresent: false } })))).toBe(false);
        }
        expect(isEditionUnfit(checkReadiness(withHost({ buildNumber: 10240 })))).toBe(false);
    });
});

describe('failingChecks', () => {
    it('lists platform failures before resource failures and leaves out warnings', () => {
        const host = withHost({
            freeMemoryMB: 10,
            hyperV: { featureState: 'Disabled', hypervisorPresent: false },
            osCaption: 'Microsoft Windows 10 Home',
            systemDrive: { name: 'C:', totalGB: 60, freeGB: 12 }
        });
        expect(failingChecks(checkReadiness(host)).map(c => c.id)).toEqual(['osEdition', 'hyperV', 'freeMemory']);
    });
});
