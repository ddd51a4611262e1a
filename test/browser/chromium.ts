/**
 * Launches Debian's Chromium for the browser tests (wac-sdk.md section 13): never a downloaded browser, a fresh
 * profile per launch, headless, and no traffic beyond 127.0.0.1.
 */
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';

/** Where Debian's `chromium` package installs the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The console error Chromium logs for a request the harness refused. */
export const BLOCKED_REQUEST_ERROR = 'net::ERR_INTERNET_DISCONNECTED';

const CHROMIUM_ARGS = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'
];

/** A running browser with its own profile folder, removed on close. */
export interface LaunchedChromium {
    context: BrowserContext;
    close(): Promise<void>;
}

/** Launches Chromium with a new temporary profile. Fails with the install command when it is missing. */
export async function launchChromium(): Promise<LaunchedChromium> {
    if (!existsSync(CHROMIUM_PATH)) {
        throw new Error(`Debian's Chromium is not installed at ${CHROMIUM_PATH}. `
            + 'Install it with: apt-get install -y chromium');
    }
    // Playwright refuses --user-data-dir in args; a persistent context takes the folder instead.
    const profileDir = await fs.mkdtemp(path.join(os.tmpdir(), 'eflow-chromium-'));
    const context = await chromium.launchPersistentContext(profileDir, {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1440, height: 900 }
    });
    // The tests run offline; anything not served on 127.0.0.1 (the SDK's 1DS telemetry script from
    // js.monitor.azure.com, for one) is refused at once instead of waiting on DNS.
    await context.route(url => !isLoopback(url), route => route.abort('internetdisconnected'));
    return {
        context,
        close: async () => {
            await context.close();
            await fs.rm(profileDir, { recursive: true, force: true });
        }
    };
}

function isLoopback(url: URL): boolean {
    return url.protocol === 'data:' || url.protocol === 'about:' || url.protocol === 'blob:'
        || url.hostname === '127.0.0.1' || url.hostname === 'localhost';
}
