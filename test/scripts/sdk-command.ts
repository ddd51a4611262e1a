/**
 * A gateway script exactly as Windows Admin Center receives it: the generated script text (gulp generate) wrapped by
 * the SDK's `PowerShell.createCommand` in `function SmeSubmit { ... }` with the `cvt` converter, and the parameter
 * values appended by the core layer's own code. Inside that wrapper the script body is a function body, so
 * `$script:` names the scope around `SmeSubmit`, not the body's: a script that only works when run as a file is caught
 * by running it this way. src/app/core/gateway/script-command.spec.ts checks that this text equals what
 * `createScriptCommand` (the SDK's wrapper included) builds.
 */
import { appendScriptParameters, type ScriptParameters } from '../../src/app/core/gateway/script-parameters';

/** @microsoft/windows-admin-center-sdk/core/data/powershell.js, PowerShell.createCommand, steps 2 and 3. */
const SDK_WRAPPER_START = 'function cvt($o){return ConvertFrom-Json $o}\n function SmeSubmit{\n';
const SDK_WRAPPER_END = '}\nSmeSubmit';

/** The text the gateway runs for `resource` with `parameters` (no JEA prefix, no localized strings). */
export function sdkCommandScript(resource: { script: string }, parameters: ScriptParameters = {}): string {
    return appendScriptParameters(SDK_WRAPPER_START + resource.script + SDK_WRAPPER_END, parameters);
}
