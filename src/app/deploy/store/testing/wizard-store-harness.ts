import { EflowDeployService } from '../../../core/gateway/eflow-deploy.service';
import { GatewaySessionPool } from '../../../core/gateway/gateway-session-pool';
import { PowerShellRunner } from '../../../core/gateway/powershell-runner';
import { bareStateOutput, deployedStateOutput, prerequisitesOutput } from '../../../core/models/testing/deploy-read-outputs';
import { FakeCommand, FakePowerShellService, WireChunk } from '../../../testing/fake-powershell-service';
import { initSdkModule } from '../../../testing/sdk-test-environment';
import { VirtualTime } from '../../../testing/virtual-time';
import { DeployRunRegistry } from '../deploy-run-registry';
import { DeployStepExecutor } from '../deploy-step-executor';
import { DeployWizardStore } from '../deploy-wizard.store';
import { HyperVEnablingRegistry } from '../hyper-v-enabling.registry';
import { WizardDraftStorage } from '../wizard-draft-storage';

/**
 * The wizard's store wired as in the app, down to the SDK's PowerShell service, which is the only fake: the gateway
 * service, runner, session pool, step executor and draft storage (on jsdom's localStorage) are the real ones.
 */
export class WizardStoreHarness {
    readonly sdk = new FakePowerShellService();
    readonly time = new VirtualTime(Date.parse('2026-11-23T10:00:00Z'));
    readonly storage: Storage = window.localStorage;
    /** The app-wide runs, shared by every store this harness makes (as in the app). */
    readonly registry: DeployRunRegistry;
    /** The app-wide Hyper-V enabling calls, shared by every store this harness makes. */
    readonly hyperVCalls: HyperVEnablingRegistry;
    /** The wizard's store (the page's); `reopen()` replaces it. */
    store: DeployWizardStore;
    private readonly deploy: EflowDeployService;
    private readonly drafts = new WizardDraftStorage(this.storage);

    constructor() {
        initSdkModule();
        const runner = new PowerShellRunner(this.sdk.asService(), new GatewaySessionPool(this.sdk.asService(), this.time.scheduler), this.time.scheduler);
        this.deploy = new EflowDeployService(runner);
        this.registry = new DeployRunRegistry(this.deploy, new DeployStepExecutor(this.deploy), this.drafts, this.time.scheduler);
        this.hyperVCalls = new HyperVEnablingRegistry(this.deploy);
        this.store = this.newStore();
    }

    /** Closes the wizard page (its store is destroyed) and opens a new one, as navigating away and back does. */
    reopen(): DeployWizardStore {
        this.store.ngOnDestroy();
        this.store = this.newStore();
        return this.store;
    }

    /** Destroys the page's store and the app's runs. */
    destroy(): void {
        this.store.ngOnDestroy();
        this.registry.ngOnDestroy();
        this.hyperVCalls.ngOnDestroy();
    }

    private newStore(): DeployWizardStore {
        return new DeployWizardStore(this.deploy, this.drafts, this.registry, this.hyperVCalls, this.time.scheduler);
    }

    /** The oldest command of that name still running; fails the test when there is none. */
    pending(command: string): FakeCommand {
        const found = this.sdk.commands.find(c => c.command.command === command && !c.ended && !c.unsubscribed);
        if (!found) {
            throw new Error(`no running ${command}; ran: ${this.sdk.commands.map(c => c.command.command).join(', ')}`);
        }
        return found;
    }

    /** Answers the oldest running command of that name with one result. */
    answer(command: string, result: unknown, chunk: WireChunk = {}): void {
        this.pending(command).finish({ ...chunk, results: [result] });
    }

    /** Opens `node` and answers the two reads. */
    open(node: string, state: Record<string, unknown> = bareStateOutput(), prerequisites: Record<string, unknown> = prerequisitesOutput(),
        requestedPage: Parameters<DeployWizardStore['open']>[1] = null): void {
        this.store.open(node, requestedPage);
        this.answer('Get-EflowDeploymentPrerequisites', prerequisites);
        this.answer('Get-EflowDeploymentState', state);
    }

    /** The names of the commands run so far, in order. */
    commandNames(): string[] {
        return this.sdk.commands.map(c => c.command.command);
    }
}

/** ready-to-deploy once the MSI is in (no VM). */
export function installedStateOutput(): Record<string, unknown> {
    return {
        ...bareStateOutput(),
        product: { productName: 'Azure IoT Edge LTS', version: '1.5.6.08025', installPath: 'C:\\Program Files\\Azure IoT Edge\\' },
        moduleAvailable: true, vmExists: false, vhdxPresent: false
    };
}

/** ready-to-deploy provisioned. */
export function provisionedStateOutput(): Record<string, unknown> {
    return { ...deployedStateOutput(), provisioning: { state: 'Provisioned', source: 'manual' } };
}

/** A device connection string in the right format (the key is 32 bytes of base64). */
export const CONNECTION_STRING = `HostName=contoso-hub.azure-devices.net;DeviceId=edge-01;SharedAccessKey=${btoa('k'.repeat(32))}`;

/**
 * Opens ready-to-deploy on a bare host, fills every page for a manual connection string (`change` may alter the
 * entries before), clicks Deploy and answers the state read before the run: the run's first call is pending.
 */
export function deployFromReview(harness: WizardStoreHarness, change: (store: DeployWizardStore) => void = () => undefined): void {
    harness.open('ready-to-deploy');
    const store = harness.store;
    store.updateModel('features', { ...store.state.model.features, eulaAccepted: true });
    store.updateModel('provisioning', { type: 'ManualConnectionString' });
    change(store);
    store.setSecret('devConnString', CONNECTION_STRING);
    store.goTo('review');
    store.deployNow();
    harness.answer('Get-EflowDeploymentState', bareStateOutput());
}
