import type { Observable, SchedulerLike, Subscription } from 'rxjs';
import type { DeploymentInputChecks } from '../../core/models/deploy-results';
import { pendingHostCheckQuestion, withHostCheckReply, type HostCheckAnswers, type HostCheckQuestion } from '../domain/host-input-checks';
import type { WizardModel } from '../domain/wizard-model';

/** How long typing must pause before the host is asked about a path or an address. */
export const HOST_CHECK_DEBOUNCE_MS = 600;

/** What the checker reads of the wizard's state, and what it writes back. */
export interface HostInputCheckTarget {
    /** The host asked, the choices and the answers so far; null node: nothing to ask. */
    current(): { node: string | null; model: WizardModel; answers: HostCheckAnswers };
    /** Records new answers, and whether a question is still waiting or on its way. */
    record(changes: { hostCheckAnswers?: HostCheckAnswers; hostChecksPending: boolean }): void;
}

/**
 * The wizard's as-you-type questions to the host (Test-EflowDeploymentInput): after a pause in typing it asks about
 * what the choices hold that the host was not asked yet, one question at a time; when an answer comes back it asks at
 * once about anything typed meanwhile. A failed question leaves its values unchecked: the next change asks again, and
 * the scripts check the values again on the host before they change anything.
 */
export class HostInputChecker {
    private inFlight: Subscription | null = null;
    private timer: Subscription | null = null;

    constructor(
        private readonly ask: (node: string, question: HostCheckQuestion) => Observable<DeploymentInputChecks>,
        private readonly target: HostInputCheckTarget,
        private readonly scheduler: SchedulerLike) {}

    /** Asks the host what is new to ask once `delayMs` passed without another call. */
    public schedule(delayMs: number = HOST_CHECK_DEBOUNCE_MS): void {
        this.timer?.unsubscribe();
        const { node, model, answers } = this.target.current();
        const question = pendingHostCheckQuestion(model, answers);
        if (!node || question === null) {
            this.target.record({ hostChecksPending: this.inFlight !== null });
            return;
        }
        this.target.record({ hostChecksPending: true });
        this.timer = this.scheduler.schedule(() => {
            this.timer = null;
            if (this.inFlight === null) {
                this.send(node, question);
            }
        }, delayMs);
    }

    /** Drops the waiting question and the one on its way (their answers are not recorded). */
    public stop(): void {
        this.timer?.unsubscribe();
        this.inFlight?.unsubscribe();
        this.timer = this.inFlight = null;
    }

    private send(node: string, question: HostCheckQuestion): void {
        const check = this.ask(node, question).subscribe({
            next: reply => this.target.record({
                hostCheckAnswers: withHostCheckReply(this.target.current().answers, question, reply),
                hostChecksPending: true
            }),
            error: () => {
                this.inFlight = null;
                this.target.record({ hostChecksPending: this.timer !== null });
            },
            complete: () => {
                this.inFlight = null;
                // The admin may have typed on meanwhile: ask about what is new, at once.
                this.schedule(0);
            }
        });
        this.inFlight = check.closed ? null : check;
    }
}
