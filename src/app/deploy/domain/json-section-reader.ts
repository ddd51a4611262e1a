/**
 * Reads one object of an untrusted JSON document field by field, collecting specific errors ("vmConfig.cpuCount:
 * expected a whole number, got the text "four"") instead of throwing, so an import reports every problem at once.
 * Missing fields read as the "unset" value of eflowAutoDeploy's template ("" / 0 / false / []). Field names match
 * case-insensitively, as PowerShell's property access on ConvertFrom-Json objects does in eflowAutoDeploy (which
 * itself reads the template's "vswitchType" as `$nwCfg.vSwitchType`).
 */
import { WHOLE_FILE_PATH, type AutoDeployIssue } from './auto-deploy-config';
import { messageOf, type MessageText } from './message-text';

type JsonObject = { readonly [key: string]: unknown };

function describe(value: unknown): MessageText {
    if (value === null) {
        return messageOf('valueNull');
    }
    if (Array.isArray(value)) {
        return messageOf('valueList');
    }
    if (typeof value === 'string') {
        return messageOf('valueText', { text: value.length > 40 ? value.substring(0, 40) + '...' : value });
    }
    if (typeof value === 'object') {
        return messageOf('valueObject');
    }
    return messageOf('valueOther', { type: typeof value, value: String(value) });
}

function isObject(value: unknown): value is JsonObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class JsonSectionReader {
    private readonly seen = new Set<string>();
    private readonly object: JsonObject;

    /**
     * @param value The section's value (undefined when the section is missing: every field reads as unset).
     * @param path The section's dotted path ('' for the root).
     */
    constructor(value: unknown, private readonly path: string, private readonly errors: AutoDeployIssue[],
        private readonly warnings: AutoDeployIssue[]) {
        if (value !== undefined && !isObject(value)) {
            this.errors.push({ path: path || WHOLE_FILE_PATH, text: messageOf('expectedObject', { got: describe(value) }) });
        }
        this.object = isObject(value) ? value : {};
    }

    private at(key: string): string {
        return this.path ? `${this.path}.${key}` : key;
    }

    /** The object's own field name for `key`: the exact name, else the first one equal to it ignoring case. */
    private keyOf(key: string): string | undefined {
        if (Object.prototype.hasOwnProperty.call(this.object, key)) {
            return key;
        }
        const lower = key.toLowerCase();
        return Object.keys(this.object).find(candidate => candidate.toLowerCase() === lower);
    }

    private raw(key: string): unknown {
        const actual = this.keyOf(key);
        if (actual === undefined) {
            return undefined;
        }
        this.seen.add(actual);
        return this.object[actual];
    }

    /** Whether the field is present at all (in any case). */
    has(key: string): boolean {
        return this.keyOf(key) !== undefined;
    }

    /** A text field; missing or null reads as "". */
    string(key: string): string {
        const value = this.raw(key);
        if (value === undefined || value === null) {
            return '';
        }
        if (typeof value !== 'string') {
            this.errors.push({ path: this.at(key), text: messageOf('expectedText', { got: describe(value) }) });
            return '';
        }
        return value;
    }

    /**
     * A whole number; missing, null or "" reads as null. Digit-only text ("24") is accepted because the template
     * writes ip4PrefixLength as text and eflowAutoDeploy passes it to PowerShell, which converts it.
     */
    integer(key: string): number | null {
        const value = this.raw(key);
        if (value === undefined || value === null || value === '') {
            return null;
        }
        if (typeof value === 'number' && Number.isInteger(value)) {
            return value;
        }
        if (typeof value === 'string' && /^[0-9]{1,9}$/.test(value)) {
            return Number(value);
        }
        this.errors.push({ path: this.at(key), text: messageOf('expectedWholeNumber', { got: describe(value) }) });
        return null;
    }

    /** A true/false flag; missing or null reads as false. */
    boolean(key: string): boolean {
        const value = this.raw(key);
        if (value === undefined || value === null) {
            return false;
        }
        if (typeof value !== 'boolean') {
            this.errors.push({ path: this.at(key), text: messageOf('expectedBoolean', { got: describe(value) }) });
            return false;
        }
        return value;
    }

    /** A list of texts; missing, null or "" reads as [], a single text as a one-item list. */
    stringList(key: string): string[] {
        const value = this.raw(key);
        if (value === undefined || value === null || value === '') {
            return [];
        }
        if (typeof value === 'string') {
            return [value];
        }
        if (Array.isArray(value) && value.every((item): item is string => typeof item === 'string')) {
            return [...value];
        }
        this.errors.push({ path: this.at(key), text: messageOf('expectedTextList', { got: describe(value) }) });
        return [];
    }

    /** A nested section. */
    section(key: string): JsonSectionReader {
        return new JsonSectionReader(this.raw(key), this.at(key), this.errors, this.warnings);
    }

    /** Warns about every field that no read asked for: the wizard ignores it. */
    warnUnknownFields(): void {
        for (const key of Object.keys(this.object)) {
            if (!this.seen.has(key)) {
                this.warnings.push({ path: this.at(key), text: messageOf('unknownSetting') });
            }
        }
    }
}

/**
 * `value` as one of `allowed`, compared ignoring case (eflowAutoDeploy compares with PowerShell's case-insensitive
 * `-eq`, `switch` and hashtable keys, and the cmdlets' ValidateSet ignores case too); null when it is none of them.
 */
export function canonicalValue<T extends string>(value: string, allowed: readonly T[]): T | null {
    const lower = value.toLowerCase();
    return allowed.find(candidate => candidate.toLowerCase() === lower) ?? null;
}
