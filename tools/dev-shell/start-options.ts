/**
 * `npm start`'s command line (tools/start.ts). Pure: parses argv, does nothing else.
 *
 *   --no-build                 skip the extension build when dist/eflow-manager exists
 *   --configuration <name>     Angular build configuration: development (default) or production
 *   --latency <ms>             extra latency on every gateway request, fleet-wide
 *   --failure-rate <0..1>      probability of a transient failure per request, fleet-wide
 *   --offline <host,...>       hosts the gateway cannot reach
 *   --time-scale <n>           multiplier for simulated long operations (1 realistic, 0 instant)
 *   --fleet default|<N>        the default fleet, or N generated hosts
 *   --port <n>                 the shell's port (default 4200)
 *   --gateway-port <n>         the gateway emulator's port (default 4300)
 */

/** Angular build configurations angular.json defines. */
export type BuildConfiguration = 'development' | 'production';

/** What `npm start` was asked to do. */
export interface StartOptions {
    build: boolean;
    configuration: BuildConfiguration;
    latencyMs: number | null;
    failureRate: number | null;
    offlineHosts: string[];
    timeScale: number | null;
    /** null: the default fleet. */
    fleetSize: number | null;
    shellPort: number;
    gatewayPort: number;
}

/** Thrown for a command line that cannot be followed; the message says why and shows the usage. */
export class StartUsageError extends Error {}

export const START_USAGE = [
    'Usage: npm start -- [options]',
    '  --no-build                 skip the extension build when dist/eflow-manager exists',
    '  --configuration <name>     development (default) or production',
    '  --latency <ms>             extra latency per gateway request, fleet-wide',
    '  --failure-rate <0..1>      transient failure probability per request, fleet-wide',
    '  --offline <host,...>       hosts the gateway cannot reach',
    '  --time-scale <n>           simulated long operations: 1 realistic, 0.01 fast, 0 instant',
    '  --fleet default|<N>        the default fleet (default), or N generated hosts',
    '  --port <n>                 dev shell port (default 4200)',
    '  --gateway-port <n>         gateway emulator port (default 4300)'
].join('\n');

type ValueFlag = 'configuration' | 'latency' | 'failure-rate' | 'offline' | 'time-scale' | 'fleet' | 'port'
    | 'gateway-port';

const VALUE_FLAGS: ReadonlySet<string> = new Set<ValueFlag>([
    'configuration', 'latency', 'failure-rate', 'offline', 'time-scale', 'fleet', 'port', 'gateway-port'
]);

function isValueFlag(name: string): name is ValueFlag {
    return VALUE_FLAGS.has(name);
}

/** Parses `process.argv.slice(2)`. */
export function parseStartArguments(args: readonly string[]): StartOptions {
    const options: StartOptions = {
        build: true, configuration: 'development', latencyMs: null, failureRate: null, offlineHosts: [],
        timeScale: null, fleetSize: null, shellPort: 4200, gatewayPort: 4300
    };
    for (let index = 0; index < args.length; index++) {
        const argument = args[index] ?? '';
        if (!argument.startsWith('--')) {
            throw usage(`Unexpected argument '${argument}'.`);
        }
        const [name = '', inlineValue] = splitOnce(argument.slice(2), '=');
        if (name === 'no-build' && inlineValue === undefined) {
            options.build = false;
            continue;
        }
        if (!isValueFlag(name)) {
            throw usage(`Unknown option '--${name}'.`);
        }
        const value = inlineValue ?? args[++index];
        if (value === undefined || value.startsWith('--')) {
            throw usage(`--${name} needs a value.`);
        }
        applyValue(options, name, value);
    }
    return options;
}

function applyValue(options: StartOptions, name: ValueFlag, value: string): void {
    switch (name) {
        case 'configuration':
            if (value !== 'development' && value !== 'production') {
                throw usage(`--configuration must be development or production, not '${value}'.`);
            }
            options.configuration = value;
            return;
        case 'latency':
            options.latencyMs = number(name, value, 0, Number.MAX_SAFE_INTEGER);
            return;
        case 'failure-rate':
            options.failureRate = number(name, value, 0, 1);
            return;
        case 'offline':
            options.offlineHosts = value.split(',').map(host => host.trim().toLowerCase()).filter(host => host !== '');
            return;
        case 'time-scale':
            options.timeScale = number(name, value, 0, 1000);
            return;
        case 'fleet':
            options.fleetSize = value === 'default' ? null : integer(name, value, 1, 100_000);
            return;
        case 'port':
            options.shellPort = integer(name, value, 0, 65535);
            return;
        case 'gateway-port':
            options.gatewayPort = integer(name, value, 0, 65535);
            return;
    }
}

function number(name: string, value: string, min: number, max: number): number {
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isFinite(parsed) || parsed < min || parsed > max) {
        throw usage(`--${name} must be a number from ${min} to ${max}, not '${value}'.`);
    }
    return parsed;
}

function integer(name: string, value: string, min: number, max: number): number {
    const parsed = number(name, value, min, max);
    if (!Number.isInteger(parsed)) {
        throw usage(`--${name} must be a whole number, not '${value}'.`);
    }
    return parsed;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
    const at = text.indexOf(separator);
    return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function usage(problem: string): StartUsageError {
    return new StartUsageError(`${problem}\n${START_USAGE}`);
}
