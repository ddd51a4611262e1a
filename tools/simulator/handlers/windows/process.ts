/** Start-Process (msiexec), Invoke-WebRequest (MSI downloads) and Restart-Computer. */
import { hexFromSeed } from '../../model/ids';
import { addFile } from '../../model/install';
import { productForUrl } from '../../model/products';
import { applyReboot, REBOOT_MS } from '../../model/reboot';
import type { CmdletHandler } from '../../runtime/handler';
import { ok, windowsError } from '../../runtime/outcome';
import { parseMsiexecArguments, runMsiexec } from './msiexec';

const DOWNLOAD_MS = 8_000;

function processId(seed: string): number {
    return 1000 + parseInt(hexFromSeed(seed, 4), 16) % 30000;
}

export const startProcess: CmdletHandler = async context => {
    const { params } = context;
    const filePath = params.string('FilePath') ?? '';
    if (!/(^|\\)msiexec(\.exe)?$/i.test(filePath.trim())) {
        return windowsError('This command cannot be run due to the error: The system cannot find the file specified.',
            'InvalidOperationException,Microsoft.PowerShell.Commands.StartProcessCommand', 'InvalidOperation');
    }
    const command = parseMsiexecArguments(params.strings('ArgumentList'));
    const id = processId(`${context.host.name}|${context.clock.nowIso()}`);
    const passThru = params.flag('PassThru');
    if (!params.flag('Wait')) {
        // Not waited for: msiexec goes on by itself; the caller's cancellation does not reach it.
        context.background(signal => runMsiexec({ ...context, emit: () => undefined }, command, signal)
            .then(() => undefined));
        return ok(passThru ? { Id: id, ProcessName: 'msiexec', HasExited: false, ExitCode: null } : null);
    }
    const exitCode = await runMsiexec(context, command, context.signal);
    return ok(passThru ? { Id: id, ProcessName: 'msiexec', HasExited: true, ExitCode: exitCode } : null);
};

export const invokeWebRequest: CmdletHandler = async context => {
    const uri = context.params.string('Uri') ?? '';
    const host = /^https?:\/\/([^/]+)/i.exec(uri)?.[1] ?? uri;
    if (!context.host.windows.internet) {
        return windowsError(`The remote name could not be resolved: '${host}'`,
            'WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeWebRequestCommand', 'InvalidOperation',
            { terminating: true });
    }
    const product = productForUrl(uri);
    if (!product) {
        return windowsError('The remote server returned an error: (404) Not Found.',
            'WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeWebRequestCommand', 'InvalidOperation',
            { terminating: true });
    }
    const outFile = context.params.string('OutFile');
    const totalBytes = 1_200_000_000;
    for (const percent of [25, 50, 75, 100]) {
        context.emit({ kind: 'progress', activity: 'Web request status',
            status: `Reading response stream... (Number of bytes read: ${Math.round(totalBytes * percent / 100)})`,
            percentComplete: percent, completed: percent === 100 });
        await context.clock.sleep(DOWNLOAD_MS / 4, context.signal);
    }
    if (outFile === null) {
        return ok({ StatusCode: 200, StatusDescription: 'OK', RawContentLength: totalBytes });
    }
    addFile(context.host, { path: outFile, kind: 'msi', msiKey: product.key });
    context.changed();
    return ok(null);
};

export const restartComputer: CmdletHandler = context => {
    applyReboot(context.host, context.clock.now(), context.clock.scaled(REBOOT_MS));
    context.changed();
    return ok(null);
};
