/**
 * The deployment wizard when things go wrong, in Chromium against the simulated fleet at a quarter of real time (so
 * that a deploy step runs long enough to be interrupted): a failure injected at the VM step, explained in plain
 * words and retried to a healthy host; a VM creation that fails after its disk was created, which EFLOW cannot
 * deploy over (at most once per install), so the wizard offers no retry but uninstalls EFLOW and starts again; the
 * wizard closed in the middle of a deployment, in the app and by
 * reloading the browser, then opened again; and a gateway refusal that makes the SDK try to send the provisioning
 * call (and its secret) a second time by itself.
 */
import { GatewayTraffic } from './deploy/gateway-traffic';
import { deviceConnectionString, WizardDriver } from './deploy/wizard-driver';
import { BrowserHarness, startBrowserHarness } from './harness';

let harness: BrowserHarness;

beforeAll(async () => {
    harness = await startBrowserHarness({ timeScale: 0.25 });
});

afterAll(async () => {
    await harness?.close();
});

beforeEach(async () => {
    // Every test starts from the default fleet.
    const response = await fetch(`${harness.gatewayUrl}/sim/reset`, { method: 'POST' });
    expect(response.status).toBe(204);
});

afterEach(() => harness?.reportBrowserErrors());

/** From the wizard's first page: every page filled for a device connection string, then Deploy. */
async function fillAndDeploy(wizard: WizardDriver, connectionString: string): Promise<void> {
    await wizard.openStep('features');
    await wizard.choose('features.eulaAccepted');
    await wizard.next('provisioning');
    await wizard.choose('provisioning.type', 'ManualConnectionString');
    await wizard.fill('secrets.devConnString', connectionString);
    await wizard.next('review');
    await wizard.deploy();
}

/** Finishes and checks that the dashboard shows a provisioned VM. */
async function expectProvisionedDashboard(wizard: WizardDriver): Promise<void> {
    expect(await wizard.finishToDashboard()).toBe('dashboard');
    await wizard.frame.waitForSelector('[data-test="vm-provisioning"][data-state="Provisioned"]');
}

describe('deployment failures and interruptions', () => {
    it('explains a failure at the VM step in plain words, and a retry reaches a healthy host', async () => {
        await harness.setFaults('ready-to-deploy', { deployNotEnoughMemory: 'once' });
        const wizard = await WizardDriver.openFromDashboard(harness, 'ready-to-deploy', 'deploy');
        await fillAndDeploy(wizard, deviceConnectionString('retry-01'));
        await wizard.waitForRun('failed');
        expect(await wizard.frame.getAttribute('[data-test="deploy-failure"]', 'data-step')).toBe('deployVm');
        expect(await wizard.frame.getAttribute('[data-test="deploy-failure"]', 'data-code')).toBe('DeployNotEnoughMemory');
        expect(await wizard.frame.getAttribute('[data-test="deploy-failure"]', 'data-recovery')).toBe('refreshFirst');
        expect(await wizard.text('deploy-failure-headline')).toBe('Deploy the VM failed.');
        expect(await wizard.text('deploy-failure-explanation')).toBe('Deploy-Eflow found too little free memory on the host for this VM and did '
            + 'not create it. Give the VM less memory on the VM size page, or free memory on the host, then deploy again.');
        expect(await wizard.text('deploy-failure-message')).toContain('Not enough memory available.');
        // Both ways on are offered: change the VM size, or (memory freed on the host) retry as it is.
        expect(await wizard.frame.locator('[data-test="deploy-edit-settings"]').count()).toBe(1);
        await wizard.screenshot('failure-vm-step');

        await wizard.frame.click('[data-test="deploy-retry"]');
        await wizard.waitForRun('succeeded');
        // The retry read the host: the MSI was in already, so only the VM and what follows ran.
        expect((await wizard.stepStates()).slice(0, 4)).toEqual(['downloadMsi:done', 'installMsi:done', 'createSwitch:notNeeded', 'deployVm:succeeded']);
        await wizard.screenshot('failure-retried');
        await expectProvisionedDashboard(wizard);
    });

    it('offers no retry after a VM creation failed past its disk, uninstalls EFLOW and starts again to a healthy host', async () => {
        await harness.setFaults('msi-installed', { vmCreationFailure: { step: 'vnic', mode: 'once' } });
        const wizard = await WizardDriver.openFromDashboard(harness, 'msi-installed', 'continue');
        await fillAndDeploy(wizard, deviceConnectionString('partial-01'));
        await wizard.waitForRun('failed');
        expect(await wizard.text('deploy-failure-message')).toContain('Unable to create virtual machine');
        // The host read after the failure shows the disk Deploy-Eflow left: no retry, the uninstall instead.
        await wizard.frame.waitForSelector('[data-test="deploy-failure-explanation"][data-partial="true"]');
        expect(await wizard.text('deploy-failure-explanation')).toContain('Uninstall EFLOW and start again');
        expect(await wizard.frame.getAttribute('[data-test="deploy-failure"]', 'data-recovery')).toBe('uninstall');
        expect(await wizard.frame.locator('[data-test="deploy-retry"]').count()).toBe(0);
        expect(await wizard.frame.locator('[data-test="deploy-edit-settings"]').count()).toBe(0);
        await wizard.screenshot('failure-partial-deployment');

        await wizard.frame.click('[data-test="eflow-removal-start"]');
        const confirmation = await wizard.text('eflow-removal-confirm-text');
        expect(confirmation).toContain('Azure IoT Edge LTS');
        expect(confirmation).toContain('*EFLOW.vhdx');
        await wizard.screenshot('partial-deployment-uninstall-confirmation');
        await wizard.frame.click('[data-test="eflow-removal-confirm"]');
        // Uninstalled, the wizard reads the host again and continues from the product install with every entry kept.
        await wizard.waitForPage('review');
        expect(await wizard.text('eflow-removal-succeeded')).toContain('EFLOW is uninstalled from msi-installed');
        await wizard.screenshot('partial-deployment-uninstalled');
        await wizard.deploy();
        await wizard.waitForRun('succeeded');
        expect((await wizard.stepStates()).slice(0, 4)).toEqual(['downloadMsi:succeeded', 'installMsi:succeeded', 'createSwitch:notNeeded',
            'deployVm:succeeded']);
        await expectProvisionedDashboard(wizard);
    });

    it('goes on when the wizard is closed during the deployment, and shows the run again when reopened', async () => {
        const wizard = await WizardDriver.openFromDashboard(harness, 'ready-to-deploy', 'deploy');
        await fillAndDeploy(wizard, deviceConnectionString('close-01'));
        await wizard.waitForStep('deployVm', 'running');
        await wizard.frame.click('[data-test="wizard-close"]');
        await wizard.frame.waitForSelector('[data-test="overview-view"]:not([data-view="first-load"])');
        await wizard.screenshot('closed-during-deploy');
        // Deploy-Eflow is still creating the VM: the dashboard offers to continue, and the wizard shows the run.
        await wizard.frame.click('[data-test="deploy-entry-button"]');
        await wizard.waitForPage('deploy');
        expect(await wizard.frame.getAttribute('[data-test="deploy-run-page"]', 'data-status')).toBe('running');
        await wizard.screenshot('reopened-during-deploy');
        await wizard.waitForRun('succeeded');
        expect(await wizard.stepStates()).toEqual(['downloadMsi:succeeded', 'installMsi:succeeded', 'createSwitch:notNeeded',
            'deployVm:succeeded', 'configureVm:succeeded', 'provision:succeeded', 'verify:succeeded']);
        await expectProvisionedDashboard(wizard);
    });

    it('resumes after the browser was reloaded during the deployment: waits for Deploy-Eflow, then asks for the secret again', async () => {
        const connectionString = deviceConnectionString('reload-01');
        const wizard = await WizardDriver.openFromDashboard(harness, 'ready-to-deploy', 'deploy');
        await fillAndDeploy(wizard, connectionString);
        await wizard.waitForStep('deployVm', 'running');

        // A reload ends the page and its polling; Deploy-Eflow goes on on the host, and the dashboard knows it runs.
        wizard.frame = await harness.openHost('ready-to-deploy');
        const entry = await wizard.frame.waitForSelector('[data-test="deploy-entry"][data-kind="progress"] [data-test="deploy-entry-text"]');
        expect(await entry.textContent()).toContain('A deployment is running on this host.');
        await wizard.enterFromDashboard('progress');
        await wizard.waitForPage('prerequisites');
        expect(await wizard.frame.getAttribute('[data-test="resume-blocker"]', 'data-code')).toBe('deploymentRunning');
        await wizard.screenshot('reloaded-deployment-running');
        await checkAgainUntilPage(wizard, 'provisioning');
        expect(await wizard.frame.getAttribute('[data-test="resume-summary"]', 'data-phase')).toBe('vmDeployed');
        // The device connection string was never stored: it is asked for again.
        expect(await wizard.frame.inputValue('[data-field="secrets.devConnString"]')).toBe('');
        expect(await wizard.frame.getAttribute('[data-field="provisioning.type"][data-value="ManualConnectionString"]', 'data-value')).toBe('ManualConnectionString');
        await wizard.screenshot('reloaded-resumed');
        await wizard.fill('secrets.devConnString', connectionString);
        await wizard.next('review');
        await wizard.deploy();
        await wizard.waitForRun('succeeded');
        expect((await wizard.stepStates()).slice(0, 4)).toEqual(['downloadMsi:done', 'installMsi:done', 'createSwitch:done', 'deployVm:done']);
        await expectProvisionedDashboard(wizard);
    });

    it('sends the secret once when a gateway refusal makes the SDK resend the provisioning call, and provisions on the admin\'s retry', async () => {
        const traffic = GatewayTraffic.record(harness.page, harness.gatewayUrl);
        try {
            const connectionString = deviceConnectionString('refused-01');
            // The gateway answers the first provisioning call with 400 naming a JEA endpoint: the SDK sends the very
            // same request again to that endpoint by itself, unless the tool stops it.
            await harness.setRefusal('edge-unprovisioned', { command: 'Set-EflowVmProvisioning', status: 400, jeaEndpoint: 'EflowJea', mode: 'once' });
            const wizard = await WizardDriver.openFromDashboard(harness, 'edge-unprovisioned', 'provision');
            await wizard.waitForPage('provisioning');
            await wizard.choose('provisioning.type', 'ManualConnectionString');
            await wizard.fill('secrets.devConnString', connectionString);
            await wizard.next('review');
            await wizard.deploy();
            await wizard.waitForRun('failed');
            expect(await wizard.frame.getAttribute('[data-test="deploy-failure"]', 'data-step')).toBe('provision');
            expect(await wizard.text('deploy-failure-message')).toContain('It carries secrets, so it is not sent again automatically');
            expect(traffic.carrying(connectionString).map(request => request.command)).toEqual(['Set-EflowVmProvisioning']);
            await wizard.screenshot('failure-provisioning-refused');

            // The admin retries: one more provisioning call, the admin's own, and the device is provisioned.
            await wizard.frame.click('[data-test="deploy-retry"]');
            await wizard.waitForRun('succeeded');
            expect(traffic.carrying(connectionString).map(request => request.command)).toEqual(['Set-EflowVmProvisioning', 'Set-EflowVmProvisioning']);
            await expectProvisionedDashboard(wizard);
        } finally {
            traffic.stop();
        }
    });
});

/** Clicks "Check the host again" until the wizard moves on to `page` (Deploy-Eflow finishing on the host). */
async function checkAgainUntilPage(wizard: WizardDriver, page: string): Promise<void> {
    const deadline = Date.now() + 90_000;
    while (await wizard.page() !== page) {
        if (Date.now() > deadline) {
            throw new Error(`The wizard stayed on ${await wizard.page()} instead of moving on to ${page}`);
        }
        await new Promise(resolve => setTimeout(resolve, 1000));
        const recheck = wizard.frame.locator('[data-test="recheck"]:not([disabled])');
        if (await recheck.count() > 0) {
            await recheck.click();
        }
    }
    await wizard.waitForPage(page);
}
