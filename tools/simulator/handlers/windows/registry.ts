/** Get-ItemProperty (registry reads) and Test-Path (registry keys and host files). */
import type { JsonValue } from '../../../pwsh-host/protocol';
import type { CmdletHandler } from '../../runtime/handler';
import { ok, windowsError } from '../../runtime/outcome';
import {
    fileKind, hasWildcards, isRegistryPath, knownFilePaths, normalizePath, registryKeyExists, registryKeys,
    type RegistryKey, wildcardMatch
} from './paths';

const GET_ITEM_PROPERTY = 'Microsoft.PowerShell.Commands.GetItemPropertyCommand';

function providerPath(displayPath: string): string {
    return `Microsoft.PowerShell.Core\\Registry::${displayPath.replace(/^HKLM:\\/, 'HKEY_LOCAL_MACHINE\\')}`;
}

function itemView(key: RegistryKey, names: string[]): { [name: string]: JsonValue } {
    const separator = key.path.lastIndexOf('\\');
    const view: { [name: string]: JsonValue } = {};
    for (const [name, value] of Object.entries(key.values)) {
        if (names.length === 0 || names.some(wanted => wanted.toLowerCase() === name.toLowerCase())) {
            view[name] = value;
        }
    }
    return {
        ...view,
        PSPath: providerPath(key.path),
        PSParentPath: providerPath(key.path.slice(0, separator)),
        PSChildName: key.path.slice(separator + 1),
        PSDrive: 'HKLM',
        PSProvider: 'Microsoft.PowerShell.Core\\Registry'
    };
}

export const getItemProperty: CmdletHandler = context => {
    const { params, host } = context;
    const names = params.strings('Name');
    const items: JsonValue[] = [];
    let firstError: { message: string; errorId: string; category: string } | null = null;
    const keys = registryKeys(host);
    for (const path of params.strings('Path')) {
        const wildcard = hasWildcards(path);
        const matches = isRegistryPath(path)
            ? keys.filter(key => wildcard ? wildcardMatch(path, key.path)
                : normalizePath(key.path).toLowerCase() === normalizePath(path).toLowerCase())
            : [];
        if (matches.length === 0 && !wildcard) {
            const exists = isRegistryPath(path) && registryKeyExists(host, path);
            if (exists) {
                // A parent key without values of its own.
                items.push(itemView({ path: normalizePath(path), values: {} }, names));
            } else {
                firstError ??= { message: `Cannot find path '${path}' because it does not exist.`,
                    errorId: `PathNotFound,${GET_ITEM_PROPERTY}`, category: 'ObjectNotFound' };
            }
            continue;
        }
        for (const key of matches) {
            const missing = names.find(name => !Object.keys(key.values).some(v => v.toLowerCase() === name.toLowerCase()));
            if (missing !== undefined && !hasWildcards(missing)) {
                firstError ??= { message: `Property ${missing} does not exist at path ` +
                    `${key.path.replace(/^HKLM:\\/, 'HKEY_LOCAL_MACHINE\\')}.`,
                errorId: `System.Management.Automation.PSArgumentException,${GET_ITEM_PROPERTY}`,
                category: 'InvalidArgument' };
                continue;
            }
            items.push(itemView(key, names));
        }
    }
    if (firstError) {
        return windowsError(firstError.message, firstError.errorId, firstError.category, { value: items });
    }
    return ok(items);
};

export const testPath: CmdletHandler = context => {
    const { params, host } = context;
    const literal = params.has('LiteralPath');
    const paths = literal ? params.strings('LiteralPath') : params.strings('Path');
    const pathType = (params.string('PathType') ?? 'Any').toLowerCase();
    const accepts = (kind: 'leaf' | 'container' | null): boolean =>
        kind !== null && (pathType === 'any' || pathType === kind);
    const results = paths.map(path => {
        if (path.trim() === '') {
            return false;
        }
        if (isRegistryPath(path)) {
            // Registry keys are containers.
            const exists = !literal && hasWildcards(path)
                ? registryKeys(host).some(key => wildcardMatch(path, key.path))
                : registryKeyExists(host, path);
            return exists && pathType !== 'leaf';
        }
        if (!literal && hasWildcards(path)) {
            return knownFilePaths(host).some(candidate => wildcardMatch(path, candidate) &&
                accepts(fileKind(host, candidate)));
        }
        return accepts(fileKind(host, path));
    });
    return ok(results.length === 1 ? results[0] ?? false : results);
};
