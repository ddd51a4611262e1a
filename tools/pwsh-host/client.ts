/**
 * `PwshHost`: one PowerShell host process (`dotnet PwshHost.dll serve`), driven over the NDJSON protocol of
 * protocol.ts. Used by the gateway emulator (through `PwshHostPool`) and by the script tests.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'child_process';
import { randomUUID } from 'crypto';
import { createInterface } from 'readline';
import { pwshHostDllPath, pwshHostEnvironment } from './locate';
import type { HostInbound, HostOutbound, ReadyMessage } from './protocol';
import { RunMessage, RunTracker } from './run-tracker';
import type { RunHandle, RunHandlers, RunInput, RunResult, ScriptRunner } from './run-types';

/** How the host process is started. */
export interface PwshHostOptions {
    /** Runspaces, i.e. runs executing at once (default 4); further runs queue in the host. */
    runspaces?: number;
    /** Folders put in front of PSModulePath (module auto-loading finds stand-in modules there). */
    modulePaths?: string[];
    /** Modules (.psm1, .psd1 or module folder) imported into every runspace when it is created. */
    imports?: string[];
    /** For tests: this many runspace opens fail on purpose, to exercise the host's retry of a failed open. */
    failingOpens?: number;
}

/** The host process ended without being asked to (or failed to start). */
export class PwshHostCrashError extends Error {
    constructor(message: string, readonly exitCode: number | null, readonly signal: NodeJS.Signals | null) {
        super(message);
        this.name = 'PwshHostCrashError';
    }
}

/** Safety net for a host that never says `ready` (a broken build, a hung start-up); not a performance bound. */
const START_TIMEOUT_MS = 120_000;
/** How long `stop()` lets the host stop its runs before killing it. */
const STOP_GRACE_MS = 10_000;
/** How much of the host's stderr is kept for error messages. */
const STDERR_TAIL_CHARS = 4000;

export class PwshHost implements ScriptRunner {
    private readonly runs = new Map<string, RunTracker>();
    private readonly crashListeners = new Set<(error: PwshHostCrashError) => void>();
    private readonly protocolErrorListeners = new Set<(message: string) => void>();
    private readonly exited: Promise<void>;
    private stderrTail = '';
    private stopRequested = false;
    private hasExited = false;
    private ready: ReadyMessage | null = null;
    /** Set by `start()` to settle its promise when the host says `ready`. */
    private whenReady: (ready: ReadyMessage) => void = () => undefined;

    private constructor(private readonly child: ChildProcessWithoutNullStreams) {
        child.stdin.on('error', () => {
            // Writing to a host that just died: the exit handler reports it.
        });
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (chunk: string) => {
            this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
            if (process.env['PWSH_HOST_DEBUG']) {
                process.stderr.write(chunk);
            }
        });
        createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => this.receive(line));
        // 'close', not 'exit': it comes after stdout is drained, so the last `done` messages are not lost.
        this.exited = new Promise((resolve) => {
            child.on('close', (code, signal) => {
                this.hasExited = true;
                this.onExit(code, signal);
                resolve();
            });
        });
    }

    /** Starts a host process; resolves once it has opened its runspaces and said `ready`. */
    static start(options: PwshHostOptions = {}): Promise<PwshHost> {
        const args = [pwshHostDllPath(), 'serve', '--runspaces', String(options.runspaces ?? 4)];
        for (const modulePath of options.modulePaths ?? []) {
            args.push('--module-path', modulePath);
        }
        for (const module of options.imports ?? []) {
            args.push('--import', module);
        }
        if (options.failingOpens) {
            args.push('--failing-opens', String(options.failingOpens));
        }
        const child = spawn('dotnet', args, { env: pwshHostEnvironment(), stdio: ['pipe', 'pipe', 'pipe'] });
        const host = new PwshHost(child);
        return new Promise<PwshHost>((resolve, reject) => {
            const timer = setTimeout(() => {
                reject(new PwshHostCrashError(`The PowerShell host did not become ready in ${START_TIMEOUT_MS} ms.`, null, null));
                child.kill('SIGKILL');
            }, START_TIMEOUT_MS);
            child.on('error', (error) => {
                clearTimeout(timer);
                reject(new PwshHostCrashError(`Could not start the PowerShell host: ${error.message}`, null, null));
            });
            host.whenReady = (ready) => {
                clearTimeout(timer);
                host.ready = ready;
                resolve(host);
            };
            host.exited.then(() => {
                clearTimeout(timer);
                reject(new PwshHostCrashError(
                    `The PowerShell host exited before it was ready (code ${child.exitCode}).\n${host.stderrTail}`,
                    child.exitCode, child.signalCode));
            });
        });
    }

    /** Runs in flight (sent and not yet done). */
    get load(): number {
        return this.runs.size;
    }

    /** How many runs execute at once (the rest queue in the host). */
    get runspaces(): number {
        return this.ready?.runspaces ?? 0;
    }

    /** The engine's version, e.g. `7.6.9`. */
    get psVersion(): string {
        return this.ready?.psVersion ?? '';
    }

    /** True until the process exits. */
    get alive(): boolean {
        return !this.hasExited;
    }

    /** The process id (for diagnostics and crash tests). */
    get pid(): number | undefined {
        return this.child.pid;
    }

    /** Starts a run. `input.runId` may be given by a caller that needs to know the id in advance (the pool). */
    run(input: RunInput & { runId?: string }, handlers: RunHandlers): RunHandle {
        const runId = input.runId ?? randomUUID();
        const tracker = new RunTracker(runId, handlers, (message) => this.send(message));
        if (this.hasExited || this.stopRequested) {
            tracker.fail(new PwshHostCrashError('The PowerShell host is not running.', this.child.exitCode, this.child.signalCode));
            return { runId, cancel: () => undefined, done: tracker.done };
        }
        this.runs.set(runId, tracker);
        this.send({
            type: 'run', runId, host: input.host, script: input.script, scriptPath: input.scriptPath,
            parameters: input.parameters
        });
        return {
            runId,
            cancel: () => {
                if (this.runs.has(runId)) {
                    tracker.abortCalls();
                    this.send({ type: 'cancel', runId });
                }
            },
            done: tracker.done
        };
    }

    /** Calls `listener` when the process ends without `stop()`; returns a function that unsubscribes. */
    onCrash(listener: (error: PwshHostCrashError) => void): () => void {
        this.crashListeners.add(listener);
        return () => this.crashListeners.delete(listener);
    }

    /** Calls `listener` with every `protocolError` the host reports (a bug on the Node side). */
    onProtocolError(listener: (message: string) => void): () => void {
        this.protocolErrorListeners.add(listener);
        return () => this.protocolErrorListeners.delete(listener);
    }

    /** Asks the host to stop its runs and exit; kills it if it has not exited after a grace period. */
    async stop(): Promise<void> {
        if (this.hasExited) {
            return;
        }
        this.stopRequested = true;
        this.send({ type: 'shutdown' });
        this.child.stdin.end();
        const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
        await this.exited;
        clearTimeout(timer);
    }

    private send(message: HostInbound): void {
        if (!this.hasExited && this.child.stdin.writable) {
            this.child.stdin.write(JSON.stringify(message) + '\n');
        }
    }

    private receive(line: string): void {
        let message: HostOutbound;
        try {
            message = JSON.parse(line) as HostOutbound;
        } catch {
            this.reportProtocolError(`The host wrote a line that is not JSON: ${line.slice(0, 200)}`);
            return;
        }
        switch (message.type) {
            case 'ready':
                this.whenReady(message);
                return;
            case 'protocolError':
                this.reportProtocolError(message.message);
                return;
            default:
                this.dispatchToRun(message);
        }
    }

    private dispatchToRun(message: RunMessage): void {
        const tracker = this.runs.get(message.runId);
        if (tracker && tracker.handle(message)) {
            this.runs.delete(message.runId);
        }
    }

    private reportProtocolError(message: string): void {
        for (const listener of this.protocolErrorListeners) {
            listener(message);
        }
    }

    private onExit(code: number | null, signal: NodeJS.Signals | null): void {
        const lost = [...this.runs.values()];
        this.runs.clear();
        const expected = this.stopRequested;
        const error = new PwshHostCrashError(
            expected
                ? 'The PowerShell host was stopped before the run ended.'
                : `The PowerShell host (pid ${this.child.pid}) exited unexpectedly (code ${code}, signal ${signal}); ` +
                  `${lost.length} run(s) in flight were lost.${this.stderrTail ? `\n${this.stderrTail}` : ''}`,
            code, signal);
        for (const tracker of lost) {
            tracker.fail(error);
        }
        if (!expected && this.ready) {
            for (const listener of this.crashListeners) {
                listener(error);
            }
        }
    }
}

export type { RunHandle, RunHandlers, RunInput, RunResult };
