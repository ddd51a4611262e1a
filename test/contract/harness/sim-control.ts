/**
 * The emulator's `/sim` control API and request log, called with node:http (not through jsdom, whose XHR is the
 * SDK's and whose fetch does not exist).
 */
import { request } from 'node:http';
import type { CommandRefusalRequest } from '../../../tools/gateway/command-refusals';

/** The request log fields the contract tests look at. */
export interface LoggedRequest {
    seq: number;
    method: string;
    path: string;
    family: string;
    node: string | null;
    /** The body's `command` name; bodies themselves (scripts, parameter values) are never logged. */
    command: string | null;
    status: number;
    batchParts: { method: string; path: string; node: string | null; status: number }[] | null;
}

export interface SimHost {
    name: string;
    reachable: boolean;
}

function call(baseUrl: string, method: string, path: string, body?: object | null): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const outgoing = request(`${baseUrl}${path}`, {
            method,
            headers: payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
        }, incoming => {
            let text = '';
            incoming.setEncoding('utf8');
            incoming.on('data', (chunk: string) => { text += chunk; });
            incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, text }));
        });
        outgoing.on('error', reject);
        outgoing.end(payload);
    });
}

export async function listHosts(baseUrl: string): Promise<SimHost[]> {
    return JSON.parse((await call(baseUrl, 'GET', '/sim/hosts')).text) as SimHost[];
}

export async function setHostOffline(baseUrl: string, host: string, offline: boolean): Promise<void> {
    const result = await call(baseUrl, 'PATCH', `/sim/hosts/${host}/faults`, { offline });
    if (result.status !== 200) {
        throw new Error(`Could not set faults of ${host}: ${result.status} ${result.text}`);
    }
}

/** Makes the gateway refuse the host's next start of a command (every start: `mode: 'sticky'`); null clears it. */
export async function setRefusal(baseUrl: string, host: string, refusal: CommandRefusalRequest | null): Promise<void> {
    const result = await call(baseUrl, 'PUT', `/sim/hosts/${host}/refusal`, refusal);
    if (result.status !== 200) {
        throw new Error(`Could not set the refusal of ${host}: ${result.status} ${result.text}`);
    }
}

/** The request log entries after `since` (0: all kept). */
export async function requestsSince(baseUrl: string, since = 0): Promise<LoggedRequest[]> {
    return JSON.parse((await call(baseUrl, 'GET', `/sim/requests?since=${since}`)).text) as LoggedRequest[];
}

/** The seq of the newest request log entry, to look only at what a test sends afterwards. */
export async function lastRequestSeq(baseUrl: string): Promise<number> {
    const entries = await requestsSince(baseUrl);
    return entries.length > 0 ? entries[entries.length - 1].seq : 0;
}
