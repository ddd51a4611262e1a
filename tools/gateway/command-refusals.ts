/**
 * The gateway's own refusals of a command, before it reaches the host: 401, 403, or 400 naming a JEA endpoint in
 * `x-ms-sme-jea-endpoint`. A WAC gateway answers so when the user's credentials do not do, or when the host wants
 * the user on a JEA endpoint; the SDK then sends the same command again by itself (after a credential prompt, or to
 * the JEA endpoint). Tests set a refusal per host and command name (`PUT /sim/hosts/:name/refusal`) to see what the
 * client does next. The emulator has no JEA endpoints: a command sent again runs as any other.
 */
import type { FaultMode } from '../simulator/api';
import { GatewayAnswer } from './wac-wire';

/** The answer header in which the gateway names a JEA endpoint (the SDK's `headerConstants.POWERSHELL_ENDPOINT`). */
export const JEA_ENDPOINT_HEADER = 'x-ms-sme-jea-endpoint';

/** The statuses a refusal answers with: the ones the SDK reacts to by sending the command again. */
export type RefusalStatus = 400 | 401 | 403;

/** A refusal of one command on one host. */
export interface CommandRefusal {
    /** The `command` name of the request body it refuses, e.g. `Set-EflowVmProvisioning` (case-insensitive). */
    command: string;
    status: RefusalStatus;
    /** Named in `x-ms-sme-jea-endpoint` when set. */
    jeaEndpoint: string | null;
    /** `once`: the next request that starts the command, then cleared; `sticky`: until cleared. */
    mode: FaultMode;
}

/** What `PUT /sim/hosts/:name/refusal` takes: a refusal whose JEA endpoint (none) and mode (`once`) may be left out. */
export type CommandRefusalRequest = Pick<CommandRefusal, 'command' | 'status'> & Partial<Pick<CommandRefusal, 'jeaEndpoint' | 'mode'>>;

/** The refusals in force, per host. */
export class CommandRefusals {
    private readonly byNode = new Map<string, CommandRefusal>();

    /** Sets the host's refusal, or clears it with null. */
    set(node: string, refusal: CommandRefusal | null): void {
        if (refusal) {
            this.byNode.set(node.toLowerCase(), refusal);
        } else {
            this.byNode.delete(node.toLowerCase());
        }
    }

    /** Clears every refusal. */
    clear(): void {
        this.byNode.clear();
    }

    /** The answer for a request that starts `command` on `node`, or null when it may run; uses up a `once` refusal. */
    take(node: string, command: string | null): GatewayAnswer | null {
        const refusal = this.byNode.get(node.toLowerCase());
        if (!refusal || command === null || refusal.command.toLowerCase() !== command.toLowerCase()) {
            return null;
        }
        if (refusal.mode === 'once') {
            this.byNode.delete(node.toLowerCase());
        }
        return refusalAnswer(refusal);
    }
}

/** The answer of a refusal, with the bodies the SDK tells apart (`Net.isUnauthorized`). */
export function refusalAnswer(refusal: CommandRefusal): GatewayAnswer {
    const headers = refusal.jeaEndpoint ? { [JEA_ENDPOINT_HEADER]: refusal.jeaEndpoint } : undefined;
    switch (refusal.status) {
        case 401:
            // Without `unauthorized: 'UnauthorizedLogin'`: the SDK asks the shell for the node's credentials.
            return { status: 401, body: { error: { code: 'Unauthorized', message: `Access to ${refusal.command} is denied for these credentials.` } }, headers };
        case 403:
            return {
                status: 403,
                body: { error: { code: 'Forbidden', message: `Access to ${refusal.command} is denied.`, forbidden: 'Unauthorized' } },
                headers
            };
        case 400:
            return { status: 400, body: { error: { code: 'BadRequest', message: `${refusal.command} must run on the JEA endpoint.` } }, headers };
    }
}

/** Reads the body of `PUT /sim/hosts/:name/refusal`: a CommandRefusal (`jeaEndpoint` and `mode` optional) or null. */
export function parseRefusal(value: unknown): CommandRefusal | null | string {
    if (value === null) {
        return null;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
        return 'The body must be a refusal object or null.';
    }
    const { command, status, jeaEndpoint = null, mode = 'once', ...rest } = value as Record<string, unknown>;
    if (Object.keys(rest).length > 0) {
        return `Unknown refusal field '${Object.keys(rest)[0]}'.`;
    }
    if (typeof command !== 'string' || command.trim() === '') {
        return 'command must be a command name.';
    }
    if (status !== 400 && status !== 401 && status !== 403) {
        return 'status must be 400, 401 or 403.';
    }
    if (jeaEndpoint !== null && (typeof jeaEndpoint !== 'string' || jeaEndpoint === '')) {
        return 'jeaEndpoint must be a non-empty string or null.';
    }
    if (mode !== 'once' && mode !== 'sticky') {
        return "mode must be 'once' or 'sticky'.";
    }
    return { command, status, jeaEndpoint, mode };
}
