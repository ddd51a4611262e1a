/** Remove-Item of host files (the VM disk an uninstall of EFLOW left behind). Registry keys are not removed here. */
import type { CmdletHandler } from '../../runtime/handler';
import { ok, windowsError } from '../../runtime/outcome';
import { hasWildcards, normalizePath, wildcardMatch } from './paths';

const REMOVE_ITEM = 'Microsoft.PowerShell.Commands.RemoveItemCommand';

export const removeItem: CmdletHandler = context => {
    const { params, host } = context;
    const literal = params.has('LiteralPath');
    const paths = literal ? params.strings('LiteralPath') : params.strings('Path');
    const matches = (pattern: string, candidate: string): boolean => !literal && hasWildcards(pattern)
        ? wildcardMatch(pattern, candidate)
        : normalizePath(pattern).toLowerCase() === normalizePath(candidate).toLowerCase();
    for (const path of paths) {
        const removed = host.windows.files.filter(file => matches(path, file.path));
        // A wildcard that matches nothing is no error in PowerShell; a plain path that does not exist is.
        if (removed.length === 0 && (literal || !hasWildcards(path))) {
            return windowsError(`Cannot find path '${path}' because it does not exist.`,
                `PathNotFound,${REMOVE_ITEM}`, 'ObjectNotFound');
        }
        host.windows.files = host.windows.files.filter(file => !removed.includes(file));
    }
    context.changed();
    return ok(null);
};
