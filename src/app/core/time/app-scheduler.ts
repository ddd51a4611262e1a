import { InjectionToken } from '@angular/core';
import { asyncScheduler, SchedulerLike } from 'rxjs';

/**
 * The scheduler that times refreshes, timeouts and "now" (`scheduler.now()`) across the app. Production uses
 * rxjs' `asyncScheduler` (real time); tests provide a virtual-time scheduler so that minutes pass instantly.
 */
export const APP_SCHEDULER = new InjectionToken<SchedulerLike>('APP_SCHEDULER', {
    providedIn: 'root',
    factory: (): SchedulerLike => asyncScheduler
});
