/**
 * The host overview dashboard in the dev shell, in Chromium, against the simulated fleet: hosts in different states
 * are opened and what the dashboard shows is checked against the simulator's own state (GET /sim/hosts/:name).
 * Screenshots of each view land in test-output/screenshots/.
 */
import type { Frame } from 'playwright-core';
import type { HostState } from '../../tools/simulator/state/host-state';
import { BrowserHarness, startBrowserHarness } from './harness';

let harness: BrowserHarness;

beforeAll(async () => {
    harness = await startBrowserHarness();
});

afterAll(async () => {
    await harness?.close();
});

afterEach(() => harness?.reportBrowserErrors());

async function stateOf(host: string): Promise<HostState> {
    const response = await fetch(`${harness.gatewayUrl}/sim/hosts/${host}`);
    return await response.json() as HostState;
}

/** Opens a host and waits until the dashboard left its first-load view; returns the frame and the view's name. */
async function openDashboard(host: string): Promise<{ frame: Frame; view: string }> {
    const frame = await harness.openHost(host);
    const view = await frame.waitForSelector('[data-test="overview-view"]:not([data-view="first-load"])');
    return { frame, view: await view.getAttribute('data-view') ?? '' };
}

const text = async (frame: Frame, selector: string): Promise<string> =>
    (await frame.locator(selector).first().textContent() ?? '').trim();

describe('host overview dashboard', () => {
    it('shows a healthy provisioned host as the simulator has it: power, versions, modules, address', async () => {
        const state = await stateOf('edge-healthy');
        const vm = state.vm;
        if (!vm || !state.eflow) throw new Error('edge-healthy has no VM');
        const openedAt = Date.now();
        const { frame, view } = await openDashboard('edge-healthy');
        const shownAt = Date.now();
        expect(view).toBe('dashboard');
        expect(await frame.getAttribute('[data-test="vm-power-state"]', 'data-state')).toBe('running');
        expect(await text(frame, '[data-test="eflow-version"]')).toContain(state.eflow.version);
        expect(await text(frame, '[data-test="iotedge-version"]')).toContain(vm.runtime.iotEdgeVersion);
        expect(await text(frame, '[data-test="vm-ip"]')).toContain(vm.endpoints[0]?.ipAddress ?? 'missing');
        const modules = await frame.$$eval('[data-test="module-row"]', rows => rows.map(row =>
            [row.getAttribute('data-module'), row.getAttribute('data-status')]));
        expect(modules.sort()).toEqual(vm.modules.map(m => [m.name, m.status]).sort());
        expect(await frame.getAttribute('[data-test="vm-provisioning"]', 'data-state')).toBe('Provisioned');
        expect(await frame.locator('[data-test="stale-marker"]').count()).toBe(0);
        // The time the read's answer arrived (ms since the epoch, same clock as this process): after the host was
        // opened, and no later than the dashboard showing it.
        const timestamp = await frame.getAttribute('[data-test="last-updated"]', 'data-timestamp');
        expect(timestamp).toMatch(/^\d+$/);
        expect(Number(timestamp)).toBeGreaterThanOrEqual(openedAt);
        expect(Number(timestamp)).toBeLessThanOrEqual(shownAt);
        await harness.screenshot('overview-edge-healthy');
    });

    it('flags the crash-looping module as failing, with an alert that says what to do', async () => {
        const { frame } = await openDashboard('module-failing');
        expect(await frame.getAttribute('[data-test="module-row"][data-module="OpcPublisher"]', 'data-status')).toBe('failed');
        const alert = frame.locator('[data-test="alert-row"][data-kind="moduleFailing"]');
        expect(await alert.count()).toBe(1);
        expect(await alert.getAttribute('data-severity')).toBe('warning');
        expect((await alert.locator('[data-test="alert-action"]').textContent())?.trim()).not.toBe('');
        await harness.screenshot('overview-module-failing');
    });

    it.each([
        ['win10-home', 'not-ready'],
        ['hyperv-disabled', 'not-ready'],
        ['ready-to-deploy', 'not-installed'],
        ['msi-installed', 'installed'],
        ['edge-stopped', 'vm-stopped']
    ])('shows %s in its own view (%s)', async (host, expectedView) => {
        const { frame, view } = await openDashboard(host);
        expect(view).toBe(expectedView);
        if (expectedView === 'vm-stopped') {
            expect(await frame.getAttribute('[data-test="vm-power-state"]', 'data-state')).toBe('off');
        }
        if (expectedView === 'not-ready') {
            expect(await frame.locator('[data-test="readiness-check"][data-outcome="fail"]').count()).toBeGreaterThan(0);
        }
        await harness.screenshot(`overview-${host}`);
    });

    it('tells Windows 10 Home its edition cannot run EFLOW, with no Prepare button', async () => {
        const { frame, view } = await openDashboard('win10-home');
        expect(view).toBe('not-ready');
        expect(await frame.getAttribute('[data-test="deploy-entry"]', 'data-kind')).toBe('edition');
        expect(await text(frame, '[data-test="deploy-entry"]')).toContain('This edition cannot run EFLOW');
        expect(await text(frame, '[data-test="deploy-entry-text"]')).toContain('Upgrade to Windows 10 or 11 Pro, Enterprise or IoT Enterprise');
        expect(await frame.locator('[data-test="deploy-entry-button"]').count()).toBe(0);
        // The connection's name heads the page, as the shell's connection list shows it.
        expect(await text(frame, '[data-test="host-name"]')).toBe('win10-home');
        await harness.screenshot('overview-win10-home-edition');
    });

    it('shows a Deploy-Eflow that failed part-way (deploy-partial) as a partial deployment, not "not deployed"', async () => {
        const { frame, view } = await openDashboard('deploy-partial');
        expect(view).toBe('partial-deployment');
        expect(await text(frame, '[data-test="partial-notice"]')).toContain('it failed before the virtual machine was created');
        expect(await frame.locator('[data-test="installed-notice"]').count()).toBe(0);
        expect(await frame.locator('[data-test="admin-command"]').count()).toBe(0);
        expect(await frame.getAttribute('[data-test="deploy-entry"]', 'data-kind')).toBe('partial');
        expect(await frame.getAttribute('[data-test="install-state"]', 'data-state')).toBe('partial-deployment');
        await harness.screenshot('overview-deploy-partial');
    });

    it('shows an unreachable host as unreachable, with the gateway\'s reason', async () => {
        const { frame, view } = await openDashboard('offline-kiosk');
        expect(view).toBe('unreachable');
        expect(await frame.locator('[data-test="gateway-error"]').count()).toBe(1);
        await harness.screenshot('overview-offline-kiosk');
    });

    it('keeps the page when Get-EflowVm throws, showing the error in the VM card', async () => {
        const { frame, view } = await openDashboard('vm-ip-broken');
        expect(view).toBe('dashboard');
        const sectionError = frame.locator('[data-test="vm-card"] [data-test="section-error"]');
        expect(await sectionError.textContent()).toContain('Could not read the virtual machine (code EflowVmUnavailable)');
        // The alert says what to do for this code; the host's own message is behind Details.
        const alert = frame.locator('[data-test="alert-row"][data-kind="sectionError"]').first();
        expect(await alert.locator('[data-test="alert-action"]').textContent()).toContain('Stop-EflowVm, then Start-EflowVm');
        expect(await alert.locator('[data-test="alert-details"]').textContent()).toContain('Could not resolve virtual machine IP address');
        expect(await text(frame, '[data-test="vm-power-state"]')).not.toMatch(/Unknown\s+Unknown/);
        expect(await text(frame, '[data-test="eflow-version"]')).toContain((await stateOf('vm-ip-broken')).eflow?.version ?? 'x');
        await harness.screenshot('overview-vm-ip-broken');
    });

    it('warns about the WSSDAgent certificate a year after install', async () => {
        const { frame } = await openDashboard('cert-expiring');
        expect(await frame.locator('[data-test="alert-row"][data-kind="wssdCertificateExpiring"]').count()).toBe(1);
        expect(await frame.getAttribute('[data-test="certificate-state"]', 'data-state')).toBe('expiring');
    });

    it('keeps the last good data, marked stale, when the host stops answering', async () => {
        const { frame } = await openDashboard('slow-link');
        expect(await frame.locator('[data-test="stale-marker"]').count()).toBe(0);
        await harness.setFaults('slow-link', { offline: true });
        try {
            await frame.click('[data-test="refresh-button"]');
            await frame.waitForSelector('[data-test="stale-marker"]');
            await frame.waitForSelector('[data-test="refresh-failure"]');
            // The data is still on the page.
            expect(await frame.getAttribute('[data-test="overview-view"]', 'data-view')).toBe('dashboard');
            expect(await frame.locator('[data-test="module-row"]').count()).toBeGreaterThan(0);
            await harness.screenshot('overview-stale');
        } finally {
            await harness.setFaults('slow-link', { offline: false });
        }
    });

    it('refreshes in one gateway request', async () => {
        const { frame } = await openDashboard('edge-healthy');
        await harness.waitForGatewayQuiet();
        const since = await harness.lastRequestSeq();
        await frame.click('[data-test="refresh-button"]');
        await harness.waitForRequest(entry => entry.node === 'edge-healthy' && entry.family !== 'sim', since);
        await harness.waitForGatewayQuiet();
        const requests = await harness.toolRequests(since, 'edge-healthy');
        // One invokeCommand in the tool's keyed session (a POST once the session exists), no polling.
        expect(requests.map(entry => `${entry.method} ${entry.command ?? ''}`)).toEqual(['POST Get-EflowHostOverview']);
    });
});
