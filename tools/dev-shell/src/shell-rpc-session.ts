/**
 * The shell side of WAC's postMessage RPC with one tool frame (wac-sdk.md section 5): the Ping / Init / Open
 * handshake, and answers to every request the module sends. One session per iframe: switching hosts disposes
 * the session with its frame and starts a new one. Pure: the frame's window is only compared by identity and
 * posted to through `ModuleFramePort`, and time goes through `RpcScheduler`, so tests drive it without a DOM.
 */
import {
    isRpcPacket, readProperty, RPC_SIGNATURE, RPC_VERSION, RpcOpenState, RpcPacket, RpcPacketType, SHELL_NAME,
    SHELL_SUB_NAME, ShellCommand, TOOL_SUB_NAME
} from './rpc-packet';
import { answerModuleRequest, buildInitData, ShellContext } from './shell-answers';
import type { GatewayApiVersion } from './shell-location';

/** The tool frame as the session sees it. */
export interface ModuleFramePort {
    /** The frame's window (`iframe.contentWindow`): only messages whose `event.source` is this are accepted. */
    readonly window: unknown;
    /** Posts a packet to the frame (`contentWindow.postMessage(packet, origin)`). */
    post(packet: RpcPacket): void;
}

/** Schedules a callback; returns a function that cancels it. */
export type RpcScheduler = (callback: () => void, delayMs: number) => () => void;

/** Where the handshake is. */
export type HandshakeStep = 'ping' | 'init' | 'open' | 'opened' | 'failed' | 'disposed';

/** How a handshake ended. */
export type HandshakeOutcome =
    | { kind: 'opened'; waitedTimeMs: number }
    | { kind: 'failed'; reason: string }
    | { kind: 'disposed' };

/** A request the module sent, with what the shell answered. */
export interface ModuleRequest {
    command: string;
    data: unknown;
    answer: unknown;
}

/** What the session tells the page about. All optional. */
export interface ShellRpcObserver {
    onStep?(step: HandshakeStep): void;
    /** Every request from the module, after it has been answered. */
    onModuleRequest?(request: ModuleRequest): void;
}

/** Session settings; the timings default to what the real shell does (section 5). */
export interface ShellRpcSessionOptions {
    /** The module's name from its manifest (`eflowmanager.iot-edge-eflow`). */
    moduleName: string;
    port: ModuleFramePort;
    schedule: RpcScheduler;
    context: ShellContext;
    gatewayApiVersion: GatewayApiVersion;
    sessionId: string;
    /** Stylesheet URLs handed to the module in Init (`assets.cssV2`). */
    cssAssets?: readonly string[];
    observer?: ShellRpcObserver;
    /** Path the module opens; '/' by default. */
    openPath?: string;
    /** Ping is repeated this often until answered (ms, default 200). */
    pingIntervalMs?: number;
    /** Pings sent before giving up (default 50: 10 s at 200 ms, enough for a cold Angular boot). */
    pingAttempts?: number;
    /** Time to wait for Init's or Open's answer (ms, default 10 000, the SDK's own post timeout). */
    replyTimeoutMs?: number;
    /** Wait before repeating Open when the module answered InProgress (ms, default 2000). */
    openRetryDelayMs?: number;
    /** Opens sent before giving up while the module keeps answering InProgress (default 30). */
    openAttempts?: number;
}

interface PendingReply {
    resolve(packet: RpcPacket): void;
    cancelTimeout(): void;
}

class HandshakeAbort extends Error {}

/** One tool frame's RPC conversation. */
export class ShellRpcSession {
    private nextSequence = 0;
    private readonly pending = new Map<number, PendingReply>();
    private readonly cancels = new Set<() => void>();
    private disposed = false;
    private abortHandshake: ((reason: HandshakeAbort) => void) | null = null;

    constructor(private readonly options: ShellRpcSessionOptions) {}

    /** Runs Ping -> Init -> Open. Resolves when the tool is open, failed, or the session was disposed. */
    async open(): Promise<HandshakeOutcome> {
        if (this.disposed) {
            return { kind: 'disposed' };
        }
        const aborted = new Promise<never>((_, reject) => {
            this.abortHandshake = reject;
        });
        try {
            const outcome = await Promise.race([this.handshake(), aborted]);
            this.step('opened');
            return outcome;
        } catch (error: unknown) {
            if (this.disposed) {
                return { kind: 'disposed' };
            }
            this.step('failed');
            return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
        } finally {
            this.abortHandshake = null;
        }
    }

    /**
     * Handles one window `message` event. Ignored unless it comes from this session's frame, is an RPC packet
     * addressed to the shell by this module, and the session is live.
     */
    receive(source: unknown, data: unknown): void {
        if (this.disposed || source !== this.options.port.window || !isRpcPacket(data)) {
            return;
        }
        if (data.destName !== SHELL_NAME || data.srcName !== this.options.moduleName
            || data.signature !== RPC_SIGNATURE) {
            return;
        }
        if (data.type === RpcPacketType.Request) {
            this.answer(data);
            return;
        }
        const waiting = this.pending.get(data.sequence);
        if (waiting) {
            this.pending.delete(data.sequence);
            waiting.cancelTimeout();
            waiting.resolve(data);
        }
        // A response nobody waits for is a repeated Ping's answer (the module answers every Ping it sees).
    }

    /** Stops timers and ignores the frame from now on; a handshake in flight resolves as `disposed`. */
    dispose(): void {
        if (this.disposed) {
            return;
        }
        this.disposed = true;
        this.cancels.forEach(cancel => cancel());
        this.cancels.clear();
        this.pending.forEach(waiting => waiting.cancelTimeout());
        this.pending.clear();
        this.abortHandshake?.(new HandshakeAbort('disposed'));
        this.options.observer?.onStep?.('disposed');
    }

    private async handshake(): Promise<HandshakeOutcome> {
        this.step('ping');
        await this.ping();
        this.step('init');
        const initReply = await this.request(ShellCommand.Init,
            buildInitData(this.options.gatewayApiVersion, this.options.sessionId, this.options.cssAssets));
        if (initReply.type === RpcPacketType.Error) {
            throw new Error(`Init was refused: ${describe(initReply.data)}`);
        }
        this.step('open');
        return this.openUntilSettled();
    }

    private async openUntilSettled(): Promise<HandshakeOutcome> {
        const attempts = this.options.openAttempts ?? 30;
        for (let attempt = 1; attempt <= attempts; attempt++) {
            const reply = await this.request(ShellCommand.Open, { path: this.options.openPath ?? '/' });
            if (reply.type === RpcPacketType.Error) {
                throw new Error(`Open was refused: ${describe(reply.data)}`);
            }
            const state = readProperty(reply.data, 'state');
            if (state === RpcOpenState.Opened) {
                const waited = readProperty(reply.data, 'waitedTime');
                return { kind: 'opened', waitedTimeMs: typeof waited === 'number' ? waited : 0 };
            }
            if (state !== RpcOpenState.InProgress) {
                throw new Error(`Open failed: ${describe(readProperty(reply.data, 'error') ?? reply.data)}`);
            }
            await this.delay(this.options.openRetryDelayMs ?? 2000);
        }
        throw new Error(`Open still in progress after ${attempts} attempts`);
    }

    /** Sends one Ping packet repeatedly (same sequence, as the SDK's `retryPost` does) until it is answered. */
    private ping(): Promise<void> {
        const interval = this.options.pingIntervalMs ?? 200;
        const attempts = this.options.pingAttempts ?? 50;
        const packet = this.requestPacket(ShellCommand.Ping, { name: 'ping' });
        return new Promise<void>((resolve, reject) => {
            let sent = 0;
            let cancelRepeat: (() => void) | null = null;
            const sendAgain = (): void => {
                if (cancelRepeat) {
                    this.cancels.delete(cancelRepeat);
                }
                if (sent >= attempts) {
                    this.pending.delete(packet.sequence);
                    reject(new Error(`The module did not answer ${attempts} pings`));
                    return;
                }
                sent++;
                this.options.port.post(packet);
                cancelRepeat = this.track(this.options.schedule(sendAgain, interval));
            };
            this.pending.set(packet.sequence, {
                resolve: () => resolve(),
                cancelTimeout: () => {
                    if (cancelRepeat) {
                        this.untrack(cancelRepeat);
                    }
                }
            });
            sendAgain();
        });
    }

    /** Posts a request and waits for its Response or Error packet. */
    private request(command: ShellCommand, data: unknown): Promise<RpcPacket> {
        const packet = this.requestPacket(command, data);
        const timeoutMs = this.options.replyTimeoutMs ?? 10_000;
        return new Promise<RpcPacket>((resolve, reject) => {
            const cancelTimeout = this.track(this.options.schedule(() => {
                this.cancels.delete(cancelTimeout);
                this.pending.delete(packet.sequence);
                reject(new Error(`No answer to ${command} within ${timeoutMs} ms`));
            }, timeoutMs));
            this.pending.set(packet.sequence, { resolve, cancelTimeout: () => this.untrack(cancelTimeout) });
            this.options.port.post(packet);
        });
    }

    private answer(request: RpcPacket): void {
        const answer = answerModuleRequest(request.command, request.data, this.options.context);
        this.options.port.post({
            ...request,
            srcName: SHELL_NAME,
            srcSubName: SHELL_SUB_NAME,
            srcDepth: 0,
            destName: request.srcName,
            destSubName: request.srcSubName,
            signature: RPC_SIGNATURE,
            type: RpcPacketType.Response,
            data: answer
        });
        this.options.observer?.onModuleRequest?.({ command: request.command, data: request.data, answer });
    }

    private requestPacket(command: ShellCommand, data: unknown): RpcPacket {
        return {
            srcName: SHELL_NAME,
            srcSubName: SHELL_SUB_NAME,
            srcDepth: 0,
            destName: this.options.moduleName,
            destSubName: TOOL_SUB_NAME,
            signature: RPC_SIGNATURE,
            sequence: this.nextSequence++,
            type: RpcPacketType.Request,
            command,
            version: RPC_VERSION,
            data
        };
    }

    private delay(ms: number): Promise<void> {
        return new Promise<void>(resolve => {
            const cancel = this.track(this.options.schedule(() => {
                this.cancels.delete(cancel);
                resolve();
            }, ms));
        });
    }

    private track(cancel: () => void): () => void {
        this.cancels.add(cancel);
        return cancel;
    }

    private untrack(cancel: () => void): void {
        cancel();
        this.cancels.delete(cancel);
    }

    private step(step: HandshakeStep): void {
        if (!this.disposed) {
            this.options.observer?.onStep?.(step);
        }
    }
}

function describe(value: unknown): string {
    if (typeof value === 'string') {
        return value;
    }
    const message = readProperty(value, 'message');
    return typeof message === 'string' ? message : JSON.stringify(value);
}
