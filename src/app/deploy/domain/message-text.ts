/**
 * What the domain says to the admin, without the words: a key of the wizard's strings (`Deploy.Text.<key>` in
 * strings.resjson) and the values of its `{name}` placeholders. The view layer turns it into localized text
 * (view-model/message-text.ts), so the domain stays free of Angular and of any language.
 *
 * A parameter is a value shown as it is (a name, an address, a host message), a number (shown in the display
 * locale's number format, e.g. 4,096) or another message (a localized fragment, e.g. a field's label).
 */
import type { DeployTextKey } from './deploy-text-keys';

export type { DeployTextKey } from './deploy-text-keys';

/** The value of one placeholder. */
export type TextParam = string | number | MessageText;

/** The values of a message's placeholders, by name. */
export type TextParams = Readonly<Record<string, TextParam>>;

export interface MessageText {
    /** The strings key under `Deploy.Text`, e.g. `memoryOdd`. */
    readonly key: DeployTextKey;
    readonly params: TextParams;
}

/** A message: its key and placeholder values. */
export function messageOf(key: DeployTextKey, params: TextParams = {}): MessageText {
    return { key, params };
}

/** Whether a value is a message (rather than a plain placeholder value). */
export function isMessageText(value: unknown): value is MessageText {
    return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string' &&
        typeof (value as { params?: unknown }).params === 'object';
}
