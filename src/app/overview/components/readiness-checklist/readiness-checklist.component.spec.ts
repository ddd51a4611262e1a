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
        expect(textOf(rows[0])).toBe('Windows edition : Met Meets the requirement.');
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
