import { PowerShell, PowerShellCommand } from '@microsoft/windows-admin-center-sdk/core';
import { appendScriptParameters, type ScriptParameters } from './script-parameters';

export { quoteInsideSingleQuotes, type ScriptParameters } from './script-parameters';

/** A script as gulp-ps-code generates it into `src/generated/powershell-scripts.ts`. */
export interface ScriptResource {
    command: string;
    script: string;
}

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
    return { ...command, script: appendScriptParameters(command.script, parameters), parameters: { ...parameters } };
}
