/**
 * `npm start` (`npx tsx tools/start.ts`): builds the extension, starts the simulated fleet and the gateway
 * emulator (127.0.0.1:4300, state in .sim-state/) and the dev shell (127.0.0.1:4200), and stays up until Ctrl+C,
 * when it stops the servers and the PowerShell host processes cleanly. Options: tools/dev-shell/start-options.ts
 * (`npm start -- --help`).
 */
import * as path from 'node:path';
import { buildExtension, isExtensionBuilt } from './dev-shell/extension-build';
import { DEFAULT_EXTENSION_DIST, RunningDevShell, startDevShellServer } from './dev-shell/server';
import { parseStartArguments, START_USAGE, StartOptions, StartUsageError } from './dev-shell/start-options';
import { startGatewayStack } from './gateway/stack';

const repoRoot = path.resolve(__dirname, '..');

/** Anything that must be stopped on exit, in reverse start order. */
type Stopper = () => Promise<void>;

/** A signal this long after the first one means the user really wants out now. */
const REPEATED_SIGNAL_MS = 1000;

/** What is running, newest first: stopped on Ctrl+C, and when start-up fails half-way. */
const stoppers: Stopper[] = [];

async function main(args: string[]): Promise<void> {
    if (args.includes('--help')) {
        process.stdout.write(`${START_USAGE}\n`);
        return;
    }
    const options = parseStartArguments(args);
    const started = performance.now();
    await buildIfNeeded(options);
    const built = performance.now();

    installShutdown();
    const stack = await startGatewayStack({
        host: '127.0.0.1',
        port: options.gatewayPort,
        stateDir: path.join(repoRoot, '.sim-state'),
        fleet: options.fleetSize ?? 'default',
        timeScale: options.timeScale ?? undefined,
        latencyMs: options.latencyMs ?? undefined,
        failureRate: options.failureRate ?? undefined,
        offline: options.offlineHosts
    });
    stoppers.unshift(() => stack.close());
    const shell: RunningDevShell = await startDevShellServer({ gatewayUrl: stack.url, port: options.shellPort });
    stoppers.unshift(() => shell.close());

    const ready = performance.now();
    process.stdout.write([
        `Gateway emulator: ${stack.url} (${options.fleetSize === null ? 'default fleet' : `${options.fleetSize} generated hosts`}, state in .sim-state/)`,
        `Started in ${seconds(ready - started)} (build ${seconds(built - started)}, servers ${seconds(ready - built)}). Ctrl+C stops.`,
        `EFLOW Manager dev shell: ${shell.url}`,
        ''
    ].join('\n'));
}

async function buildIfNeeded(options: StartOptions): Promise<void> {
    if (!options.build && await isExtensionBuilt(DEFAULT_EXTENSION_DIST)) {
        process.stdout.write(`--no-build: using the extension already in ${path.relative(repoRoot, DEFAULT_EXTENSION_DIST)}\n`);
        return;
    }
    if (!options.build) {
        process.stdout.write('--no-build: there is no build yet, building once.\n');
    }
    process.stdout.write(`Building the extension (${options.configuration})...\n`);
    const timings = await buildExtension({ configuration: options.configuration, output: 'inherit' });
    process.stdout.write(`Built: generate ${seconds(timings.generateMs)}, validate ${seconds(timings.validateMs)}, `
        + `ng build ${seconds(timings.ngBuildMs)}\n`);
}

/**
 * Ctrl+C / SIGTERM: stop the shell and the gateway stack (which ends the PowerShell host processes), then exit.
 * A second Ctrl+C a moment later exits at once. (Under tsx a Ctrl+C arrives twice within milliseconds: from the
 * terminal, and relayed by the tsx parent process; that pair must not count as "again".)
 */
function installShutdown(): void {
    let stoppingSince: number | null = null;
    const stop = (signal: NodeJS.Signals): void => {
        if (stoppingSince !== null) {
            if (performance.now() - stoppingSince > REPEATED_SIGNAL_MS) {
                process.stdout.write(`\n${signal} again: exiting without waiting.\n`);
                process.exit(130);
            }
            return;
        }
        stoppingSince = performance.now();
        process.stdout.write(`\n${signal}: stopping the dev shell, the gateway and the PowerShell hosts...\n`);
        void stopAll().then(() => {
            process.stdout.write('Stopped.\n');
            process.exit(0);
        });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}

async function stopAll(): Promise<void> {
    for (const stopper of stoppers.splice(0)) {
        await stopper().catch((error: unknown) => process.stderr.write(`While stopping: ${String(error)}\n`));
    }
}

function seconds(ms: number): string {
    return `${(ms / 1000).toFixed(1)} s`;
}

main(process.argv.slice(2)).catch(async (error: unknown) => {
    const usage = error instanceof StartUsageError;
    process.stderr.write(`${usage ? error.message : error instanceof Error && error.stack ? error.stack : String(error)}\n`);
    await stopAll();
    process.exit(usage ? 2 : 1);
});
