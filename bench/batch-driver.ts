/**
 * Drives the gateway's `/api/batch` the way the SDK's batch client does (wac-sdk.md section 7): one PUT round that
 * creates a session per node and runs the command, GET rounds (`?$expand=output`) for the nodes not yet complete,
 * and a DELETE round to close the sessions. The multipart body and the answer reading are the gateway tests' own
 * SDK-faithful helpers.
 */
import { randomUUID } from 'node:crypto';
import { parseLikeSdk, sdkBatchBody, type SdkBatchPart } from '../tools/gateway/testing/gateway-client';

type BatchPart = Omit<SdkBatchPart, 'requestId' | 'relativeUrl'> & { rest: string };

/** Posts one batch round; returns the nodes whose answer says `completed: 'False'`. */
export async function batchRound(url: string, parts: BatchPart[]): Promise<string[]> {
    const boundary = randomUUID();
    const body = sdkBatchBody(boundary, url.replace(/^https?:\/\//, ''), parts.map(part => ({
        method: part.method, node: part.node, requestId: part.node, body: part.body,
        relativeUrl: `features/powershellApi/${part.rest}`
    })));
    const response = await fetch(`${url}/api/batch?api-version=2019-02-01`, {
        method: 'POST',
        headers: { 'content-type': `multipart/mixed; boundary=${boundary}`, accept: 'multipart/mixed' },
        body
    });
    const text = await response.text();
    if (!response.ok) {
        throw new Error(`/api/batch answered ${response.status}: ${text.slice(0, 200)}`);
    }
    return parseLikeSdk(text)
        .filter(part => (part.data as { properties?: { completed?: string } } | undefined)?.properties?.completed === 'False')
        .map(part => part.requestId ?? '');
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
