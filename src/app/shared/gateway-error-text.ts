import type { GatewayError, GatewayTextKey } from '../core/gateway/gateway-error';
import { formatNumber } from './display-format';
import type { ExtensionStrings } from './extension-strings';
import { formatText } from './format-text';

/** The strings of the gateway errors the app words itself (`Gateway.Message` in strings.resjson). */
export type GatewayTexts = Readonly<Record<GatewayTextKey, string>>;

/** Those strings out of the extension's strings (a compile error when a key has none). */
export function gatewayTexts(strings: ExtensionStrings): GatewayTexts {
    return strings.Gateway.Message;
}

/**
 * A gateway error's message for the admin: the app's own words from the strings when it made the message up (no
 * answer, a time limit, ...), else the gateway's or the host's message as it is.
 */
export function gatewayErrorText(error: Pick<GatewayError, 'message' | 'text'>, texts: GatewayTexts): string {
    if (!error.text) {
        return error.message;
    }
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(error.text.params)) {
        values[name] = typeof value === 'number' ? formatNumber(value) : value;
    }
    return formatText(texts[error.text.key] ?? error.message, values);
}
