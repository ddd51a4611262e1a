/**
 * The Stop prompt of a deploy run. Its warning is about the step that runs, and the run goes on while the prompt is
 * open, so the step can change under it (the MSI finishes, Deploy-Eflow starts). Then the prompt says so and Stop
 * needs a fresh confirmation: it is disarmed for a moment (a click aimed at the old warning must not stop the new
 * step), and a confirmation counts only for the step the admin was shown.
 */
import { runningStep, type DeployRun } from './deploy-run';
import type { DeployStepId } from './deploy-steps';

export interface CancelPrompt {
    /** The step whose warning the prompt shows: the one running (null between two calls). */
    step: DeployStepId | null;
    /** The step that ran when the admin was last asked, once the run moved on from it; null while it did not. */
    movedFrom: DeployStepId | null;
    /** Whether Stop may be confirmed now (false for a moment after the run moved on). */
    armed: boolean;
}

/** The prompt as the admin asks to stop `run`. */
export function openCancelPrompt(run: DeployRun): CancelPrompt {
    return { step: runningStep(run), movedFrom: null, armed: true };
}

/**
 * The prompt after the run changed: the same object when the running step is the same, a disarmed prompt about the
 * new step when it moved on (between two calls no step runs: the prompt waits for the next one without a change).
 */
export function followRun(prompt: CancelPrompt, run: DeployRun): CancelPrompt {
    const step = runningStep(run);
    if (step === null || step === prompt.step) {
        return prompt;
    }
    return { step, movedFrom: prompt.step ?? prompt.movedFrom, armed: false };
}

/** Whether a confirmation of `shownStep`'s warning may stop `run` now. */
export function mayConfirmCancel(prompt: CancelPrompt, run: DeployRun, shownStep: DeployStepId | null): boolean {
    return prompt.armed && shownStep === prompt.step && runningStep(run) === prompt.step;
}
