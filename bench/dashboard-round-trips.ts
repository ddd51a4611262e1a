/**
 * Gateway round trips per dashboard refresh (target 1), measured in Chromium against the dev shell: the requests
 * the tool sends to the gateway emulator for one click on Refresh, per host, read from the emulator's request log.
 * A slow host (4 s latency) shows the cost of polling when the script outlives the gateway's first wait.
 *
 *   npx tsx bench/dashboard-round-trips.ts
 */
import { startBrowserHarness, type BrowserHarness } from '../test/browser/harness';
import { printTable } from './report';

export interface RefreshFigure {
    host: string;
    openRequests: number;
    refreshRequests: number;
    refreshMs: number;
    requests: string;
}

async function measureHost(harness: BrowserHarness, host: string): Promise<RefreshFigure> {
    const beforeOpen = await harness.lastRequestSeq();
    const frame = await harness.openHost(host);
    await frame.waitForSelector('[data-test="overview-view"]:not([data-view="first-load"])');
    await harness.waitForGatewayQuiet();
    const openRequests = (await harness.toolRequests(beforeOpen, host)).length;
    const since = await harness.lastRequestSeq();
    const started = Date.now();
    await frame.click('[data-test="refresh-button"]');
    await harness.waitForRequest(entry => entry.node === host && entry.family !== 'sim', since);
    await frame.waitForSelector('[data-test="refresh-button"]:not([disabled])');
    const refreshMs = Date.now() - started;
    await harness.waitForGatewayQuiet();
    const requests = await harness.toolRequests(since, host);
    return {
        host, openRequests, refreshRequests: requests.length, refreshMs,
        requests: requests.map(e => `${e.method} ${e.command ?? e.path.replace(/.*\//, '')}`).join(', ')
    };
}

export async function measureDashboardRoundTrips(hosts: string[]): Promise<RefreshFigure[]> {
    const harness = await startBrowserHarness({ timeScale: 0 });
    try {
        const figures: RefreshFigure[] = [];
        for (const host of hosts) {
            figures.push(await measureHost(harness, host));
        }
        return figures;
    } finally {
        await harness.close();
    }
}

export function printDashboardRoundTrips(figures: RefreshFigure[]): void {
    printTable('Dashboard: gateway round trips per refresh (target 1)',
        ['host', 'requests on open', 'requests per refresh', 'refresh ms', 'refresh requests'],
        figures.map(f => [f.host, f.openRequests, f.refreshRequests, f.refreshMs, f.requests]));
}

if (require.main === module) {
    measureDashboardRoundTrips(['edge-healthy', 'module-failing', 'slow-link'])
        .then(printDashboardRoundTrips)
        .catch((error: unknown) => {
            process.stderr.write(`dashboard-round-trips failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
            process.exit(1);
        });
}
