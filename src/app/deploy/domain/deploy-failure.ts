/**
 * What the Deploy page shows when a step fails: plain words, the underlying message, and how to go on.
 */
import { DEPLOY_ERROR_CODES, type Recovery } from './deploy-error-codes';
import { DEPLOY_STEPS, type DeployStepId } from './deploy-steps';

export interface DeployFailure {
    step: DeployStepId;
    /** The script's error code, or null when the failure carried none (a transport error, an unexpected one). */
    code: string | null;
    /** e.g. "Deploy the VM failed." */
    headline: string;
    /** Plain words for the code, or a general sentence when the code is unknown. */
    explanation: string;
    /** The message as the host reported it, without its code prefix. */
    underlyingMessage: string;
    recovery: Recovery;
}

const CODE_PREFIX = /^\[([A-Za-z][A-Za-z0-9]*)\]\s*/;

/** Splits `[Code] message` into its parts (code null when there is no prefix). */
export function splitCodedMessage(message: string): { code: string | null; message: string } {
    const match = CODE_PREFIX.exec(message);
    return match ? { code: match[1], message: message.substring(match[0].length) } : { code: null, message };
}

/** The failure description for a step's error message. Unknown codes fall back on the step's retry rule. */
export function describeDeployFailure(step: DeployStepId, errorMessage: string): DeployFailure {
    const { code, message } = splitCodedMessage(errorMessage);
    const known = code !== null ? DEPLOY_ERROR_CODES[code] : undefined;
    const definition = DEPLOY_STEPS[step];
    return {
        step,
        code,
        headline: `${definition.title} failed.`,
        explanation: known?.explanation ?? 'The step did not complete. The message below is what the host reported.',
        underlyingMessage: message,
        recovery: known?.recovery ?? { kind: definition.retry }
    };
}
