/**
 * What the static check reads about a script: the PowerShell host's `ast` mode output (tools/pwsh-host/analyze.ts),
 * under the names the check uses.
 */
export type {
    ArgumentFact as AstArgument,
    CommandFact as AstCommand,
    CommandParameterFact as AstCommandParameter,
    ParameterFact as AstParameter,
    ScriptAnalysis as ScriptAnalysisJson
} from '../pwsh-host/analyze';
