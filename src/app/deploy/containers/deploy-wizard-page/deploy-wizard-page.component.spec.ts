import { CommonModule } from '@angular/common';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { RouterTestingModule } from '@angular/router/testing';
import { AppContextService, PowerShellService, TooltipHostComponent, TooltipModule } from '@microsoft/windows-admin-center-sdk/angular';
import { firstValueFrom } from 'rxjs';
import { APP_SCHEDULER } from '../../../core/time/app-scheduler';
import { bareStateOutput, prerequisitesOutput, serverPrerequisitesOutput } from '../../../core/models/testing/deploy-read-outputs';
import { FakePowerShellService } from '../../../testing/fake-powershell-service';
import { allByTest, byTest, textOf } from '../../../testing/render-component';
import { initSdkModule, loadSdkStrings } from '../../../testing/sdk-test-environment';
import { VirtualTime } from '../../../testing/virtual-time';
import { DEPLOY_SDK_MODULES } from '../../components/shared/deploy-sdk-modules';
import { DEPLOY_COMPONENTS } from '../../deploy.module';
import { FORM_PAGES } from '../../domain/wizard-navigation';
import type { WizardPageId } from '../../domain/wizard-pages';
import { installedStateOutput } from '../../store/testing/wizard-store-harness';
import { choose, fieldElement, shownCodes, typeInto } from '../../testing/render-deploy-component';
import { DeployWizardPageComponent } from './deploy-wizard-page.component';

describe('DeployWizardPageComponent', () => {
    let sdk: FakePowerShellService;
    let fixture: ComponentFixture<DeployWizardPageComponent>;

    /** Opens the wizard on `node`, answers its two reads and lets the SDK wizard settle on the store's page. */
    async function openWizard(state: Record<string, unknown>, prerequisites: Record<string, unknown> = prerequisitesOutput()): Promise<void> {
        loadSdkStrings();
        initSdkModule();
        window.localStorage.clear();
        sdk = new FakePowerShellService();
        TestBed.configureTestingModule({
            declarations: DEPLOY_COMPONENTS,
            imports: [CommonModule, TooltipModule, RouterTestingModule.withRoutes([{ path: '', children: [] }]), ...DEPLOY_SDK_MODULES],
            providers: [
                { provide: PowerShellService, useValue: sdk.asService() },
                { provide: AppContextService, useValue: { activeConnection: { nodeName: 'ready-to-deploy' } } },
                { provide: APP_SCHEDULER, useValue: new VirtualTime().scheduler }
            ]
        });
        fixture = TestBed.createComponent(DeployWizardPageComponent);
        TestBed.createComponent(TooltipHostComponent).detectChanges();
        fixture.detectChanges();
        expect(byTest(fixture, 'deploy-wizard').getAttribute('data-status')).toBe('loading');
        answer('Get-EflowDeploymentPrerequisites', prerequisites);
        answer('Get-EflowDeploymentState', state);
        await settle();
    }

    /** Lets the binding's deferred moves between the SDK wizard and the store run, then renders. */
    async function settle(): Promise<void> {
        await fixture.whenStable();
        fixture.detectChanges();
        await fixture.whenStable();
        fixture.detectChanges();
    }

    /** A button of the SDK wizard's footer, by its telemetry id (wizardNext, wizardPrev). */
    function sdkButton(id: string): HTMLButtonElement {
        const button = byTest(fixture, 'sdk-wizard').querySelector<HTMLButtonElement>(`button[smetelemetryid="${id}"]`);
        if (!button) {
            throw new Error(`no SDK wizard button ${id}`);
        }
        return button;
    }

    /** The SDK wizard's step list: each step's button, in page order. */
    const stepButtons = (): HTMLButtonElement[] =>
        Array.from(byTest(fixture, 'sdk-wizard').querySelectorAll<HTMLButtonElement>('.sme-wizard-left-pane button.sme-wizard-step'));

    function answer(command: string, result: unknown): void {
        const pending = sdk.commands.find(c => c.command.command === command && !c.ended);
        pending?.finish({ results: [result] });
        fixture.detectChanges();
    }

    const page = (): string | null => byTest(fixture, 'wizard-page').getAttribute('data-page');
    const nextButton = (): HTMLButtonElement => sdkButton('wizardNext');

    async function click(button: HTMLButtonElement): Promise<void> {
        button.click();
        await settle();
    }

    /** Types into a field, then lets the page render the change (as a browser event would). */
    function type(field: string, text: string): void {
        typeInto(fieldElement(fixture, field), text);
        fixture.detectChanges();
    }

    async function goToStep(name: WizardPageId): Promise<void> {
        await click(stepButtons()[FORM_PAGES.indexOf(name)]);
    }

    it('opens a bare host at the prerequisites, with its checks', async () => {
        await openWizard(bareStateOutput());
        expect(page()).toBe('prerequisites');
        expect(allByTest(fixture, 'prerequisite-check')).toHaveLength(13);
        expect(textOf(byTest(fixture, 'wizard-host'))).toBe('Host: ready-to-deploy');
    });

    it('continues a host with the MSI in at the VM size, the product page fixed', async () => {
        await openWizard(installedStateOutput());
        expect(page()).toBe('vmSize');
        expect(byTest(fixture, 'resume-summary').getAttribute('data-phase')).toBe('productInstalled');
        expect(stepButtons().map(button => textOf(button))).toEqual(['1.1 Prerequisites', '1.2 Product (Already in place)', '1.3 VM size',
            '1.4 Network', '1.5 GPU', '1.6 Features and terms', '1.7 Provisioning', '1.8 Review']);
    });

    it('validates a field as it is typed, with its own message, and keeps Next disabled while the page is invalid', async () => {
        await openWizard(installedStateOutput());
        type('vmSize.memoryInMB', '1025');
        expect(shownCodes(fixture, 'vmSize.memoryInMB')).toEqual(['memoryOdd']);
        expect(textOf(byTest(fixture, 'field-message'))).toBe('Deploy-Eflow accepts only an even number of MB; 1,025 is odd.');
        expect(nextButton().disabled).toBe(true);
        type('vmSize.memoryInMB', '2048');
        expect(shownCodes(fixture)).toEqual([]);
        expect(nextButton().disabled).toBe(false);
        await click(nextButton());
        expect(page()).toBe('network');
        await click(sdkButton('wizardPrev'));
        expect(fieldElement(fixture, 'vmSize.memoryInMB').value).toBe('2048');
    });

    it('refuses an invalid static address with its message', async () => {
        await openWizard(bareStateOutput(), serverPrerequisitesOutput());
        await goToStep('network');
        expect(page()).toBe('network');
        choose(fieldElement(fixture, 'network.addressing', 'static'));
        fixture.detectChanges();
        type('network.staticIp.ip4Address', '10.0.0.300');
        type('network.staticIp.ip4PrefixLength', '24');
        type('network.staticIp.ip4GatewayAddress', '10.0.0.1');
        expect(shownCodes(fixture, 'network.staticIp.ip4Address')).toEqual(['ip4AddressInvalid']);
        expect(nextButton().disabled).toBe(true);
    });

    it('shows the errors of the fields Static adds only once each was left, while Next stays disabled', async () => {
        await openWizard(bareStateOutput(), serverPrerequisitesOutput());
        await goToStep('network');
        choose(fieldElement(fixture, 'network.addressing', 'static'));
        fixture.detectChanges();
        // No alert about fields nobody has reached yet.
        expect(shownCodes(fixture, 'network.staticIp')).toEqual([]);
        expect(nextButton().disabled).toBe(true);
        const address = fieldElement(fixture, 'network.staticIp.ip4Address');
        expect(address.getAttribute('aria-invalid')).toBe('false');
        address.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
        fixture.detectChanges();
        const shown = allByTest(fixture, 'field-message').filter(item => item.getAttribute('data-field')?.startsWith('network.staticIp'));
        expect(shown.map(item => [item.getAttribute('data-field'), item.getAttribute('role')]))
            .toEqual([['network.staticIp.ip4Address', 'alert']]);
        expect(address.getAttribute('aria-invalid')).toBe('true');
        expect(nextButton().disabled).toBe(true);
    });

    it('offers "Back to review" on a page opened with the review\'s Change, and goes straight back', async () => {
        await openWizard(bareStateOutput());
        await goToStep('features');
        choose(fieldElement(fixture, 'features.eulaAccepted'));
        fixture.detectChanges();
        expect(allByTest(fixture, 'back-to-review')).toEqual([]);
        await goToStep('review');
        (byTest(fixture, 'review-line').parentElement?.querySelector('[data-page="vmSize"] button') as HTMLButtonElement).click();
        await settle();
        expect(page()).toBe('vmSize');
        await click(byTest(fixture, 'back-to-review') as HTMLButtonElement);
        await settle();
        expect(page()).toBe('review');
        expect(textOf(byTest(fixture, 'sdk-wizard').querySelector('.sme-step-active') as HTMLElement)).toBe('1.8 Review');
    });

    it('fills the form from an imported eflowAutoDeploy file', async () => {
        await openWizard(bareStateOutput());
        await goToStep('features');
        choose(fieldElement(fixture, 'features.eulaAccepted'));
        fixture.detectChanges();
        await goToStep('review');
        expect(page()).toBe('review');
        const input = byTest(fixture, 'import-json') as HTMLInputElement;
        Object.defineProperty(input, 'files', { value: [new File([JSON.stringify({
            eflowProduct: 'Azure IoT Edge CR X64', enduser: { acceptEula: 'Yes' }, vmConfig: { cpuCount: 4, memoryInMB: 4096 },
            network: { dnsServers: ['1.1.1.1', '8.8.8.8'] }
        })], 'line-2.json')] });
        const review = fixture.debugElement.query(node => node.name === 'em-review-page').componentInstance;
        const imported = firstValueFrom(review.importFile);
        input.dispatchEvent(new Event('change'));
        await imported;
        fixture.detectChanges();
        expect(byTest(fixture, 'import-outcome').getAttribute('data-applied')).toBe('true');
        await goToStep('vmSize');
        expect(fieldElement(fixture, 'vmSize.cpuCount').value).toBe('4');
        expect(fieldElement(fixture, 'vmSize.memoryInMB').value).toBe('4096');
        await goToStep('network');
        expect(fieldElement(fixture, 'network.dnsServers').value).toBe('1.1.1.1, 8.8.8.8');
    });

    it('lets the SDK step list open exactly the pages the store would: earlier ones, and later ones up to the first page with errors', async () => {
        await openWizard(installedStateOutput());
        // On the VM size page; the features page has errors (terms not accepted), so the provisioning and the review are out of reach.
        expect(stepButtons().map(button => button.disabled)).toEqual([false, false, false, false, false, false, true, true]);
        await goToStep('features');
        choose(fieldElement(fixture, 'features.eulaAccepted'));
        fixture.detectChanges();
        await settle();
        expect(stepButtons().map(button => button.disabled)).toEqual([false, false, false, false, false, false, false, false]);
        await goToStep('product');
        expect(page()).toBe('product');
        expect(byTest(fixture, 'page-locked')).toBeTruthy();
    });

    it('follows the store when a review link opens a page, and Back then returns through the pages before it', async () => {
        await openWizard(bareStateOutput());
        await goToStep('features');
        choose(fieldElement(fixture, 'features.eulaAccepted'));
        fixture.detectChanges();
        await goToStep('review');
        (byTest(fixture, 'review-line').parentElement?.querySelector('[data-page="network"] button') as HTMLButtonElement).click();
        await settle();
        expect(page()).toBe('network');
        expect(textOf(byTest(fixture, 'sdk-wizard').querySelector('.sme-step-active') as HTMLElement)).toBe('1.4 Network');
        await click(sdkButton('wizardPrev'));
        expect(page()).toBe('vmSize');
        expect(textOf(byTest(fixture, 'sdk-wizard').querySelector('.sme-step-active') as HTMLElement)).toBe('1.3 VM size');
    });

    it('says Deploy on the review, enabled only when every page is valid, and replaces the SDK wizard with the run', async () => {
        await openWizard(bareStateOutput());
        await goToStep('features');
        expect(nextButton().disabled).toBe(true);
        expect(byTest(fixture, 'next-disabled-reason')).toBeTruthy();
        choose(fieldElement(fixture, 'features.eulaAccepted'));
        fixture.detectChanges();
        await goToStep('review');
        expect(textOf(nextButton())).toBe('Deploy');
        expect(nextButton().disabled).toBe(false);
        const before = sdk.commands.length;
        await click(nextButton());
        expect(byTest(fixture, 'deploy-wizard').getAttribute('data-page')).toBe('deploy');
        expect(byTest(fixture, 'deploy-run-page')).toBeTruthy();
        expect(allByTest(fixture, 'sdk-wizard')).toHaveLength(0);
        // The run starts by reading the host's deployment state again, so that it plans from where the host stands.
        expect(sdk.commands.slice(before).map(command => command.command.command)).toEqual(['Get-EflowDeploymentState']);
    });

    it('on a host with an interrupted Deploy-Eflow\'s disk offers the uninstall, and names no error to fix when no check failed', async () => {
        await openWizard({ ...installedStateOutput(), vhdxPresent: true });
        expect(page()).toBe('prerequisites');
        expect(textOf(byTest(fixture, 'next-disabled-reason'))).toBe('The wizard cannot go on until what is listed above is resolved.');
        await click(byTest(fixture, 'eflow-removal-start') as HTMLButtonElement);
        expect(textOf(byTest(fixture, 'eflow-removal-confirmation'))).toContain('Uninstall EFLOW from');
        await click(byTest(fixture, 'eflow-removal-confirm') as HTMLButtonElement);
        expect(sdk.commands.map(c => c.command.command)).toContain('Remove-EflowInstallation');
        expect(byTest(fixture, 'eflow-removal').getAttribute('data-status')).toBe('running');
    });
});
