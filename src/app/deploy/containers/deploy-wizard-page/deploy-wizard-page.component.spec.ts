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
import { installedStateOutput } from '../../store/testing/wizard-store-harness';
import { choose, fieldElement, shownCodes, typeInto } from '../../testing/render-deploy-component';
import { DeployWizardPageComponent } from './deploy-wizard-page.component';

describe('DeployWizardPageComponent', () => {
    let sdk: FakePowerShellService;
    let fixture: ComponentFixture<DeployWizardPageComponent>;

    /** Opens the wizard on `node` and answers its two reads. */
    function openWizard(state: Record<string, unknown>, prerequisites: Record<string, unknown> = prerequisitesOutput()): void {
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
    }

    function answer(command: string, result: unknown): void {
        const pending = sdk.commands.find(c => c.command.command === command && !c.ended);
        pending?.finish({ results: [result] });
        fixture.detectChanges();
    }

    const page = (): string | null => byTest(fixture, 'wizard-page').getAttribute('data-page');
    const nextButton = (): HTMLButtonElement => byTest(fixture, 'wizard-next') as HTMLButtonElement;

    function click(name: string): void {
        byTest(fixture, name).click();
        fixture.detectChanges();
    }

    /** Types into a field, then lets the page render the change (as a browser event would). */
    function type(field: string, text: string): void {
        typeInto(fieldElement(fixture, field), text);
        fixture.detectChanges();
    }

    function goToStep(name: string): void {
        (byTest(fixture, 'deploy-wizard').querySelector(`[data-test="wizard-step"][data-page="${name}"] button`) as HTMLButtonElement).click();
        fixture.detectChanges();
    }

    it('opens a bare host at the prerequisites, with its checks', () => {
        openWizard(bareStateOutput());
        expect(page()).toBe('prerequisites');
        expect(allByTest(fixture, 'prerequisite-check')).toHaveLength(13);
        expect(textOf(byTest(fixture, 'wizard-host'))).toBe('Host: READY-TO-DEPLOY');
    });

    it('continues a host with the MSI in at the VM size, the product page fixed', () => {
        openWizard(installedStateOutput());
        expect(page()).toBe('vmSize');
        expect(byTest(fixture, 'resume-summary').getAttribute('data-phase')).toBe('productInstalled');
        expect(byTest(fixture, 'deploy-wizard').querySelector('[data-test="wizard-step"][data-page="product"]')?.getAttribute('data-locked')).toBe('true');
    });

    it('validates a field as it is typed, with its own message, and keeps Next disabled while the page is invalid', () => {
        openWizard(installedStateOutput());
        type('vmSize.memoryInMB', '1025');
        expect(shownCodes(fixture, 'vmSize.memoryInMB')).toEqual(['memoryOdd']);
        expect(textOf(byTest(fixture, 'field-message'))).toBe('Deploy-Eflow accepts only an even number of MB; 1,025 is odd.');
        expect(nextButton().disabled).toBe(true);
        type('vmSize.memoryInMB', '2048');
        expect(shownCodes(fixture)).toEqual([]);
        expect(nextButton().disabled).toBe(false);
        click('wizard-next');
        expect(page()).toBe('network');
        click('wizard-back');
        expect(fieldElement(fixture, 'vmSize.memoryInMB').value).toBe('2048');
    });

    it('refuses an invalid static address with its message', () => {
        openWizard(bareStateOutput(), serverPrerequisitesOutput());
        goToStep('network');
        expect(page()).toBe('network');
        choose(fieldElement(fixture, 'network.addressing', 'static'));
        fixture.detectChanges();
        type('network.staticIp.ip4Address', '10.0.0.300');
        type('network.staticIp.ip4PrefixLength', '24');
        type('network.staticIp.ip4GatewayAddress', '10.0.0.1');
        expect(shownCodes(fixture, 'network.staticIp.ip4Address')).toEqual(['ip4AddressInvalid']);
        expect(nextButton().disabled).toBe(true);
    });

    it('fills the form from an imported eflowAutoDeploy file', async () => {
        openWizard(bareStateOutput());
        goToStep('features');
        choose(fieldElement(fixture, 'features.eulaAccepted'));
        fixture.detectChanges();
        goToStep('review');
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
        goToStep('vmSize');
        expect(fieldElement(fixture, 'vmSize.cpuCount').value).toBe('4');
        expect(fieldElement(fixture, 'vmSize.memoryInMB').value).toBe('4096');
        goToStep('network');
        expect(fieldElement(fixture, 'network.dnsServers').value).toBe('1.1.1.1, 8.8.8.8');
    });
});
