/**
 * Invoke-EflowVmCommand: runs a command in the VM shell. Output is the command's lines (stdout, then stderr, as
 * the SSH session returns them merged). A non-zero exit code raises a terminating error unless -ignoreError:
 * "Command '<command>' failed in the virtual machine with exit code <n>: <stderr>" (the simulator's wording; the
 * real module's is undocumented).
 */
import { failEflow, failMissingParameters } from '../../runtime/failure';
import type { CmdletHandler } from '../../runtime/handler';
import { ok } from '../../runtime/outcome';
import { runShell } from '../../vm-shell/shell';
import { requireReachableVm } from './guards';
import { vmCommandFailed } from './messages';

export const invokeEflowVmCommand: CmdletHandler = async context => {
    const vm = requireReachableVm(context);
    const command = context.params.string('command');
    if (command === null) {
        failMissingParameters('Invoke-EflowVmCommand', ['command']);
    }
    // An SSH round trip takes a moment.
    await context.clock.sleep(300, context.signal);
    const result = runShell(command, { host: context.host, vm, now: context.clock.now(), changed: context.changed });
    const lines = result.merged ?? [...result.stdout, ...result.stderr];
    if (result.exitCode !== 0 && !context.params.flag('ignoreError')) {
        failEflow(vmCommandFailed(command, result.exitCode, result.stderr.join(' ')));
    }
    return ok(lines);
};
