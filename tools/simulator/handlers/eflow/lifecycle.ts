/** Module import, interactive and file-copy cmdlets, and the 1.1 → 1.4 migration cmdlets. */
import { addFile, applyUpdate } from '../../model/install';
import { productByKey, trainOf } from '../../model/products';
import { failEflow, failMissingParameters, StandInFailure } from '../../runtime/failure';
import type { CmdletHandler } from '../../runtime/handler';
import { StepLog } from '../../runtime/long-operation';
import { nonInteractivePrompt, ok, windowsError } from '../../runtime/outcome';
import { installOf, requireReachableVm, requireVm } from './guards';
import * as messages from './messages';

/**
 * The AzureEFLOW stand-in module asks this at import: where the MSI is not installed, Import-Module fails as on
 * Windows (the module folder does not exist).
 */
export const importAzureEflow: CmdletHandler = context => context.host.eflow !== null ? ok(null)
    : windowsError("The specified module 'AzureEFLOW' was not loaded because no valid module file was found in any " +
        'module directory.', 'Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand',
    'ResourceUnavailable', { terminating: true });

export const connectEflowVm: CmdletHandler = () => failEflow(messages.CONNECT_NOT_SUPPORTED);

export const copyEflowVmFile: CmdletHandler = async context => {
    requireReachableVm(context);
    const fromFile = context.params.string('fromFile');
    const toFile = context.params.string('toFile');
    if (fromFile === null || toFile === null) {
        failMissingParameters('Copy-EflowVmFile', [fromFile === null ? 'fromFile' : 'toFile']);
    }
    if (context.params.flag('pushFile')) {
        if (!context.host.windows.files.some(f => f.path.toLowerCase() === fromFile.toLowerCase())) {
            failEflow(messages.hostFileNotFound(fromFile));
        }
    } else {
        addFile(context.host, { path: toFile, kind: toFile.toLowerCase().endsWith('.zip') ? 'zip' : 'other' });
        context.changed();
    }
    await context.clock.sleep(1500, context.signal);
    return ok(null);
};

export const startEflowMigration: CmdletHandler = async context => {
    const install = installOf(context);
    requireVm(context);
    if (trainOf(install.version) !== '1.1') {
        failEflow(messages.MIGRATION_NOT_APPLICABLE);
    }
    if (!context.params.flag('autoConfirm')) {
        throw new StandInFailure(nonInteractivePrompt());
    }
    const log = new StepLog(context, 'Start-EflowMigration');
    await log.step('Backing up the Azure IoT Edge LTS 1.1 virtual machine configuration', 30, 5000);
    install.migrationPending = true;
    context.changed();
    log.line('Migration prepared. Run Confirm-EflowMigration to install Azure IoT Edge LTS 1.4.');
    return ok(null);
};

export const confirmEflowMigration: CmdletHandler = async context => {
    const install = installOf(context);
    if (!install.migrationPending) {
        failEflow(messages.NO_MIGRATION);
    }
    const target = productByKey(install.architecture === 'ARM64' ? 'lts-1.4-arm64' : 'lts-1.4-x64');
    if (!target) {
        throw new Error('catalog lacks the 1.4 LTS MSI');
    }
    const log = new StepLog(context, 'Confirm-EflowMigration');
    await log.step('Installing Azure IoT Edge LTS 1.4', 40, 15000);
    applyUpdate(context.host, target, context.clock.now());
    install.migrationPending = false;
    context.changed();
    log.line('Migration successful');
    return ok(null);
};

export const restoreEflowPriorToMigration: CmdletHandler = async context => {
    const install = installOf(context);
    if (!install.migrationPending) {
        failEflow(messages.NO_MIGRATION);
    }
    const log = new StepLog(context, 'Restore-EflowPriorToMigration');
    await log.step('Restoring the Azure IoT Edge LTS 1.1 virtual machine', 50, 5000);
    install.migrationPending = false;
    context.changed();
    return ok(null);
};
