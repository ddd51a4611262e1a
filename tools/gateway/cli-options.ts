/**
 * Command-line flags and environment variables of `npx tsx tools/gateway/main.ts`. Flags win over environment.
 */
import { DEFAULT_HOST, DEFAULT_PORT } from './index';
import type { FleetChoice, GatewayStackOptions } from './stack-options';

export const USAGE = `Usage: npx tsx tools/gateway/main.ts [options]

  --port <n>              port to listen on (default ${DEFAULT_PORT}; 0 = any free port)
  --host <address>        interface to listen on (default ${DEFAULT_HOST})
  --state-dir <dir>       simulator state folder (default .sim-state)
  --fleet default|<N>     the default fleet, or N generated hosts (default: default)
  --latency <ms>          extra latency per request, all hosts        (env EFLOW_SIM_LATENCY_MS)
  --failure-rate <0..1>   transient failure probability per request   (env EFLOW_SIM_FAILURE_RATE)
  --offline <h1,h2>       hosts the gateway cannot reach              (env EFLOW_SIM_OFFLINE)
  --time-scale <x>        long-operation duration multiplier          (env EFLOW_SIM_TIME_SCALE)
  --workers <n>           PowerShell host processes
  --runspaces <n>         runspaces per PowerShell host process
  --initial-wait-ms <ms>  how long create/invoke requests wait for the script (default 1500)
  --poll-wait-ms <ms>     how long polls wait for new output (default 1000)
  --session-idle-ms <ms>  idle time after which a session is dropped (default 300000)
  --help                  print this text`;

/** What the command line asks for. */
export type CliRequest = { kind: 'help' } | { kind: 'run'; options: GatewayStackOptions };

/** Thrown for an unusable command line; the message says which flag and why. */
export class CliUsageError extends Error {
}

const VALUE_FLAGS = new Set([
    'port', 'host', 'state-dir', 'fleet', 'latency', 'failure-rate', 'offline', 'time-scale', 'workers', 'runspaces',
    'initial-wait-ms', 'poll-wait-ms', 'session-idle-ms'
]);

export function parseCliOptions(argv: string[], env: Record<string, string | undefined>): CliRequest {
    const flags = readFlags(argv);
    if (flags.has('help')) {
        return { kind: 'help' };
    }
    const pick = (flag: string, envName?: string): string | undefined =>
        flags.get(flag) ?? (envName ? emptyToUndefined(env[envName]) : undefined);

    const options: GatewayStackOptions = {
        host: pick('host'),
        port: optionalNumber('port', pick('port'), { integer: true, min: 0, max: 65535 }) ?? DEFAULT_PORT,
        stateDir: pick('state-dir') ?? '.sim-state',
        fleet: parseFleet(pick('fleet')),
        latencyMs: optionalNumber('latency', pick('latency', 'EFLOW_SIM_LATENCY_MS'), { min: 0 }),
        failureRate: optionalNumber('failure-rate', pick('failure-rate', 'EFLOW_SIM_FAILURE_RATE'), { min: 0, max: 1 }),
        offline: parseList(pick('offline', 'EFLOW_SIM_OFFLINE')),
        timeScale: optionalNumber('time-scale', pick('time-scale', 'EFLOW_SIM_TIME_SCALE'), { min: 0 }),
        workers: optionalNumber('workers', pick('workers'), { integer: true, min: 1 }),
        runspaces: optionalNumber('runspaces', pick('runspaces'), { integer: true, min: 1 }),
        initialWaitMs: optionalNumber('initial-wait-ms', pick('initial-wait-ms'), { min: 0 }),
        pollWaitMs: optionalNumber('poll-wait-ms', pick('poll-wait-ms'), { min: 0 }),
        sessionIdleMs: optionalNumber('session-idle-ms', pick('session-idle-ms'), { min: 1 })
    };
    return { kind: 'run', options };
}

function readFlags(argv: string[]): Map<string, string> {
    const flags = new Map<string, string>();
    for (let index = 0; index < argv.length; index++) {
        const argument = argv[index];
        if (!argument.startsWith('--')) {
            throw new CliUsageError(`Unexpected argument '${argument}'.`);
        }
        const equals = argument.indexOf('=');
        const name = argument.substring(2, equals < 0 ? undefined : equals);
        if (name === 'help') {
            flags.set('help', 'true');
            continue;
        }
        if (!VALUE_FLAGS.has(name)) {
            throw new CliUsageError(`Unknown flag --${name}.`);
        }
        let value: string | undefined = equals < 0 ? argv[++index] : argument.substring(equals + 1);
        if (value === undefined) {
            throw new CliUsageError(`--${name} needs a value.`);
        }
        value = value.trim();
        flags.set(name, value);
    }
    return flags;
}

function parseFleet(value: string | undefined): FleetChoice {
    if (value === undefined || value === 'default') {
        return 'default';
    }
    const count = optionalNumber('fleet', value, { integer: true, min: 1 });
    if (count === undefined) {
        throw new CliUsageError('--fleet must be "default" or a number of hosts.');
    }
    return count;
}

function parseList(value: string | undefined): string[] {
    return value === undefined ? [] : value.split(',').map(item => item.trim().toLowerCase()).filter(item => item !== '');
}

function optionalNumber(
    flag: string, value: string | undefined, range: { integer?: boolean; min?: number; max?: number }): number | undefined {
    if (value === undefined) {
        return undefined;
    }
    const parsed = Number(value);
    const valid = value !== '' && Number.isFinite(parsed)
        && (!range.integer || Number.isInteger(parsed))
        && (range.min === undefined || parsed >= range.min)
        && (range.max === undefined || parsed <= range.max);
    if (!valid) {
        const bounds = [range.min !== undefined ? `>= ${range.min}` : '', range.max !== undefined ? `<= ${range.max}` : '']
            .filter(bound => bound !== '').join(' and ');
        throw new CliUsageError(`--${flag} must be ${range.integer ? 'an integer' : 'a number'}${bounds ? ` ${bounds}` : ''}; got '${value}'.`);
    }
    return parsed;
}

function emptyToUndefined(value: string | undefined): string | undefined {
    return value === undefined || value.trim() === '' ? undefined : value.trim();
}
