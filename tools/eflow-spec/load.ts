/**
 * Typed loading of the cmdlet description files. Everything that consumes the descriptions (stand-in generator,
 * simulator, static check of the scripts) loads them through here, so they all see validated data.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import type { CmdletSpec, ModuleSpec } from './spec';
import { validateModuleSpec } from './validate';

/** Absolute path of azureeflow.json. */
export const AZURE_EFLOW_SPEC_PATH = path.join(__dirname, 'azureeflow.json');
/** Absolute path of windows.json. */
export const WINDOWS_SPEC_PATH = path.join(__dirname, 'windows.json');

/** Module names as the stand-ins send them in `Invoke-EflowSimulatorCall -Module`. */
export const AZURE_EFLOW_MODULE = 'AzureEFLOW';
export const WINDOWS_MODULE = 'Windows';

const cache = new Map<string, ModuleSpec>();

/** Reads, parses and validates one description file (cached per path; the files do not change at run time). */
export function loadModuleSpec(filePath: string): ModuleSpec {
    const cached = cache.get(filePath);
    if (cached) {
        return cached;
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(readFileSync(filePath, 'utf8'));
    } catch (error) {
        throw new Error(`${filePath}: not readable JSON: ${(error as Error).message}`);
    }
    const spec = validateModuleSpec(parsed, path.basename(filePath));
    cache.set(filePath, spec);
    return spec;
}

/** The AzureEFLOW module description. */
export function loadAzureEflowSpec(): ModuleSpec {
    const spec = loadModuleSpec(AZURE_EFLOW_SPEC_PATH);
    if (spec.module !== AZURE_EFLOW_MODULE) {
        throw new Error(`azureeflow.json: module must be '${AZURE_EFLOW_MODULE}', not '${spec.module}'`);
    }
    return spec;
}

/** The Windows stand-in cmdlets description. */
export function loadWindowsSpec(): ModuleSpec {
    const spec = loadModuleSpec(WINDOWS_SPEC_PATH);
    if (spec.module !== WINDOWS_MODULE) {
        throw new Error(`windows.json: module must be '${WINDOWS_MODULE}', not '${spec.module}'`);
    }
    return spec;
}

/** Both descriptions, AzureEFLOW first. */
export function loadAllSpecs(): ModuleSpec[] {
    return [loadAzureEflowSpec(), loadWindowsSpec()];
}

/** A cmdlet of a module description by name (case-insensitive, as PowerShell resolves commands). */
export function findCmdlet(spec: ModuleSpec, name: string): CmdletSpec | undefined {
    const wanted = name.toLowerCase();
    return spec.cmdlets.find(c => c.name.toLowerCase() === wanted);
}

export { findParameter, SpecValidationError, validateModuleSpec } from './validate';
