/**
 * The browser tests' harness: the whole local stand-in for WAC (simulator + gateway emulator on a fresh state
 * folder, the dev shell server, all on ephemeral 127.0.0.1 ports), Debian's Chromium with the shell open, and
 * helpers to open a host's tool, read the gateway's request log, turn simulator faults, and take screenshots.
 *
 *   const harness = await startBrowserHarness();
 *   const tool = await harness.openHost('edge-01');   // the tool's Playwright Frame, booted
 *   ...
 *   await harness.close();
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { CommandRefusalRequest } from '../../tools/gateway/command-refusals';
import type { RequestLogEntry } from '../../tools/gateway/index';
import type { FleetHostInfo, HostFaults } from '../../tools/simulator/api';
import type { HostState } from '../../tools/simulator/state/host-state';
import { buildExtension, isExtensionBuilt } from '../../tools/dev-shell/extension-build';
import { DEFAULT_EXTENSION_DIST, RunningDevShell, startDevShellServer } from '../../tools/dev-shell/server';
import { hashForHostName } from '../../tools/dev-shell/src/shell-location';
import type { GatewayStack } from '../../tools/gateway/stack';
import { startBrowserTestBackend } from './backend';
import { BLOCKED_REQUEST_ERROR, launchChromium, LaunchedChromium } from './chromium';
import { installReplyTrap } from './module-rpc';

const repoRoot = path.resolve(__dirname, '..', '..');
/** Screenshots land here (git-ignored with the rest of test-output/). */
export const SCREENSHOT_DIR = path.join(repoRoot, 'test-output', 'screenshots');

export interface BrowserHarnessOptions {
    /** Simulated long operations' speed (default 0.01: deploys in well under a second). */
    timeScale?: number;
}

/**
 * `EFLOW_EXTENSION_DIST=<folder>` points the tests at an extension built elsewhere (CI builds once; a developer can
 * keep testing a known-good build while src/ is mid-change). Without it the tests use dist/eflow-manager and
 * build it (production) when it is missing.
 */
function extensionDistDir(): { dir: string; buildIfMissing: boolean } {
    const override = process.env['EFLOW_EXTENSION_DIST'];
    return override ? { dir: path.resolve(override), buildIfMissing: false }
        : { dir: DEFAULT_EXTENSION_DIST, buildIfMissing: true };
}

/** How long UI waits may take: a cold Angular boot in a busy CI container can take several seconds. */
const UI_TIMEOUT_MS = 30_000;

export class BrowserHarness {
    /** Messages the page or the tool logged as errors, and uncaught exceptions: printed when a test fails. */
    readonly browserErrors: string[] = [];

    private constructor(
        readonly page: Page,
        readonly shellUrl: string,
        readonly gatewayUrl: string,
        private readonly chromium: LaunchedChromium,
        private readonly shell: RunningDevShell,
        private readonly backend: GatewayStack,
        private readonly stateDir: string) {
        page.on('pageerror', error => this.browserErrors.push(`pageerror: ${error.message}`));
        page.on('console', message => {
            // Requests the harness itself refuses (anything off 127.0.0.1) are expected, not errors.
            if (message.type() === 'error' && !message.text().includes(BLOCKED_REQUEST_ERROR)) {
                this.browserErrors.push(`console: ${message.text()}`);
            }
        });
    }

    /**
     * Prints what the browser complained about during the last test, next to its result, and forgets it: the SDK
     * logs noise of its own, so complaints are shown rather than failing a test.
     */
    reportBrowserErrors(): void {
        if (this.browserErrors.length > 0) {
            process.stdout.write(`Browser errors during the test:\n  ${this.browserErrors.join('\n  ')}\n`);
            this.browserErrors.length = 0;
        }
    }

    /** Starts everything (building the extension first when dist/eflow-manager has no build). */
    static async start(options: BrowserHarnessOptions = {}): Promise<BrowserHarness> {
        const dist = extensionDistDir();
        if (!await isExtensionBuilt(dist.dir)) {
            if (!dist.buildIfMissing) {
                throw new Error(`EFLOW_EXTENSION_DIST=${dist.dir} holds no built extension (index.html)`);
            }
            // What ships is the production build; tests exercise the same.
            await buildExtension({ configuration: 'production', output: 'quiet' });
        }
        const stateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'eflow-browser-state-'));
        const cleanups: (() => Promise<void>)[] = [() => fs.rm(stateDir, { recursive: true, force: true })];
        try {
            const backend = await startBrowserTestBackend({ stateDir, timeScale: options.timeScale ?? 0.01 });
            cleanups.unshift(() => backend.close());
            const shell = await startDevShellServer({
                gatewayUrl: backend.url, port: 0, extensionDistDir: dist.dir
            });
            cleanups.unshift(() => shell.close());
            const chromium = await launchChromium();
            cleanups.unshift(() => chromium.close());
            await installReplyTrap(chromium.context);
            const page = chromium.context.pages()[0] ?? await chromium.context.newPage();
            page.setDefaultTimeout(UI_TIMEOUT_MS);
            return new BrowserHarness(page, shell.url, backend.url, chromium, shell, backend, stateDir);
        } catch (error: unknown) {
            for (const cleanup of cleanups) {
                await cleanup().catch(() => undefined);
            }
            throw error;
        }
    }

    /** Loads the shell (optionally with a query string such as `?gatewayApiVersion=2.0.0`) and waits for its hosts. */
    async openShell(query = '', hash = ''): Promise<void> {
        // A goto that differs only in the hash would not reload the page; every open starts from a fresh shell.
        await this.page.goto('about:blank');
        await this.page.goto(`${this.shellUrl}${query}${hash}`);
        const body = await this.page.waitForSelector(
            'body[data-hosts-loaded], body[data-hosts-error], body[data-shell-error]');
        const problem = await body.getAttribute('data-shell-error') ?? await body.getAttribute('data-hosts-error');
        if (problem !== null) {
            throw new Error(`The dev shell did not start: ${problem}`);
        }
    }

    /**
     * Opens a host's tool by its URL (as a reload or a bookmark would), at `toolRoute` inside the tool when given (a
     * deep link, e.g. `deploy`), and waits until the tool has booted; returns the tool's frame.
     */
    async openHost(hostName: string, query = '', toolRoute = ''): Promise<Frame> {
        await this.openShell(query, hashForHostName(hostName, toolRoute));
        return this.waitForTool(hostName);
    }

    /** Clicks a host in the connection list and waits for its tool to boot; returns the tool's frame. */
    async selectHost(hostName: string): Promise<Frame> {
        await this.page.click(`[data-testid="connection-row"][data-host="${hostName}"]`);
        return this.waitForTool(hostName);
    }

    /**
     * Waits until the tool frame for `hostName` finished the handshake and Angular rendered inside `em-root`;
     * returns its frame.
     */
    async waitForTool(hostName: string): Promise<Frame> {
        const container = this.page.locator('[data-testid="tool-container"]');
        await container.and(this.page.locator('[data-handshake="opened"]')).waitFor();
        const frameElement = await this.page.waitForSelector(`iframe[data-testid="tool-frame"][data-host="${hostName}"]`);
        const frame = await frameElement.contentFrame();
        if (!frame) {
            throw new Error(`The tool frame for ${hostName} has no document`);
        }
        await frame.waitForSelector('em-root > *', { state: 'attached' });
        return frame;
    }

    /** The hosts as the gateway lists them (`GET /sim/hosts`). */
    hosts(): Promise<FleetHostInfo[]> {
        return this.gatewayJson<FleetHostInfo[]>('GET', '/sim/hosts');
    }

    /** One host's whole simulated state (`GET /sim/hosts/:name`), to check what the tool did on it. */
    hostState(hostName: string): Promise<HostState> {
        return this.gatewayJson<HostState>('GET', `/sim/hosts/${encodeURIComponent(hostName)}`);
    }

    /** The gateway's request log after `sinceSeq` (`GET /sim/requests?since=`). */
    requests(sinceSeq = 0): Promise<RequestLogEntry[]> {
        return this.gatewayJson<RequestLogEntry[]>('GET', `/sim/requests?since=${sinceSeq}`);
    }

    /**
     * The tool's own PowerShell requests after `sinceSeq` (a run is one PUT or POST, plus GET polls), optionally for
     * one node: not the harness's /sim calls, not the SDK's gateway status checks, and not session closes (DELETE),
     * which the SDK sends on its own schedule for sessions of earlier hosts.
     */
    async toolRequests(sinceSeq: number, node?: string): Promise<RequestLogEntry[]> {
        return (await this.requests(sinceSeq)).filter(entry => entry.family !== 'sim' && entry.family !== 'status' &&
            entry.method !== 'DELETE' && (node === undefined || entry.node === node));
    }

    /**
     * Polls the request log until an entry after `sinceSeq` matches; resolves with it. Rejects after `timeoutMs`
     * with what the log held, so a failure says what the extension did call.
     */
    async waitForRequest(matches: (entry: RequestLogEntry) => boolean, sinceSeq = 0,
        timeoutMs = UI_TIMEOUT_MS): Promise<RequestLogEntry> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const entries = await this.requests(sinceSeq);
            const found = entries.find(matches);
            if (found) {
                return found;
            }
            if (Date.now() > deadline) {
                const seen = entries.map(entry => `${entry.method} ${entry.path} node=${entry.node ?? '-'}`).join('\n  ');
                throw new Error(`No matching gateway request within ${timeoutMs} ms. Requests seen:\n  ${seen}`);
            }
            await new Promise(resolve => setTimeout(resolve, 100));
        }
    }

    /**
     * Waits until the gateway has logged no new request for `quietMs` (the tool finished what it does on open),
     * e.g. before a screenshot, without knowing what the tool's pages look like.
     */
    async waitForGatewayQuiet(quietMs = 1000, timeoutMs = UI_TIMEOUT_MS): Promise<void> {
        const deadline = Date.now() + timeoutMs;
        // The harness's own /sim calls are logged too; only the tool's requests count.
        const lastToolSeq = async (): Promise<number> => Math.max(0,
            ...(await this.requests()).filter(entry => entry.family !== 'sim').map(entry => entry.seq));
        let lastSeq = await lastToolSeq();
        let quietSince = Date.now();
        while (Date.now() - quietSince < quietMs) {
            if (Date.now() > deadline) {
                throw new Error(`The tool kept calling the gateway for ${timeoutMs} ms`);
            }
            await new Promise(resolve => setTimeout(resolve, 200));
            const seq = await lastToolSeq();
            if (seq !== lastSeq) {
                lastSeq = seq;
                quietSince = Date.now();
            }
        }
    }

    /** The newest request log seq (0 when empty): pass it to `requests` to see only what follows. */
    async lastRequestSeq(): Promise<number> {
        const entries = await this.requests();
        return entries.length === 0 ? 0 : Math.max(...entries.map(entry => entry.seq));
    }

    /** Makes the gateway refuse a command on a host, or stops it with null (`PUT /sim/hosts/:name/refusal`). */
    async setRefusal(hostName: string, refusal: CommandRefusalRequest | null): Promise<void> {
        await this.gatewayJson<unknown>('PUT', `/sim/hosts/${encodeURIComponent(hostName)}/refusal`, refusal);
    }

    /** Changes a host's faults (`PATCH /sim/hosts/:name/faults`). */
    async setFaults(hostName: string, faults: Partial<HostFaults>): Promise<void> {
        await this.gatewayJson<unknown>('PATCH', `/sim/hosts/${encodeURIComponent(hostName)}/faults`, faults);
    }

    /** Saves a PNG of the whole shell to test-output/screenshots/<name>.png; returns its path. */
    async screenshot(name: string): Promise<string> {
        await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
        const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
        await this.page.screenshot({ path: file });
        return file;
    }

    /** Stops the browser, the servers and the simulated fleet, and removes the state folder. */
    async close(): Promise<void> {
        await this.chromium.close().catch(() => undefined);
        await this.shell.close();
        await this.backend.close();
        await fs.rm(this.stateDir, { recursive: true, force: true });
    }

    private async gatewayJson<T>(method: string, route: string, body?: unknown): Promise<T> {
        const response = await fetch(`${this.gatewayUrl}${route}`, {
            method,
            headers: body === undefined ? {} : { 'content-type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body)
        });
        if (!response.ok) {
            throw new Error(`${method} ${route} answered ${response.status}: ${await response.text()}`);
        }
        return await response.json() as T;
    }
}

/** Starts the harness (see BrowserHarness.start). */
export function startBrowserHarness(options: BrowserHarnessOptions = {}): Promise<BrowserHarness> {
    return BrowserHarness.start(options);
}
