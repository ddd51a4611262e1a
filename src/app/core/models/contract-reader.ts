/**
 * Path-aware readers for untyped script output. Each reader either returns a value of the promised type or throws
 * a `ContractViolation` that names the exact field and what was wrong with it, e.g.
 * `eflow.vm.powerState: expected a string, got number`. Contract parsers (`*.parse.ts`) are built from these.
 *
 * Fields that are not in a contract are ignored, so a script may add fields before the UI reads them.
 */

/** A script result that does not match its contract. */
export class ContractViolation extends Error {
    /**
     * @param path Where in the result the problem is, e.g. `eflow.vm.stats.totalMemMb` (empty for the root).
     * @param problem What is wrong there, e.g. `expected a number, got string`.
     */
    constructor(public readonly path: string, public readonly problem: string) {
        super(path ? `${path}: ${problem}` : problem);
        this.name = 'ContractViolation';
    }
}

/** A JSON object as read from the wire: nothing is known about its fields yet. */
export type JsonRecord = { readonly [field: string]: unknown };

/** Names the JSON type of a value the way the violation messages use it. */
export function describeJsonType(value: unknown): string {
    if (value === undefined) {
        return 'nothing (the field is missing)';
    }
    if (value === null) {
        return 'null';
    }
    if (Array.isArray(value)) {
        return 'array';
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
        return String(value);
    }
    return typeof value;
}

/** The path of a field inside the object at `path`. */
export function fieldPath(path: string, field: string): string {
    return path ? `${path}.${field}` : field;
}

function mismatch(path: string, expected: string, value: unknown): ContractViolation {
    return new ContractViolation(path, `expected ${expected}, got ${describeJsonType(value)}`);
}

/** Reads a JSON object (not an array, not null). */
export function asRecord(value: unknown, path: string): JsonRecord {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw mismatch(path, 'an object', value);
    }
    return value as JsonRecord;
}

/** Reads a string. */
export function asString(value: unknown, path: string): string {
    if (typeof value !== 'string') {
        throw mismatch(path, 'a string', value);
    }
    return value;
}

/** Reads a finite number (NaN and infinities are refused: they mean the script computed garbage). */
export function asNumber(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw mismatch(path, 'a number', value);
    }
    return value;
}

/** Reads a boolean. */
export function asBoolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') {
        throw mismatch(path, 'a boolean', value);
    }
    return value;
}

/** Reads an array, each item with `readItem` at `path[index]`. */
export function asArray<T>(value: unknown, path: string, readItem: (item: unknown, itemPath: string) => T): T[] {
    if (!Array.isArray(value)) {
        throw mismatch(path, 'an array', value);
    }
    return value.map((item: unknown, index: number) => readItem(item, `${path}[${index}]`));
}

/** Reads `null` as `null` and anything else with `read`; a missing field is still an error. */
export function orNull<T>(read: (value: unknown, path: string) => T): (value: unknown, path: string) => T | null {
    return (value: unknown, path: string): T | null => {
        if (value === null) {
            return null;
        }
        if (value === undefined) {
            throw mismatch(path, 'a value or null', value);
        }
        return read(value, path);
    };
}

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Reads an ISO 8601 date and time with a zone, e.g. `2026-11-22T10:00:00Z`. */
export function asIsoDateTime(value: unknown, path: string): string {
    const text = asString(value, path);
    if (!isoDateTime.test(text) || Number.isNaN(Date.parse(text))) {
        throw new ContractViolation(path, `expected an ISO 8601 date and time, got "${text}"`);
    }
    return text;
}

/** Reads a calendar date `yyyy-MM-dd`. */
export function asIsoDate(value: unknown, path: string): string {
    const text = asString(value, path);
    if (!isoDate.test(text) || Number.isNaN(Date.parse(text))) {
        throw new ContractViolation(path, `expected a date (yyyy-MM-dd), got "${text}"`);
    }
    return text;
}

/**
 * Reads one field of an object. Takes the reader first so that a parser reads like a field list:
 * `field(asString, record, 'name', path)`.
 */
export function field<T>(read: (value: unknown, path: string) => T, record: JsonRecord, name: string, path: string): T {
    return read(record[name], fieldPath(path, name));
}

/**
 * A reader for a string that must be one of `values`, e.g. `field(oneOf(['pass', 'warning', 'fail']), check,
 * 'status', path)`; anything else is a violation naming the accepted values.
 */
export function oneOf<T extends string>(values: readonly T[]): (value: unknown, path: string) => T {
    return (value: unknown, path: string): T => {
        const text = asString(value, path);
        const match = values.find(candidate => candidate === text);
        if (match === undefined) {
            throw new ContractViolation(path, `expected one of ${values.map(v => `"${v}"`).join(', ')}, got "${text}"`);
        }
        return match;
    };
}
