/**
 * Drives the gateway's `/api/batch` the way the SDK's batch client does (wac-sdk.md section 7): one PUT round that
 * creates a session per node and runs the command, GET rounds (`?$expand=output`) for the nodes not yet complete,
 * and a DELETE round to close the sessions.
 */
import { randomUUID } from 'node:crypto';

interface BatchPart {
    method: 'PUT' | 'GET' | 'DELETE';
    node: string;
    rest: string;
    body?: string;
}

/** A multipart/mixed batch body with legacy-URL parts, CRLF lines, request-id = node name. */
export function batchBody(boundary: string, host: string, parts: BatchPart[]): string {
    const lines: string[] = [];
    for (const part of parts) {
        lines.push(`--${boundary}`, 'Content-Type: application/http; msgtype=request', 'Content-Transfer-Encoding: binary', '');
        const separator = part.rest.includes('?') ? '&' : '?';
        lines.push(`${part.method} /api/nodes/${part.node}/features/powershellApi/${part.rest}${separator}api-version=2019-02-01 HTTP/1.1`);
        lines.push(`Host: ${host}`, `request-id: ${part.node}`);
        lines.push(...(part.body ? ['Content-Type: application/json; charset=utf-8', '', '', part.body] : ['', '']));
    }
    lines.push(`--${boundary}--`);
    return lines.join('\r\n');
}

/** Posts one batch round; returns the nodes whose answer says `completed: 'False'`. */
export async function batchRound(url: string, parts: BatchPart[]): Promise<string[]> {
    const boundary = randomUUID();
    const response = await fetch(`${url}/api/batch?api-version=2019-02-01`, {
        method: 'POST',
        headers: { 'content-type': `multipart/mixed; boundary=${boundary}`, accept: 'multipart/mixed' },
        body: batchBody(boundary, url.replace(/^https?:\/\//, ''), parts)
    });
    const text = await response.text();
    if (!response.ok) {
        throw new Error(`/api/batch answered ${response.status}: ${text.slice(0, 200)}`);
    }
    const incomplete: string[] = [];
    for (const item of text.split(/--batchresponse_[0-9a-f-]+/)) {
        const requestId = /request-id: (\S+)/.exec(item)?.[1];
        const json = item.split('\r\n').find(row => row.startsWith('{') && row.endsWith('}'));
        if (requestId && json && (JSON.parse(json) as { properties?: { completed?: string } }).properties?.completed === 'False') {
            incomplete.push(requestId);
        }
    }
    return incomplete;
}

/** Runs `body` on every node in one batch and polls until all complete; the DELETE round is not timed. */
export async function runBatchToCompletion(url: string, nodes: string[], body: string): Promise<{ ms: number; rounds: number }> {
    const sessions = new Map(nodes.map(node => [node, randomUUID()]));
    const started = performance.now();
    let incomplete = await batchRound(url, nodes.map(node => ({ method: 'PUT' as const, node, rest: `pssessions/${sessions.get(node)}`, body })));
    let rounds = 1;
    while (incomplete.length > 0) {
        incomplete = await batchRound(url, incomplete.map(node =>
            ({ method: 'GET' as const, node, rest: `pssessions/${sessions.get(node)}?$expand=output` })));
        rounds++;
    }
    const ms = performance.now() - started;
    await batchRound(url, nodes.map(node => ({ method: 'DELETE' as const, node, rest: `pssessions/${sessions.get(node)}` })));
    return { ms, rounds };
}
