/**
 * MIME types for what the dev shell server serves: the shell page, its bundle, the SDK's styles and fonts, and
 * the Angular build's output. The browser refuses module scripts and stylesheets with a wrong type
 * (`X-Content-Type-Options: nosniff`), so every type the build emits is listed.
 */

const CONTENT_TYPES: ReadonlyMap<string, string> = new Map([
    ['.html', 'text/html; charset=utf-8'],
    ['.js', 'text/javascript; charset=utf-8'],
    ['.mjs', 'text/javascript; charset=utf-8'],
    ['.css', 'text/css; charset=utf-8'],
    ['.json', 'application/json; charset=utf-8'],
    ['.map', 'application/json; charset=utf-8'],
    ['.txt', 'text/plain; charset=utf-8'],
    ['.svg', 'image/svg+xml'],
    ['.png', 'image/png'],
    ['.jpg', 'image/jpeg'],
    ['.gif', 'image/gif'],
    ['.ico', 'image/x-icon'],
    ['.woff', 'font/woff'],
    ['.woff2', 'font/woff2'],
    ['.ttf', 'font/ttf'],
    ['.eot', 'application/vnd.ms-fontobject']
]);

/** The Content-Type for a file extension (with its dot, any case); unknown ones are served as bytes. */
export function contentTypeFor(extension: string): string {
    return CONTENT_TYPES.get(extension.toLowerCase()) ?? 'application/octet-stream';
}
