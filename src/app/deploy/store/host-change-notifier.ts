import { inject, InjectionToken } from '@angular/core';
import { AppContextService } from '@microsoft/windows-admin-center-sdk/angular';
import { Observable, Subscription } from 'rxjs';
import { distinctUntilChanged } from 'rxjs/operators';
import type { DeployRunStatus } from '../domain/deploy-run';
import { deployRunNotice, hyperVEnablingNotice, type HostChangeNotice } from '../view-model/host-change-notices';
import type { HyperVEnabling } from './deploy-wizard-state';

/**
 * One notification in WAC's notification center whose state moves (in progress, then success or error): the part
 * of the SDK's `ClientNotificationInstance` this app uses.
 */
export interface HostNotification {
    showInProgress(title: string, message: string): void;
    showSuccess(title: string, message: string): void;
    showWarning(title: string, message: string): void;
    showError(title: string, message: string): void;
}

/** Makes notifications for a node: the SDK's `NotificationConnection` (`AppContextService.notification`) in the app. */
export interface NotificationSink {
    create(nodeName: string): HostNotification;
}

/** A sink that shows nothing: for code built outside Angular's injector (tests of other things). */
export const NO_NOTIFICATIONS: NotificationSink = {
    create: () => ({ showInProgress: () => undefined, showSuccess: () => undefined, showWarning: () => undefined, showError: () => undefined })
};

/** The shell's notification center, through the SDK's RPC (the dev shell plays it locally). */
export const NOTIFICATION_SINK = new InjectionToken<NotificationSink>('EflowManager.NotificationSink', {
    providedIn: 'root',
    // A context without the notification connection (a test's stand-in AppContextService) shows nothing.
    factory: (): NotificationSink => inject(AppContextService).notification ?? NO_NOTIFICATIONS
});

/**
 * Tells the admin through WAC's notification center how a host change goes (a deployment, enabling Hyper-V), because
 * the change outlives the wizard page: an admin who closed it still learns how it ended. One notification per
 * attempt, created when it starts and moved to its outcome, so the shell shows one entry per attempt, not three.
 * The texts are the app's own (host-change-notices.ts), never a host's or gateway's output, so no secret a
 * provisioning call carries can reach a notification.
 */
export class HostChangeNotifier {
    constructor(private readonly sink: NotificationSink) {}

    /** Follows a host's deploy run status until the subscription ends. */
    public followDeployRun(node: string, status$: Observable<DeployRunStatus | null>): Subscription {
        return this.follow(node, status$, status => deployRunNotice(node, status));
    }

    /** Follows a host's Hyper-V enabling until the subscription ends. */
    public followHyperVEnabling(node: string, state$: Observable<HyperVEnabling>): Subscription {
        return this.follow(node, state$.pipe(distinctUntilChanged((a, b) => a.status === b.status)), state => hyperVEnablingNotice(node, state));
    }

    private follow<T>(node: string, changes$: Observable<T>, noticeOf: (change: T) => HostChangeNotice | null): Subscription {
        if (this.sink === NO_NOTIFICATIONS) {
            // Nothing would be shown: do not word notices either (code built outside the app has no strings loaded).
            return Subscription.EMPTY;
        }
        let current: HostNotification | null = null;
        return changes$.pipe(distinctUntilChanged()).subscribe(change => {
            const notice = noticeOf(change);
            if (!notice) {
                return;
            }
            if (notice.kind === 'progress') {
                current = this.sink.create(node);
                current.showInProgress(notice.title, notice.message);
                return;
            }
            // An outcome without a start this notifier saw (a restored or blocked run) is the page's to show.
            if (!current) {
                return;
            }
            const show = { success: current.showSuccess, warning: current.showWarning, error: current.showError }[notice.kind];
            show.call(current, notice.title, notice.message);
            current = null;
        });
    }
}
