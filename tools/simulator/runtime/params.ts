/**
 * Typed, case-insensitive access to a stand-in call's bound parameters ($PSBoundParameters as JSON).
 * Keys arrive spelled as the stand-in declared them, but PowerShell itself is case-insensitive, so lookups are too.
 */
import type { JsonValue } from '../../pwsh-host/protocol';

export class BoundParameters {
    private readonly values = new Map<string, JsonValue>();

    constructor(parameters: { [name: string]: JsonValue }) {
        for (const [name, value] of Object.entries(parameters)) {
            this.values.set(name.toLowerCase(), value);
        }
    }

    /** Whether the parameter was bound (a switch given as `-x:$false` counts as bound but off). */
    has(name: string): boolean {
        return this.values.has(name.toLowerCase());
    }

    names(): string[] {
        return [...this.values.keys()];
    }

    raw(name: string): JsonValue | undefined {
        return this.values.get(name.toLowerCase());
    }

    /** A string parameter; numbers and booleans are converted as PowerShell would; absent or null → null. */
    string(name: string): string | null {
        const value = this.raw(name);
        if (value === undefined || value === null) {
            return null;
        }
        if (Array.isArray(value)) {
            return value.map(item => String(item)).join(' ');
        }
        return typeof value === 'object' ? JSON.stringify(value) : String(value);
    }

    /** An integer parameter; absent → null. */
    int(name: string): number | null {
        const value = this.raw(name);
        if (value === undefined || value === null || value === '') {
            return null;
        }
        const parsed = typeof value === 'number' ? value : Number(value);
        return Number.isFinite(parsed) ? Math.trunc(parsed) : null;
    }

    /** A switch or bool parameter: true only when bound and true. */
    flag(name: string): boolean {
        const value = this.raw(name);
        return value === true || value === 'True' || value === 'true' || value === 1;
    }

    /** A bool parameter that may be absent. */
    optionalBool(name: string): boolean | null {
        return this.has(name) ? this.flag(name) : null;
    }

    /** A string[] parameter (a single string becomes a one-element list); absent → []. */
    strings(name: string): string[] {
        const value = this.raw(name);
        if (value === undefined || value === null) {
            return [];
        }
        const list = Array.isArray(value) ? value : [value];
        return list.filter(item => item !== null).map(item => String(item));
    }
}
