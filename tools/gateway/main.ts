/**
 * CLI: `npx tsx tools/gateway/main.ts [--port 4300] [--fleet default|N] ...` (flags: cli-options.ts, README.md).
 * Starts the simulator, the PowerShell host pool and the gateway; stops them cleanly on SIGINT/SIGTERM.
 */
import { CliRequest, CliUsageError, parseCliOptions, USAGE } from './cli-options';
import { GatewayStack, startGatewayStack } from './stack';

async function main(): Promise<void> {
    let request: CliRequest;
    try {
        request = parseCliOptions(process.argv.slice(2), process.env);
    } catch (error) {
        if (error instanceof CliUsageError) {
            process.stderr.write(`${error.message}\n\n${USAGE}\n`);
            process.exitCode = 2;
            return;
        }
        throw error;
    }
    if (request.kind === 'help') {
        process.stdout.write(`${USAGE}\n`);
        return;
    }

    // Handlers go in before the (slow) start, so Ctrl+C during start-up still stops the PowerShell processes.
    let stack: GatewayStack | null = null;
    let stopSignal: string | null = null;
    const stop = (signal: string): void => {
        if (stopSignal) {
            return;
        }
        stopSignal = signal;
        if (stack) {
            shutDown(stack, signal);
        }
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));

    stack = await startGatewayStack(request.options);
    if (stopSignal) {
        shutDown(stack, stopSignal);
        return;
    }
    const hosts = stack.simulator.listHosts();
    const offline = hosts.filter(host => !host.reachable).map(host => host.name);
    // Tests and scripts wait for this exact line to learn the port.
    process.stdout.write(`EFLOW gateway emulator listening on ${stack.url}\n`);
    process.stdout.write(`  ${hosts.length} simulated hosts${offline.length ? `, offline: ${offline.join(', ')}` : ''}; ` +
        `control API at ${stack.url}/sim/hosts\n`);
}

/** Closes everything, then exits explicitly: a stray handle must not keep a stopped emulator alive. */
function shutDown(stack: GatewayStack, signal: string): void {
    process.stdout.write(`${signal}: stopping the gateway emulator\n`);
    stack.close().then(
        () => process.exit(0),
        (error: unknown) => {
            process.stderr.write(`Shutdown failed: ${error instanceof Error ? error.message : 'unknown error'}\n`);
            process.exit(1);
        });
}

main().catch((error: unknown) => {
    process.stderr.write(`The gateway emulator failed to start: ${error instanceof Error ? error.message : 'unknown error'}\n`);
    process.exit(1);
});
