/**
 * PowerShell literals for the script preview: values are single-quoted so that nothing in them is expanded
 * ($var, $(...), backticks), and quote characters inside are doubled. PowerShell treats the typographic single
 * quotes U+2018..U+201B as single quotes too, so those are doubled as well; otherwise a pasted value such as
 * "O’Brien" would end the string early.
 */

/** What a parameter takes in the preview: a string, a number, a bool or a string array. */
export type PowerShellValue = string | number | boolean | readonly string[];

const SINGLE_QUOTE_CHARACTERS = /['\u2018\u2019\u201A\u201B]/g;

/** A single-quoted PowerShell string whose value is exactly `value`. */
export function quotePowerShellString(value: string): string {
    return `'${value.replace(SINGLE_QUOTE_CHARACTERS, quote => quote + quote)}'`;
}

/** A PowerShell expression whose value is exactly `value`. */
export function powerShellLiteral(value: PowerShellValue): string {
    if (typeof value === 'string') {
        return quotePowerShellString(value);
    }
    if (typeof value === 'boolean') {
        return value ? '$true' : '$false';
    }
    if (typeof value === 'number') {
        if (!Number.isFinite(value)) {
            throw new Error(`${value} has no PowerShell literal.`);
        }
        return String(value);
    }
    return `@(${value.map(quotePowerShellString).join(', ')})`;
}
