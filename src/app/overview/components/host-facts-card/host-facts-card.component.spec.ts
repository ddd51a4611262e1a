import { ComponentFixture } from '@angular/core/testing';
import { checkReadiness } from '../../../core/domain/readiness';
import { HostFacts } from '../../../core/models/host-overview';
import { aReadyHost } from '../../../testing/host-overview.fixtures';
import { allByTest, byTest, renderComponent, setInputs, textOf } from '../../../testing/render-component';
import { HostFactsCardComponent } from './host-facts-card.component';

function render(host: HostFacts): ComponentFixture<HostFactsCardComponent> {
    return renderComponent(HostFactsCardComponent, { host, readiness: checkReadiness(host) });
}

describe('HostFactsCardComponent', () => {
    it('says a ready host is ready for EFLOW and shows its facts', () => {
        const fixture = render(aReadyHost());
        expect(byTest(fixture, 'host-readiness').getAttribute('data-ready')).toBe('true');
        expect(textOf(byTest(fixture, 'host-readiness'))).toContain('Ready for EFLOW');
        const text = textOf(byTest(fixture, 'host-card'));
        expect(text).toContain('Microsoft Windows 11 IoT Enterprise');
        expect(text).toContain('22631.4317');
        expect(text).toContain('Enabled, hypervisor running');
    });

    it('names the requirements not met', () => {
        const fixture = render({ ...aReadyHost(), freeMemoryMB: 10, hyperV: { featureState: 'Disabled', hypervisorPresent: false } });
        expect(byTest(fixture, 'host-readiness').getAttribute('data-ready')).toBe('false');
        expect(textOf(byTest(fixture, 'host-readiness'))).toBe('Requirements not met: Hyper-V, Free memory');
    });

    it('does not judge a host with a deployed VM by the deployment requirements (host-disk-full)', () => {
        const host = { ...aReadyHost(), systemDrive: { name: 'C:', totalGB: 238, freeGB: 9 } };
        const fixture = renderComponent(HostFactsCardComponent, { host, readiness: checkReadiness(host), showReadiness: false });
        expect(allByTest(fixture, 'host-readiness')).toEqual([]);
        expect(textOf(byTest(fixture, 'host-disk'))).toContain('9 GB free');
    });

    it('draws memory and system-drive use as capacity bars with used, free and total', () => {
        const fixture = render(aReadyHost());
        // 16384 MB total, 9000 MB free: 7384 MB used, 45%.
        expect(textOf(byTest(fixture, 'host-memory'))).toBe('Memory Total: 16 GB Used: 7.2 GB (45%) 8.8 GB free');
        // 237.5 GB total, 120.25 GB free: 117.25 GB used, 49%.
        expect(textOf(byTest(fixture, 'host-disk'))).toBe('System drive C: Total: 237.5 GB Used: 117.3 GB (49%) 120.3 GB free');
    });

    it('follows new facts', () => {
        const fixture = render(aReadyHost());
        setInputs(fixture, { host: { ...aReadyHost(), osCaption: 'Microsoft Windows 10 Pro', ubr: 0, buildNumber: 19045 } });
        expect(textOf(byTest(fixture, 'host-card'))).toContain('Microsoft Windows 10 Pro');
        expect(textOf(byTest(fixture, 'host-card'))).not.toContain('19045.');
    });
});
