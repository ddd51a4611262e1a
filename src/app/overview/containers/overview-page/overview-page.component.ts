import { ChangeDetectionStrategy, Component, Inject, OnInit } from '@angular/core';
import { Router } from '@angular/router';
import { AppContextService } from '@microsoft/windows-admin-center-sdk/angular';
import { Observable, SchedulerLike, timer } from 'rxjs';
import { map } from 'rxjs/operators';
import { OVERVIEW_REFRESH_POLICY } from '../../../core/domain/refresh-backoff';
import { APP_SCHEDULER } from '../../../core/time/app-scheduler';
import { extensionStrings } from '../../../shared/extension-strings';
import { formatText } from '../../../shared/format-text';
import { OverviewStore } from '../../store/overview.store';
import { DEPLOY_ROUTE, PAGE_QUERY_PARAMETER } from '../../../deploy/deploy-route';
import { DeployEntryKind, deployEntryFor } from '../../view-model/deploy-entry';
import { buildOverviewViewModel, OverviewViewModel } from '../../view-model/overview-view-model';

/** How often relative times ("Updated 2 min ago") and the retry countdown move. */
export const CLOCK_TICK_MS = 5_000;

/**
 * The host overview page (capability 1): holds the page's state (its own `OverviewStore`) and chooses the view;
 * the cards and panels only render what they are given. The node is the shell's active connection.
 */
@Component({
    selector: 'em-overview-page',
    templateUrl: './overview-page.component.html',
    styleUrls: ['./overview-page.component.css'],
    changeDetection: ChangeDetectionStrategy.OnPush,
    providers: [OverviewStore]
})
export class OverviewPageComponent implements OnInit {
    /** The page's view model; recomputed on every state change. */
    protected readonly viewModel$: Observable<OverviewViewModel>;
    /** The current time, ticking for relative times. */
    protected readonly now$: Observable<number>;
    protected readonly strings = extensionStrings().Overview;
    protected readonly healthyIntervalMs = OVERVIEW_REFRESH_POLICY.healthyIntervalMs;

    constructor(
        private readonly store: OverviewStore,
        private readonly appContext: AppContextService,
        private readonly router: Router,
        @Inject(APP_SCHEDULER) private readonly scheduler: SchedulerLike) {
        this.viewModel$ = this.store.state$.pipe(map(state => buildOverviewViewModel(state, this.scheduler.now())));
        this.now$ = timer(0, CLOCK_TICK_MS, this.scheduler).pipe(map(() => this.scheduler.now()));
    }

    public ngOnInit(): void {
        // Opened outside a shell (top window) there is no connection: the page says so instead of guessing a node.
        this.store.start(this.appContext.activeConnection?.nodeName ?? null);
    }

    protected refresh(): void {
        this.store.refresh();
    }

    protected setAutoRefresh(enabled: boolean): void {
        this.store.setAutoRefresh(enabled);
    }

    /** The way into the deployment wizard the view offers, if any. */
    protected deployEntry(vm: OverviewViewModel): DeployEntryKind | null {
        return deployEntryFor(vm);
    }

    /** Opens the deployment wizard; "Provision" lands on its provisioning page. */
    protected openWizard(kind: DeployEntryKind): void {
        void this.router.navigate([`/${DEPLOY_ROUTE}`], kind === 'provision' ? { queryParams: { [PAGE_QUERY_PARAMETER]: 'provisioning' } } : {});
    }

    /** The "not ready" intro with the host's name. */
    protected notReadyText(hostName: string): string {
        return formatText(this.strings.Views.notReadyText, { host: hostName });
    }

    /** The "MSI only" text with the installed version. */
    protected installedText(version: string): string {
        return formatText(this.strings.Views.installedText, { version });
    }

    /** A view's text that names the installed version. */
    protected withVersion(text: string, version: string): string {
        return formatText(text, { version });
    }

    /** The "VM not checked" text with the installed version. */
    protected vmUnknownText(version: string): string {
        return formatText(this.strings.Views.vmUnknownText, { version });
    }
}
