/**
 * The static check of the gateway scripts (src/resources/scripts): every script is checked, without running it,
 * against the machine-readable cmdlet descriptions in tools/eflow-spec and the project's script conventions.
 *
 * Why static as well as run in tests: a test only exercises the paths it drives, while a wrong parameter name on
 * a rarely taken branch (an error path, a server-only branch) would otherwise first fail on a customer's host.
 */
import type { CmdletSpec, ModuleSpec, ParameterSpec } from '../eflow-spec/spec';
import type { AstArgument, AstCommand, AstParameter, ScriptAnalysisJson } from './script-analysis';
import { constantCommandText, readOnlyProblems } from './vm-command';

export interface Finding {
    file: string;
    line: number;
    rule: string;
    message: string;
}

export interface CheckContext {
    /** AzureEFLOW and Windows stand-in descriptions. */
    modules: ModuleSpec[];
    /** Commands that exist in the PowerShell host besides the stand-ins (core and compat cmdlets), lower case. */
    builtInCommands: ReadonlySet<string>;
}

/** Roles gulp-ps-code and WAC's JEA endpoints accept. */
const ROLES = ['Readers', 'Administrators', 'Hyper-V-Administrators'];

/** Parameters every advanced function and cmdlet accepts. */
const COMMON_PARAMETERS = new Set([
    'verbose', 'debug', 'erroraction', 'warningaction', 'informationaction', 'progressaction', 'errorvariable',
    'warningvariable', 'informationvariable', 'outvariable', 'outbuffer', 'pipelinevariable', 'whatif', 'confirm'
]);

/** Commands that run text as code: a script never needs them, and they are how injection happens. */
const FORBIDDEN_COMMANDS = new Set(['invoke-expression', 'iex', 'add-type', 'invoke-command', 'start-job']);

/** Verbs a Readers script may use on stand-in (host-changing) cmdlets. */
const READ_ONLY_VERBS = new Set(['get', 'test', 'verify']);

/**
 * Stand-in cmdlets with a read verb that write on the host all the same, which a Readers script must not call:
 * Get-EflowLogs collects the logs into eflowlogs.zip under the install path (eflow.md sections 2 and 13).
 */
const WRITING_READ_CMDLETS: ReadonlyMap<string, string> = new Map([['get-eflowlogs', 'writes eflowlogs.zip on the host']]);

/**
 * Stand-in cmdlets that a Readers script may call although their verb is not a read verb.
 * Invoke-EflowVmCommand runs whatever it is given: Readers scripts pass it a constant command line made of
 * read-only commands only, which the rule for its -command argument below enforces (vm-command.ts).
 */
const READER_EXCEPTIONS = new Set(['invoke-eflowvmcommand', 'import-module']);

/** Checks one analysed script; returns every finding (empty when the script is clean). */
export function checkScript(script: ScriptAnalysisJson, context: CheckContext): Finding[] {
    const findings: Finding[] = [];
    const add = (line: number, rule: string, message: string): void => {
        findings.push({ file: script.file, line, rule, message });
    };
    for (const error of script.parseErrors) {
        add(error.line, 'parse', error.message);
    }
    checkHelp(script, add);
    checkName(script, context, add);
    checkOwnParameters(script, add);
    const cmdlets = indexCmdlets(context.modules);
    const localFunctions = new Set(script.functions.map(f => f.toLowerCase()));
    const role = script.help?.role?.trim() ?? '';
    for (const command of script.commands) {
        checkCommand(command, script, cmdlets, localFunctions, context.builtInCommands, role, add);
    }
    return findings;
}

type AddFinding = (line: number, rule: string, message: string) => void;

function checkHelp(script: ScriptAnalysisJson, add: AddFinding): void {
    const help = script.help;
    if (!help?.synopsis?.trim()) add(1, 'help', 'The help block has no .SYNOPSIS.');
    if (!help?.description?.trim()) add(1, 'help', 'The help block has no .DESCRIPTION.');
    const role = help?.role?.trim();
    if (!role) {
        add(1, 'help', 'The help block has no .ROLE.');
    } else if (!ROLES.includes(role)) {
        add(1, 'help', `.ROLE is "${role}"; expected one of ${ROLES.join(', ')}.`);
    }
}

function checkName(script: ScriptAnalysisJson, context: CheckContext, add: AddFinding): void {
    const base = script.file.replace(/^.*[\\/]/, '').replace(/\.ps1$/i, '');
    const shadowed = context.modules.some(m => m.cmdlets.some(c => c.name.toLowerCase() === base.toLowerCase()));
    if (shadowed) {
        add(1, 'name', `The script is named like the ${base} cmdlet it would shadow in JEA mode; rename it.`);
    }
}

/**
 * The scripts validate their own parameters on the host too (the UI's validation is not a security boundary):
 * every parameter but a switch or a bool carries at least one validation attribute.
 */
function checkOwnParameters(script: ScriptAnalysisJson, add: AddFinding): void {
    for (const parameter of script.parameters) {
        const type = (parameter.type ?? '').toLowerCase();
        if (type === 'switch' || type === 'bool' || type === 'boolean') continue;
        const validated = parameter.validateSet || parameter.validatePattern || parameter.validateRange ||
            parameter.validateLength || parameter.validateNotNullOrEmpty;
        if (!validated) {
            add(1, 'param-validation', `Parameter $${parameter.name} has no validation attribute.`);
        }
    }
}

function indexCmdlets(modules: ModuleSpec[]): Map<string, CmdletSpec> {
    const index = new Map<string, CmdletSpec>();
    for (const module of modules) {
        for (const cmdlet of module.cmdlets) index.set(cmdlet.name.toLowerCase(), cmdlet);
    }
    return index;
}

function checkCommand(
    command: AstCommand,
    script: ScriptAnalysisJson,
    cmdlets: Map<string, CmdletSpec>,
    localFunctions: Set<string>,
    builtIns: ReadonlySet<string>,
    role: string,
    add: AddFinding
): void {
    if (command.name === null) {
        add(command.line, 'dynamic-command', 'A command whose name is computed at run time cannot be checked.');
        return;
    }
    const name = command.name.toLowerCase();
    if (FORBIDDEN_COMMANDS.has(name)) {
        add(command.line, 'forbidden', `${command.name} runs text as code; pass parameters as parameters.`);
        return;
    }
    if (localFunctions.has(name)) return;
    const cmdlet = cmdlets.get(name);
    if (!cmdlet) {
        if (!builtIns.has(name)) {
            add(command.line, 'unknown-command',
                `${command.name} is neither a documented stand-in cmdlet nor available in the PowerShell host.`);
        }
        return;
    }
    if (role === 'Readers') {
        const writes = WRITING_READ_CMDLETS.get(name);
        if (writes) {
            add(command.line, 'readers-change', `A Readers script must not call ${cmdlet.name}, which ${writes}.`);
        } else if (!READ_ONLY_VERBS.has(name.split('-')[0]) && !READER_EXCEPTIONS.has(name)) {
            add(command.line, 'readers-change', `A Readers script must not call ${cmdlet.name}, which changes the host.`);
        }
    }
    checkArguments(command, cmdlet, script.parameters, role, add);
}

/** The arguments a call passes, by parameter name (lower case), whether named, splatted or positional. */
function boundArguments(command: AstCommand, cmdlet: CmdletSpec, add: AddFinding): Map<string, AstArgument | null> {
    const bound = new Map<string, AstArgument | null>();
    const extraPositional: AstArgument[] = [];
    for (const parameter of command.parameters) {
        const spec = findParameter(cmdlet, parameter.name);
        if (!spec) {
            if (!COMMON_PARAMETERS.has(parameter.name.toLowerCase())) {
                add(command.line, 'unknown-parameter', `${cmdlet.name} has no documented parameter -${parameter.name}.`);
            }
            continue;
        }
        if (spec.name !== parameter.name) {
            add(command.line, 'parameter-case', `Write -${spec.name} as documented, not -${parameter.name}.`);
        }
        if (spec.type === 'switch' && parameter.nextElement) {
            // `-Switch value`: the value is not the switch's; PowerShell binds it by position.
            extraPositional.push(parameter.nextElement);
            bound.set(spec.name.toLowerCase(), null);
        } else {
            bound.set(spec.name.toLowerCase(), parameter.argument);
        }
    }
    for (const splat of command.splats) {
        if (splat.keys === null) {
            add(command.line, 'unresolved-splat', `@${splat.variable} is assigned in ways the check cannot follow.`);
            continue;
        }
        for (const key of splat.keys) {
            const spec = findParameter(cmdlet, key.name);
            if (!spec) {
                add(command.line, 'unknown-parameter', `${cmdlet.name} has no documented parameter ${key.name} (splatted).`);
            } else {
                bound.set(spec.name.toLowerCase(), key.argument);
            }
        }
    }
    const positionalSpecs = cmdlet.parameters.filter(p => p.position !== undefined)
        .sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
    [...command.positional, ...extraPositional].forEach((argument, index) => {
        const spec = positionalSpecs[index];
        if (!spec) {
            add(command.line, 'positional', `${cmdlet.name} takes no positional argument at position ${index}.`);
        } else {
            bound.set(spec.name.toLowerCase(), argument);
        }
    });
    return bound;
}

function checkArguments(
    command: AstCommand, cmdlet: CmdletSpec, scriptParameters: AstParameter[], role: string, add: AddFinding): void {
    const bound = boundArguments(command, cmdlet, add);
    for (const spec of cmdlet.parameters) {
        const key = spec.name.toLowerCase();
        if (spec.mandatory && !bound.has(key)) {
            add(command.line, 'missing-parameter', `${cmdlet.name} requires -${spec.name}.`);
        }
        const argument = bound.get(key);
        if (argument) checkValue(command, cmdlet, spec, argument, scriptParameters, add);
        if (argument && role === 'Readers' && isVmCommand(cmdlet, spec)) checkReaderVmCommand(command, argument, add);
    }
    for (const group of cmdlet.mutuallyExclusive ?? []) {
        const given = group.filter(name => bound.has(name.toLowerCase()));
        if (given.length > 1) {
            add(command.line, 'exclusive', `${cmdlet.name}: ${given.map(g => '-' + g).join(' and ')} cannot be given together.`);
        }
    }
    for (const group of cmdlet.together ?? []) {
        const given = group.filter(name => bound.has(name.toLowerCase()));
        if (given.length > 0 && given.length < group.length) {
            add(command.line, 'together', `${cmdlet.name}: ${group.map(g => '-' + g).join(', ')} go together or not at all.`);
        }
    }
}

function checkValue(
    command: AstCommand,
    cmdlet: CmdletSpec,
    spec: ParameterSpec,
    argument: AstArgument,
    scriptParameters: AstParameter[],
    add: AddFinding
): void {
    // `values` are declared by the stand-in (ValidateSet); `knownValues` the real cmdlet checks itself at run time.
    const accepted = spec.values ?? spec.knownValues;
    if (accepted && argument.kind === 'constant' && typeof argument.value === 'string') {
        const value = argument.value;
        if (!accepted.some(v => v.toLowerCase() === value.toLowerCase())) {
            add(command.line, 'accepted-values',
                `${cmdlet.name} -${spec.name} accepts ${accepted.join(', ')}; got "${value}".`);
        }
    }
    if (accepted && argument.kind === 'variable') {
        const source = scriptParameters.find(p => p.name.toLowerCase() === argument.name.toLowerCase());
        const outside = source?.validateSet?.filter(v => !accepted.some(a => a.toLowerCase() === v.toLowerCase()));
        if (outside && outside.length > 0) {
            add(command.line, 'accepted-values',
                `$${source?.name} allows ${outside.join(', ')}, which ${cmdlet.name} -${spec.name} does not accept.`);
        }
    }
    if ((spec.type === 'int' || spec.type === 'long') && argument.kind === 'constant' && typeof argument.value === 'number') {
        if ((spec.min !== undefined && argument.value < spec.min) || (spec.max !== undefined && argument.value > spec.max)) {
            add(command.line, 'range', `${cmdlet.name} -${spec.name} must be within ${spec.min}..${spec.max}; got ${argument.value}.`);
        }
    }
    if (isVmCommand(cmdlet, spec)) {
        checkVmCommand(command, argument, scriptParameters, add);
    }
}

/** Whether the parameter is Invoke-EflowVmCommand's -command (the command line bash runs in the VM). */
function isVmCommand(cmdlet: CmdletSpec, spec: ParameterSpec): boolean {
    return cmdlet.name.toLowerCase() === 'invoke-eflowvmcommand' && spec.name.toLowerCase() === 'command';
}

/**
 * A Readers script changes nothing, in the VM either: its VM command line must be known when the script is written
 * and be made of read-only commands only (vm-command.ts).
 */
function checkReaderVmCommand(command: AstCommand, argument: AstArgument, add: AddFinding): void {
    const text = constantCommandText(argument);
    if (text === null) {
        add(command.line, 'readers-vm-command',
            'A Readers script must pass Invoke-EflowVmCommand a constant command line, so that it is known to only read.');
        return;
    }
    for (const problem of readOnlyProblems(text)) {
        add(command.line, 'readers-vm-command', `A Readers script must only read in the VM, but its command line: ${problem}.`);
    }
}

/**
 * The text given to Invoke-EflowVmCommand is run by bash in the VM. It may only contain constants, or expand
 * script parameters whose values a ValidatePattern or ValidateSet restricts; anything else could smuggle shell
 * syntax into the VM.
 */
function checkVmCommand(command: AstCommand, argument: AstArgument, scriptParameters: AstParameter[], add: AddFinding): void {
    if (argument.kind === 'constant') return;
    const variables = argument.kind === 'variable' ? [argument.name]
        : argument.kind === 'expression' ? [...argument.text.matchAll(/\$\{?([A-Za-z_][\w]*)/g)].map(m => m[1]) : ['?'];
    for (const variable of variables) {
        const parameter = scriptParameters.find(p => p.name.toLowerCase() === variable.toLowerCase());
        if (!parameter || (!parameter.validatePattern && !parameter.validateSet)) {
            add(command.line, 'vm-command-injection',
                `Invoke-EflowVmCommand -command uses $${variable}, which is not a script parameter restricted by ` +
                'ValidatePattern or ValidateSet.');
        }
    }
}

function findParameter(cmdlet: CmdletSpec, name: string): ParameterSpec | undefined {
    return cmdlet.parameters.find(p => p.name.toLowerCase() === name.toLowerCase());
}
