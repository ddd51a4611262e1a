/**
 * `POST /api/batch`: runs every part through the same PowerShell API as single requests, all parts at once
 * (nodes run concurrently; the client sends one batch per round and polls incomplete nodes in the next round).
 */
import { boundaryOf, formatBatchAnswer, newAnswerBoundary, parseBatchRequest, BatchAnswerPart } from './batch-multipart';
import type { PowerShellApi } from './powershell-api';
import type { BatchPartLogEntry } from './request-log';
import { matchRoute, pathWithoutQueryValues } from './routes';
import { errorAnswer, GatewayAnswer } from './wac-wire';

/** The batch answer: either multipart text, or a plain JSON error when the request itself is unusable. */
export type BatchOutcome =
    | { kind: 'multipart'; contentType: string; text: string; parts: BatchPartLogEntry[] }
    | { kind: 'error'; answer: GatewayAnswer };

/** Handles `POST /api/batch` by dispatching its parts to the PowerShell API concurrently. */
export class BatchApi {
    constructor(private readonly powerShell: PowerShellApi) {
    }

    async handle(contentType: string | undefined, body: string): Promise<BatchOutcome> {
        const boundary = boundaryOf(contentType);
        if (!boundary) {
            return {
                kind: 'error',
                answer: errorAnswer(400, 'BadRequest', 'A batch request must be multipart/mixed with a boundary.')
            };
        }
        const requests = parseBatchRequest(body, boundary);
        const handled = await Promise.all(requests.map(async (request, index) => {
            const requestId = request.headers.get('request-id') ?? `part-${index + 1}`;
            const route = matchRoute(request.method, new URL(request.url, 'http://batch.invalid').pathname);
            const path = pathWithoutQueryValues(request.url);
            if ((route.family !== 'legacy' && route.family !== 'v2') || route.operation === null) {
                const answer = errorAnswer(404, 'NotFound',
                    'A batch part must be a PowerShell API request under /api/nodes/{node}/features/powershellApi.');
                return {
                    answer: { requestId, status: answer.status, body: answer.body },
                    log: { method: request.method, path, node: null, command: null, sessionId: null, status: answer.status }
                };
            }
            const outcome = await this.powerShell.handle({ node: route.node, operation: route.operation, body: request.body });
            const answerPart: BatchAnswerPart = { requestId, status: outcome.answer.status, body: outcome.answer.body };
            const log: BatchPartLogEntry = {
                method: request.method,
                path,
                node: route.node,
                command: outcome.command,
                sessionId: outcome.sessionId,
                status: outcome.answer.status
            };
            return { answer: answerPart, log };
        }));
        const answerBoundary = newAnswerBoundary();
        return {
            kind: 'multipart',
            contentType: `multipart/mixed; boundary=${answerBoundary}`,
            text: formatBatchAnswer(handled.map(part => part.answer), answerBoundary),
            parts: handled.map(part => part.log)
        };
    }
}
