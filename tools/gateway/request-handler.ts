/**
 * The gateway's HTTP dispatcher: CORS, routing to the PowerShell API (both URL families), `/api/batch`,
 * `/api/gateway/status`, `/sim`, 404 for anything else, and one request log entry per request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BatchApi } from './batch-api';
import { applyCorsHeaders, applyPreflightHeaders } from './cors';
import { BodyTooLargeError, readBody, writeAnswer, writeText } from './http-io';
import type { PowerShellApi } from './powershell-api';
import type { BatchPartLogEntry, RequestLog } from './request-log';
import { matchRoute, pathWithoutQueryValues, RouteFamily } from './routes';
import type { SimApi } from './sim-api';
import { errorAnswer, GatewayAnswer } from './wac-wire';

/** What `GET /api/gateway/status` answers: a desktop-mode, non-elevated gateway on localhost. */
export const GATEWAY_STATUS = { gatewayMode: 'Desktop', isGatewayProcessElevated: false, name: 'localhost' } as const;

/** What a handled request tells the log beyond method, path and status. */
interface HandledRequest {
    family: RouteFamily;
    status: number;
    node: string | null;
    command: string | null;
    sessionId: string | null;
    batchParts: BatchPartLogEntry[] | null;
}

/** Dispatches every HTTP request of the gateway and logs it. */
export class RequestHandler {
    constructor(
        private readonly powerShell: PowerShellApi,
        private readonly batch: BatchApi,
        private readonly sim: SimApi,
        private readonly requestLog: RequestLog) {
    }

    /** Handles one request to the end; never throws (failures become 500 answers). */
    async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
        const startedAt = Date.now();
        const method = (request.method ?? 'GET').toUpperCase();
        const rawUrl = request.url ?? '/';
        let handled: HandledRequest;
        try {
            applyCorsHeaders(request, response);
            handled = await this.dispatch(method, rawUrl, request, response);
        } catch (error) {
            const answer = error instanceof BodyTooLargeError
                ? errorAnswer(413, 'PayloadTooLarge', error.message)
                : errorAnswer(500, 'InternalError', 'The gateway emulator failed to handle the request.');
            writeAnswer(response, answer);
            handled = { family: 'other', status: answer.status, node: null, command: null, sessionId: null, batchParts: null };
            process.stderr.write(`gateway: ${method} ${pathWithoutQueryValues(rawUrl)} failed: ${describe(error)}\n`);
        }
        this.requestLog.append({
            time: new Date(startedAt).toISOString(),
            method,
            path: pathWithoutQueryValues(rawUrl),
            durationMs: Date.now() - startedAt,
            ...handled
        });
    }

    private async dispatch(
        method: string, rawUrl: string, request: IncomingMessage, response: ServerResponse): Promise<HandledRequest> {
        const url = new URL(rawUrl, 'http://gateway.invalid');
        const route = matchRoute(method, url.pathname);
        const simple = (family: RouteFamily, answer: GatewayAnswer): HandledRequest => {
            writeAnswer(response, answer);
            return { family, status: answer.status, node: null, command: null, sessionId: null, batchParts: null };
        };

        if (method === 'OPTIONS') {
            applyPreflightHeaders(request, response);
            const preflight = simple(route.family, { status: 204, body: null });
            return 'node' in route ? { ...preflight, node: route.node } : preflight;
        }
        switch (route.family) {
            case 'legacy':
            case 'v2': {
                if (!route.operation) {
                    return simple(route.family, errorAnswer(405, 'MethodNotAllowed',
                        `${method} is not a PowerShell API operation on this path.`));
                }
                const body = await readBody(request);
                const outcome = await this.powerShell.handle({ node: route.node, operation: route.operation, body });
                writeAnswer(response, outcome.answer);
                return {
                    family: route.family,
                    status: outcome.answer.status,
                    node: route.node,
                    command: outcome.command,
                    sessionId: outcome.sessionId,
                    batchParts: null
                };
            }
            case 'batch': {
                if (method !== 'POST') {
                    return simple('batch', errorAnswer(405, 'MethodNotAllowed', 'Batch requests are POSTed.'));
                }
                const outcome = await this.batch.handle(request.headers['content-type'], await readBody(request));
                if (outcome.kind === 'error') {
                    return simple('batch', outcome.answer);
                }
                writeText(response, 200, outcome.contentType, outcome.text);
                return { family: 'batch', status: 200, node: null, command: null, sessionId: null, batchParts: outcome.parts };
            }
            case 'status':
                return simple('status', method === 'GET' ? { status: 200, body: GATEWAY_STATUS }
                    : errorAnswer(405, 'MethodNotAllowed', 'The gateway status is read with GET.'));
            case 'sim': {
                const body = method === 'GET' ? '' : await readBody(request);
                return simple('sim', this.sim.handle({ method, segments: route.segments, query: url.searchParams, body }));
            }
            case 'other':
                return simple('other', errorAnswer(404, 'NotFound', `No route for ${method} ${url.pathname}.`));
        }
    }
}

/** The error's type only: a message could quote request data (script text, parameter values). */
function describe(error: unknown): string {
    return error instanceof Error ? error.name : 'unknown error';
}
