/**
 * The JSON the PowerShell host prints in `ast` mode (`dotnet PwshHost.dll ast <file>...`): what the static
 * check needs to know about a script without running it. Mirrors tools/pwsh-host's analyzer output.
 */

export type AstArgument =
    | { kind: 'constant'; value: string | number | boolean }
    | { kind: 'variable'; name: string }
    | { kind: 'array'; items: AstArgument[] }
    | { kind: 'expression'; text: string };

export interface AstParameter {
    name: string;
    type: string | null;
    mandatory: boolean;
    validateSet: string[] | null;
    validatePattern: string | null;
    validateRange: [number, number] | null;
    validateLength: [number, number] | null;
    validateNotNullOrEmpty: boolean;
}

export interface AstCommandParameter {
    name: string;
    /** The argument PowerShell binds to it (`-Name:value` or `-Name value`), `null` for a bare switch. */
    argument: AstArgument | null;
    /** The element after the parameter, reported raw so the check can decide with the cmdlet's spec. */
    nextElement?: AstArgument | null;
}

export interface AstCommand {
    /** As written; `null` when the command name is computed (`& $x`). */
    name: string | null;
    line: number;
    column: number;
    invocationOperator: '&' | '.' | null;
    parameters: AstCommandParameter[];
    positional: AstArgument[];
    splats: { variable: string; keys: { name: string; argument: AstArgument }[] | null }[];
}

export interface ScriptAnalysisJson {
    file: string;
    parseErrors: { message: string; line: number; column: number }[];
    help: { synopsis: string | null; description: string | null; role: string | null } | null;
    parameters: AstParameter[];
    commands: AstCommand[];
    functions: string[];
}
