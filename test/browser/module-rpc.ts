/**
 * Sends an RPC request to the shell from inside the tool frame, exactly as the SDK's module channel would
 * (`window.parent.postMessage` from the module's window, module name as source, shell as destination), and
 * returns the shell's reply.
 *
 * The SDK's listener in the frame must not see the reply: it would be a response to a sequence the SDK never
 * sent, and it throws "RPC: Unexpected sequence of response data received." A listener registered after the
 * SDK's cannot stop it (zone.js and the SDK are already listening), so `installReplyTrap` adds an init script
 * that registers first in every tool frame: it keeps replies to test sequences and stops them there.
 */
import type { BrowserContext, Frame } from 'playwright-core';
import {
    RPC_SIGNATURE, RPC_VERSION, RpcPacket, RpcPacketType, SHELL_NAME, SHELL_SUB_NAME, TOOL_SUB_NAME
} from '../../tools/dev-shell/src/rpc-packet';
import { MODULE_NAME } from '../../tools/dev-shell/server';

/** Test requests are numbered from here: far above anything the SDK's channel reaches in a test. */
const TEST_SEQUENCE_BASE = 900_000;
let nextTestSequence = TEST_SEQUENCE_BASE;

/** Where the trap keeps replies in the frame's window, by sequence. */
const REPLIES_PROPERTY = '__devShellTestReplies';

/**
 * Installs the reply trap in every frame the context opens from now on. A string, not a function: under tsx
 * (esbuild keepNames) a serialized function may call a `__name` helper the page does not have.
 */
export async function installReplyTrap(context: BrowserContext): Promise<void> {
    await context.addInitScript(`(() => {
        if (window.parent === window) { return; }
        const replies = {};
        window[${JSON.stringify(REPLIES_PROPERTY)}] = replies;
        window.addEventListener('message', event => {
            const packet = event.data;
            if (event.source === window.parent && packet && packet.type === ${RpcPacketType.Response}
                && typeof packet.sequence === 'number' && packet.sequence >= ${TEST_SEQUENCE_BASE}) {
                event.stopImmediatePropagation();
                replies[packet.sequence] = packet;
            }
        }, true);
    })();`);
}

/** Builds the request packet the module would send. */
export function moduleRequestPacket(command: string, data: unknown, sequence: number): RpcPacket {
    return {
        srcName: MODULE_NAME, srcSubName: TOOL_SUB_NAME, srcDepth: 1, destName: SHELL_NAME,
        destSubName: SHELL_SUB_NAME, signature: RPC_SIGNATURE, sequence, type: RpcPacketType.Request, command,
        version: RPC_VERSION, data
    };
}

/**
 * Posts `command` with `data` from the frame to the shell; resolves with the shell's reply packet, or rejects
 * when none comes within `timeoutMs`. Needs `installReplyTrap` on the frame's context.
 */
export async function sendModuleRequest(frame: Frame, command: string, data: unknown,
    timeoutMs = 5000): Promise<RpcPacket> {
    const packet = moduleRequestPacket(command, data, nextTestSequence++);
    const trapped = await frame.evaluate(property => property in window, REPLIES_PROPERTY);
    if (!trapped) {
        throw new Error('The tool frame has no reply trap: call installReplyTrap on its browser context first');
    }
    await frame.evaluate(request => window.parent.postMessage(request, window.location.origin), packet);
    const reply = await frame.waitForFunction(({ property, sequence }) => {
        const replies = (window as unknown as { [name: string]: { [sequence: number]: RpcPacket } })[property];
        return replies?.[sequence] ?? null;
    }, { property: REPLIES_PROPERTY, sequence: packet.sequence }, { timeout: timeoutMs });
    return await reply.jsonValue() as RpcPacket;
}
