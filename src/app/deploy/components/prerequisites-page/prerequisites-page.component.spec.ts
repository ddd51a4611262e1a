import { allByTest, byTest, textOf } from '../../../testing/render-component';
import type { PrerequisiteCheck } from '../../domain/deployment-prerequisites';
import { messageOf } from '../../domain/message-text';
import type { HyperVEnabling } from '../../store/deploy-wizard-state';
import { renderDeployComponent } from '../../testing/render-deploy-component';
import { PrerequisitesPageComponent } from './prerequisites-page.component';

const checks: PrerequisiteCheck[] = [
    { id: 'os-edition', status: 'pass', detail: 'Microsoft Windows 11 Pro, build 22631.', fix: null },
    { id: 'hyperv-feature', status: 'fail', detail: 'Hyper-V is not enabled.', fix: 'Enable Hyper-V (the wizard can do it); the host then needs a restart.' },
    { id: 'openssh-client', status: 'warning', detail: 'The OpenSSH client was not found.', fix: 'Install the OpenSSH.Client capability.' }
];
const idle: HyperVEnabling = { status: 'idle', restart: false, result: null, error: null };

describe('PrerequisitesPageComponent', () => {
    it('shows every check with pass / warning / fail, what was found and the fix', () => {
        const fixture = renderDeployComponent(PrerequisitesPageComponent, { checks, hyperVState: 'Disabled', hyperV: idle });
        const rows = allByTest(fixture, 'prerequisite-check');
        expect(rows.map(row => [row.getAttribute('data-check'), row.getAttribute('data-status')])).toEqual([
            ['os-edition', 'pass'], ['hyperv-feature', 'fail'], ['openssh-client', 'warning']
        ]);
        expect(textOf(rows[1])).toBe('Hyper-V Failed Hyper-V is not enabled. What to do: Enable Hyper-V (the wizard can do it); the host then needs a restart.');
        expect(allByTest(rows[0], 'prerequisite-fix')).toEqual([]);
        expect(allByTest(fixture, 'cannot-run')).toHaveLength(1);
    });

    it('offers to enable Hyper-V where it is off, with a restart now or later, and says a restart is needed', () => {
        const fixture = renderDeployComponent(PrerequisitesPageComponent, { checks, hyperVState: 'Disabled', hyperV: idle });
        const asked: boolean[] = [];
        fixture.componentInstance.enableHyperV.subscribe((restart: boolean) => asked.push(restart));
        expect(textOf(byTest(fixture, 'hyperv-offer'))).toContain('Enabling it needs a restart of the host');
        byTest(fixture, 'enable-hyperv').click();
        byTest(fixture, 'enable-hyperv-restart').click();
        expect(asked).toEqual([false, true]);
    });

    it('says what happened after enabling', () => {
        const fixture = renderDeployComponent(PrerequisitesPageComponent, {
            checks, hyperVState: 'Disabled',
            hyperV: { status: 'done', restart: true, result: { status: 'enabled', rebootRequired: true, restarting: true }, error: null }
        });
        expect(textOf(byTest(fixture, 'hyperv-status'))).toContain('The host is restarting');
        expect(allByTest(fixture, 'enable-hyperv')).toEqual([]);
    });

    it('offers nothing on a host with Hyper-V on', () => {
        const enabled = renderDeployComponent(PrerequisitesPageComponent, { checks: [checks[0]], hyperVState: 'Enabled', hyperV: idle });
        expect(allByTest(enabled, 'hyperv-offer')).toEqual([]);
        expect(allByTest(enabled, 'cannot-run')).toEqual([]);
    });

    it('shows why the wizard cannot go on, and checks again on request', () => {
        const fixture = renderDeployComponent(PrerequisitesPageComponent, {
            checks: [checks[0]], hyperVState: 'Enabled', hyperV: idle,
            blockers: [{ code: 'partialDeployment', text: messageOf('resumePartialDeployment') }]
        });
        let rechecks = 0;
        fixture.componentInstance.recheck.subscribe(() => rechecks++);
        expect(byTest(fixture, 'resume-blocker').getAttribute('data-code')).toBe('partialDeployment');
        expect(textOf(byTest(fixture, 'resume-blocker'))).toBe('An earlier Deploy-Eflow stopped part-way: a VM disk exists but no VM. ' +
            'EFLOW deploys once per installation, so uninstall and reinstall EFLOW, then run the wizard again.');
        byTest(fixture, 'recheck').click();
        expect(rechecks).toBe(1);
    });
});
