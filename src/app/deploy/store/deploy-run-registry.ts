import { Inject, Injectable, OnDestroy } from '@angular/core';
import { SchedulerLike } from 'rxjs';
import { EflowDeployService } from '../../core/gateway/eflow-deploy.service';
import { APP_SCHEDULER } from '../../core/time/app-scheduler';
import type { DeploymentRunRecord } from '../domain/deployment-run-record';
import { DeployRunController } from './deploy-run.controller';
import { DeployStepExecutor } from './deploy-step-executor';
import { WizardDraftStorage } from './wizard-draft-storage';

/**
 * The deploy runs of the app's lifetime, one per host. A run outlives the wizard page that started it: closing the
 * wizard in the middle of a deployment must not stop it (stopping Deploy-Eflow half-way leaves a VM that only an
 * uninstall removes), and reopening the wizard on that host shows the run where it is.
 */
@Injectable({ providedIn: 'root' })
export class DeployRunRegistry implements OnDestroy {
    private readonly controllers = new Map<string, DeployRunController>();

    constructor(
        private readonly deploy: EflowDeployService,
        private readonly executor: DeployStepExecutor,
        private readonly drafts: WizardDraftStorage,
        @Inject(APP_SCHEDULER) private readonly scheduler: SchedulerLike) {}

    /** The host's run; `record` (from the host's draft) seeds a host seen for the first time. */
    public controllerFor(node: string, record: DeploymentRunRecord | null): DeployRunController {
        const key = node.toLowerCase();
        let controller = this.controllers.get(key);
        if (!controller) {
            controller = new DeployRunController(node, record, this.deploy, this.executor, this.drafts, this.scheduler);
            this.controllers.set(key, controller);
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
        }
    }

    /** Stops every run (the app closes). */
    public ngOnDestroy(): void {
        for (const controller of this.controllers.values()) {
            controller.stop();
        }
        this.controllers.clear();
    }
}
