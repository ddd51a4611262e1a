/**
 * Static facts about PowerShell scripts, from PowerShell's own parser (`PwshHost ast`): parse errors, comment
 * help, declared parameters with their validation, every command invocation with its arguments, and functions.
 * The scripts are parsed, never run. The static check of src/resources/scripts builds on this.
 */
import { execFile } from 'child_process';
import { pwshHostDllPath, pwshHostEnvironment } from './locate';

/** What an argument is, as far as the text says (variables and expressions are not evaluated). */
export type ArgumentFact =
    | { kind: 'constant'; value: string | number | boolean }
    | { kind: 'variable'; name: string }
    | { kind: 'array'; items: ArgumentFact[] }
    | { kind: 'expression'; text: string };

export interface ParseErrorFact {
    message: string;
    line: number;
    column: number;
}

/** Comment-based help of the script (`.SYNOPSIS`, `.DESCRIPTION`, `.ROLE`); null when a section is absent. */
export interface ScriptHelpFact {
    synopsis: string | null;
    description: string | null;
    role: string | null;
}

/** A parameter of the script's param() block. */
export interface ParameterFact {
    name: string;
    /** The type constraint as written (`string`, `int`, `switch`, `string[]`), or null when untyped. */
    type: string | null;
    mandatory: boolean;
    validateSet: string[] | null;
    validatePattern: string | null;
    validateRange: [number, number] | null;
    validateLength: [number, number] | null;
    validateNotNullOrEmpty: boolean;
}

/**
 * A named parameter of a command invocation. `-Name:value` has `argument` and no `nextElement`. `-Name value`
 * takes the next element as `argument`, also given as `nextElement`: when the parameter is really a switch, that
 * element is a positional argument instead (the check knows the cmdlet; the parser does not). A parameter
 * followed by another parameter, a splat or nothing has neither.
 */
export interface CommandParameterFact {
    /** Without the dash, as written (possibly abbreviated). */
    name: string;
    argument: ArgumentFact | null;
    nextElement: ArgumentFact | null;
}

/** `@variable` in a command invocation, with the keys the file is known to put in it. */
export interface SplatFact {
    variable: string;
    /**
     * Keys from `$v = @{...}` and later `$v['k'] = x`, `$v.k = x`, `$v.Add('k', x)` anywhere in the file, in order
     * (a key may repeat); null when unknowable (the variable is a parameter, a loop variable, assigned anything
     * else, or a key is computed).
     */
    keys: { name: string; argument: ArgumentFact }[] | null;
}

export interface CommandFact {
    /** As written; null when computed (`& $command`). */
    name: string | null;
    line: number;
    column: number;
    invocationOperator: '&' | '.' | null;
    parameters: CommandParameterFact[];
    /** Arguments not taken by a named parameter (see CommandParameterFact for switches). */
    positional: ArgumentFact[];
    splats: SplatFact[];
}

/** Everything `ast` mode reports about one file. */
export interface ScriptAnalysis {
    file: string;
    parseErrors: ParseErrorFact[];
    help: ScriptHelpFact | null;
    parameters: ParameterFact[];
    commands: CommandFact[];
    /** Names of the functions the file defines (at any depth). */
    functions: string[];
}

/** Output of `ast` mode for many files is one JSON document; allow it to be large. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/** Parses the scripts at `paths` (never running them) and returns one analysis per path, in order. */
export function analyzeScripts(paths: readonly string[]): Promise<ScriptAnalysis[]> {
    if (paths.length === 0) {
        return Promise.resolve([]);
    }
    return new Promise((resolve, reject) => {
        execFile('dotnet', [pwshHostDllPath(), 'ast', ...paths],
            { env: pwshHostEnvironment(), maxBuffer: MAX_OUTPUT_BYTES, encoding: 'utf8' },
            (error, stdout, stderr) => {
                if (error) {
                    reject(new Error(`PwshHost ast failed: ${error.message}\n${stderr}`));
                    return;
                }
                try {
                    resolve(JSON.parse(stdout) as ScriptAnalysis[]);
                } catch (parseError) {
                    reject(new Error(`PwshHost ast printed something that is not JSON: ${String(parseError)}`));
                }
            });
    });
}
