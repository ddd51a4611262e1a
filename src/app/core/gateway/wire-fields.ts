/**
 * Small readers for loosely shaped gateway JSON (error bodies, error records), whose field names differ between
 * WAC versions and the local gateway emulator. Nothing here throws.
 */

/** A JSON object from the wire, fields unknown. */
export type WireFields = Readonly<Record<string, unknown>>;

/** The value as an object (not null, not an array), or `null`. A JSON string is parsed first. */
export function asWireFields(value: unknown): WireFields | null {
    let candidate = value;
    if (typeof candidate === 'string') {
        try {
            candidate = JSON.parse(candidate) as unknown;
        } catch {
            // Not JSON: a plain-text body carries no fields.
            return null;
        }
    }
    return typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate) ? candidate as WireFields : null;
}

/** The first of the named fields that holds a non-empty string. */
export function firstString(fields: WireFields | null, names: readonly string[]): string | null {
    if (!fields) {
        return null;
    }
    for (const name of names) {
        const value = fields[name];
        if (typeof value === 'string' && value.length > 0) {
            return value;
        }
    }
    return null;
}

/** The field as an array, a single value as a one-item array, nothing as an empty array. */
export function asWireArray(value: unknown): unknown[] {
    if (value === undefined || value === null) {
        return [];
    }
    return Array.isArray(value) ? value : [value];
}
