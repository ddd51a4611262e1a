import { allByTest, byTest, textOf } from '../../../testing/render-component';
import type { PrerequisiteCheck } from '../../domain/deployment-prerequisites';
import { messageOf } from '../../domain/message-text';
import type { HyperVEnabling } from '../../store/deploy-wizard-state';
import { renderDeployComponent } from '../../testing/render-deploy-component';
import { PrerequisitesPageComponent } from './prerequisites-page.component';

const checks: PrerequisiteCheck[] = [
    { id: 'os-edition', status: 'pass', reason: 'clientSupported', params: { caption: 'Microsoft Windows 11 Pro', build: 22631 } },
    { id: 'hyperv-feature', status: 'fail', reason: 'hyperVDisabled', params: {} },
    { id: 'openssh-client', status: 'warning', reason: 'openSshMissing', params: {} }
];
const idle: HyperVEnabling = { status: 'idle', restart: false, result: null, error: null };

describe('PrerequisitesPageComponent', () => {
    it('shows every check with pass / warning / fail, what was found and the fix', () => {
        const fixture = renderDeployComponent(PrerequisitesPageComponent, { checks, hyperVState: 'Disabled', hyperV: idle });
        const rows = allByTest(fixture, 'prerequisite-check');
        expect(rows.map(row => [row.getAttribute('data-check'), row.getAttribute('data-status')])).toEqual([
            ['os-edition', 'pass'], ['hyperv-feature', 'fail'], ['openssh-client', 'warning']
        ]);
        // Worded from the strings: the build number as it is (no grouping), the fix after "What to do".
        expect(textOf(rows[0])).toBe('Windows edition and build Passed Microsoft Windows 11 Pro, build 22631.');
        expect(textOf(rows[1])).toBe('Hyper-V Failed Hyper-V is not enabled. What to do: Enable Hyper-V (the wizard can do it); the host then needs a restart.');
        expect(textOf(byTest(rows[2], 'prerequisite-fix'))).toBe('What to do: Deploy-Eflow installs it, which needs access to Windows Update; ' +
            'on an offline host install the OpenSSH.Client capability first.');
        expect(allByTest(rows[0], 'prerequisite-fix')).toEqual([]);
        expect(allByTest(fixture, 'cannot-run')).toHaveLength(1);
    });

    it('words the host\'s facts in the display locale: free memory, stopped services, an Azure VM', () => {
        const fixture = renderDeployComponent(PrerequisitesPageComponent, {
            hyperVState: 'Enabled', hyperV: idle, checks: [
                { id: 'memory', status: 'fail', reason: 'memoryTooLow', params: { freeMB: 812, requiredMB: 1024 } },
                { id: 'hyperv-services', status: 'fail', reason: 'hyperVServicesStopped', params: { services: ['vmms', 'vmcompute', 'hvhost'] } },
                { id: 'nested-virtualization', status: 'warning', reason: 'azureVmHost', params: {} },
                { id: 'disk', status: 'pass', reason: 'diskEnough', params: { drive: 'C:', freeGB: 1212.5 } }
            ]
        });
        expect(allByTest(fixture, 'prerequisite-detail').map(textOf)).toEqual([
            '812 MB of memory free.', 'Not running: vmms, vmcompute and hvhost.', 'This host is an Azure virtual machine.', '1,212.5 GB free on C:.'
        ]);
        expect(allByTest(fixture, 'prerequisite-fix').map(textOf)).toEqual([
            'What to do: The smallest VM needs 1,024 MB free; close applications or add memory.',
            'What to do: Start the Hyper-V services (Start-Service vmms, vmcompute, hvhost) or restart the host; Deploy-Eflow needs all three.',
            'What to do: Its VM size must support nested virtualization, and it cannot use an External switch: use the Default Switch ' +
                '(Windows client) or an Internal switch with a static address (Windows Server).'
        ]);
    });

    it('offers to enable Hyper-V where it is off, with a restart now or later, and says a restart is needed', () => {
        const fixture = renderDeployComponent(PrerequisitesPageComponent, { checks, hyperVState: 'Disabled', hyperV: idle, hostName: 'EDGE-07' });
        const asked: boolean[] = [];
        fixture.componentInstance.enableHyperV.subscribe((restart: boolean) => asked.push(restart));
        expect(textOf(byTest(fixture, 'hyperv-offer'))).toContain('Enabling it needs a restart of the host');
        byTest(fixture, 'enable-hyperv').click();
        byTest(fixture, 'enable-hyperv-restart').click();
        fixture.detectChanges();
        byTest(fixture, 'restart-confirm-yes').click();
        expect(asked).toEqual([false, true]);
    });

    it('restarts only after the admin confirmed a question naming the host; Cancel restarts nothing', () => {
        const fixture = renderDeployComponent(PrerequisitesPageComponent, { checks, hyperVState: 'Disabled', hyperV: idle, hostName: 'EDGE-07' });
        const asked: boolean[] = [];
        fixture.componentInstance.enableHyperV.subscribe((restart: boolean) => asked.push(restart));
        // In the document, so that the focus can move.
        document.body.appendChild(fixture.nativeElement as HTMLElement);
        byTest(fixture, 'enable-hyperv-restart').click();
        fixture.detectChanges();
        expect(asked).toEqual([]);
        expect(textOf(byTest(fixture, 'restart-question'))).toBe('Restart EDGE-07 now? Running workloads stop.');
        expect(textOf(byTest(fixture, 'restart-confirm-yes'))).toBe('Restart EDGE-07');
        // The answer takes the focus, so a keyboard user is at the question it asks.
        expect(document.activeElement).toBe(byTest(fixture, 'restart-confirm-yes'));
        byTest(fixture, 'restart-confirm-no').click();
        fixture.detectChanges();
        expect(allByTest(fixture, 'restart-confirm')).toEqual([]);
        expect(asked).toEqual([]);
        (fixture.nativeElement as HTMLElement).remove();
    });

    it('greys out the results from before the restart while the host restarts, and says it checks again', () => {
        const fixture = renderDeployComponent(PrerequisitesPageComponent, {
            checks, hyperVState: 'Disabled', hostName: 'EDGE-07', hostRestarting: true,
            hyperV: { status: 'done', restart: true, result: { status: 'enabled', rebootRequired: true, restarting: true }, error: null }
        });
        expect(textOf(byTest(fixture, 'results-stale'))).toBe(
            'These results are from before EDGE-07 restarted; the wizard checks again as soon as it answers.');
        const list = (fixture.nativeElement as HTMLElement).querySelector('.em-status-list');
        expect(list?.classList.contains('em-stale')).toBe(true);
        expect(list?.getAttribute('aria-disabled')).toBe('true');
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
            'EFLOW deploys once per installation, so uninstall EFLOW and start again (offered on this page); the wizard keeps your entries.');
        byTest(fixture, 'recheck').click();
        expect(rechecks).toBe(1);
    });
});
