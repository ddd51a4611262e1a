/**
 * How the core layer appends parameter values to a wrapped script (`SmeSubmit -Name (cvt '<json>')`), without any SDK
 * import: the product's command builder (script-command.ts) uses it, and so do the script tests that run a script
 * exactly as the gateway receives it (test/scripts/sdk-command.ts).
 */

/** Script parameters by name; values travel as JSON (`-Name (cvt '<json>')`), never spliced into script text. */
export type ScriptParameters = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

/**
 * The characters PowerShell accepts as a single quote: ASCII ' and the typographic U+2018..U+201B. Inside a
 * single-quoted string each of them ends the string unless doubled, which yields the character itself.
 */
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/** Parameter names are code: only ours, never user input, and never anything but a PowerShell identifier. */
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * `wrappedScript` (ending in the `SmeSubmit` call) with each parameter appended as `-Name (cvt '<json>')`, every
 * quote character doubled so any value arrives literally; `null` becomes `-Name $null`. Throws for a parameter name
 * that is not an identifier.
 */
export function appendScriptParameters(wrappedScript: string, parameters: ScriptParameters): string {
    let text = wrappedScript;
    for (const [name, value] of Object.entries(parameters)) {
        if (!PARAMETER_NAME.test(name)) {
            throw new Error(`"${name}" is not a valid PowerShell parameter name.`);
        }
        if (value === null) {
            text += ` -${name} $null`;
        } else {
            // A boolean is bound with a colon so that it also sets a [switch] parameter (`-Restart:$true`); with a space
            // PowerShell would take the value for a positional argument. For [bool] parameters both forms are the same.
            const separator = typeof value === 'boolean' ? ':' : ' ';
            text += ` -${name}${separator}(cvt '${quoteInsideSingleQuotes(JSON.stringify(value))}')`;
        }
    }
    return text;
}

/** Doubles every PowerShell single-quote character so `text` can sit literally between single quotes. */
export function quoteInsideSingleQuotes(text: string): string {
    return text.replace(SINGLE_QUOTES, quote => quote + quote);
}
