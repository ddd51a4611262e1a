/**
 * Starts the gateway emulator (`tools/gateway/main.ts`: real PowerShell host pool + simulator) in its own Node
 * process on an ephemeral port. A separate process keeps node:http, the .NET host and the simulator out of the
 * jsdom + zone.js test environment, and the SDK talks to it over real HTTP with jsdom's CORS-enforcing XHR.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const LISTENING_LINE = /listening on (http:\/\/\S+)/;
const START_TIMEOUT_MS = 120_000;

export interface EmulatorProcess {
    url: string;
    /** Stops the emulator (SIGTERM: it stops its PowerShell hosts) and removes its state folder. */
    stop(): Promise<void>;
}

/** Starts the emulator; `extraArgs` are CLI flags such as `['--fleet', 'default']`. */
export function startEmulatorProcess(extraArgs: string[] = []): Promise<EmulatorProcess> {
    const stateDir = mkdtempSync(path.join(tmpdir(), 'eflow-contract-'));
    const child = spawn(process.execPath,
        [path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'tools/gateway/main.ts', '--port', '0', '--state-dir', stateDir, ...extraArgs],
        { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let diagnostics = '';
    child.stderr?.on('data', (chunk: Buffer) => { diagnostics = (diagnostics + chunk.toString()).slice(-4000); });

    const stop = async (): Promise<void> => {
        await terminate(child);
        rmSync(stateDir, { recursive: true, force: true });
    };

    return new Promise((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => {
            void stop();
            reject(new Error(`The emulator did not start within ${START_TIMEOUT_MS} ms. stderr:\n${diagnostics}`));
        }, START_TIMEOUT_MS);
        child.stdout?.on('data', (chunk: Buffer) => {
            output += chunk.toString();
            const match = LISTENING_LINE.exec(output);
            if (match) {
                clearTimeout(timer);
                resolve({ url: match[1], stop });
            }
        });
        child.on('exit', code => {
            clearTimeout(timer);
            reject(new Error(`The emulator exited (code ${code}) before listening. stderr:\n${diagnostics}`));
        });
    });
}

function terminate(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) {
        return Promise.resolve();
    }
    return new Promise(resolve => {
        const forceKill = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
            clearTimeout(forceKill);
            resolve();
        });
        child.kill('SIGTERM');
    });
}
