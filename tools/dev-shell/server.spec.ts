import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MODULE_NAME, RunningDevShell, startDevShellServer } from './server';

const EXTENSION_INDEX = '<!DOCTYPE html><html><head><base href="./"></head><body><em-root></em-root></body></html>';

describe('dev shell server', () => {
    let distDir: string;
    let shell: RunningDevShell;
    const moduleBase = (): string => `${shell.url}modules/${MODULE_NAME}/`;

    beforeAll(async () => {
        distDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dev-shell-dist-'));
        await fs.writeFile(path.join(distDir, 'index.html'), EXTENSION_INDEX);
        await fs.writeFile(path.join(distDir, 'main.abc123.js'), 'console.log("module");');
        await fs.writeFile(path.join(distDir, 'styles.css'), 'body{}');
        await fs.mkdir(path.join(distDir, 'assets', 'strings'), { recursive: true });
        await fs.writeFile(path.join(distDir, 'assets', 'strings', 'strings.json'), '{"Strings":{}}');
        shell = await startDevShellServer({ gatewayUrl: 'http://127.0.0.1:4300/', port: 0, extensionDistDir: distDir });
    });

    afterAll(async () => {
        await shell.close();
        await fs.rm(distDir, { recursive: true, force: true });
    });

    it('listens on 127.0.0.1 and serves the shell page as HTML without caching', async () => {
        expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
        const response = await fetch(shell.url);

        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(await response.text()).toContain('<script src="shell.js"></script>');
    });

    it('serves the page bundle as JavaScript built from the TypeScript sources, with its source map', async () => {
        const bundle = await fetch(`${shell.url}shell.js`);
        const map = await fetch(`${shell.url}shell.js.map`);

        expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
        const javascript = await bundle.text();
        expect(javascript).toContain('shell-config.json');
        expect(javascript).not.toMatch(/\bimport\s+type\b/);
        expect(JSON.parse(await map.text())).toMatchObject({ version: 3 });
    });

    it.each(['shell.css', 'panels.css'])('serves the page\'s stylesheet %s as CSS', async file => {
        const response = await fetch(`${shell.url}${file}`);

        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
        expect(await response.text()).toContain('{');
    });

    it('tells the page the gateway URL (without a trailing slash) and where the module is', async () => {
        const response = await fetch(`${shell.url}shell-config.json`);

        expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
        expect(await response.json()).toEqual({
            gatewayUrl: 'http://127.0.0.1:4300',
            moduleName: MODULE_NAME,
            moduleUrl: `/modules/${MODULE_NAME}/`,
            toolTitle: 'IoT Edge for Linux on Windows'
        });
    });

    it('serves the SDK\'s stylesheet and font files with their types', async () => {
        const css = await fetch(`${shell.url}sdk-styles/css/main-v2.css`);
        const font = await fetch(`${shell.url}sdk-styles/fonts/ServMDL2/ServMDL2-4.66.woff`);

        expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
        expect(await css.text()).toContain('.sme-');
        expect(font.status).toBe(200);
        expect(font.headers.get('content-type')).toBe('font/woff');
    });

    it.each([
        ['', 'text/html; charset=utf-8', EXTENSION_INDEX],
        ['main.abc123.js', 'text/javascript; charset=utf-8', 'console.log("module");'],
        ['styles.css', 'text/css; charset=utf-8', 'body{}'],
        ['assets/strings/strings.json', 'application/json; charset=utf-8', '{"Strings":{}}']
    ])('serves the extension\'s %j with its type', async (file, contentType, body) => {
        const response = await fetch(`${moduleBase()}${file}`);

        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe(contentType);
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(await response.text()).toBe(body);
    });

    it('falls back to the extension\'s index.html for a deep link the browser navigates to', async () => {
        const response = await fetch(`${moduleBase()}overview/host.contoso.com`, { headers: { accept: 'text/html' } });

        expect(response.status).toBe(200);
        expect(await response.text()).toBe(EXTENSION_INDEX);
    });

    it('answers 404 for a missing script instead of the index page', async () => {
        const response = await fetch(`${moduleBase()}chunk-that-does-not-exist.js`, { headers: { accept: '*/*' } });

        expect(response.status).toBe(404);
    });

    it('redirects the module folder without its trailing slash, which its relative base href needs', async () => {
        const response = await fetch(`${shell.url}modules/${MODULE_NAME}`, { redirect: 'manual' });

        expect(response.status).toBe(301);
        expect(response.headers.get('location')).toBe(`/modules/${MODULE_NAME}/`);
    });

    it.each([
        `modules/${MODULE_NAME}/%2e%2e/%2e%2e/package.json`,
        `modules/${MODULE_NAME}/..%2f..%2fpackage.json`,
        'sdk-styles/%2e%2e/package.json',
        '%2e%2e/%2e%2e/package.json'
    ])('does not serve files outside its folders (%s)', async requestPath => {
        const response = await fetch(`${shell.url}${requestPath}`);

        expect(response.status).toBe(404);
        expect(await response.text()).not.toContain('"name"');
    });

    it('refuses methods other than GET and HEAD', async () => {
        const response = await fetch(shell.url, { method: 'POST', body: 'x' });

        expect(response.status).toBe(405);
        expect(response.headers.get('allow')).toBe('GET, HEAD');
    });

    it('answers HEAD with the headers and no body', async () => {
        const response = await fetch(`${moduleBase()}main.abc123.js`, { method: 'HEAD' });

        expect(response.status).toBe(200);
        expect(response.headers.get('content-length')).toBe(String('console.log("module");'.length));
        expect(await response.text()).toBe('');
    });
});

describe('dev shell server without a built extension', () => {
    it('says the extension is not built rather than serving nothing', async () => {
        const emptyDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dev-shell-empty-'));
        const shell = await startDevShellServer({ gatewayUrl: 'http://127.0.0.1:1', port: 0, extensionDistDir: emptyDir });
        try {
            const response = await fetch(`${shell.url}modules/${MODULE_NAME}/`);

            expect(response.status).toBe(503);
            expect(await response.text()).toContain('not built');
        } finally {
            await shell.close();
            await fs.rm(emptyDir, { recursive: true, force: true });
        }
    });
});
