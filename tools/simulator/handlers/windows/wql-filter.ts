/**
 * The WQL `-Filter` subset Get-CimInstance calls need: comparisons (=, <>, !=, <, >, <=, >=, LIKE with % and _)
 * joined by AND / OR (AND binds tighter), property names case-insensitive, 'string' / "string" / number / TRUE /
 * FALSE literals. Anything else is an invalid query, as WMI says.
 */
import type { JsonValue } from '../../../pwsh-host/protocol';

type Instance = { [property: string]: JsonValue };
export type WqlPredicate = (instance: Instance) => boolean;

const COMPARISON = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(<>|!=|<=|>=|=|<|>|\s+LIKE\s+)\s*('(?:[^']|'')*'|"(?:[^"]|"")*"|-?\d+(?:\.\d+)?|TRUE|FALSE)\s*$/i;

function literal(text: string): string | number | boolean {
    if (/^'.*'$/s.test(text)) {
        return text.slice(1, -1).replace(/''/g, "'");
    }
    if (/^".*"$/s.test(text)) {
        return text.slice(1, -1).replace(/""/g, '"');
    }
    if (/^(TRUE|FALSE)$/i.test(text)) {
        return text.toUpperCase() === 'TRUE';
    }
    return Number(text);
}

function propertyOf(instance: Instance, name: string): JsonValue | undefined {
    const key = Object.keys(instance).find(candidate => candidate.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : instance[key];
}

function likeToRegExp(pattern: string): RegExp {
    const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
    return new RegExp(`^${escaped}$`, 'i');
}

function comparison(text: string): WqlPredicate | null {
    const match = COMPARISON.exec(text);
    if (!match) {
        return null;
    }
    const [, name = '', rawOperator = '', rawValue = ''] = match;
    const operator = rawOperator.trim().toUpperCase();
    const expected = literal(rawValue);
    return instance => {
        const actual = propertyOf(instance, name);
        if (actual === undefined || actual === null || typeof actual === 'object') {
            return false;
        }
        if (operator === 'LIKE') {
            return likeToRegExp(String(expected)).test(String(actual));
        }
        const left = typeof expected === 'string' ? String(actual).toLowerCase() : Number(actual);
        const right = typeof expected === 'string' ? expected.toLowerCase() : Number(expected);
        switch (operator) {
            case '=': return left === right;
            case '<>': case '!=': return left !== right;
            case '<': return left < right;
            case '>': return left > right;
            case '<=': return left <= right;
            default: return left >= right;
        }
    };
}

/** Splits on a keyword outside quotes. */
function splitOutsideQuotes(text: string, keyword: string): string[] {
    const parts: string[] = [];
    let quote: string | null = null;
    let start = 0;
    const pattern = new RegExp(`^\\s${keyword}\\s`, 'i');
    for (let index = 0; index < text.length; index++) {
        const character = text[index];
        if (quote) {
            if (character === quote) {
                quote = null;
            }
        } else if (character === "'" || character === '"') {
            quote = character;
        } else if (pattern.test(text.slice(index, index + keyword.length + 2))) {
            parts.push(text.slice(start, index));
            start = index + keyword.length + 2;
            index = start - 1;
        }
    }
    parts.push(text.slice(start));
    return parts;
}

/** The predicate of a WQL where clause, or null when the query is not understood (→ "Invalid query"). */
export function parseWqlFilter(filter: string): WqlPredicate | null {
    const alternatives = splitOutsideQuotes(filter, 'OR').map(part => splitOutsideQuotes(part, 'AND').map(comparison));
    if (alternatives.some(all => all.some(predicate => predicate === null))) {
        return null;
    }
    return instance => alternatives.some(all => all.every(predicate => (predicate as WqlPredicate)(instance)));
}
