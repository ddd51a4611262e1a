/**
 * Small HTTP helpers for the gateway's tests: request bodies as the SDK builds them, and a batch writer/reader
 * that follow the SDK's BatchConnection line for line (core/data/batch-connection.ts).
 */

export interface HttpResult {
    status: number;
    headers: Headers;
    text: string;
    /** The parsed JSON body, or undefined when the body is empty or not JSON. */
    json: unknown;
}

/** Sends one request to the gateway. */
export async function send(
    baseUrl: string, method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<HttpResult> {
    const response = await fetch(baseUrl + path, {
        method,
        body,
        headers: body !== undefined ? { 'content-type': 'application/json; charset=utf-8', ...headers } : headers
    });
    const text = await response.text();
    let json: unknown;
    try {
        json = text === '' ? undefined : JSON.parse(text);
    } catch {
        json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
}

/** The body the SDK sends for a command (`Net.createPropertiesJSONString`). */
export function commandBody(script: string, extra: Record<string, unknown> = {}): string {
    return JSON.stringify({
        properties: { script, command: 'Get-FakeThing', module: 'Contoso.Eflow', parameters: {}, state: 'ready', ...extra }
    });
}

/** `properties` of a 200 PowerShell answer. */
export interface ChunkProperties {
    sessionId: string;
    completed: string;
    results: unknown[];
    progress: { activity: string; percentComplete: number }[];
    errors: { errorType: string; message: string }[];
}

/** Reads `properties` out of an answer, failing the test when it is not there. */
export function chunkOf(result: HttpResult): ChunkProperties {
    const body = result.json as { properties?: ChunkProperties } | undefined;
    if (!body || !body.properties) {
        throw new Error(`Expected a PowerShell chunk, got ${result.status} ${result.text}`);
    }
    return body.properties;
}

/** One request in an SDK-style batch. */
export interface SdkBatchPart {
    method: 'GET' | 'PUT' | 'POST' | 'DELETE';
    /** Node-relative URL, e.g. `features/powershellApi/pssessions/<id>`. */
    relativeUrl: string;
    node: string;
    requestId: string;
    body?: string;
}

/** Writes a batch body exactly as BatchConnection.createBody does (including its doubled blank lines). */
export function sdkBatchBody(boundary: string, host: string, parts: SdkBatchPart[]): string {
    const lines: string[] = [];
    for (const part of parts) {
        lines.push('--' + boundary);
        lines.push('Content-Type: application/http; msgtype=request');
        lines.push('Content-Transfer-Encoding: binary\r\n');
        const separator = part.relativeUrl.includes('?') ? '&' : '?';
        lines.push(`${part.method} /api/nodes/${part.node}/${part.relativeUrl}${separator}api-version=2019-02-01 HTTP/1.1`);
        lines.push('Host: ' + host);
        lines.push('request-id: ' + part.requestId);
        lines.push('x-ms-sme-module-name: contoso.eflow');
        lines.push('x-ms-sme-module-version: 1.0.0');
        if (part.body !== undefined) {
            lines.push('Content-Type: application/json; charset=utf-8');
            lines.push('accept: application/json, text/plain, */*');
            lines.push('\r\n');
            lines.push(part.body);
        } else {
            lines.push('\r\n');
        }
    }
    lines.push('--' + boundary + '--');
    return lines.join('\r\n');
}

/** One answer part as the SDK's parseMultiPartResponse reads it. */
export interface SdkBatchAnswerPart {
    status: number | undefined;
    requestId: string | undefined;
    data: unknown;
}

/** Reads a batch answer with the SDK's rules (boundary from the first line, `split(' ')`, one-line JSON). */
export function parseLikeSdk(responseData: string): SdkBatchAnswerPart[] {
    const boundaryStart = responseData.indexOf('--');
    const boundaryEnd = responseData.indexOf('\r\n');
    if (boundaryStart < 0 || boundaryEnd < 0 || boundaryStart > boundaryEnd) {
        return [];
    }
    const boundary = responseData.slice(boundaryStart, boundaryEnd);
    const parts: SdkBatchAnswerPart[] = [];
    for (const item of responseData.split(boundary)) {
        if (item === '' || item === '--\r\n') {
            continue;
        }
        let status: number | undefined;
        let requestId: string | undefined;
        let data: unknown;
        for (const row of item.split('\r\n')) {
            if (row.startsWith('HTTP/')) {
                status = +row.split(' ')[1];
            } else if (row.toLowerCase().startsWith('request-id')) {
                requestId = row.split(' ')[1];
            } else if (row.startsWith('{') && row.endsWith('}')) {
                data = JSON.parse(row);
            }
        }
        parts.push({ status, requestId, data });
    }
    return parts;
}

/** A promise with its resolve function, for scripts that wait on the test. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
    let resolve: () => void = () => undefined;
    const promise = new Promise<void>(done => { resolve = done; });
    return { promise, resolve };
}
