import { Observable, SchedulerLike, of, timer } from 'rxjs';
import { catchError, exhaustMap, filter, map, take } from 'rxjs/operators';
import type { DeploymentPrerequisitesPayload } from '../domain/deployment-prerequisites';

/** How often a restarting host is asked whether it is back, and for how long (10 minutes) before giving up. */
export const RESTART_POLL_MS = 5000;
export const RESTART_POLL_ATTEMPTS = 120;

/**
 * Waits for a host that restarts to enable Hyper-V: emits once (then completes) when a read of its prerequisites
 * answers with Hyper-V enabled or otherwise settled, or when the attempts run out (the admin then sees the host as it
 * answers, or its error, and checks again by hand). A failed read is the host still restarting, not an answer. A read
 * that still says Disabled or EnablePending comes from before the restart (the host takes a moment to go down), so it
 * does not end the wait either.
 */
export function whenRestartedHostAnswers(read: () => Observable<DeploymentPrerequisitesPayload>, scheduler: SchedulerLike,
    intervalMs: number = RESTART_POLL_MS, attempts: number = RESTART_POLL_ATTEMPTS): Observable<void> {
    return timer(intervalMs, intervalMs, scheduler).pipe(
        take(attempts),
        // A read still waiting for its answer when the next tick comes is left to finish: no pile-up of reads.
        exhaustMap(attempt => read().pipe(
            map(payload => attempt === attempts - 1 || restarted(payload)),
            catchError(() => of(attempt === attempts - 1)))),
        filter(settled => settled),
        take(1),
        map(() => undefined));
}

/** Whether the read comes from after the restart: Hyper-V no longer waits to be enabled. */
function restarted(payload: DeploymentPrerequisitesPayload): boolean {
    const state = payload.host.hyperV.featureState;
    return state !== 'Disabled' && state !== 'EnablePending';
}
