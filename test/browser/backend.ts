/**
 * The server side of the browser tests: the real emulator stack (simulator with the default fleet on a fresh
 * state folder, stand-in modules, the PowerShell host pool, the gateway) on an ephemeral 127.0.0.1 port.
 */
import { GatewayStack, startGatewayStack } from '../../tools/gateway/stack';

export interface BrowserTestBackendOptions {
    stateDir: string;
    /** Simulated long operations' speed (0.01 in tests). */
    timeScale: number;
}

/** Starts the stack; `close` stops the gateway and the PowerShell processes. */
export function startBrowserTestBackend(options: BrowserTestBackendOptions): Promise<GatewayStack> {
    return startGatewayStack({
        host: '127.0.0.1',
        port: 0,
        stateDir: options.stateDir,
        fleet: 'default',
        timeScale: options.timeScale
    });
}
