/**
 * What the Deploy page shows when a step fails: plain words, the underlying message, and how to go on.
 */
import type { GatewayText } from '../../core/gateway/gateway-error';
import { DEPLOY_ERROR_CODES, type Recovery } from './deploy-error-codes';
import { DEPLOY_STEPS, type DeployStepId } from './deploy-steps';
import { messageOf, type MessageText } from './message-text';

/** The page names the step in its headline ("<step> failed.", from the strings `Deploy.Run`). */
export interface DeployFailure {
    step: DeployStepId;
    /** The script's error code, or null when the failure carried none (a transport error, an unexpected one). */
    code: string | null;
    /** Plain words for the code, or a general sentence when the code is unknown. */
    explanation: MessageText;
    /** The message as the host reported it, without its code prefix (host data, shown as it is). */
    underlyingMessage: string;
    /**
     * When the gateway layer worded the message itself (a time limit, no answer; core/gateway/gateway-error.ts): that
     * message's strings key, which the page shows instead of `underlyingMessage` (then its English). Null otherwise.
     */
    underlyingText: GatewayText | null;
    /**
     * When the wizard itself refused to start the step (deploy-run.ts `blockedRun`): the resume blockers it found,
     * shown in place of a host message. Empty otherwise.
     */
    blockedBy: MessageText[];
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
    return describeCodedFailure(step, code, message);
}

/** The failure description for a step that failed with `code` (null: none) and the host's `message`. */
export function describeCodedFailure(step: DeployStepId, code: string | null, message: string): DeployFailure {
    const known = code !== null ? DEPLOY_ERROR_CODES[code] : undefined;
    return {
        step,
        code,
        explanation: messageOf(known?.explanation ?? 'errorUnknown'),
        underlyingMessage: message,
        underlyingText: null,
        blockedBy: [],
        recovery: known?.recovery ?? { kind: DEPLOY_STEPS[step].retry }
    };
}
