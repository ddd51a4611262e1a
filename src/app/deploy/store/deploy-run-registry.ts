import { Inject, Injectable, OnDestroy } from '@angular/core';
import { SchedulerLike, Subscription } from 'rxjs';
import { map } from 'rxjs/operators';
import { EflowDeployService } from '../../core/gateway/eflow-deploy.service';
import { APP_SCHEDULER } from '../../core/time/app-scheduler';
import type { DeploymentRunRecord } from '../domain/deployment-run-record';
import { DeployRunController } from './deploy-run.controller';
import { DeployStepExecutor } from './deploy-step-executor';
import { HostChangeNotifier, NO_NOTIFICATIONS, NOTIFICATION_SINK, type NotificationSink } from './host-change-notifier';
import { WizardDraftStorage } from './wizard-draft-storage';

/**
 * The deploy runs of the app's lifetime, one per host. A run outlives the wizard page that started it: closing the
 * wizard in the middle of a deployment must not stop it (stopping Deploy-Eflow half-way leaves a VM that only an
 * uninstall removes), and reopening the wizard on that host shows the run where it is. For the same reason each run
 * posts its progress and outcome to WAC's notification center (HostChangeNotifier).
 */
@Injectable({ providedIn: 'root' })
export class DeployRunRegistry implements OnDestroy {
    private readonly controllers = new Map<string, DeployRunController>();
    private readonly notifications = new Map<string, Subscription>();
    private readonly notifier: HostChangeNotifier;

    constructor(
        private readonly deploy: EflowDeployService,
        private readonly executor: DeployStepExecutor,
        private readonly drafts: WizardDraftStorage,
        @Inject(APP_SCHEDULER) private readonly scheduler: SchedulerLike,
        @Inject(NOTIFICATION_SINK) notificationSink: NotificationSink = NO_NOTIFICATIONS) {
        this.notifier = new HostChangeNotifier(notificationSink);
    }

    /** The host's run; `record` (from the host's draft) seeds a host seen for the first time. */
    public controllerFor(node: string, record: DeploymentRunRecord | null): DeployRunController {
        const key = node.toLowerCase();
        let controller = this.controllers.get(key);
        if (!controller) {
            controller = new DeployRunController(node, record, this.deploy, this.executor, this.drafts, this.scheduler);
            this.controllers.set(key, controller);
            this.notifications.set(key, this.notifier.followDeployRun(node, controller.state$.pipe(map(state => state.run?.status ?? null))));
        }
        return controller;
    }

    /** Forgets the host's run once it is over (a finished deployment): the next wizard starts from the host alone. */
    public release(node: string): void {
        const key = node.toLowerCase();
        const controller = this.controllers.get(key);
        if (controller && !controller.isRunning()) {
            controller.stop();
            this.controllers.delete(key);
            this.notifications.get(key)?.unsubscribe();
            this.notifications.delete(key);
        }
    }

    /** Stops every run (the app closes). */
    public ngOnDestroy(): void {
        for (const controller of this.controllers.values()) {
            controller.stop();
        }
        this.controllers.clear();
        for (const subscription of this.notifications.values()) {
            subscription.unsubscribe();
        }
        this.notifications.clear();
    }
}
