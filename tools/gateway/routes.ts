/**
 * Recognizes the gateway's URLs: WAC's PowerShell API in its two URL families, `/api/batch`,
 * `/api/gateway/status` and the emulator's own `/sim` control API.
 */

/** Which API a request belongs to (also the request log's `family`). */
export type RouteFamily = 'legacy' | 'v2' | 'batch' | 'status' | 'sim' | 'other';

/** The PowerShell API operations, independent of URL family. */
export type PowerShellOperation =
    /** `POST .../invokeCommand`: a run in a new automatic (polling) session. */
    | { kind: 'invokeAutomatic' }
    /** `PUT .../pssessions/{name}`: create a session and run (`{key}-newSession`, `instantSession` or an id). */
    | { kind: 'createSession'; name: string }
    /** `POST .../pssessions/{id}/invokeCommand`. */
    | { kind: 'invokeInSession'; sessionId: string }
    /** `GET .../pssessions/{id}?$expand=output`. */
    | { kind: 'poll'; sessionId: string }
    /** `POST .../pssessions/{id}/cancel` (the batch client sends it as PUT). */
    | { kind: 'cancel'; sessionId: string }
    /** `DELETE .../pssessions/{id}`. */
    | { kind: 'close'; sessionId: string };

export type Route =
    | { family: 'legacy' | 'v2'; node: string; operation: PowerShellOperation | null }
    | { family: 'batch' | 'status' | 'other' }
    | { family: 'sim'; segments: string[] };

const LEGACY_PREFIX = /^\/api\/nodes\/([^/]+)\/features\/powershellApi\/(.+)$/i;
const V2_PREFIX = /^\/api\/services\/WinREST\/PowerShell\/nodes\/([^/]+)\/(.+)$/i;

/**
 * Classifies a request. For the PowerShell families `operation` is null when the path is in the family but the
 * method/path pair is not an operation (the caller answers 404/405).
 */
export function matchRoute(method: string, pathname: string): Route {
    const legacy = LEGACY_PREFIX.exec(pathname);
    if (legacy) {
        return { family: 'legacy', node: normalizeNode(legacy[1]), operation: matchOperation(method, legacy[2]) };
    }
    const v2 = V2_PREFIX.exec(pathname);
    if (v2) {
        return { family: 'v2', node: normalizeNode(v2[1]), operation: matchOperation(method, v2[2]) };
    }
    const lower = pathname.toLowerCase().replace(/\/+$/, '');
    if (lower === '/api/batch') {
        return { family: 'batch' };
    }
    if (lower === '/api/gateway/status') {
        return { family: 'status' };
    }
    if (lower === '/sim' || lower.startsWith('/sim/')) {
        return { family: 'sim', segments: pathname.split('/').filter(segment => segment !== '').slice(1).map(decodeSegment) };
    }
    return { family: 'other' };
}

/** Node names are case-insensitive in WAC; the simulator's names are lower case. The SDK does not URL-encode them. */
function normalizeNode(rawNode: string): string {
    return decodeSegment(rawNode).toLowerCase();
}

function decodeSegment(segment: string): string {
    try {
        return decodeURIComponent(segment);
    } catch {
        return segment;
    }
}

function matchOperation(method: string, rest: string): PowerShellOperation | null {
    const segments = rest.split('/').filter(segment => segment !== '').map(decodeSegment);
    const verb = method.toUpperCase();
    if (segments.length === 1 && segments[0].toLowerCase() === 'invokecommand') {
        return verb === 'POST' ? { kind: 'invokeAutomatic' } : null;
    }
    if (segments.length < 2 || segments[0].toLowerCase() !== 'pssessions') {
        return null;
    }
    const id = segments[1];
    if (segments.length === 2) {
        switch (verb) {
            case 'PUT': return { kind: 'createSession', name: id };
            case 'GET': return { kind: 'poll', sessionId: id };
            case 'DELETE': return { kind: 'close', sessionId: id };
            default: return null;
        }
    }
    if (segments.length === 3) {
        const action = segments[2].toLowerCase();
        if (action === 'invokecommand' && verb === 'POST') {
            return { kind: 'invokeInSession', sessionId: id };
        }
        if (action === 'cancel' && (verb === 'POST' || verb === 'PUT')) {
            return { kind: 'cancel', sessionId: id };
        }
    }
    return null;
}

/** The path with query values removed (`?api-version&$expand`): what the request log may keep. */
export function pathWithoutQueryValues(rawUrl: string): string {
    const queryStart = rawUrl.indexOf('?');
    if (queryStart < 0) {
        return rawUrl;
    }
    const keys = rawUrl.substring(queryStart + 1).split('&')
        .filter(pair => pair !== '')
        .map(pair => pair.split('=')[0]);
    return keys.length > 0 ? `${rawUrl.substring(0, queryStart)}?${keys.join('&')}` : rawUrl.substring(0, queryStart);
}
