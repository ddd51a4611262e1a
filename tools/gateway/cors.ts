/**
 * CORS as WAC's gateway answers a page on another origin (the dev shell on another port, jsdom's XHR in the
 * contract tests): the SDK sends `withCredentials: true`, so `Access-Control-Allow-Origin` must echo the origin
 * (never `*`) and `Access-Control-Allow-Credentials` must be `true`; its `x-ms-sme-*` headers trigger preflights.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const ALLOWED_METHODS = 'GET,PUT,POST,DELETE,PATCH';

/** How long a browser may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE_S = 600;

/** Adds the CORS headers every answer to a cross-origin request needs. No Origin header: nothing to add. */
export function applyCorsHeaders(request: IncomingMessage, response: ServerResponse): void {
    const origin = request.headers.origin;
    if (!origin) {
        return;
    }
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Access-Control-Allow-Credentials', 'true');
    // The SDK reads this header on 400/401/403 answers to retry against a JEA endpoint; without exposing it the
    // browser refuses the read ("Refused to get unsafe header") and logs an error.
    response.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    response.setHeader('Vary', 'Origin');
}

/** Response headers the SDK reads from cross-origin answers. */
export const EXPOSED_HEADERS = 'x-ms-sme-jea-endpoint';

/** Adds the preflight headers: the methods WAC allows and whatever headers the page asked for. */
export function applyPreflightHeaders(request: IncomingMessage, response: ServerResponse): void {
    response.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
    const requested = request.headers['access-control-request-headers'];
    if (requested) {
        response.setHeader('Access-Control-Allow-Headers', requested);
    }
    response.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_S));
}
