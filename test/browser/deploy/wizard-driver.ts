/**
 * Drives the deployment wizard in the tool's frame the way an admin does: opens it from the dashboard, fills fields,
 * picks options, moves through the pages with the SDK wizard's own step list and buttons (by their telemetry ids,
 * the SDK's stable hooks) and follows the deploy run, through the wizard's data-test hooks.
 */
import type { Frame } from 'playwright-core';
import { FORM_PAGES } from '../../../src/app/deploy/domain/wizard-navigation';
import type { WizardPageId } from '../../../src/app/deploy/domain/wizard-pages';
import type { BrowserHarness } from '../harness';

/** How long a whole deploy run may take in the browser tests (a guard against hangs, not a performance bound). */
export const RUN_TIMEOUT_MS = 120_000;

/** A device connection string of the right shape (the key is 32 bytes of base64). */
export function deviceConnectionString(deviceId: string): string {
    return `HostName=contoso-hub.azure-devices.net;DeviceId=${deviceId};SharedAccessKey=${Buffer.from(`${deviceId}-key`.padEnd(32, 'k')).toString('base64')}`;
}

/** A DPS symmetric key (32 bytes of base64). */
export function symmetricKey(seed: string): string {
    return Buffer.from(seed.padEnd(32, 's')).toString('base64');
}

/** The SDK wizard's Next button (Deploy on the review). */
export const NEXT_BUTTON = '[data-test="sdk-wizard"] button[smetelemetryid="wizardNext"]';

export class WizardDriver {
    constructor(readonly harness: BrowserHarness, public frame: Frame) {}

    /**
     * Opens `host`'s dashboard, forgets the wizard drafts this browser kept (each test starts from its host alone),
     * and opens the wizard through the dashboard's entry, which must be of `entry` kind.
     */
    static async openFromDashboard(harness: BrowserHarness, host: string, entry: string): Promise<WizardDriver> {
        const frame = await harness.openHost(host);
        await frame.evaluate(() => window.localStorage.clear());
        const driver = new WizardDriver(harness, frame);
        await driver.enterFromDashboard(entry);
        return driver;
    }

    /** On the dashboard: waits for its entry into the wizard, checks its kind, clicks it and waits for the wizard. */
    async enterFromDashboard(entry: string): Promise<void> {
        const button = await this.frame.waitForSelector(`[data-test="deploy-entry"][data-kind="${entry}"] [data-test="deploy-entry-button"]`);
        await button.click();
        await this.frame.waitForSelector('[data-test="deploy-wizard"][data-status="ready"]');
    }

    /** The page the wizard shows (`done` when nothing is left). */
    async page(): Promise<string | null> {
        return this.frame.getAttribute('[data-test="deploy-wizard"]', 'data-page');
    }

    /** Waits until the wizard shows `page`. */
    async waitForPage(page: string): Promise<void> {
        await this.frame.waitForSelector(`[data-test="wizard-page"][data-page="${page}"]`);
    }

    /** Fills a text field. */
    async fill(field: string, text: string): Promise<void> {
        await this.frame.fill(`[data-test="field"][data-field="${field}"]`, text);
    }

    /** Types into a text field key by key (validation runs on every key). */
    async typeSlowly(field: string, text: string): Promise<void> {
        const input = this.frame.locator(`[data-test="field"][data-field="${field}"]`);
        await input.fill('');
        await input.pressSequentially(text);
    }

    /** Picks a radio option or ticks a checkbox (`value` for radios). */
    async choose(field: string, value?: string): Promise<void> {
        await this.frame.check(`[data-test="field"][data-field="${field}"]${value === undefined ? '' : `[data-value="${value}"]`}`);
    }

    /** Picks an option of a select field by its value. */
    async select(field: string, value: string): Promise<void> {
        await this.frame.selectOption(`[data-test="field"][data-field="${field}"]`, value);
    }

    /** The messages shown for a field and its parts: `[code, text]` pairs. */
    async messages(field: string): Promise<[string, string][]> {
        return this.frame.$$eval(`[data-test="field-message"][data-field^="${field}"]`,
            items => items.map(item => [item.getAttribute('data-code') ?? '',
                (item.querySelector('[data-test="field-message-text"]')?.textContent ?? '').trim()] as [string, string]));
    }

    /** Whether Next is enabled. */
    async nextEnabled(): Promise<boolean> {
        return this.frame.isEnabled(NEXT_BUTTON);
    }

    /** Clicks Next and waits for `expectedPage`. */
    async next(expectedPage: string): Promise<void> {
        await this.frame.click(`${NEXT_BUTTON}:not([disabled])`);
        await this.waitForPage(expectedPage);
    }

    /** The SDK wizard's step list as shown: number and name, with the step's note (has errors, already in place). */
    async stepNames(): Promise<string[]> {
        return this.frame.$$eval('[data-test="sdk-wizard"] .sme-wizard-left-pane button.sme-wizard-step',
            buttons => buttons.map(button => Array.from(button.querySelectorAll('span'), part => (part.textContent ?? '').trim()).join(' ')));
    }

    /** Opens a page from the step list. */
    async openStep(page: WizardPageId): Promise<void> {
        const steps = this.frame.locator('[data-test="sdk-wizard"] .sme-wizard-left-pane button.sme-wizard-step');
        await steps.nth(FORM_PAGES.indexOf(page)).click();
        await this.waitForPage(page);
    }

    /** On the review: clicks Deploy (the SDK wizard's finish) and waits for the Deploy page. */
    async deploy(): Promise<void> {
        await this.frame.click(`${NEXT_BUTTON}:not([disabled])`);
        await this.waitForPage('deploy');
    }

    /** Waits until the run ends with `status` (`succeeded`, `failed`, `cancelled`). */
    async waitForRun(status: string): Promise<void> {
        await this.frame.waitForSelector(`[data-test="deploy-run-page"][data-status="${status}"]`, { timeout: RUN_TIMEOUT_MS });
        if (status === 'failed' || status === 'cancelled') {
            // A failed or stopped run reads the host before it offers a way on (retry, or uninstall after a partial
            // Deploy-Eflow): the run has settled once that read is over.
            await this.frame.waitForSelector('[data-test="deploy-checking-host"]', { state: 'detached', timeout: RUN_TIMEOUT_MS });
        }
    }

    /** Waits until a deploy step is in `state`. */
    async waitForStep(step: string, state: string): Promise<void> {
        await this.frame.waitForSelector(`[data-test="deploy-step"][data-step="${step}"][data-state="${state}"]`, { timeout: RUN_TIMEOUT_MS });
    }

    /** Each deploy step's state, in order. */
    async stepStates(): Promise<string[]> {
        return this.frame.$$eval('[data-test="deploy-step"]', rows => rows.map(row => `${row.getAttribute('data-step')}:${row.getAttribute('data-state')}`));
    }

    /** The text of the first element with that data-test hook. */
    async text(hook: string): Promise<string> {
        return (await this.frame.locator(`[data-test="${hook}"]`).first().textContent() ?? '').trim();
    }

    /** Finishes the run and waits for the dashboard to show the host; returns the dashboard's view. */
    async finishToDashboard(): Promise<string | null> {
        await this.frame.click('[data-test="deploy-finish"]');
        const view = await this.frame.waitForSelector('[data-test="overview-view"]:not([data-view="first-load"])');
        return view.getAttribute('data-view');
    }

    /** Saves a screenshot of the shell as `deploy-<name>`. */
    async screenshot(name: string): Promise<void> {
        await this.harness.screenshot(`deploy-${name}`);
    }
}
