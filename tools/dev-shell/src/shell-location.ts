/**
 * What the dev shell's URL says: the selected host lives in the hash (`#/connections/<name>`, so a reload or a
 * test opens a host directly), optionally with a route inside the tool (`#/connections/<name>/tools/<tool>/<route>`,
 * a deep link as WAC's own URLs have), and shell options live in the query string. Pure: no DOM.
 */

/** The gateway API versions the SDK knows (`Init.gatewayApiVersion`); 2.0.0 switches to the new URL family. */
export type GatewayApiVersion = '1.0.0' | '2.0.0';

/** Options read from the shell page's query string. */
export interface ShellOptions {
    /** `?gatewayApiVersion=2.0.0`; 1.0.0 when absent or unknown. */
    gatewayApiVersion: GatewayApiVersion;
}

const CONNECTION_HASH_PREFIX = '#/connections/';

/** The host name a location hash selects, or null when it selects none. */
export function hostNameFromHash(hash: string): string | null {
    if (!hash.startsWith(CONNECTION_HASH_PREFIX)) {
        return null;
    }
    const encoded = hash.slice(CONNECTION_HASH_PREFIX.length).split('/')[0] ?? '';
    if (encoded.length === 0) {
        return null;
    }
    try {
        return decodeURIComponent(encoded);
    } catch {
        // A hand-typed hash with a stray '%' selects nothing rather than breaking the page.
        return null;
    }
}

/** The location hash that selects a host, and opens the tool at `toolRoute` (e.g. `deploy`) when given. */
export function hashForHostName(name: string, toolRoute = ''): string {
    const route = toolRoute.replace(/^\/+/, '');
    return `${CONNECTION_HASH_PREFIX}${encodeURIComponent(name)}${route ? `${TOOL_SEGMENT}${route}` : ''}`;
}

/** What stands between the host name and the tool's own route in a deep link. */
const TOOL_SEGMENT = '/tools/eflow/';

/**
 * The route inside the tool a location hash names, as the shell's Open request carries it (`/deploy`); `/` (the
 * tool's start page) when it names none.
 */
export function toolRouteFromHash(hash: string): string {
    if (hostNameFromHash(hash) === null) {
        return '/';
    }
    const afterHost = hash.slice(CONNECTION_HASH_PREFIX.length).replace(/^[^/]*/, '');
    return afterHost.startsWith(TOOL_SEGMENT) ? `/${afterHost.slice(TOOL_SEGMENT.length)}` : '/';
}

/** Reads the shell options from a query string (`location.search`). */
export function shellOptionsFromQuery(search: string): ShellOptions {
    const requested = new URLSearchParams(search).get('gatewayApiVersion');
    return { gatewayApiVersion: requested === '2.0.0' ? '2.0.0' : '1.0.0' };
}
