import { extensionStrings } from '../../shared/extension-strings';
import { formatText } from '../../shared/format-text';
import { gatewayErrorText, gatewayTexts } from '../../shared/gateway-error-text';
import type { DeployRunStatus } from '../domain/deploy-run';
import type { HyperVEnabling } from '../store/deploy-wizard-state';

/** A notification's content: its state in WAC's notification center, title and message, worded from the strings. */
export interface HostChangeNotice {
    kind: 'progress' | 'success' | 'warning' | 'error';
    title: string;
    message: string;
}

/**
 * The notification for a deploy run's status on `node`; null for no run. The words name the host and the outcome
 * only: the failure's own message stays in the wizard, because a provisioning call's output is no place to copy
 * into the shell's notification center.
 */
export function deployRunNotice(node: string, status: DeployRunStatus | null): HostChangeNotice | null {
    const strings = extensionStrings().Notifications.Deploy;
    const values = { host: node };
    switch (status) {
        case 'running':
            return { kind: 'progress', title: strings.runningTitle, message: formatText(strings.runningMessage, values) };
        case 'succeeded':
            return { kind: 'success', title: strings.succeededTitle, message: formatText(strings.succeededMessage, values) };
        case 'failed':
            return { kind: 'error', title: strings.failedTitle, message: formatText(strings.failedMessage, values) };
        case 'cancelled':
            return { kind: 'warning', title: strings.cancelledTitle, message: formatText(strings.cancelledMessage, values) };
        default:
            return null;
    }
}

/** The notification for enabling Hyper-V on `node`; null while nothing was asked. */
export function hyperVEnablingNotice(node: string, enabling: HyperVEnabling): HostChangeNotice | null {
    const strings = extensionStrings().Notifications.HyperV;
    const values = { host: node };
    switch (enabling.status) {
        case 'running':
            return { kind: 'progress', title: strings.runningTitle, message: formatText(strings.runningMessage, values) };
        case 'done': {
            const result = enabling.result;
            const message = result?.status === 'alreadyEnabled' ? strings.alreadyEnabledMessage
                : result?.restarting ? strings.restartingMessage
                    : result?.rebootRequired ? strings.restartNeededMessage
                        : strings.enabledMessage;
            return { kind: 'success', title: strings.enabledTitle, message: formatText(message, values) };
        }
        case 'failed':
            // Enable-EflowHostHyperV carries no secret: its gateway error helps the admin who was not watching.
            return {
                kind: 'error', title: strings.failedTitle,
                message: formatText(strings.failedMessage, {
                    host: node, error: enabling.error ? gatewayErrorText(enabling.error, gatewayTexts(extensionStrings())) : ''
                })
            };
        default:
            return null;
    }
}
