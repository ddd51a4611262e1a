/**
 * Gateway round trips the deployment wizard makes from opening to the review step, measured in Chromium against the
 * dev shell: the wizard is opened from the host's dashboard and clicked through to Review as an admin would, and the
 * requests the tool sent to the gateway emulator in between are counted from its request log (HTTP requests: a
 * script run is one PUT or POST, plus the GET polls of a script that outlives the gateway's first wait).
 *
 *   npx tsx bench/wizard-round-trips.ts
 */
import { startBrowserHarness, type BrowserHarness } from '../test/browser/harness';
import { NEXT_BUTTON, WizardDriver } from '../test/browser/deploy/wizard-driver';
import { printTable } from './report';

export interface WizardRoundTripFigure {
    scenario: string;
    /** HTTP requests to the gateway from the click that opens the wizard until the review shows. */
    requests: number;
    /** Script runs among them (PUT/POST that start a command). */
    scriptRuns: number;
    /** Polls (GET) among them. */
    polls: number;
    ms: number;
    /** The scripts run, in order. */
    commands: string;
}

/** A way through the wizard: the host, the dashboard entry, and what the admin does before the review shows. */
interface Scenario {
    name: string;
    host: string;
    entry: string;
    fillIn(wizard: WizardDriver): Promise<void>;
}

const SCENARIOS: Scenario[] = [
    {
        // A bare client host with the defaults: every page visited with Next, the terms accepted, provisioning later.
        name: 'bare host, defaults, Next through every page',
        host: 'ready-to-deploy', entry: 'deploy',
        async fillIn(wizard) {
            for (const page of ['product', 'vmSize', 'network', 'gpu', 'features']) {
                await wizard.next(page);
            }
            await wizard.choose('features.eulaAccepted');
            await wizard.next('provisioning');
            await wizard.next('review');
        }
    },
    {
        // A deployed VM provisioned with X.509: the certificate and key paths are checked on the host as typed.
        name: 'deployed VM, DPS X.509 (host file checks)',
        host: 'edge-unprovisioned', entry: 'provision',
        async fillIn(wizard) {
            await wizard.waitForPage('provisioning');
            await wizard.choose('provisioning.type', 'DpsX509');
            await wizard.fill('provisioning.scopeId', '0ne0012AB34');
            await wizard.fill('provisioning.identityCertPath', 'C:\\certs\\device-identity.cert.pem');
            await wizard.fill('provisioning.identityPrivKeyPath', 'C:\\certs\\device-identity.key.pem');
            await wizard.frame.waitForSelector(`${NEXT_BUTTON}:not([disabled])`);
            await wizard.next('review');
        }
    }
];

async function measure(harness: BrowserHarness, scenario: Scenario): Promise<WizardRoundTripFigure> {
    const frame = await harness.openHost(scenario.host);
    await frame.evaluate(() => window.localStorage.clear());
    await frame.waitForSelector(`[data-test="deploy-entry"][data-kind="${scenario.entry}"]`);
    await harness.waitForGatewayQuiet();
    const since = await harness.lastRequestSeq();
    const started = Date.now();
    const wizard = new WizardDriver(harness, frame);
    await wizard.enterFromDashboard(scenario.entry);
    await scenario.fillIn(wizard);
    await wizard.waitForPage('review');
    const ms = Date.now() - started;
    await harness.waitForGatewayQuiet();
    const requests = await harness.toolRequests(since, scenario.host);
    const runs = requests.filter(entry => entry.method === 'PUT' || entry.method === 'POST');
    return {
        scenario: scenario.name,
        requests: requests.length,
        scriptRuns: runs.length,
        polls: requests.filter(entry => entry.method === 'GET').length,
        ms,
        commands: runs.map(entry => entry.command ?? entry.path.replace(/.*\//, '')).join(', ')
    };
}

/** Runs every scenario on a fresh simulated fleet (time scale 0: the figures count requests, not waits). */
export async function measureWizardRoundTrips(): Promise<WizardRoundTripFigure[]> {
    const harness = await startBrowserHarness({ timeScale: 0 });
    try {
        const figures: WizardRoundTripFigure[] = [];
        for (const scenario of SCENARIOS) {
            figures.push(await measure(harness, scenario));
        }
        return figures;
    } finally {
        await harness.close();
    }
}

export function printWizardRoundTrips(figures: WizardRoundTripFigure[]): void {
    printTable('Deployment wizard: gateway round trips from opening to the review',
        ['scenario', 'requests', 'script runs', 'polls', 'ms', 'scripts run'],
        figures.map(f => [f.scenario, f.requests, f.scriptRuns, f.polls, f.ms, f.commands]));
}

if (require.main === module) {
    measureWizardRoundTrips()
        .then(printWizardRoundTrips)
        .catch((error: unknown) => {
            process.stderr.write(`wizard-round-trips failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
            process.exit(1);
        });
}
