/**
 * msiexec as Start-Process runs it: /i installs (or updates) the EFLOW MSI a host file stands for, /x uninstalls
 * by product code. Exit codes as Windows Installer reports them. A cancelled (waited-for) install or uninstall
 * rolls back: nothing changes.
 */
import { addFile, applyInstall, applyUninstall, applyUpdate, classifyInstall, newInstall } from '../../model/install';
import { productByKey } from '../../model/products';
import type { HandlerContext } from '../../runtime/handler';
import { StepLog } from '../../runtime/long-operation';
import { consumeFault, consumeUninstallFault } from '../../state/fault-state';
import { normalizePath } from './paths';

/** Windows Installer exit codes the simulator returns. */
export const MSI_EXIT = {
    success: 0,
    /** ERROR_INSTALL_FAILURE: what Microsoft Update reports as 0x80070643. */
    fatalError: 1603,
    unknownProduct: 1605,
    badPackage: 1619,
    unsupportedPlatform: 1633,
    anotherVersion: 1638,
    invalidCommandLine: 1639
} as const;

const INSTALL_MS = 20_000;
const UNINSTALL_MS = 12_000;

export interface MsiexecCommand {
    action: 'install' | 'uninstall' | 'unknown';
    target: string | null;
    properties: Record<string, string>;
}

/** Parses msiexec arguments (ArgumentList elements may hold several words; PROPERTY="a b" is one word). */
export function parseMsiexecArguments(argumentList: string[]): MsiexecCommand {
    const words = argumentList.join(' ').match(/[^\s"]+="[^"]*"|"[^"]*"|[^\s"]+/g) ?? [];
    const unquote = (text: string): string => text.replace(/^"|"$/g, '');
    const properties: Record<string, string> = {};
    let action: MsiexecCommand['action'] = 'unknown';
    let target: string | null = null;
    for (let index = 0; index < words.length; index++) {
        const word = words[index] ?? '';
        const property = /^([A-Za-z_][A-Za-z0-9_.]*)=(.*)$/.exec(word);
        if (/^\/(i|package)$/i.test(word)) {
            action = 'install';
            target = unquote(words[++index] ?? '');
        } else if (/^\/(x|uninstall)$/i.test(word)) {
            action = 'uninstall';
            target = unquote(words[++index] ?? '');
        } else if (property) {
            properties[(property[1] ?? '').toUpperCase()] = unquote(property[2] ?? '');
        }
    }
    return { action, target, properties };
}

/** Runs msiexec to completion; returns its exit code. Rejects (changing nothing) when aborted. */
export async function runMsiexec(context: HandlerContext, command: MsiexecCommand, signal: AbortSignal):
    Promise<number> {
    const log = new StepLog({ ...context, signal }, 'Windows Installer');
    if (command.action === 'unknown' || command.target === null || command.target === '') {
        return MSI_EXIT.invalidCommandLine;
    }
    if (command.action === 'uninstall') {
        const install = context.host.eflow;
        const target = command.target.toUpperCase();
        const byPath = context.host.windows.files.find(f => f.kind === 'msi' &&
            normalizePath(f.path).toLowerCase() === normalizePath(command.target ?? '').toLowerCase());
        if (!install || target !== install.productCode.toUpperCase() && !byPath) {
            return MSI_EXIT.unknownProduct;
        }
        log.progress('Removing Azure IoT Edge', 10);
        await context.clock.sleep(UNINSTALL_MS / 2, signal);
        log.progress('Removing the EFLOW virtual machine and its files', 60);
        await context.clock.sleep(UNINSTALL_MS / 2, signal);
        // An injected failure rolls back like a real failed uninstall: the product, its VM and its disk stay.
        const failure = consumeUninstallFault(context.faults);
        if (failure !== null) {
            context.changed();
            return failure;
        }
        applyUninstall(context.host);
        context.changed();
        return MSI_EXIT.success;
    }
    const file = context.host.windows.files.find(f => normalizePath(f.path).toLowerCase() ===
        normalizePath(command.target ?? '').toLowerCase());
    const product = file?.kind === 'msi' && file.msiKey ? productByKey(file.msiKey) : null;
    if (!product) {
        return MSI_EXIT.badPackage;
    }
    if (product.architecture !== context.host.windows.architecture) {
        return MSI_EXIT.unsupportedPlatform;
    }
    const kind = classifyInstall(context.host, product);
    if (kind === 'conflict') {
        return MSI_EXIT.anotherVersion;
    }
    log.progress(`Installing ${product.productName} ${product.version}`, 10);
    await context.clock.sleep(INSTALL_MS, signal);
    // The MSI's launch conditions refuse editions without Hyper-V; an injected failure fails the same way.
    if (consumeFault(context.faults, 'msiInstallFailure') || context.host.windows.hyperV === 'NotAvailable') {
        context.changed();
        return MSI_EXIT.fatalError;
    }
    if (kind === 'fresh') {
        applyInstall(context.host, newInstall(product, context.clock.now(), {
            installPath: command.properties.INSTALLDIR, vhdxPath: command.properties.VHDXDIR }));
        if (command.properties.INSTALLDIR) {
            addFile(context.host, { path: `${command.properties.INSTALLDIR.replace(/\\+$/, '')}\\nodectl.exe`, kind: 'other' });
        }
    } else if (kind === 'update') {
        applyUpdate(context.host, product, context.clock.now());
    }
    context.changed();
    log.completed('Installed');
    return MSI_EXIT.success;
}
