/**
 * The multipart/mixed wire format of `POST /api/batch`, as the SDK's BatchConnection writes requests and parses
 * answers (core/data/batch-connection.ts):
 *  - request parts: part headers, a blank line, an HTTP request (request line, headers, blank line(s), body);
 *  - answer: `--batchresponse_<guid>` delimiters; per part `HTTP/1.1 <status> <reason>`, `request-id: <id>` with
 *    exactly one space (the client splits on it), the JSON body on one line (the client only parses a row that
 *    starts with `{` and ends with `}`); a closing delimiter followed by CRLF (the client skips a last item of
 *    `--\r\n`, but not `--`).
 */
import { STATUS_CODES } from 'node:http';
import { randomUUID } from 'node:crypto';

/** One HTTP request carried in a batch. */
export interface BatchRequestPart {
    method: string;
    /** The request target as written (a path with query, e.g. `/api/nodes/h1/features/powershellApi/...`). */
    url: string;
    /** Header names lower case. */
    headers: Map<string, string>;
    body: string;
}

/** One answer to put in the batch answer. */
export interface BatchAnswerPart {
    requestId: string;
    status: number;
    /** JSON-serializable body, or null for none. */
    body: object | null;
}

/** The boundary parameter of a `multipart/mixed; boundary=...` content type, or null. */
export function boundaryOf(contentType: string | undefined): string | null {
    if (!contentType || !/^\s*multipart\/mixed\b/i.test(contentType)) {
        return null;
    }
    const match = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    return match ? (match[1] ?? match[2]) : null;
}

/** Splits a batch request body into its HTTP requests. Tolerates LF line ends as well as CRLF. */
export function parseBatchRequest(body: string, boundary: string): BatchRequestPart[] {
    const delimiter = `--${boundary}`;
    const segments = body.split(delimiter);
    const parts: BatchRequestPart[] = [];
    // segments[0] is the preamble; a segment starting with `--` follows the closing delimiter.
    for (const segment of segments.slice(1)) {
        if (segment.startsWith('--')) {
            break;
        }
        const part = parsePart(segment);
        if (part) {
            parts.push(part);
        }
    }
    return parts;
}

function parsePart(segment: string): BatchRequestPart | null {
    const lines = segment.split(/\r?\n/);
    let index = 0;
    // Skip the rest of the delimiter line, then the part's own headers up to the blank line.
    index = skipBlank(lines, index);
    while (index < lines.length && lines[index].trim() !== '' && !/^[A-Z]+ \S+ HTTP\/\d/.test(lines[index])) {
        index++;
    }
    index = skipBlank(lines, index);
    const requestLine = /^([A-Za-z]+) (\S+) HTTP\/\d(?:\.\d)?$/.exec((lines[index] ?? '').trim());
    if (!requestLine) {
        return null;
    }
    index++;
    const headers = new Map<string, string>();
    while (index < lines.length && lines[index].trim() !== '') {
        const colon = lines[index].indexOf(':');
        if (colon > 0) {
            headers.set(lines[index].substring(0, colon).trim().toLowerCase(), lines[index].substring(colon + 1).trim());
        }
        index++;
    }
    const partBody = lines.slice(index).join('\n').trim();
    return { method: requestLine[1].toUpperCase(), url: requestLine[2], headers, body: partBody };
}

function skipBlank(lines: string[], start: number): number {
    let index = start;
    while (index < lines.length && lines[index].trim() === '') {
        index++;
    }
    return index;
}

/** A fresh answer boundary in the form the real gateway uses. */
export function newAnswerBoundary(): string {
    return `batchresponse_${randomUUID()}`;
}

/** Writes the multipart/mixed answer body. */
export function formatBatchAnswer(parts: BatchAnswerPart[], boundary: string): string {
    const lines: string[] = [];
    for (const part of parts) {
        lines.push(`--${boundary}`);
        lines.push('Content-Type: application/http; msgtype=response');
        lines.push('');
        lines.push(`HTTP/1.1 ${part.status} ${STATUS_CODES[part.status] ?? 'Unknown'}`);
        lines.push(`request-id: ${part.requestId}`);
        if (part.body !== null) {
            lines.push('Content-Type: application/json; charset=utf-8');
            lines.push('');
            // JSON.stringify never emits a raw line break, so the body stays on one line as the client needs.
            lines.push(JSON.stringify(part.body));
        } else {
            lines.push('');
        }
    }
    lines.push(`--${boundary}--`);
    return lines.join('\r\n') + '\r\n';
}
