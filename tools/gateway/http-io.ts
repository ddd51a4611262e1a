/**
 * Reading request bodies and writing answers with node:http.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayAnswer } from './wac-wire';

/** Largest request body accepted (a batch for thousands of nodes carrying a large script stays well below). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Thrown by `readBody` when a body exceeds MAX_BODY_BYTES. */
export class BodyTooLargeError extends Error {
    constructor() {
        super(`The request body exceeds ${MAX_BODY_BYTES} bytes.`);
    }
}

/** The whole request body as UTF-8 text. */
export function readBody(request: IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        request.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
                reject(new BodyTooLargeError());
                request.destroy();
                return;
            }
            chunks.push(chunk);
        });
        request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        request.on('error', reject);
    });
}

/** Writes a JSON answer (or an empty one for a null body). Does nothing if the client has gone. */
export function writeAnswer(response: ServerResponse, answer: GatewayAnswer): void {
    if (answer.body === null) {
        writeText(response, answer.status, null, '', answer.headers);
        return;
    }
    writeText(response, answer.status, 'application/json; charset=utf-8', JSON.stringify(answer.body), answer.headers);
}

/** Writes a text answer with the given content type (and extra headers). Does nothing if the client has gone. */
export function writeText(response: ServerResponse, status: number, contentType: string | null, text: string,
    extraHeaders: Readonly<Record<string, string>> = {}): void {
    if (response.destroyed || response.writableEnded) {
        return;
    }
    const headers: Record<string, string | number> = {
        ...extraHeaders,
        'Cache-Control': 'no-cache',
        'Content-Length': Buffer.byteLength(text)
    };
    if (contentType) {
        headers['Content-Type'] = contentType;
    }
    response.writeHead(status, headers);
    response.end(text);
}
