/**
 * The gateway emulator: WAC's PowerShell HTTP API (legacy and v2 URL families), `/api/batch`,
 * `/api/gateway/status`, CORS, and the `/sim` control API, on node:http.
 *
 * `startGateway` takes a simulator and a ScriptRunner; `startGatewayStack` (stack.ts) builds the real ones
 * (PowerShell host pool + simulator) and starts everything with one call.
 */
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { SimulatorApi } from '../simulator/api';
import { BatchApi } from './batch-api';
import { CommandRefusals } from './command-refusals';
import { NodeGate } from './node-gate';
import { PowerShellApi } from './powershell-api';
import { RequestHandler } from './request-handler';
import { RequestLog } from './request-log';
import type { ScriptRunner } from './script-runner';
import { SessionStore } from './session-store';
import { SimApi } from './sim-api';
import { listen } from '../shared/listen';

export type { ScriptRunner, ScriptRunHandle, ScriptRunListener, ScriptRunRequest, ScriptRunState } from './script-runner';
export type { RequestLogEntry, BatchPartLogEntry } from './request-log';
export { RequestLog } from './request-log';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4300;
export const DEFAULT_INITIAL_WAIT_MS = 1500;
export const DEFAULT_POLL_WAIT_MS = 1000;
/** Longer than the SDK's own 3-minute session reuse window, so a session it reuses still exists. */
export const DEFAULT_SESSION_IDLE_MS = 5 * 60_000;

export interface GatewayOptions {
    /** Interface to listen on (default 127.0.0.1). */
    host?: string;
    /** Port (default 4300; 0 picks a free one, see RunningGateway.url). */
    port?: number;
    simulator: SimulatorApi;
    runner: ScriptRunner;
    /** How long a create/invoke request waits for its script to finish before answering with what it has. */
    initialWaitMs?: number;
    /** How long a poll (`GET .../pssessions/{id}?$expand=output`) waits for new output. */
    pollWaitMs?: number;
    /** A session nobody has used for this long is dropped (its commands stopped). */
    sessionIdleMs?: number;
    /** Source of randomness for transient failures (tests pass a fixed one). */
    random?: () => number;
    /** How a request waits out its node's latency (default: a timer; tests pass one they control). */
    sleep?: (ms: number) => Promise<void>;
}

export interface RunningGateway {
    /** `http://<host>:<port>` with the actual port. */
    url: string;
    requestLog: RequestLog;
    /** Stops listening, drops open connections and sessions (their commands are stopped). */
    close(): Promise<void>;
}

/** Starts the gateway on `host:port`; resolves once it listens. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
    const requestLog = new RequestLog();
    const sessions = new SessionStore(options.runner, options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS);
    const gate = new NodeGate(options.simulator, options.random, options.sleep);
    const refusals = new CommandRefusals();
    const powerShell = new PowerShellApi(sessions, gate, {
        initialWaitMs: options.initialWaitMs ?? DEFAULT_INITIAL_WAIT_MS,
        pollWaitMs: options.pollWaitMs ?? DEFAULT_POLL_WAIT_MS
    }, refusals);
    const handler = new RequestHandler(powerShell, new BatchApi(powerShell), new SimApi(options.simulator, requestLog, refusals),
        requestLog);

    const server = createServer((request, response) => {
        void handler.handle(request, response);
    });
    // Long-polls hold requests for up to pollWaitMs; keep Node's request timeout out of the way.
    server.requestTimeout = 0;
    const sockets = new Set<Socket>();
    server.on('connection', socket => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
    });

    const host = options.host ?? DEFAULT_HOST;
    await listen(server, options.port ?? DEFAULT_PORT, host);
    const port = (server.address() as AddressInfo).port;

    let closing: Promise<void> | null = null;
    return {
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
        requestLog,
        close: () => {
            closing ??= (async () => {
                const closed = new Promise<void>(resolve => server.close(() => resolve()));
                for (const socket of sockets) {
                    socket.destroy();
                }
                await Promise.all([closed, sessions.close()]);
            })();
            return closing;
        }
    };
}
