import { Inject, Injectable, OnDestroy } from '@angular/core';
import { BehaviorSubject, Observable, Subscription } from 'rxjs';
import { EflowDeployService } from '../../core/gateway/eflow-deploy.service';
import { toGatewayError } from '../../core/gateway/transport-errors';
import type { HyperVEnabling } from './deploy-wizard-state';
import { HostChangeNotifier, NO_NOTIFICATIONS, NOTIFICATION_SINK, type NotificationSink } from './host-change-notifier';

/** Nothing asked yet. */
export const IDLE_HYPER_V_ENABLING: HyperVEnabling = { status: 'idle', restart: false, result: null, error: null };

interface HostEnabling {
    readonly state: BehaviorSubject<HyperVEnabling>;
    call: Subscription | null;
    /** Posts the enabling's progress and outcome to WAC's notification center. */
    notifications: Subscription;
}

/**
 * The prerequisites page's "Enable Hyper-V" calls of the app's lifetime, one per host. Like a deploy run
 * (DeployRunRegistry), the call outlives the wizard page that asked for it: it changes the host, and unsubscribing
 * would cancel the script on the gateway half way through (and with it the restart the admin asked for). Its
 * progress and outcome go to WAC's notification center (HostChangeNotifier), which the admin sees from any page.
 */
@Injectable({ providedIn: 'root' })
export class HyperVEnablingRegistry implements OnDestroy {
    private readonly hosts = new Map<string, HostEnabling>();
    private readonly notifier: HostChangeNotifier;

    constructor(
        private readonly deploy: EflowDeployService,
        @Inject(NOTIFICATION_SINK) notificationSink: NotificationSink = NO_NOTIFICATIONS) {
        this.notifier = new HostChangeNotifier(notificationSink);
    }

    /** The host's enabling: its current state first, then every change. */
    public state$(node: string): Observable<HyperVEnabling> {
        return this.host(node).state.asObservable();
    }

    /** Enables Hyper-V on the host (`restart`: restart it right away when needed); ignored while a call runs. */
    public enable(node: string, restart: boolean): void {
        const host = this.host(node);
        if (host.state.value.status === 'running') {
            return;
        }
        host.state.next({ status: 'running', restart, result: null, error: null });
        const call = this.deploy.enableHyperV(node, restart).subscribe({
            next: event => {
                if (event.type === 'result') {
                    host.state.next({ status: 'done', restart, result: event.result, error: null });
                }
            },
            error: (error: unknown) => {
                host.call = null;
                host.state.next({ status: 'failed', restart, result: null, error: toGatewayError(error) });
            },
            complete: () => {
                host.call = null;
            }
        });
        host.call = call.closed ? null : call;
    }

    /** Stops every call (the app closes). */
    public ngOnDestroy(): void {
        for (const host of this.hosts.values()) {
            host.call?.unsubscribe();
            host.notifications.unsubscribe();
            host.state.complete();
        }
        this.hosts.clear();
    }

    private host(node: string): HostEnabling {
        const key = node.toLowerCase();
        let host = this.hosts.get(key);
        if (!host) {
            const state = new BehaviorSubject<HyperVEnabling>(IDLE_HYPER_V_ENABLING);
            host = { state, call: null, notifications: this.notifier.followHyperVEnabling(node, state) };
            this.hosts.set(key, host);
        }
        return host;
    }
}
