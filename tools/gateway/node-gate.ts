/**
 * The transport in front of every node request: unknown nodes, latency, unreachable hosts and transient
 * failures, as the simulator describes each host's connection (its figures already include the global knobs).
 *
 * The failure bodies imitate what a WAC gateway relays from WinRM. Their exact status code and `error.code` on a
 * real gateway are not documented; see README.md "Where the emulator guesses".
 */
import type { SimulatorApi } from '../simulator/api';
import { errorAnswer, GatewayAnswer } from './wac-wire';

/** WinRM's ERROR_WINRM_CANNOT_CONNECT-style code for "cannot complete the operation" (0x80338126). */
const WINRM_CANNOT_CONNECT = 2150859046;
/** WinRM's operation timeout code (0x80338029). */
const WINRM_OPERATION_TIMEOUT = 2150858793;

/** The node-level status code the emulator uses for WinRM failures. */
export const WINRM_FAILURE_STATUS = 500;

/** `error.code` of every transport failure the emulator produces (the exception WinRM failures raise). */
export const WINRM_FAILURE_CODE = 'PSRemotingTransportException';

/** What the gate needs from the simulator. */
export type NodeDirectory = Pick<SimulatorApi, 'hasHost' | 'connection'>;

/** Whether a transient failure may hit this request (polls and starts may; cancel and close may not). */
export interface AdmitOptions {
    transientFailureAllowed: boolean;
}

/** Decides, per node request, whether it reaches the node (after the node's latency) or fails like WinRM. */
export class NodeGate {
    constructor(
        private readonly nodes: NodeDirectory,
        private readonly random: () => number = Math.random,
        private readonly sleep: (ms: number) => Promise<void> = ms => new Promise(resolve => setTimeout(resolve, ms))) {
    }

    /** Null when the request may go on to the node; otherwise the failure to answer with. */
    async admit(node: string, options: AdmitOptions): Promise<GatewayAnswer | null> {
        if (!this.nodes.hasHost(node)) {
            return errorAnswer(404, 'NotFound', `The node '${node}' is not known to this gateway.`);
        }
        const connection = this.nodes.connection(node);
        if (connection.latencyMs > 0) {
            await this.sleep(connection.latencyMs);
        }
        if (!connection.reachable) {
            return offlineAnswer(node);
        }
        if (options.transientFailureAllowed && connection.failureRate > 0 && this.random() < connection.failureRate) {
            return transientFailureAnswer(node);
        }
        return null;
    }
}

/** The answer for a host that cannot be reached: WinRM's "Connecting to remote server ... failed". */
export function offlineAnswer(node: string): GatewayAnswer {
    return winRmFailure(WINRM_CANNOT_CONNECT,
        `Connecting to remote server ${node} failed with the following error message : WinRM cannot complete the ` +
        'operation. Verify that the specified computer name is valid, that the computer is accessible over the ' +
        'network, and that a firewall exception for the WinRM service is enabled and allows access from this ' +
        'computer. By default, the WinRM firewall exception for public profiles limits access to remote computers ' +
        'within the same local subnet. For more information, see the about_Remote_Troubleshooting Help topic.');
}

/** The answer for a transient failure: a WinRM operation timeout. */
export function transientFailureAnswer(node: string): GatewayAnswer {
    return winRmFailure(WINRM_OPERATION_TIMEOUT,
        `Processing data from remote server ${node} failed with the following error message: The WinRM client ` +
        'cannot complete the operation within the time specified. Check if the machine name is valid and is ' +
        'reachable over the network and firewall exception for Windows Remote Management service is enabled. ' +
        'For more information, see the about_Remote_Troubleshooting Help topic.');
}

function winRmFailure(nativeErrorCode: number, message: string): GatewayAnswer {
    return {
        status: WINRM_FAILURE_STATUS,
        body: { error: { code: WINRM_FAILURE_CODE, message, detailRecord: { nativeErrorCode } } }
    };
}
