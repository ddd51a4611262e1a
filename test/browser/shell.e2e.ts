/**
 * The dev shell in Chromium: the connection list, the handshake with the real extension, switching hosts, and
 * the module's notifications. The extension is the built dist/eflow-manager; the SDK inside it is the real one.
 */
import type { FleetHostInfo } from '../../tools/simulator/api';
import { connectionTypeLabel } from '../../tools/dev-shell/src/wac-connection';
import { BrowserHarness, startBrowserHarness } from './harness';
import { moduleRequestPacket, sendModuleRequest } from './module-rpc';

/** The part of the SDK's `MsftSme` global the tests read in the module's window. */
interface SdkGlobal {
    MsftSme: { self(): { Init: { gatewayApiVersion: string } } };
}

let harness: BrowserHarness;
let fleet: FleetHostInfo[];

beforeAll(async () => {
    harness = await startBrowserHarness();
    fleet = await harness.hosts();
});

afterAll(async () => {
    await harness?.close();
});

afterEach(() => harness?.reportBrowserErrors());

/** Two hosts to switch between: the first two reachable ones. */
function twoReachableHosts(): [string, string] {
    const reachable = fleet.filter(host => host.reachable).map(host => host.name);
    const [first, second] = reachable;
    if (!first || !second) {
        throw new Error(`The fleet needs two reachable hosts for this test; it has ${reachable.length}`);
    }
    return [first, second];
}

/** The debug log's Forward entries for one host: which services the shell answered. */
async function forwardedServices(hostName: string): Promise<string[]> {
    return harness.page.$$eval(`[data-testid="debug-log"] li[data-category="forward"][data-host="${hostName}"]`,
        entries => entries.map(entry => entry.getAttribute('data-service') ?? ''));
}

describe('connection list', () => {
    beforeAll(async () => {
        await harness.openShell();
    });

    it('shows every simulated host with its type, tags and reachability', async () => {
        const rows = await harness.page.$$eval('[data-testid="connection-row"]', elements => elements.map(row => ({
            name: row.getAttribute('data-host'),
            type: row.querySelector('[data-testid="connection-type"]')?.textContent,
            tags: Array.from(row.querySelectorAll('[data-testid="connection-tag"]'), tag => tag.textContent),
            reachable: row.getAttribute('data-reachable') === 'true',
            status: row.querySelector('[data-testid="connection-status"]')?.textContent
        })));

        expect(rows).toEqual(fleet.map(host => ({
            name: host.name,
            type: connectionTypeLabel(host.connectionType),
            tags: host.tags,
            reachable: host.reachable,
            status: host.reachable ? 'Reachable' : 'Unreachable'
        })));
    });

    it('filters by name and by tag as the user types', async () => {
        const sample = fleet.find(host => host.tags.length > 0) ?? fleet[0];
        if (!sample) {
            throw new Error('The fleet is empty');
        }
        const query = sample.tags[0] ?? sample.name;
        await harness.page.fill('[data-testid="connection-search"]', query);
        const shown = await harness.page.$$eval('[data-testid="connection-row"]',
            rows => rows.map(row => row.getAttribute('data-host')));
        await harness.page.fill('[data-testid="connection-search"]', '');

        const lowered = query.toLowerCase();
        expect(shown).toEqual(fleet.filter(host => host.name.toLowerCase().includes(lowered)
            || host.tags.some(tag => tag.toLowerCase().includes(lowered))).map(host => host.name));
        expect(shown).toContain(sample.name);
    });

    it('shows a host the gateway can no longer reach as unreachable after a refresh', async () => {
        const [hostName] = twoReachableHosts();
        await harness.setFaults(hostName, { offline: true });
        try {
            await harness.page.click('#refresh-connections');
            const row = harness.page.locator(`[data-testid="connection-row"][data-host="${hostName}"]`);
            await row.and(harness.page.locator('[data-reachable="false"]')).waitFor();

            expect(await row.locator('[data-testid="connection-status"]').textContent()).toBe('Unreachable');
        } finally {
            await harness.setFaults(hostName, { offline: false });
            await harness.page.click('#refresh-connections');
        }
    });
});

describe('opening a host', () => {
    it('completes the handshake when a host is clicked, boots the tool and puts the host in the URL', async () => {
        const [hostName] = twoReachableHosts();
        await harness.openShell();
        const requestsBefore = await harness.lastRequestSeq();

        const tool = await harness.selectHost(hostName);

        expect(new URL(harness.page.url()).hash).toBe(`#/connections/${hostName}`);
        expect(await harness.page.textContent('[data-testid="connection-name"]')).toBe(hostName);
        expect(await harness.page.textContent('[data-testid="tool-name"]')).toBe('IoT Edge for Linux on Windows');
        expect(await tool.locator('em-root').count()).toBe(1);
        // The module got the three services it waits for before it opens, answered for this host.
        expect(new Set(await forwardedServices(hostName)))
            .toEqual(new Set(['gateway-connection', 'authorization-manager', 'connection-manager']));
        // ...and the gateway URL and connection it got work: the tool runs PowerShell on that node.
        const powerShellCall = await harness.waitForRequest(entry => entry.node === hostName, requestsBefore);
        expect(powerShellCall.path).toContain(`/nodes/${hostName}/`);
        await harness.waitForGatewayQuiet();
        await harness.screenshot('shell-host-open');
    });

    it('gives the module the selected connection and the whole fleet', async () => {
        const [, hostName] = twoReachableHosts();
        const tool = await harness.openHost(hostName);

        const reply = await sendModuleRequest(tool, 'Forward', { service: 'connection-manager', type: 2 });

        expect(reply.data).toMatchObject({
            result: {
                activeConnection: { name: hostName, id: expect.stringMatching(new RegExp(`!${hostName}$`)) },
                connections: fleet.map(host => expect.objectContaining({
                    id: `${host.connectionType}!${host.name}`, name: host.name, type: host.connectionType
                }))
            }
        });
    });

    it('hands the tool its icon stylesheet in Init, so the SDK\'s status icons are drawn, not empty boxes', async () => {
        const tool = await harness.openHost('edge-healthy');
        const icon = tool.locator('sme-icon-layer.sme-icon-completedSolid').first();
        await icon.waitFor();
        const glyph = await icon.evaluate(element => {
            const before = getComputedStyle(element, '::before');
            return { content: before.content, mask: before.webkitMaskImage || before.maskImage, width: before.width,
                fill: before.backgroundColor, colour: getComputedStyle(element).color };
        });
        // The font's code point is gone, an SVG glyph of the icon's size is painted in the icon's colour instead.
        expect(glyph.content).toBe('""');
        expect(glyph.mask).toContain('data:image/svg+xml');
        expect(parseFloat(glyph.width)).toBeGreaterThan(0);
        expect(glyph.fill).toBe(glyph.colour);
        expect(glyph.fill).not.toBe('rgba(0, 0, 0, 0)');
    });

    it('opens the host named in the URL on reload', async () => {
        const [hostName] = twoReachableHosts();
        await harness.openHost(hostName);

        await harness.page.reload();
        await harness.waitForTool(hostName);

        expect(await harness.page.textContent('[data-testid="connection-name"]')).toBe(hostName);
        expect(await harness.page.locator('[data-testid="connection-row"].selected').getAttribute('data-host'))
            .toBe(hostName);
    });

    it.each(['1.0.0', '2.0.0'])('passes gatewayApiVersion %s from the query string to the module\'s Init',
        async version => {
            const [hostName] = twoReachableHosts();
            const tool = await harness.openHost(hostName, `?gatewayApiVersion=${version}`);

            // MsftSme is the SDK's global in the module's window; Init holds what the shell sent.
            expect(await tool.evaluate(() => (window as unknown as SdkGlobal).MsftSme.self().Init.gatewayApiVersion))
                .toBe(version);
        });
});

describe('switching hosts', () => {
    it('reopens the tool in a new frame for the other host and ignores the old frame', async () => {
        const [firstHost, secondHost] = twoReachableHosts();
        const firstTool = await harness.openHost(firstHost);
        await harness.page.evaluate(() => {
            const frame = document.querySelector<HTMLIFrameElement>('iframe[data-testid="tool-frame"]');
            (window as unknown as { oldToolWindow: Window | null }).oldToolWindow = frame?.contentWindow ?? null;
        });

        const secondTool = await harness.selectHost(secondHost);

        expect(firstTool.isDetached()).toBe(true);
        expect(await harness.page.locator('iframe[data-testid="tool-frame"]').count()).toBe(1);
        expect(await harness.page.textContent('[data-testid="connection-name"]')).toBe(secondHost);
        expect(await forwardedServices(secondHost)).toContain('connection-manager');
        expect(await secondTool.evaluate(() => window.location.pathname))
            .toBe('/modules/eflowmanager.iot-edge-eflow/');

        // A Notification whose source is the old frame's window reaches the shell's listener and is dropped.
        const stale = moduleRequestPacket('Notification',
            { id: 'stale', state: 4, title: 'From the old frame', message: 'must not show' }, 910_001);
        await harness.page.evaluate(packet => {
            const oldWindow = (window as unknown as { oldToolWindow: Window | null }).oldToolWindow;
            window.dispatchEvent(new MessageEvent('message', { data: packet, source: oldWindow }));
        }, stale);
        // The same kind of message from the current frame shows: the shell was listening all along.
        await sendModuleRequest(secondTool, 'Notification',
            { id: 'current', state: 6, title: 'From the new frame', message: 'shows' });

        await harness.page.locator('[data-testid="toast"][data-notification-id="current"]').waitFor();
        expect(await harness.page.locator('[data-notification-id="stale"]').count()).toBe(0);
    });
});

describe('notifications', () => {
    it('shows a module Notification as a toast and in the panel, and updates it in place by id', async () => {
        const [hostName] = twoReachableHosts();
        const tool = await harness.openHost(hostName);

        const reply = await sendModuleRequest(tool, 'Notification', {
            id: 'deploy-42', state: 2, title: 'Deploying EFLOW', message: 'Step 2 of 5: creating the VM',
            nodeName: hostName, timestamp: Date.now()
        });
        const toast = harness.page.locator('[data-testid="toast"][data-notification-id="deploy-42"]');
        await toast.waitFor();

        expect(reply).toMatchObject({ type: 1, command: 'Notification', data: {}, destName: 'eflowmanager.iot-edge-eflow' });
        expect(await toast.getAttribute('data-status')).toBe('in-progress');
        expect(await harness.page.textContent('[data-testid="bell-badge"]')).toBe('1');

        await sendModuleRequest(tool, 'Notification', {
            id: 'deploy-42', state: 6, title: 'EFLOW deployed', message: 'The VM is running.', nodeName: hostName
        });
        await toast.and(harness.page.locator('[data-status="success"]')).waitFor();
        await sendModuleRequest(tool, 'Notification', {
            id: 'restart-1', state: 4, title: 'Restart failed', message: '[VmNotFound] No EFLOW VM.', nodeName: hostName
        });
        await harness.page.click('[data-testid="bell"]');
        const entries = await harness.page.$$eval('[data-testid="notification-panel"] [data-testid="notification-entry"]',
            items => items.map(item => [item.getAttribute('data-notification-id'), item.getAttribute('data-status'),
                item.querySelector('.notification-title')?.textContent]));

        expect(entries).toEqual([
            ['restart-1', 'error', 'Restart failed'],
            ['deploy-42', 'success', 'EFLOW deployed']
        ]);
        expect(await harness.page.isHidden('[data-testid="bell-badge"]')).toBe(true);
        await harness.screenshot('shell-notifications');
        await harness.page.click('[data-testid="bell"]');
    });

    it('keeps the module\'s Log, Telemetry and Report messages in the debug log, not in the notifications', async () => {
        const [hostName] = twoReachableHosts();
        const tool = await harness.openHost(hostName);

        const replies = [
            await sendModuleRequest(tool, 'Log', { level: 2, message: 'probe log line', source: 'e2e' }),
            await sendModuleRequest(tool, 'Telemetry', { view: 'probe-view', action: 'probe' }),
            await sendModuleRequest(tool, 'Report', { probe: 'report' })
        ];
        const logged = await harness.page.$$eval(`[data-testid="debug-log"] li[data-host="${hostName}"]`,
            entries => entries.map(entry => [entry.getAttribute('data-category'),
                entry.querySelector('.debug-log-summary')?.textContent ?? '']));

        expect(replies.map(reply => reply.data)).toEqual([{}, {}, {}]);
        expect(logged).toEqual(expect.arrayContaining([
            ['log', 'probe log line'],
            ['telemetry', expect.stringContaining('probe-view')],
            ['report', expect.stringContaining('"probe":"report"')]
        ]));
        expect(await harness.page.locator('[data-testid="toast"], [data-testid="notification-entry"]',
            { hasText: 'probe' }).count()).toBe(0);
    });
});
