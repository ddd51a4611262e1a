/**
 * Gateway scripts share helper functions without repeating them. A script dot-sources a shared function file,
 * which is valid PowerShell when the script runs from its file (tests, a person at a console):
 *
 *     . "$PSScriptRoot\..\..\script-functions\Read-HyperVFeatureState.ps1"
 *
 * WAC sends each script to the host on its own, as text, so the build (gulp generate) inlines every such line with
 * the function file's content before gulp-ps-code turns the scripts into TypeScript. The static check reads the
 * composed text too, so it sees exactly what a host runs.
 *
 * Plain CommonJS so that the gulpfile can use it; compose.d.ts types it for TypeScript.
 */
'use strict';
const fs = require('fs');
const path = require('path');

/** `src/resources/script-functions`: one function per file, named like the function. */
const FUNCTIONS_DIR = path.resolve(__dirname, '..', '..', 'src', 'resources', 'script-functions');

/** A whole line dot-sourcing a shared function file, as scripts write it (Windows separators, two levels up). */
const INCLUDE_LINE = /^[ \t]*\.[ \t]+"\$PSScriptRoot\\\.\.\\\.\.\\script-functions\\([A-Za-z]+-[A-Za-z0-9]+)\.ps1"[ \t]*(\r?)$/gm;

/**
 * Returns `scriptText` with every shared-function include replaced by the function file's content.
 * @param {string} scriptText the script as written
 * @param {string} [functionsDir] where the function files are (tests point elsewhere)
 * @returns {string}
 */
function composeScript(scriptText, functionsDir = FUNCTIONS_DIR) {
    return scriptText.replace(INCLUDE_LINE, (_line, name, cr) => {
        const file = path.join(functionsDir, `${name}.ps1`);
        if (!fs.existsSync(file)) {
            throw new Error(`The script includes ${name}, but ${file} does not exist.`);
        }
        const content = fs.readFileSync(file, 'utf8').replace(/\s+$/, '');
        INCLUDE_LINE.lastIndex = 0;
        if (INCLUDE_LINE.test(content)) {
            throw new Error(`${file} includes another shared function: shared functions must not include each other.`);
        }
        INCLUDE_LINE.lastIndex = 0;
        if (!new RegExp(`^function ${name} \\{`, 'm').test(content)) {
            throw new Error(`${file} must define the function ${name} (one function per file, named like the file).`);
        }
        // Keep the script's line endings so gulp-ps-code sees one consistent text.
        // The match took the line's own \r (not its \n): give it back.
        return cr ? content.replace(/\r?\n/g, '\r\n') + '\r' : content.replace(/\r\n/g, '\n');
    });
}

/**
 * The names of the shared functions a script includes, in order.
 * @param {string} scriptText
 * @returns {string[]}
 */
function includedFunctions(scriptText) {
    return [...scriptText.matchAll(INCLUDE_LINE)].map(match => match[1]);
}

module.exports = { composeScript, includedFunctions, FUNCTIONS_DIR };
