/**
 * Test doubles for the dev shell's RPC session: a manual clock for its scheduler and a fake tool frame that
 * records what the shell posts and answers the way the SDK's module channel does.
 */
import {
    RPC_SIGNATURE, RPC_VERSION, RpcPacket, RpcPacketType, SHELL_NAME, SHELL_SUB_NAME, TOOL_SUB_NAME
} from '../rpc-packet';
import type { ModuleFramePort, RpcScheduler } from '../shell-rpc-session';

interface ScheduledCallback {
    dueAt: number;
    order: number;
    callback: () => void;
}

/** A clock that only moves when the test says so. */
export class ManualClock {
    private nowMs = 0;
    private order = 0;
    private readonly scheduled = new Set<ScheduledCallback>();

    readonly schedule: RpcScheduler = (callback, delayMs) => {
        const entry = { dueAt: this.nowMs + delayMs, order: this.order++, callback };
        this.scheduled.add(entry);
        return () => {
            this.scheduled.delete(entry);
        };
    };

    /** Callbacks still waiting to run. */
    get pendingCount(): number {
        return this.scheduled.size;
    }

    /** Moves time forward, running every callback that falls due (in due order), letting promises settle. */
    async advance(ms: number): Promise<void> {
        const target = this.nowMs + ms;
        for (;;) {
            await settle();
            const next = [...this.scheduled]
                .filter(entry => entry.dueAt <= target)
                .sort((a, b) => a.dueAt - b.dueAt || a.order - b.order)[0];
            if (!next) {
                break;
            }
            this.scheduled.delete(next);
            this.nowMs = next.dueAt;
            next.callback();
        }
        this.nowMs = target;
        await settle();
    }
}

/** Lets pending promise callbacks and queued replies run. */
export async function settle(): Promise<void> {
    for (let round = 0; round < 5; round++) {
        await new Promise<void>(resolve => setImmediate(resolve));
    }
}

/** What the fake module answers to one shell request: a packet type and data, or null to stay silent. */
export type FakeAnswer = (request: RpcPacket) => { type: RpcPacketType; data: unknown } | null;

/** A fake answer that always responds with `data`. */
export function respondWith(data: unknown): FakeAnswer {
    return () => ({ type: RpcPacketType.Response, data });
}

/** A fake tool frame: the session posts to it; it answers asynchronously, like postMessage. */
export class FakeModuleFrame implements ModuleFramePort {
    /** Stands in for `iframe.contentWindow`: only its identity matters. */
    readonly window: object = { name: 'tool-frame-window' };
    /** Every packet the shell posted to this frame, in order. */
    readonly received: RpcPacket[] = [];
    /** Answers by command; a command without an entry is not answered (the module is not listening yet). */
    readonly answers = new Map<string, FakeAnswer>();
    private deliver: ((source: unknown, data: unknown) => void) | null = null;
    private nextSequence = 1000;

    constructor(readonly moduleName: string) {}

    /** Connects the frame's outgoing messages to the session's `receive`. */
    connect(deliver: (source: unknown, data: unknown) => void): void {
        this.deliver = deliver;
    }

    post(packet: RpcPacket): void {
        this.received.push(structuredClone(packet));
        if (packet.type !== RpcPacketType.Request) {
            return;
        }
        const answer = this.answers.get(packet.command);
        const reply = answer ? answer(packet) : null;
        if (reply) {
            setImmediate(() => this.send({ ...this.addressedToShell(packet.sequence, packet.command), ...reply }));
        }
    }

    /** Packets of one command the shell sent. */
    sent(command: string): RpcPacket[] {
        return this.received.filter(packet => packet.command === command && packet.type === RpcPacketType.Request);
    }

    /** Replies the shell posted to the module's requests. */
    replies(): RpcPacket[] {
        return this.received.filter(packet => packet.type !== RpcPacketType.Request);
    }

    /** Sends a request from the module to the shell, as the SDK's channel does; returns its sequence. */
    request(command: string, data: unknown, from: unknown = this.window): number {
        const sequence = this.nextSequence++;
        this.deliverFrom(from, {
            ...this.addressedToShell(sequence, command),
            type: RpcPacketType.Request,
            data
        });
        return sequence;
    }

    /** Delivers a raw message with an arbitrary source (to test what the shell ignores). */
    deliverFrom(source: unknown, data: unknown): void {
        this.deliver?.(source, data);
    }

    private send(packet: RpcPacket): void {
        this.deliverFrom(this.window, packet);
    }

    private addressedToShell(sequence: number, command: string): RpcPacket {
        return {
            srcName: this.moduleName,
            srcSubName: TOOL_SUB_NAME,
            srcDepth: 1,
            destName: SHELL_NAME,
            destSubName: SHELL_SUB_NAME,
            signature: RPC_SIGNATURE,
            sequence,
            type: RpcPacketType.Response,
            command,
            version: RPC_VERSION,
            data: {}
        };
    }
}
