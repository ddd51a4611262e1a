import stringsFile from '../../../assets/strings/strings.json';
import type { Strings } from '../../../generated/strings';
import { isMessageText, type MessageText } from '../domain/message-text';
import { previewText, type PreviewLine } from '../domain/powershell-preview';
import { messageText, type DeployTexts } from '../view-model/message-text';

/**
 * The domain's messages as the admin reads them, for specs: formatted with the real generated strings
 * (src/assets/strings/strings.json, from `npx gulp generate`), so a spec that checks a text also checks that its key
 * has a string and that the string says the right thing.
 */
export const TEST_TEXTS: DeployTexts = (stringsFile as unknown as { Strings: Strings }).Strings.EflowManager.Deploy.Text;

/** A value with every message in it replaced by its text. */
export type Rendered<T> = T extends MessageText ? string
    : T extends ReadonlyMap<infer K, infer V> ? Map<K, Rendered<V>>
    : T extends readonly (infer U)[] ? Rendered<U>[]
    : T extends object ? { [K in keyof T]: Rendered<T[K]> }
    : T;

/** The text of one message. */
export function textOf(message: MessageText): string {
    return messageText(message, TEST_TEXTS);
}

/** The PowerShell preview's script text, its comments worded by the real strings; '' for no preview. */
export function previewScript(lines: readonly PreviewLine[] | null): string {
    return lines ? previewText(lines, textOf) : '';
}

/** `value` with every message in it (at any depth: arrays, maps, object fields) replaced by its text. */
export function rendered<T>(value: T): Rendered<T> {
    return renderValue(value) as Rendered<T>;
}

function renderValue(value: unknown): unknown {
    if (isMessageText(value)) {
        return textOf(value);
    }
    if (Array.isArray(value)) {
        return value.map(renderValue);
    }
    if (value instanceof Map) {
        return new Map([...value.entries()].map(([key, item]) => [key, renderValue(item)]));
    }
    if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderValue(item)]));
    }
    return value;
}
