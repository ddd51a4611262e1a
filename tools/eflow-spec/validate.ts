/**
 * Structural validation of a cmdlet description file (azureeflow.json, windows.json): the JSON is hand-written,
 * and three consumers (stand-in generator, simulator dispatch, static check) trust it, so typos must fail loudly.
 */
import type { CmdletSpec, ModuleSpec, ParameterSpec, ParameterType } from './spec';

const PARAMETER_TYPES: readonly ParameterType[] = ['string', 'string[]', 'int', 'long', 'bool', 'switch', 'object'];
const CMDLET_NAME = /^[A-Z][a-z]+-[A-Za-z0-9]+$/;
/** A PowerShell parameter name usable as `$name` without braces. */
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

const MODULE_KEYS = ['module', 'description', 'cmdlets'];
const CMDLET_KEYS = ['name', 'synopsis', 'sources', 'parameters', 'output', 'errors', 'mutuallyExclusive', 'together'];
const PARAMETER_KEYS = ['name', 'type', 'values', 'knownValues', 'min', 'max', 'mandatory', 'position', 'description',
    'secret'];

/** Thrown when a description file does not match spec.ts; `problems` lists every mismatch found. */
export class SpecValidationError extends Error {
    constructor(public readonly source: string, public readonly problems: string[]) {
        super(`${source}: ${problems.length} problem(s):\n - ${problems.join('\n - ')}`);
        this.name = 'SpecValidationError';
    }
}

type JsonObject = { [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
    return typeof value === 'string' && value.trim().length > 0;
}

function isStringList(value: unknown): value is string[] {
    return Array.isArray(value) && value.every(isNonEmptyString);
}

function checkKeys(value: JsonObject, allowed: string[], where: string, problems: string[]): void {
    for (const key of Object.keys(value)) {
        if (!allowed.includes(key)) {
            problems.push(`${where}: unknown key '${key}'`);
        }
    }
}

function hasDuplicates(names: string[]): string[] {
    const seen = new Set<string>();
    const duplicates: string[] = [];
    for (const name of names) {
        const key = name.toLowerCase();
        if (seen.has(key)) {
            duplicates.push(name);
        }
        seen.add(key);
    }
    return duplicates;
}

function validateParameter(value: unknown, where: string, problems: string[]): void {
    if (!isObject(value)) {
        problems.push(`${where}: must be an object`);
        return;
    }
    checkKeys(value, PARAMETER_KEYS, where, problems);
    if (!isNonEmptyString(value.name) || !PARAMETER_NAME.test(value.name)) {
        problems.push(`${where}: name must be a PowerShell parameter name`);
    }
    const type = value.type;
    if (typeof type !== 'string' || !PARAMETER_TYPES.includes(type as ParameterType)) {
        problems.push(`${where}: type must be one of ${PARAMETER_TYPES.join(', ')}`);
    }
    const isText = type === 'string' || type === 'string[]';
    for (const listKey of ['values', 'knownValues'] as const) {
        const list = value[listKey];
        if (list === undefined) {
            continue;
        }
        if (!isStringList(list) || list.length === 0) {
            problems.push(`${where}: ${listKey} must be a non-empty list of strings`);
        } else if (hasDuplicates(list).length > 0) {
            problems.push(`${where}: ${listKey} has duplicates (case-insensitive)`);
        }
        if (!isText) {
            problems.push(`${where}: ${listKey} only applies to string parameters`);
        }
    }
    if (value.values !== undefined && value.knownValues !== undefined) {
        problems.push(`${where}: values and knownValues exclude each other`);
    }
    for (const boundKey of ['min', 'max'] as const) {
        const bound = value[boundKey];
        if (bound !== undefined && (typeof bound !== 'number' || !Number.isInteger(bound))) {
            problems.push(`${where}: ${boundKey} must be an integer`);
        }
        if (bound !== undefined && type !== 'int' && type !== 'long') {
            problems.push(`${where}: ${boundKey} only applies to int and long parameters`);
        }
    }
    if (typeof value.min === 'number' && typeof value.max === 'number' && value.min > value.max) {
        problems.push(`${where}: min is greater than max`);
    }
    if (value.mandatory !== undefined && typeof value.mandatory !== 'boolean') {
        problems.push(`${where}: mandatory must be a boolean`);
    }
    if (value.secret !== undefined && (typeof value.secret !== 'boolean' || !isText)) {
        problems.push(`${where}: secret must be a boolean on a string parameter`);
    }
    if (value.position !== undefined &&
        (typeof value.position !== 'number' || !Number.isInteger(value.position) || value.position < 0)) {
        problems.push(`${where}: position must be a non-negative integer`);
    }
    if (!isNonEmptyString(value.description)) {
        problems.push(`${where}: description is required`);
    }
}

function validateGroups(value: unknown, key: string, parameterNames: string[], where: string,
    problems: string[]): void {
    if (value === undefined) {
        return;
    }
    if (!Array.isArray(value)) {
        problems.push(`${where}: ${key} must be a list of parameter groups`);
        return;
    }
    value.forEach((group: unknown, index) => {
        if (!isStringList(group) || group.length < 2) {
            problems.push(`${where}: ${key}[${index}] must name at least two parameters`);
            return;
        }
        for (const name of group) {
            if (!parameterNames.includes(name)) {
                problems.push(`${where}: ${key}[${index}] names unknown parameter '${name}'`);
            }
        }
    });
}

function validateCmdlet(value: unknown, where: string, problems: string[]): void {
    if (!isObject(value)) {
        problems.push(`${where}: must be an object`);
        return;
    }
    checkKeys(value, CMDLET_KEYS, where, problems);
    const name = isNonEmptyString(value.name) ? value.name : '?';
    const at = `${where} (${name})`;
    if (!CMDLET_NAME.test(name)) {
        problems.push(`${at}: name must be Verb-Noun`);
    }
    if (!isNonEmptyString(value.synopsis)) {
        problems.push(`${at}: synopsis is required`);
    }
    if (!isStringList(value.sources) || value.sources.length === 0) {
        problems.push(`${at}: sources must list at least one source tag`);
    }
    if (!isNonEmptyString(value.output)) {
        problems.push(`${at}: output is required`);
    }
    if (value.errors !== undefined && !isStringList(value.errors)) {
        problems.push(`${at}: errors must be a list of strings`);
    }
    if (!Array.isArray(value.parameters)) {
        problems.push(`${at}: parameters must be a list`);
        return;
    }
    value.parameters.forEach((parameter: unknown, index) => validateParameter(parameter, `${at} parameter ${index}`,
        problems));
    const parameterNames = value.parameters.filter(isObject).map(p => String(p.name));
    for (const duplicate of hasDuplicates(parameterNames)) {
        problems.push(`${at}: parameter '${duplicate}' is declared twice (PowerShell names are case-insensitive)`);
    }
    const positions = value.parameters.filter(isObject).map(p => p.position).filter(p => typeof p === 'number');
    if (new Set(positions).size !== positions.length) {
        problems.push(`${at}: two parameters share a position`);
    }
    validateGroups(value.mutuallyExclusive, 'mutuallyExclusive', parameterNames, at, problems);
    validateGroups(value.together, 'together', parameterNames, at, problems);
}

/**
 * Checks that `value` (parsed JSON) is a ModuleSpec; returns it typed, or throws SpecValidationError listing every
 * problem. `source` names the file in messages.
 */
export function validateModuleSpec(value: unknown, source: string): ModuleSpec {
    const problems: string[] = [];
    if (!isObject(value)) {
        throw new SpecValidationError(source, ['the file must hold a JSON object']);
    }
    checkKeys(value, MODULE_KEYS, 'module', problems);
    if (!isNonEmptyString(value.module) || !PARAMETER_NAME.test(value.module)) {
        problems.push('module must be a module name');
    }
    if (!isNonEmptyString(value.description)) {
        problems.push('description is required');
    }
    if (!Array.isArray(value.cmdlets) || value.cmdlets.length === 0) {
        problems.push('cmdlets must be a non-empty list');
    } else {
        value.cmdlets.forEach((cmdlet: unknown, index) => validateCmdlet(cmdlet, `cmdlet ${index}`, problems));
        const names = value.cmdlets.filter(isObject).map(c => String(c.name));
        for (const duplicate of hasDuplicates(names)) {
            problems.push(`cmdlet '${duplicate}' is declared twice`);
        }
    }
    if (problems.length > 0) {
        throw new SpecValidationError(source, problems);
    }
    return value as unknown as ModuleSpec;
}

/** The parameter of a cmdlet by name, matched case-insensitively as PowerShell does. */
export function findParameter(cmdlet: CmdletSpec, name: string): ParameterSpec | undefined {
    const wanted = name.toLowerCase();
    return cmdlet.parameters.find(p => p.name.toLowerCase() === wanted);
}
