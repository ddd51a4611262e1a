/**
 * The element ids that tie a field's input to its hint and to its messages (aria-describedby), so a screen reader
 * reads the host's limit and the rule's error with the field instead of leaving them to be found by browsing.
 * A field is a dotted model path (`vmSize.cpuCount`, `secrets.symmetricKey`); ids may not hold dots for CSS lookups.
 */

/** The id part of a field path. */
function idPart(field: string): string {
    return field.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** The id of a field's hint (the text under it saying what to enter). */
export function hintId(field: string): string {
    return `em-hint-${idPart(field)}`;
}

/** The id of a field's message list (em-field-messages renders it, empty or not, so the reference never dangles). */
export function messagesId(field: string): string {
    return `em-messages-${idPart(field)}`;
}

/** The input's aria-describedby: its hint (when it has one) then its messages. */
export function describedBy(field: string, withHint = true): string {
    return withHint ? `${hintId(field)} ${messagesId(field)}` : messagesId(field);
}
