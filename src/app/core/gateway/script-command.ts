import { PowerShell, PowerShellCommand } from '@microsoft/windows-admin-center-sdk/core';

/** A script as gulp-ps-code generates it into `src/generated/powershell-scripts.ts`. */
export interface ScriptResource {
    command: string;
    script: string;
}

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
 * Builds the PowerShell command for a generated script, like the SDK's `PowerShell.createCommand`, but quoting the
 * parameter values safely.
 *
 * Why not the SDK's own: it writes each value as `(cvt '<json>')` and doubles only the ASCII `'`. PowerShell also
 * ends a single-quoted string at the typographic quotes U+2018..U+201B, so a value containing one (a device name
 * typed on a phone, a pasted note) breaks out of the string and runs as code. Here every quote character is
 * doubled, so any value arrives literally. The SDK still supplies the wrapper (`SmeSubmit`, `cvt`), the JEA prefix
 * and the module name, and `parameters` carries the values for a JEA endpoint.
 */
export function createScriptCommand(script: ScriptResource, parameters: ScriptParameters = {}): PowerShellCommand {
    const command = PowerShell.createCommand(script, {});
    let text = command.script;
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
    return { ...command, script: text, parameters: { ...parameters } };
}

/** Doubles every PowerShell single-quote character so `text` can sit literally between single quotes. */
export function quoteInsideSingleQuotes(text: string): string {
    return text.replace(SINGLE_QUOTES, quote => quote + quote);
}
