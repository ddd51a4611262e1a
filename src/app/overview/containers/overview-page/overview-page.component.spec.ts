import { CommonModule } from '@angular/common';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingModule } from '@angular/router/testing';
import { AppContextService, PowerShellService, TooltipHostComponent, TooltipModule } from '@microsoft/windows-admin-center-sdk/angular';
import { HostOverviewPayload } from '../../../core/models/host-overview';
import { APP_SCHEDULER } from '../../../core/time/app-scheduler';
import { ajaxError } from '../../../testing/ajax-error';
import { FakePowerShellService } from '../../../testing/fake-powershell-service';
import {
    aHealthyOverview,
    aHomeEditionHost,
    aHostWithoutEflow,
    aHostWithUnreadableInstallation,
    aHostWithUnverifiableVm,
    INSTALLATION_UNREADABLE,
    anInstallation,
    aRunningVm,
    aStoppedVm,
    FIXTURE_NOW,
    aHostDeploying,
    aPartialDeployment
} from '../../../testing/host-overview.fixtures';
import { allByTest, byTest, textOf } from '../../../testing/render-component';
import { initSdkModule, loadSdkStrings } from '../../../testing/sdk-test-environment';
import { VirtualTime } from '../../../testing/virtual-time';
import { OVERVIEW_COMPONENTS } from '../../overview.module';
import { OVERVIEW_SDK_MODULES } from '../../overview-sdk-modules';
import { OverviewPageComponent } from './overview-page.component';

describe('OverviewPageComponent', () => {
    let sdk: FakePowerShellService;
    let time: VirtualTime;
    let fixture: ComponentFixture<OverviewPageComponent>;

    /** Renders the page for a connection to `node` (`null`: opened without a connection). */
    function renderPage(node: string | null = 'host1'): void {
        loadSdkStrings();
        initSdkModule();
        sdk = new FakePowerShellService();
        time = new VirtualTime(FIXTURE_NOW);
        TestBed.configureTestingModule({
            declarations: OVERVIEW_COMPONENTS,
            imports: [CommonModule, TooltipModule, RouterTestingModule.withRoutes([{ path: 'deploy', children: [] }]), ...OVERVIEW_SDK_MODULES],
            providers: [
                { provide: PowerShellService, useValue: sdk.asService() },
                { provide: AppContextService, useValue: { activeConnection: { nodeName: node } } },
                { provide: APP_SCHEDULER, useValue: time.scheduler }
            ]
        });
        fixture = TestBed.createComponent(OverviewPageComponent);
        TestBed.createComponent(TooltipHostComponent).detectChanges();
        update();
    }

    /** Lets due timers run, then updates the DOM. */
    function update(advanceMs = 0): void {
        time.advance(advanceMs);
        fixture.detectChanges();
    }

    /** Answers the pending overview read with `overview`. */
    function answer(overview: HostOverviewPayload): void {
        sdk.lastCommand.finish({ results: [JSON.parse(JSON.stringify(overview))] });
        update();
    }

    function view(): string | null {
        return byTest(fixture, 'overview-view').getAttribute('data-view');
    }

    it('shows a loading view while the first read runs, for the connection\'s node', () => {
        renderPage();
        expect(view()).toBe('first-load');
        expect(fixture.nativeElement.querySelector('sme-loading-wheel')).not.toBeNull();
        expect(sdk.lastCommand.session.nodeName).toBe('host1');
        expect(sdk.lastCommand.command.command).toBe('Get-EflowHostOverview');
        expect(textOf(byTest(fixture, 'last-updated'))).toBe('Not updated yet');
    });

    it('says so, and reads nothing, when opened without a connection', () => {
        renderPage(null);
        expect(view()).toBe('no-connection');
        expect(sdk.commands).toEqual([]);
    });

    it('shows the dashboard of a provisioned host', () => {
        renderPage();
        answer(aHealthyOverview());
        expect(view()).toBe('dashboard');
        expect(textOf(byTest(fixture, 'host-name'))).toBe('host1');
        expect(textOf(byTest(fixture, 'host-computer-name'))).toBe('FACTORY-PC-01');
        // A deployed host is not judged by the deployment requirements on its Host card.
        expect(allByTest(fixture, 'host-readiness')).toEqual([]);
        expect(byTest(fixture, 'vm-power-state').getAttribute('data-state')).toBe('running');
        expect(textOf(byTest(fixture, 'eflow-version'))).toBe('1.5.7.01026');
        expect(textOf(byTest(fixture, 'iotedge-version'))).toBe('1.5.21');
        expect(allByTest(fixture, 'module-row').map(row => row.getAttribute('data-module'))).toEqual(
            ['SimulatedTemperatureSensor', 'edgeAgent', 'edgeHub']);
        expect(allByTest(fixture, 'endpoint-row')).toHaveLength(1);
        // 1.5 LTS support ends in November 2026: the notice is the only alert on this host.
        expect(allByTest(fixture, 'alert-row').map(row => row.getAttribute('data-kind'))).toEqual(['supportEndingSoon']);
        expect(textOf(byTest(fixture, 'last-updated'))).toBe('Updated just now');
        expect(allByTest(fixture, 'stale-marker')).toEqual([]);
    });

    describe('the way into the deployment wizard', () => {
        function entry(): string | null {
            const found = allByTest(fixture, 'deploy-entry');
            return found.length ? found[0].getAttribute('data-kind') : null;
        }

        it('offers to deploy on a host without EFLOW and opens the wizard', async () => {
            renderPage();
            answer(aHostWithoutEflow());
            expect(entry()).toBe('deploy');
            byTest(fixture, 'deploy-entry-button').click();
            await fixture.whenStable();
            expect(TestBed.inject(Router).url).toBe('/deploy');
        });

        it('offers to continue with the MSI in and no VM, and to provision a running VM that is not provisioned', async () => {
            renderPage();
            answer({ ...aHealthyOverview(), eflow: anInstallation(null) });
            expect(entry()).toBe('continue');
            update(60_000);
            sdk.lastCommand.finish({ results: [JSON.parse(JSON.stringify({ ...aHealthyOverview(),
                eflow: anInstallation({ ...aRunningVm(), provisioning: { state: 'NotProvisioned', source: null } }) }))] });
            update();
            expect(entry()).toBe('provision');
            byTest(fixture, 'deploy-entry-button').click();
            await fixture.whenStable();
            expect(TestBed.inject(Router).url).toBe('/deploy?page=provisioning');
        });

        it('offers nothing on a provisioned host', () => {
            renderPage();
            answer(aHealthyOverview());
            expect(entry()).toBeNull();
        });

        it('tells an edition without Hyper-V to upgrade, with no Prepare button', () => {
            renderPage();
            answer(aHomeEditionHost());
            expect(entry()).toBe('edition');
            expect(textOf(byTest(fixture, 'deploy-entry'))).toContain('This edition cannot run EFLOW');
            expect(allByTest(fixture, 'deploy-entry-button')).toEqual([]);
        });

        it('shows a running deployment with a View progress entry that opens the wizard, and no PowerShell to deploy', async () => {
            renderPage();
            answer(aHostDeploying());
            expect(view()).toBe('deployment-in-progress');
            expect(textOf(byTest(fixture, 'deploying-notice'))).toContain('a deployment is running on this host right now');
            expect(byTest(fixture, 'install-state').getAttribute('data-state')).toBe('deployment-in-progress');
            expect(allByTest(fixture, 'admin-command')).toEqual([]);
            expect(textOf(byTest(fixture, 'deploy-entry-button'))).toBe('View progress');
            byTest(fixture, 'deploy-entry-button').click();
            await fixture.whenStable();
            expect(TestBed.inject(Router).url).toBe('/deploy');
        });

        it('says a failed Deploy-Eflow left a partial deployment to clean up, instead of offering to continue', () => {
            renderPage();
            answer(aPartialDeployment());
            expect(view()).toBe('partial-deployment');
            expect(textOf(byTest(fixture, 'partial-notice'))).toContain('it failed before the virtual machine was created');
            expect(allByTest(fixture, 'installed-notice')).toEqual([]);
            expect(allByTest(fixture, 'admin-command')).toEqual([]);
            expect(entry()).toBe('partial');
        });
    });

    it('explains why a host cannot run EFLOW', () => {
        renderPage();
        answer(aHomeEditionHost());
        expect(view()).toBe('not-ready');
        expect(allByTest(fixture, 'readiness-check').map(check => check.getAttribute('data-check'))).toEqual(['osEdition', 'hyperV']);
        expect(allByTest(fixture, 'admin-commands')).toEqual([]);
        expect(allByTest(fixture, 'install-card')).toEqual([]);
    });

    it('shows the checklist and the PowerShell to install EFLOW on a ready host without it', () => {
        renderPage();
        answer(aHostWithoutEflow());
        expect(view()).toBe('not-installed');
        expect(allByTest(fixture, 'readiness-check')).toHaveLength(7);
        expect(allByTest(fixture, 'admin-command').map(step => step.getAttribute('data-step'))).toEqual(
            ['downloadMsi', 'installMsi', 'deploy', 'provision']);
        expect(allByTest(fixture, 'wizard-note')).toHaveLength(1);
    });

    it('shows the installation and the deploy commands when only the MSI is installed', () => {
        renderPage();
        answer({ ...aHealthyOverview(), eflow: anInstallation(null) });
        expect(view()).toBe('installed');
        expect(textOf(byTest(fixture, 'installed-notice'))).toContain('EFLOW 1.5.7.01026 is installed, but Deploy-Eflow has not run yet.');
        expect(byTest(fixture, 'install-state').getAttribute('data-state')).toBe('installed');
        expect(allByTest(fixture, 'admin-command').map(step => step.getAttribute('data-step'))).toEqual(['deploy', 'provision']);
        expect(allByTest(fixture, 'vm-card')).toEqual([]);
    });

    it('says the VM could not be checked, with the reason, and offers no deployment when Verify-EflowVm failed', () => {
        renderPage();
        answer(aHostWithUnverifiableVm());
        expect(view()).toBe('vm-unknown');
        const notice = textOf(byTest(fixture, 'presence-unknown-notice'));
        expect(notice).toContain('The EFLOW virtual machine could not be checked');
        expect(notice).toContain('EFLOW 1.5.7.01026 is installed, but the host could not tell whether its virtual machine exists');
        expect(notice).toContain('Do not run Deploy-Eflow again');
        const reason = byTest(fixture, 'presence-unknown-reason');
        expect(textOf(reason)).toBe("Verify-EflowVm: The 'Verify-EflowVm' command was found in the module 'AzureEFLOW', but the module could not be loaded.");
        expect(reason.getAttribute('data-code')).toBe('EflowVmUnverifiable');
        expect(allByTest(fixture, 'installed-notice')).toEqual([]);
        expect(allByTest(fixture, 'deploy-entry')).toEqual([]);
        expect(allByTest(fixture, 'admin-command')).toEqual([]);
        expect(byTest(fixture, 'install-state').getAttribute('data-state')).toBe('vm-unknown');
        expect(textOf(byTest(fixture, 'install-state'))).toBe('Installed, virtual machine not checked');
    });

    it('says it could not tell whether EFLOW is installed, with the reason, and offers no install', () => {
        renderPage();
        answer(aHostWithUnreadableInstallation());
        expect(view()).toBe('install-unknown');
        const notice = textOf(byTest(fixture, 'presence-unknown-notice'));
        expect(notice).toContain('Could not tell whether EFLOW is installed');
        expect(notice).toContain('Do not install EFLOW again before this is cleared up');
        expect(textOf(byTest(fixture, 'presence-unknown-reason'))).toBe(`EFLOW installation: ${INSTALLATION_UNREADABLE}`);
        expect(allByTest(fixture, 'deploy-entry')).toEqual([]);
        expect(allByTest(fixture, 'admin-command')).toEqual([]);
        expect(allByTest(fixture, 'install-card')).toEqual([]);
    });

    it('shows a stopped VM without its runtime, with the command to start it', () => {
        renderPage();
        answer({ ...aHealthyOverview(), eflow: anInstallation(aStoppedVm()) });
        expect(view()).toBe('vm-stopped');
        expect(byTest(fixture, 'vm-power-state').getAttribute('data-state')).toBe('off');
        expect(allByTest(fixture, 'modules-card')).toEqual([]);
        expect(allByTest(fixture, 'runtime-card')).toEqual([]);
        expect(allByTest(fixture, 'admin-command').map(step => step.getAttribute('data-step'))).toEqual(['startVm']);
        expect(allByTest(fixture, 'alert-row').map(row => row.getAttribute('data-kind'))).toContain('vmStopped');
    });

    it('shows an unreachable host when the first read cannot reach it, and retries on request', () => {
        renderPage();
        sdk.lastCommand.fail(ajaxError(500, { error: { code: 'InternalServerError', message: 'Connecting to remote server host1 failed: WinRM cannot complete the operation.' } }));
        update();
        expect(view()).toBe('unreachable');
        expect(byTest(fixture, 'gateway-error').getAttribute('data-kind')).toBe('host-unreachable');
        expect(textOf(byTest(fixture, 'error-title'))).toBe('Cannot reach host1');
        byTest(fixture, 'retry-button').click();
        update();
        expect(sdk.commands).toHaveLength(2);
    });

    it('shows a script error with its message and code', () => {
        renderPage();
        sdk.lastCommand.finish({ errors: [{ message: '[EflowModuleUnavailable] The AzureEFLOW module could not be imported.' }] });
        update();
        expect(view()).toBe('error');
        expect(textOf(byTest(fixture, 'error-message'))).toBe('The AzureEFLOW module could not be imported.');
        expect(byTest(fixture, 'error-code').getAttribute('data-code')).toBe('EflowModuleUnavailable');
    });

    it('keeps the last good data, marked stale with a banner, when the host becomes unreachable', () => {
        renderPage();
        answer(aHealthyOverview());
        update(30_000);
        sdk.lastCommand.fail(ajaxError(500, { errors: [{ errorType: 'PSRemotingTransportException', message: 'The WinRM client cannot process the request.' }] }));
        update();
        expect(view()).toBe('dashboard');
        expect(allByTest(fixture, 'module-row')).toHaveLength(3);
        expect(allByTest(fixture, 'stale-marker')).toHaveLength(1);
        expect(byTest(fixture, 'overview-cards').classList).toContain('em-overview-stale');
        expect(byTest(fixture, 'refresh-failure').getAttribute('data-kind')).toBe('host-unreachable');
        expect(textOf(byTest(fixture, 'last-updated'))).toBe('Updated 30 s ago');
        expect(textOf(byTest(fixture, 'auto-refresh-state'))).toBe('Refresh failed (attempt 1); retrying in 5 s');
    });

    it('renders the rest of the page when Get-EflowVm failed, with the error on the VM card', () => {
        renderPage();
        const vm = { ...aRunningVm(), powerState: 'Unknown', cpuCount: null, memoryMB: null, stats: null, runtime: null };
        answer({
            ...aHealthyOverview(),
            eflow: anInstallation(vm),
            errors: [{ source: 'Get-EflowVm', code: 'EflowVmUnavailable', message: 'Cannot index into a null array.' }]
        });
        expect(view()).toBe('dashboard');
        expect(textOf(byTest(byTest(fixture, 'vm-card'), 'section-error'))).toContain('Could not read the virtual machine (code EflowVmUnavailable)');
        expect(textOf(byTest(fixture, 'alert-details'))).toContain('Cannot index into a null array. (code EflowVmUnavailable)');
        expect(allByTest(fixture, 'alert-action').map(textOf).join(' ')).toContain('run Stop-EflowVm, then Start-EflowVm');
        expect(byTest(fixture, 'vm-power-state').getAttribute('data-state')).toBe('unknown');
        expect(allByTest(fixture, 'module-row')).toHaveLength(3);
        expect(textOf(byTest(fixture, 'eflow-version'))).toBe('1.5.7.01026');
        expect(allByTest(fixture, 'alert-row').map(row => row.getAttribute('data-kind'))).toContain('sectionError');
    });

    it('refreshes on the button and by itself 30 s after a success', () => {
        renderPage();
        answer(aHealthyOverview());
        byTest(fixture, 'refresh-button').click();
        update();
        expect(sdk.commands).toHaveLength(2);
        expect((byTest(fixture, 'refresh-button') as HTMLButtonElement).disabled).toBe(true);
        answer(aHealthyOverview());
        update(30_000);
        expect(sdk.commands).toHaveLength(3);
    });

    it('cancels the read in flight on the gateway when the page goes away', () => {
        renderPage();
        fixture.destroy();
        expect(sdk.cancelled).toHaveLength(1);
        expect(sdk.lastCommand.unsubscribed).toBe(true);
    });
});
