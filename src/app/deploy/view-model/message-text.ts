/**
 * Turns the domain's messages (domain/message-text.ts) into localized text: the `Deploy.Text` string of the key,
 * its `{name}` placeholders filled with the values, numbers in the display locale's format, nested messages
 * formatted the same way. Pure: the strings object is an argument, so specs use the real generated strings.
 */
import { formatNumber } from '../../shared/display-format';
import type { ExtensionStrings } from '../../shared/extension-strings';
import { formatText } from '../../shared/format-text';
import { type DeployTextKey, type MessageText, type TextParam } from '../domain/message-text';
import type { ValidationMessage } from '../domain/validation-message';

/** The strings the domain's messages come from (`Deploy.Text` in strings.resjson). */
export type DeployTexts = Readonly<Record<DeployTextKey, string>>;

/** The wizard's message strings out of the extension's strings (a compile error when a registered key has none). */
export function deployTexts(strings: ExtensionStrings): DeployTexts {
    return strings.Deploy.Text;
}

function paramText(value: TextParam, texts: DeployTexts): string {
    if (typeof value === 'number') {
        return formatNumber(value);
    }
    return typeof value === 'string' ? value : messageText(value, texts);
}

/** A message in the admin's words. A key without a string shows as the key, so it stands out rather than vanishing. */
export function messageText(message: MessageText, texts: DeployTexts): string {
    const template = texts[message.key] ?? message.key;
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(message.params)) {
        values[name] = paramText(value, texts);
    }
    return formatText(template, values);
}

/** The text of a validation message. */
export function validationText(message: ValidationMessage, texts: DeployTexts): string {
    return messageText(message.text, texts);
}
