/**
 * The packet format of the Windows Admin Center shell <-> module postMessage RPC (SDK 5.0.0,
 * `core/rpc/rpc-base.d.ts`, `RpcMessagePacket`), and the constants the shell side needs.
 * Pure: no DOM, no Node.
 */

/** Packet kinds, as numbers on the wire (`RpcMessagePacketType`). */
export const enum RpcPacketType {
    Request = 0,
    Response = 1,
    Error = 2
}

/** One postMessage payload in either direction. */
export interface RpcPacket {
    srcName: string;
    srcSubName: string;
    srcDepth: number;
    destName: string;
    destSubName: string;
    signature: string;
    sequence: number;
    type: RpcPacketType;
    command: string;
    version: string;
    data: unknown;
}

/** The name WAC's shell uses for itself; the module only answers packets addressed from it. */
export const SHELL_NAME = 'msft.sme.shell';
/** The shell's sub name (the top window). */
export const SHELL_SUB_NAME = '##';
/** The module's sub name for the first tool frame. */
export const TOOL_SUB_NAME = '/tool#1';
/** The SDK builds this signature for a module loaded without a gateway manifest (`ManifestLoader`). */
export const RPC_SIGNATURE = 'version 0.0.0';
/** `rpcVersion` / `rpcCommandVersion` of SDK 5.0.0. */
export const RPC_VERSION = '0.1.0';

/** Commands the shell sends to a module (`RpcOutboundCommands`). */
export const enum ShellCommand {
    Ping = 'Ping',
    Init = 'Init',
    Open = 'Open'
}

/** `RpcOpenState`: what a module answers to Open. */
export const enum RpcOpenState {
    Opened = 0,
    Failed = 1,
    InProgress = 2
}

/** `RpcForwardType`: Init asks the shell for a service's initial state. */
export const enum RpcForwardType {
    Execute = 0,
    Notify = 1,
    Init = 2
}

/** Narrows an unknown postMessage payload to an RPC packet (every field the protocol reads is checked). */
export function isRpcPacket(value: unknown): value is RpcPacket {
    if (typeof value !== 'object' || value === null) {
        return false;
    }
    const packet = value as { [key: string]: unknown };
    return typeof packet['command'] === 'string'
        && typeof packet['srcName'] === 'string'
        && typeof packet['destName'] === 'string'
        && typeof packet['sequence'] === 'number'
        && (packet['type'] === RpcPacketType.Request
            || packet['type'] === RpcPacketType.Response
            || packet['type'] === RpcPacketType.Error);
}

/** Reads a property of an unknown object, or undefined. */
export function readProperty(value: unknown, name: string): unknown {
    if (typeof value !== 'object' || value === null) {
        return undefined;
    }
    return (value as { [key: string]: unknown })[name];
}
