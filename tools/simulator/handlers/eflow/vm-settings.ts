/** Features, telemetry and shared folders of the VM. */
import { failEflow, failMissingParameters } from '../../runtime/failure';
import type { CmdletHandler, HandlerContext } from '../../runtime/handler';
import { ok } from '../../runtime/outcome';
import type { SharedFolder } from '../../state/host-state';
import { requireVm } from './guards';
import * as messages from './messages';
import { featureNamed } from './vm-read';

export const setEflowVmFeature: CmdletHandler = context => {
    const feature = featureNamed(context);
    const vm = requireVm(context);
    vm.features[feature] = context.params.flag('enable');
    context.changed();
    return ok(null);
};

export const setEflowVmTelemetryOption: CmdletHandler = context => {
    const vm = requireVm(context);
    const optional = context.params.optionalBool('optionalTelemetry');
    if (optional === null) {
        failMissingParameters('Set-EflowVmTelemetryOption', ['optionalTelemetry']);
    }
    vm.telemetry = optional ? 'Optional' : 'Required';
    context.changed();
    return ok(null);
};

interface SharedFoldersFile {
    sharedFolderRoot: string;
    sharedFolders: { hostFolderPath: string; readOnly: boolean; targetFolderOnGuest: string }[];
}

/** Reads the shared folders JSON from the host files the simulator knows (see README: a limitation). */
function readSharedFoldersFile(context: HandlerContext, path: string): SharedFoldersFile[] {
    const file = context.host.windows.files.find(f => f.path.toLowerCase() === path.toLowerCase());
    if (!file || file.content === undefined) {
        failEflow(messages.hostFileNotFound(path));
    }
    try {
        const parsed: unknown = JSON.parse(file.content);
        const list = Array.isArray(parsed) ? parsed : [parsed];
        return list as SharedFoldersFile[];
    } catch {
        failEflow(`The shared folders file '${path}' is not valid JSON.`);
    }
}

function folderView(folder: SharedFolder): { [key: string]: string | boolean } {
    return {
        hostFolderPath: folder.hostFolderPath,
        readOnly: folder.readOnly,
        targetFolderOnGuest: folder.targetFolderOnGuest,
        hostFolderFullPath: `${folder.sharedFolderRoot.replace(/\\+$/, '')}\\${folder.hostFolderPath}`
    };
}

function matchesSelection(context: HandlerContext, folder: SharedFolder): boolean {
    const root = context.params.string('sharedfolderRoot');
    const paths = context.params.strings('hostFolderPath').map(p => p.toLowerCase());
    return (root === null || root.toLowerCase() === folder.sharedFolderRoot.toLowerCase()) &&
        (paths.length === 0 || paths.includes(folder.hostFolderPath.toLowerCase()));
}

export const addEflowVmSharedFolder: CmdletHandler = context => {
    const vm = requireVm(context);
    const path = context.params.string('sharedFoldersJsonPath');
    if (path === null) {
        failMissingParameters('Add-EflowVmSharedFolder', ['sharedFoldersJsonPath']);
    }
    for (const entry of readSharedFoldersFile(context, path)) {
        for (const folder of entry.sharedFolders ?? []) {
            vm.sharedFolders = vm.sharedFolders.filter(existing => !(existing.sharedFolderRoot === entry.sharedFolderRoot &&
                existing.hostFolderPath === folder.hostFolderPath));
            vm.sharedFolders.push({ sharedFolderRoot: entry.sharedFolderRoot, hostFolderPath: folder.hostFolderPath,
                readOnly: Boolean(folder.readOnly), targetFolderOnGuest: folder.targetFolderOnGuest });
        }
    }
    context.changed();
    return ok(null);
};

export const getEflowVmSharedFolder: CmdletHandler = context => {
    const vm = requireVm(context);
    return ok(vm.sharedFolders.filter(folder => matchesSelection(context, folder)).map(folderView));
};

export const removeEflowVmSharedFolder: CmdletHandler = context => {
    const vm = requireVm(context);
    if (context.params.string('sharedfolderRoot') === null) {
        failMissingParameters('Remove-EflowVmSharedFolder', ['sharedfolderRoot']);
    }
    vm.sharedFolders = vm.sharedFolders.filter(folder => !matchesSelection(context, folder));
    context.changed();
    return ok(null);
};
