/**
 * The deployment wizard in Chromium against the dev shell and the simulated fleet: a bare host clicked through to a
 * provisioned, healthy device (device connection string), a host half way (MSI in) continued with a DPS symmetric
 * key, a deployed VM provisioned with DPS X.509 from the dashboard's "Provision", and fields refused as typed.
 * Secrets are searched for in every request the browser sent: each appears in exactly one, the provisioning call.
 * Screenshots of every page land in test-output/screenshots/deploy-*.png.
 */
import { GatewayTraffic } from './deploy/gateway-traffic';
import { deviceConnectionString, NEXT_BUTTON, symmetricKey, WizardDriver } from './deploy/wizard-driver';
import { BrowserHarness, startBrowserHarness } from './harness';

let harness: BrowserHarness;
let traffic: GatewayTraffic;

beforeAll(async () => {
    harness = await startBrowserHarness();
});

afterAll(async () => {
    await harness?.close();
});

beforeEach(() => {
    traffic = GatewayTraffic.record(harness.page, harness.gatewayUrl);
});

afterEach(() => {
    traffic.stop();
    harness?.reportBrowserErrors();
});

/** Waits until the gateway reaches `host` again (after a simulated restart, a fraction of a second at test speed). */
async function waitUntilReachable(host: string): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
        if ((await harness.hosts()).find(candidate => candidate.name === host)?.reachable) {
            return;
        }
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    throw new Error(`${host} did not come back after its restart`);
}

/** The host's provisioning as the dashboard shows it. */
async function dashboardProvisioning(wizard: WizardDriver): Promise<string | null> {
    return wizard.frame.getAttribute('[data-test="vm-provisioning"]', 'data-state');
}

/** Asserts that `secret` went to the gateway in exactly one request, the provisioning call, and nowhere else. */
async function expectSecretInProvisioningCallOnly(wizard: WizardDriver, secret: string): Promise<void> {
    const carrying = traffic.carrying(secret);
    expect(carrying.map(request => request.command)).toEqual(['Set-EflowVmProvisioning']);
    expect(carrying[0].url).not.toContain(secret);
    const stored = await wizard.frame.evaluate(() => JSON.stringify({ local: { ...window.localStorage }, session: { ...window.sessionStorage } }));
    expect(stored).not.toContain(secret);
}

describe('fields refused as typed, and hosts that are not ready', () => {
    // First on its host: a later test leaves a draft whose host checks hold the step list for a moment.
    it('moves the focus to each page\'s heading and reaches every VM size field with Tab, in order', async () => {
        const wizard = await WizardDriver.openFromDashboard(harness, 'ready-to-deploy', 'deploy');
        await wizard.openStep('vmSize');
        const focused = (): Promise<string> => wizard.frame.evaluate(() => {
            const active = document.activeElement;
            return active ? `${active.getAttribute('data-test')}:${active.getAttribute('data-field') ?? active.getAttribute('data-page')}` : '';
        });
        await wizard.frame.waitForFunction(() => document.activeElement?.getAttribute('data-test') === 'wizard-page-heading');
        expect(await focused()).toBe('wizard-page-heading:vmSize');
        const order: string[] = [];
        await wizard.frame.focus('[data-field="vmSize.cpuCount"]');
        for (let press = 0; press < 6; press++) {
            await harness.page.keyboard.press('Tab');
            order.push(await focused());
        }
        // Memory, each disk choice, each log partition size (in a form every input is a Tab stop of the SDK's
        // keyboard handling); the SDK wizard's Back and Next come after them.
        expect(order).toEqual(['field:vmSize.memoryInMB', 'field:vmSize.disk', 'field:vmSize.disk', 'field:vmSize.disk',
            'field:vmSize.vmLogSize', 'field:vmSize.vmLogSize']);
        for (let press = 0; press < 5; press++) {
            await harness.page.keyboard.press('Shift+Tab');
        }
        expect(await focused()).toBe('field:vmSize.memoryInMB');
        // After Next the focus is on the new page's heading.
        await wizard.next('network');
        await wizard.frame.waitForFunction(() => document.activeElement?.getAttribute('data-page') === 'network');
        expect(await focused()).toBe('wizard-page-heading:network');
    });

    it('refuses an odd memory size, an invalid static address and an address in use with their messages, Next disabled', async () => {
        const wizard = await WizardDriver.openFromDashboard(harness, 'ready-to-deploy', 'deploy');
        await wizard.openStep('vmSize');
        await wizard.typeSlowly('vmSize.memoryInMB', '1025');
        expect(await wizard.messages('vmSize.memoryInMB')).toEqual([['memoryOdd', 'Deploy-Eflow accepts only an even number of MB; 1,025 is odd.']]);
        expect(await wizard.nextEnabled()).toBe(false);
        await wizard.screenshot('invalid-memory');
        await wizard.typeSlowly('vmSize.memoryInMB', '1026');
        expect(await wizard.messages('vmSize.memoryInMB')).toEqual([]);
        await wizard.next('network');

        await wizard.choose('network.virtualSwitch', 'newExternal');
        await wizard.choose('network.addressing', 'static');
        await wizard.fill('network.staticIp.ip4PrefixLength', '24');
        await wizard.fill('network.staticIp.ip4GatewayAddress', '192.168.1.1');
        await wizard.typeSlowly('network.staticIp.ip4Address', '192.168.1.300');
        expect(await wizard.messages('network.staticIp.ip4Address')).toEqual([['ip4AddressInvalid',
            '"192.168.1.300" is not an IPv4 address: write four numbers from 0 to 255 separated by dots, without leading zeros.']]);
        expect(await wizard.nextEnabled()).toBe(false);
        await wizard.screenshot('invalid-static-ip');
        await wizard.fill('network.staticIp.ip4Address', '192.168.1.50');
        await wizard.fill('network.staticIp.ip4GatewayAddress', '10.0.0.1');
        expect(await wizard.messages('network.staticIp.ip4GatewayAddress')).toEqual([['gatewayOutsideSubnet',
            'The gateway 10.0.0.1 is not in the VM\'s subnet 192.168.1.0/24.']]);
        expect(await wizard.nextEnabled()).toBe(false);
        // A well-formed address another device answers at: the host pings it (after a pause in typing) and refuses it.
        const hostAddress = (await harness.hostState('ready-to-deploy')).windows.ipAddresses[0].ipAddress;
        await wizard.fill('network.staticIp.ip4GatewayAddress', '192.168.1.1');
        await wizard.fill('network.staticIp.ip4Address', hostAddress);
        await wizard.frame.waitForSelector('[data-test="field-message"][data-field="network.staticIp.ip4Address"][data-code="ip4AddressInUse"]');
        expect(await wizard.messages('network.staticIp.ip4Address')).toEqual([['ip4AddressInUse',
            `${hostAddress} answers ping from the host: another device uses it. Deploy-Eflow fails with an address in use.`]]);
        expect(await wizard.nextEnabled()).toBe(false);
        await wizard.screenshot('static-ip-in-use');
        await wizard.fill('network.staticIp.ip4Address', '192.168.1.50');
        await wizard.frame.waitForSelector(`${NEXT_BUTTON}:not([disabled])`);
        expect(await wizard.messages('network.staticIp')).toEqual([]);
        // Going back and forth keeps what was typed.
        await wizard.openStep('vmSize');
        expect(await wizard.frame.inputValue('[data-field="vmSize.memoryInMB"]')).toBe('1026');
    });

    it('stops a host that cannot run EFLOW at the prerequisites and says why, when a link opens the wizard there', async () => {
        // The dashboard offers Windows Home no way in (overview.e2e.ts); a bookmarked link to the tool's deploy route
        // still opens the wizard, which must stop on its own.
        const frame = await harness.openHost('win10-home', '', 'deploy');
        await frame.waitForSelector('[data-test="deploy-wizard"][data-status="ready"]');
        const wizard = new WizardDriver(harness, frame);
        await wizard.waitForPage('prerequisites');
        expect(await wizard.frame.getAttribute('[data-test="prerequisite-check"][data-check="hyperv-feature"]', 'data-status')).toBe('fail');
        expect(await wizard.text('cannot-run')).toContain('This host cannot run EFLOW');
        // The host sends a reason code; the page words it from the strings.
        const edition = wizard.frame.locator('[data-test="prerequisite-check"][data-check="os-edition"]');
        expect((await edition.locator('[data-test="prerequisite-detail"]').textContent())?.trim()).toBe('Microsoft Windows 10 Home, build 19045.');
        expect((await edition.locator('[data-test="prerequisite-fix"]').textContent())?.trim())
            .toBe('What to do: Windows Home has no Hyper-V. EFLOW needs Pro, Enterprise or IoT Enterprise: upgrade the edition or use another host.');
        expect(await wizard.frame.locator('[data-test="enable-hyperv"]').count()).toBe(0);
        expect(await wizard.nextEnabled()).toBe(false);
        await wizard.screenshot('cannot-run');
    });

    it('offers to enable Hyper-V where it is off and says the host needs a restart', async () => {
        const wizard = await WizardDriver.openFromDashboard(harness, 'hyperv-disabled', 'prepare');
        await wizard.waitForPage('prerequisites');
        expect(await wizard.frame.getAttribute('[data-test="prerequisite-check"][data-check="hyperv-feature"]', 'data-status')).toBe('fail');
        await wizard.frame.click('[data-test="enable-hyperv"]');
        await wizard.frame.waitForSelector('[data-test="hyperv-status"][data-status="done"]');
        expect(await wizard.text('hyperv-status')).toBe('Hyper-V is enabled and needs a restart of the host to work. Restart the host, then check it again.');
        // The wizard read the host again: Hyper-V now waits for the restart.
        await wizard.frame.waitForSelector('[data-test="prerequisite-check"][data-check="hyperv-feature"][data-status="warning"]');
        await wizard.screenshot('hyperv-enabled');
    });

    it('enables Hyper-V and restarts the host from the wizard; checked again once the host is back, Hyper-V passes', async () => {
        const bootedBefore = (await harness.hostState('srv2019-new')).windows.lastBootTime;
        const wizard = await WizardDriver.openFromDashboard(harness, 'srv2019-new', 'prepare');
        await wizard.waitForPage('prerequisites');
        expect(await wizard.frame.getAttribute('[data-test="prerequisite-check"][data-check="hyperv-feature"]', 'data-status')).toBe('fail');
        await wizard.frame.click('[data-test="enable-hyperv-restart"]');
        // One click restarts nothing: the wizard asks first, naming the host.
        const question = await wizard.text('restart-question');
        expect(question).toMatch(/^Restart \S+ now\? Running workloads stop\.$/);
        expect(question.split(' ')[1].toLowerCase()).toBe('srv2019-new');
        expect((await harness.hostState('srv2019-new')).windows.lastBootTime).toBe(bootedBefore);
        await wizard.screenshot('hyperv-restart-confirm');
        await wizard.frame.click('[data-test="restart-confirm-yes"]');
        await wizard.frame.waitForSelector('[data-test="hyperv-status"][data-status="done"]');
        // The results describe the host before the restart until it answers again.
        expect(await wizard.frame.getAttribute('.em-status-list', 'data-stale')).toBe('true');
        expect(await wizard.text('hyperv-status')).toBe('The host is restarting to finish enabling Hyper-V. It does not answer for a few '
            + 'minutes; check it again once it is back.');
        await wizard.screenshot('hyperv-restarting');
        // The host really restarted: the enablement took effect and it booted again.
        const host = await harness.hostState('srv2019-new');
        expect(host.windows.hyperV).toBe('Enabled');
        expect(host.windows.lastBootTime).not.toBe(bootedBefore);
        await waitUntilReachable('srv2019-new');
        // Checked again without a click, once the host answers.
        await wizard.frame.waitForSelector('[data-test="prerequisite-check"][data-check="hyperv-feature"][data-status="pass"]', { timeout: 20000 });
        expect(await wizard.frame.getAttribute('.em-status-list', 'data-stale')).toBe('false');
        expect(await wizard.frame.$$eval('[data-test="enable-hyperv-restart"]', buttons => buttons.length)).toBe(0);
    });
});

describe('the deployment wizard', () => {
    it('takes a bare host to a provisioned, healthy device with a device connection string', async () => {
        const connectionString = deviceConnectionString('line2-edge-01');
        const wizard = await WizardDriver.openFromDashboard(harness, 'ready-to-deploy', 'deploy');
        await wizard.waitForPage('prerequisites');
        expect(await wizard.frame.$$eval('[data-test="prerequisite-check"][data-status="fail"]', rows => rows.length)).toBe(0);
        await wizard.screenshot('01-prerequisites');

        await wizard.next('product');
        await wizard.screenshot('02-product');
        await wizard.next('vmSize');
        await wizard.fill('vmSize.cpuCount', '2');
        await wizard.fill('vmSize.memoryInMB', '4096');
        await wizard.choose('vmSize.disk', 'dataPartition');
        await wizard.fill('vmSize.disk.vmDataSizeGB', '20');
        expect(await wizard.text('host-left-cpu')).toBe('6 of 8 logical processors');
        await wizard.screenshot('03-vm-size');
        await wizard.next('network');
        await wizard.fill('network.dnsServers', '1.1.1.1, 8.8.8.8');
        await wizard.screenshot('04-network');
        await wizard.next('gpu');
        await wizard.screenshot('05-gpu');
        await wizard.next('features');
        expect(await wizard.nextEnabled()).toBe(false);
        await wizard.choose('features.defender');
        await wizard.choose('features.eulaAccepted');
        await wizard.screenshot('06-features');
        await wizard.next('provisioning');
        await wizard.choose('provisioning.type', 'ManualConnectionString');
        expect(await wizard.frame.getAttribute('[data-field="secrets.devConnString"]', 'type')).toBe('password');
        await wizard.fill('secrets.devConnString', connectionString);
        await wizard.screenshot('07-provisioning');
        await wizard.next('review');
        const preview = await wizard.frame.inputValue('[data-test="powershell-preview"]');
        expect(preview).toContain("Deploy-Eflow -acceptEula 'Yes' -acceptOptionalTelemetry 'No' -cpuCount 2 -memoryInMB 4096 -vmDataSize 20");
        expect(preview).toContain("Provision-EflowVm -provisioningType 'ManualConnectionString' -devConnString '<device connection string>' -headless");
        expect(preview).not.toContain(connectionString);
        await wizard.screenshot('08-review');

        await wizard.deploy();
        await wizard.waitForRun('succeeded');
        expect(await wizard.stepStates()).toEqual(['downloadMsi:succeeded', 'installMsi:succeeded', 'createSwitch:notNeeded',
            'deployVm:succeeded', 'configureVm:succeeded', 'provision:succeeded', 'verify:succeeded']);
        await wizard.screenshot('09-deploy');
        await expectSecretInProvisioningCallOnly(wizard, connectionString);

        expect(await wizard.finishToDashboard()).toBe('dashboard');
        await wizard.frame.waitForSelector('[data-test="vm-provisioning"]');
        expect(await dashboardProvisioning(wizard)).toBe('Provisioned');
        await wizard.screenshot('10-dashboard');
    });

    it('continues a host with the MSI in, provisioned through DPS with a symmetric key, and exports what it runs', async () => {
        const key = symmetricKey('msi-installed');
        const wizard = await WizardDriver.openFromDashboard(harness, 'msi-installed', 'continue');
        // The host is half way: the wizard continues at the VM settings, the product fixed.
        await wizard.waitForPage('vmSize');
        expect(await wizard.frame.getAttribute('[data-test="resume-summary"]', 'data-phase')).toBe('productInstalled');
        expect((await wizard.stepNames())[1]).toBe('1.2 Product (Already in place)');
        await wizard.screenshot('resume-msi-installed');
        await wizard.openStep('features');
        await wizard.choose('features.eulaAccepted');
        await wizard.next('provisioning');
        await wizard.choose('provisioning.type', 'DpsSymmetricKey');
        await wizard.fill('provisioning.scopeId', '0ne0012AB34');
        await wizard.fill('provisioning.registrationId', 'msi-installed');
        await wizard.fill('secrets.symmKey', key);
        await wizard.next('review');
        const preview = await wizard.frame.inputValue('[data-test="powershell-preview"]');
        expect(preview).toContain('# 1. Install Azure IoT Edge 1.5 LTS (x64): already done on this host');
        expect(preview).toContain("-symmKey '<symmetric key>'");
        const [download] = await Promise.all([harness.page.waitForEvent('download'), wizard.frame.click('[data-test="export-json"]')]);
        const exported = JSON.parse(await streamText(await download.createReadStream())) as { eflowProvisioning: Record<string, string> };
        expect(download.suggestedFilename()).toBe('eflow-userconfig-msi-installed.json');
        expect(exported.eflowProvisioning).toEqual(expect.objectContaining({ provisioningType: 'DpsSymmetricKey', scopeId: '0ne0012AB34', symmKey: '' }));

        await wizard.deploy();
        await wizard.waitForRun('succeeded');
        expect((await wizard.stepStates()).slice(0, 2)).toEqual(['downloadMsi:done', 'installMsi:done']);
        await expectSecretInProvisioningCallOnly(wizard, key);
        expect(await wizard.finishToDashboard()).toBe('dashboard');
        await wizard.frame.waitForSelector('[data-test="vm-provisioning"]');
        expect(await dashboardProvisioning(wizard)).toBe('Provisioned');
    });

    it('provisions a deployed VM with DPS X.509 from the dashboard\'s "Provision", checking the files on the host', async () => {
        const wizard = await WizardDriver.openFromDashboard(harness, 'edge-unprovisioned', 'provision');
        await wizard.waitForPage('provisioning');
        await wizard.choose('provisioning.type', 'DpsX509');
        await wizard.fill('provisioning.scopeId', '0ne0012AB34');
        await wizard.fill('provisioning.identityCertPath', 'C:\\certs\\device-identity.cert.pem');
        await wizard.fill('provisioning.identityPrivKeyPath', 'C:\\certs\\missing.key.pem');
        await wizard.frame.waitForSelector('[data-test="field-message"][data-field="provisioning.identityPrivKeyPath"][data-code="pathNotFound"]');
        expect(await wizard.messages('provisioning.identityPrivKeyPath')).toEqual([['pathNotFound', 'The host cannot find C:\\certs\\missing.key.pem.']]);
        expect(await wizard.nextEnabled()).toBe(false);
        await wizard.screenshot('x509-key-not-found');
        await wizard.fill('provisioning.identityPrivKeyPath', 'C:\\certs\\device-identity.key.pem');
        await wizard.frame.waitForSelector(`${NEXT_BUTTON}:not([disabled])`);
        expect(await wizard.messages('provisioning')).toEqual([]);
        await wizard.next('review');
        await wizard.deploy();
        await wizard.waitForRun('succeeded');
        const states = await wizard.stepStates();
        expect([states[3], ...states.slice(5)]).toEqual(['deployVm:done', 'provision:succeeded', 'verify:succeeded']);
        expect(traffic.requests.filter(request => request.command === 'New-EflowVirtualMachine')).toEqual([]);
        expect(await wizard.finishToDashboard()).toBe('dashboard');
        await wizard.frame.waitForSelector('[data-test="vm-provisioning"]');
        expect(await dashboardProvisioning(wizard)).toBe('Provisioned');
    });
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) {
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    }
    return Buffer.concat(chunks).toString('utf8');
}
