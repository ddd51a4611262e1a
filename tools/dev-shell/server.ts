/**
 * The dev shell's static server (node:http, 127.0.0.1): the shell page, its esbuild bundle, the SDK's styles,
 * and the built extension under `/modules/<module name>/` with an SPA fallback to the extension's index.html.
 * Everything is answered with `Cache-Control: no-store`, so a rebuild shows on the next reload.
 *
 *   /                          tools/dev-shell/page/index.html
 *   /shell.js, /shell.js.map   the page's bundle (rebuilt in memory per request)
 *   /<file>                    tools/dev-shell/page/<file> (stylesheets)
 *   /shell-config.json         ShellConfig (gateway URL, module name and URL)
 *   /sdk-styles/...            node_modules/@microsoft/windows-admin-center-sdk/styles/...
 *   /modules/<module>/...      the extension's dist folder
 */
import { promises as fs } from 'node:fs';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import * as path from 'node:path';
import type { ShellConfig } from './src/shell-config';
import { createShellBundler, SHELL_BUNDLE_NAME, ShellBundler } from './shell-bundle';
import { contentTypeFor } from './static-files';
import { listen } from '../shared/listen';

/** The extension's module name (manifest `name`), which WAC serves it under. */
export const MODULE_NAME = 'eflowmanager.iot-edge-eflow';
/** The tool's display name in WAC. */
export const TOOL_TITLE = 'IoT Edge for Linux on Windows';
export const DEFAULT_SHELL_HOST = '127.0.0.1';
export const DEFAULT_SHELL_PORT = 4200;

const repoRoot = path.resolve(__dirname, '..', '..');

/** Where the Angular build puts the extension (angular.json `outputPath`). */
export const DEFAULT_EXTENSION_DIST = path.join(repoRoot, 'dist', 'eflow-manager');

export interface DevShellServerOptions {
    /** The gateway emulator's URL (no trailing slash). */
    gatewayUrl: string;
    /** Interface to listen on (default 127.0.0.1). */
    host?: string;
    /** Port (default 4200; 0 picks a free one, see RunningDevShell.url). */
    port?: number;
    /** The built extension (default dist/eflow-manager). */
    extensionDistDir?: string;
}

export interface RunningDevShell {
    /** `http://<host>:<port>/` with the actual port. */
    url: string;
    close(): Promise<void>;
}

const pageDir = path.join(__dirname, 'page');
const sdkStylesDir = path.join(path.dirname(require.resolve('@microsoft/windows-admin-center-sdk/package.json')),
    'styles');
const modulePrefix = `/modules/${MODULE_NAME}/`;

/** Starts the server; resolves once it listens. The shell bundle is built once up front so errors show early. */
export async function startDevShellServer(options: DevShellServerOptions): Promise<RunningDevShell> {
    const bundler = await createShellBundler();
    try {
        await bundler.build();
    } catch (error: unknown) {
        await bundler.dispose();
        throw error;
    }
    const host = options.host ?? DEFAULT_SHELL_HOST;
    const distDir = path.resolve(options.extensionDistDir ?? DEFAULT_EXTENSION_DIST);
    const config: ShellConfig = {
        gatewayUrl: options.gatewayUrl.replace(/\/+$/, ''),
        moduleName: MODULE_NAME,
        moduleUrl: modulePrefix,
        toolTitle: TOOL_TITLE
    };

    const server = createServer((request, response) => {
        handle(request, response, { bundler, config, distDir }).catch((error: unknown) => {
            send(response, 500, 'text/plain; charset=utf-8', `Dev shell server error: ${String(error)}`);
        });
    });
    const sockets = new Set<Socket>();
    server.on('connection', socket => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
    });
    await listen(server, options.port ?? DEFAULT_SHELL_PORT, host);
    const port = (server.address() as AddressInfo).port;

    let closing: Promise<void> | null = null;
    return {
        url: `http://${host}:${port}/`,
        close: () => {
            closing ??= (async () => {
                const closed = new Promise<void>(resolve => server.close(() => resolve()));
                // Browsers keep connections alive; without this close() waits for them to time out.
                sockets.forEach(socket => socket.destroy());
                await Promise.all([closed, bundler.dispose()]);
            })();
            return closing;
        }
    };
}

interface ServerContext {
    bundler: ShellBundler;
    config: ShellConfig;
    distDir: string;
}

async function handle(request: IncomingMessage, response: ServerResponse, context: ServerContext): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.setHeader('Allow', 'GET, HEAD');
        send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
        return;
    }
    const pathname = decodePath(request.url ?? '/');
    if (pathname === null) {
        send(response, 400, 'text/plain; charset=utf-8', 'Bad request path');
        return;
    }
    switch (pathname) {
        case '/':
        case '/index.html':
            return sendFile(response, path.join(pageDir, 'index.html'));
        case `/${SHELL_BUNDLE_NAME}`:
            return send(response, 200, contentTypeFor('.js'), (await context.bundler.build()).javascript);
        case `/${SHELL_BUNDLE_NAME}.map`:
            return send(response, 200, contentTypeFor('.map'), (await context.bundler.build()).sourceMap);
        case '/shell-config.json':
            return send(response, 200, contentTypeFor('.json'), JSON.stringify(context.config));
        case modulePrefix.slice(0, -1):
            // The extension's base href is './': it only resolves its assets under the trailing slash.
            response.setHeader('Location', modulePrefix);
            return send(response, 301, 'text/plain; charset=utf-8', `Moved to ${modulePrefix}`);
        default:
            break;
    }
    if (pathname.startsWith('/sdk-styles/')) {
        const file = insideRoot(sdkStylesDir, pathname.slice('/sdk-styles/'.length));
        return file ? sendFile(response, file) : notFound(response);
    }
    if (pathname.startsWith(modulePrefix)) {
        return serveExtension(request, response, context.distDir, pathname.slice(modulePrefix.length));
    }
    const pageFile = insideRoot(pageDir, pathname.slice(1));
    if (pageFile && await isFile(pageFile)) {
        return sendFile(response, pageFile);
    }
    notFound(response);
}

/**
 * Serves a file of the built extension. A path that is no file falls back to the extension's index.html when the
 * browser navigates (its Accept names HTML): the Angular router's deep links. A missing script or asset stays a
 * 404, so a broken build shows as one rather than as HTML parsed as JavaScript.
 */
async function serveExtension(request: IncomingMessage, response: ServerResponse, distDir: string,
    relativePath: string): Promise<void> {
    const indexFile = path.join(distDir, 'index.html');
    if (!await isFile(indexFile)) {
        send(response, 503, 'text/plain; charset=utf-8',
            `The extension is not built (${indexFile} is missing): run npm start, or npx ng build.`);
        return;
    }
    const file = insideRoot(distDir, relativePath.length > 0 ? relativePath : 'index.html');
    if (file && await isFile(file)) {
        return sendFile(response, file);
    }
    if ((request.headers.accept ?? '').includes('text/html')) {
        return sendFile(response, indexFile);
    }
    notFound(response);
}

/** Decodes the URL's path; null when it is malformed or names a NUL byte. */
function decodePath(url: string): string | null {
    try {
        const pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
        return pathname.includes('\0') ? null : pathname;
    } catch {
        return null;
    }
}

/** Resolves a request path inside a folder; null when it escapes the folder. */
function insideRoot(root: string, relativePath: string): string | null {
    const resolved = path.resolve(root, `.${path.posix.sep}${relativePath}`);
    return resolved === root || resolved.startsWith(root + path.sep) ? resolved : null;
}

async function isFile(file: string): Promise<boolean> {
    try {
        return (await fs.stat(file)).isFile();
    } catch {
        return false;
    }
}

async function sendFile(response: ServerResponse, file: string): Promise<void> {
    let body: Buffer;
    try {
        body = await fs.readFile(file);
    } catch {
        notFound(response);
        return;
    }
    send(response, 200, contentTypeFor(path.extname(file)), body);
}

function notFound(response: ServerResponse): void {
    send(response, 404, 'text/plain; charset=utf-8', 'Not found');
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
    if (response.headersSent) {
        response.destroy();
        return;
    }
    response.statusCode = status;
    response.setHeader('Content-Type', contentType);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Content-Length', Buffer.byteLength(body));
    response.end(response.req.method === 'HEAD' ? undefined : body);
}
