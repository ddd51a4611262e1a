/**
 * The Product page with "an MSI file on the host" in Chromium against the dev shell and the simulated fleet: the host
 * reads the package typed (ready-to-deploy's C:\Installers), a package that is not the chosen product is refused in
 * words that say what it is, with Next disabled, and the chosen product's MSI is confirmed with its version.
 * Screenshots land in test-output/screenshots/deploy-msi-*.png.
 */
import { NEXT_BUTTON, WizardDriver } from './deploy/wizard-driver';
import { BrowserHarness, startBrowserHarness } from './harness';

const CR_MSI = 'C:\\Installers\\AzureIoTEdge-CR-x64.msi';
const OTHER_MSI = 'C:\\Installers\\PowerShell-7.4.6-win-x64.msi';

let harness: BrowserHarness;

beforeAll(async () => {
    harness = await startBrowserHarness();
});

afterAll(async () => {
    await harness?.close();
});

afterEach(() => {
    harness?.reportBrowserErrors();
});

/** Waits until the MSI field shows a message with `code` (the host answers after a pause in typing). */
async function waitForMsiMessage(wizard: WizardDriver, code: string): Promise<void> {
    await wizard.frame.waitForSelector(`[data-test="field-message"][data-field="product.source.msiPath"][data-code="${code}"]`);
}

describe('an MSI file on the host', () => {
    it('is refused when it is another release or product, and confirmed with its version when it is the chosen one', async () => {
        const wizard = await WizardDriver.openFromDashboard(harness, 'ready-to-deploy', 'deploy');
        await wizard.openStep('product');
        await wizard.choose('product.channel', 'LTS');
        await wizard.choose('product.source', 'hostPath');

        await wizard.fill('product.source.msiPath', CR_MSI);
        await waitForMsiMessage(wizard, 'msiChannelMismatch');
        expect(await wizard.messages('product.source.msiPath')).toEqual([['msiChannelMismatch',
            'This MSI is Azure IoT Edge 1.3.1.02092, the CR release, but you chose LTS. Choose CR above, or the LTS MSI.']]);
        expect(await wizard.nextEnabled()).toBe(false);
        await wizard.screenshot('msi-channel-mismatch');

        await wizard.fill('product.source.msiPath', OTHER_MSI);
        await waitForMsiMessage(wizard, 'msiNotEflow');
        expect(await wizard.nextEnabled()).toBe(false);

        await wizard.fill('product.source.msiPath', CR_MSI);
        await wizard.choose('product.channel', 'CR');
        await wizard.frame.waitForSelector('[data-test="msi-confirmed"]');
        expect(await wizard.text('msi-confirmed')).toBe('This MSI is Azure IoT Edge 1.3.1.02092, the CR release for x64.');
        expect(await wizard.messages('product.source.msiPath')).toEqual([]);
        await wizard.frame.waitForSelector(`${NEXT_BUTTON}:not([disabled])`);
        await wizard.screenshot('msi-confirmed');
    });
});
