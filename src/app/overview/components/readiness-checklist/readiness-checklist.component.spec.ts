import { checkReadiness } from '../../../core/domain/readiness';
import { HostFacts } from '../../../core/models/host-overview';
import { aReadyHost } from '../../../testing/host-overview.fixtures';
import { allByTest, renderComponent, textOf } from '../../../testing/render-component';
import { ReadinessChecklistComponent } from './readiness-checklist.component';

const homeEdition: HostFacts = {
    ...aReadyHost(),
    osCaption: 'Microsoft Windows 10 Home',
    hyperV: { featureState: 'NotAvailable', hypervisorPresent: false },
    systemDrive: { name: 'C:', totalGB: 64, freeGB: 12.5 }
};

describe('ReadinessChecklistComponent', () => {
    it('lists every check with its outcome', () => {
        const fixture = renderComponent(ReadinessChecklistComponent, { checks: checkReadiness(aReadyHost()), host: aReadyHost() });
        const rows = allByTest(fixture, 'readiness-check');
        expect(rows.map(r => r.getAttribute('data-check'))).toEqual(
            ['osEdition', 'osBuild', 'architecture', 'hyperV', 'nestedVirtualization', 'freeMemory', 'freeDisk']);
        expect(rows.every(r => r.getAttribute('data-outcome') === 'pass')).toBe(true);
        // Met requirements show what was measured, in the wizard's words ("Passed") and the Host card's units (GB).
        expect(rows.map(textOf)).toEqual([
            'Windows edition : Passed Microsoft Windows 11 IoT Enterprise',
            'Windows build : Passed Build 22631',
            'Processor architecture : Passed x64',
            'Hyper-V : Passed Enabled, hypervisor running',
            'Virtualization : Passed Runs on physical hardware',
            'Free memory : Passed 8.8 GB free',
            'Free disk space : Passed 120.3 GB free on C:'
        ]);
    });

    it('words a shortage of memory in GB, as the Host card shows memory', () => {
        const host: HostFacts = { ...aReadyHost(), freeMemoryMB: 700 };
        const fixture = renderComponent(ReadinessChecklistComponent, { checks: checkReadiness(host), host, onlyProblems: true });
        expect(textOf(allByTest(fixture, 'readiness-check')[0])).toBe(
            'Free memory : Failed EFLOW needs at least 1 GB of free memory; 0.7 GB is free.');
    });

    it('explains each problem with the host\'s own values', () => {
        const fixture = renderComponent(ReadinessChecklistComponent, { checks: checkReadiness(homeEdition), host: homeEdition, onlyProblems: true });
        const rows = allByTest(fixture, 'readiness-check');
        expect(rows.map(r => [r.getAttribute('data-check'), r.getAttribute('data-outcome')])).toEqual(
            [['osEdition', 'fail'], ['hyperV', 'fail'], ['freeDisk', 'warn']]);
        expect(textOf(rows[0])).toContain('This host runs Microsoft Windows 10 Home.');
        expect(textOf(rows[1])).toContain('This Windows edition has no Hyper-V.');
        expect(textOf(rows[2])).toContain('12.5 GB free on C:');
    });
});
