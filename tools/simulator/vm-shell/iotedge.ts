/** The `iotedge` CLI in the VM (eflow.md section 16): list, check, logs, restart, version, system ... */
import { moduleAt, modulesAt } from '../model/modules';
import { aziotServicesFor } from '../model/vm-factory';
import { edgeDaemonRunning, moduleDescription } from '../handlers/eflow/vm-view';
import { downReason, failedServiceReport } from './aziot-journal';
import { checkJson, checkText, runChecks } from './iotedge-check';
import { moduleLogs, parseSince } from './iotedge-logs';
import { failure, type ShellCommand, type ShellContext, type ShellResult, success } from './shell-types';
import { tabWriter } from './tab-writer';

const MANAGEMENT_ERROR = [
    'An error occurred: Could not list modules',
    '\tcaused by: Could not connect to the IoT Edge management API at unix:///var/run/iotedge/mgmt.sock: ' +
    'No such file or directory (os error 2)'
];

function list(context: ShellContext): ShellResult {
    if (!edgeDaemonRunning(context.vm)) {
        return failure(MANAGEMENT_ERROR, 1);
    }
    const rows = modulesAt(context.vm.modules, context.now).map(module =>
        [module.name, module.status, moduleDescription(module, context.now), module.image]);
    return success(tabWriter([['NAME', 'STATUS', 'DESCRIPTION', 'Config'], ...rows]));
}

function check(args: string[], context: ShellContext): ShellResult {
    const outputIndex = args.findIndex(arg => arg === '-o' || arg === '--output');
    const format = outputIndex >= 0 ? args[outputIndex + 1] : 'text';
    if (format !== 'text' && format !== 'json') {
        return failure([`error: invalid value '${format ?? ''}' for '--output <FORMAT>'`], 2);
    }
    const checks = runChecks(context.host, context.vm);
    const exitCode = checks.some(c => c.result === 'error') ? 1 : 0;
    const stdout = format === 'json' ? [checkJson(context.host, context.vm, checks, context.now)] : checkText(checks);
    return { stdout, stderr: [], exitCode };
}

/** The service lines, a blank line, each failed service's report with its journal tail, then the two hints. */
function systemStatus(context: ShellContext): ShellResult {
    const lines = ['System services:'];
    for (const service of context.vm.aziotServices) {
        const state = service.state === 'Down' ? `Down - ${downReason(service)}` : service.state;
        lines.push(`    ${service.name.padEnd(24)}${state}`);
    }
    lines.push('');
    for (const service of context.vm.aziotServices.filter(candidate => candidate.state === 'Down')) {
        lines.push(...failedServiceReport(service, context.vm, context.now));
    }
    lines.push("Use 'iotedge system logs' to check for non-fatal errors.",
        "Use 'iotedge check' to diagnose connectivity and configuration issues.");
    return success(lines);
}

function restartModules(context: ShellContext, names: string[]): void {
    const startedAt = context.now.toISOString();
    for (const module of context.vm.modules) {
        if (names.includes(module.name)) {
            module.status = 'running';
            module.exitCode = 0;
            module.startedAt = startedAt;
            module.stoppedAt = null;
        }
    }
    context.changed();
}

function system(args: string[], context: ShellContext): ShellResult {
    const [subcommand] = args;
    switch (subcommand) {
        case 'status':
            return systemStatus(context);
        case 'restart':
            context.vm.aziotServices = aziotServicesFor(context.vm.provisioning?.type ?? null);
            restartModules(context, context.vm.modules.filter(m => m.status !== 'stopped').map(m => m.name));
            return success([]);
        case 'reprovision':
            if (!context.vm.provisioning) {
                return failure(['Error: Could not reprovision device: the device is not provisioned.'], 1);
            }
            return success(['Successfully reprovisioned with IoT Hub.']);
        case 'logs':
            return success(context.vm.aziotServices.map(service =>
                `${context.now.toISOString()} ${context.vm.name} ${service.name}[1042]: ${service.name} is ${service.state}`));
        default:
            return failure([`error: unrecognized subcommand '${subcommand ?? ''}'`], 2);
    }
}

function logs(args: string[], context: ShellContext): ShellResult {
    const name = args.find((arg, index) => !arg.startsWith('-') && !['--tail', '--since'].includes(args[index - 1] ?? ''));
    if (!edgeDaemonRunning(context.vm)) {
        return failure(MANAGEMENT_ERROR, 1);
    }
    const module = context.vm.modules.find(m => m.name === name);
    if (!module) {
        return failure([`Error: Module ${name ?? ''} not found`], 1);
    }
    const tailText = args[args.indexOf('--tail') + 1];
    const sinceText = args[args.indexOf('--since') + 1];
    const tail = args.includes('--tail') && tailText !== 'all' ? Number(tailText) : null;
    const since = args.includes('--since') ? parseSince(sinceText ?? '', context.now) : null;
    if (tail !== null && !Number.isInteger(tail) || args.includes('--since') && since === null) {
        return failure(['error: invalid value for --tail or --since'], 2);
    }
    return success(moduleLogs(moduleAt(module, context.now), context.now, since, tail));
}

function restart(args: string[], context: ShellContext): ShellResult {
    const [name] = args;
    if (!edgeDaemonRunning(context.vm)) {
        return failure(MANAGEMENT_ERROR, 1);
    }
    if (!context.vm.modules.some(m => m.name === name)) {
        return failure([`Error: Module ${name ?? ''} not found`], 1);
    }
    restartModules(context, [name ?? '']);
    return success([name ?? '']);
}

/** `iotedge <args>`. */
export const iotedge: ShellCommand = (args, context) => {
    const [subcommand, ...rest] = args;
    switch (subcommand) {
        case 'list':
            return list(context);
        case 'check':
            return check(rest, context);
        case 'system':
            return system(rest, context);
        case 'logs':
            return logs(rest, context);
        case 'restart':
            return restart(rest, context);
        case 'version':
        case '--version':
        case '-V':
            return success([`iotedge ${context.vm.runtime.iotEdgeVersion}`]);
        default:
            return failure([`error: unrecognized subcommand '${subcommand ?? ''}'`], 2);
    }
};
