import { ChangeDetectionStrategy, Component, Injector } from '@angular/core';
import { WizardStepComponent } from '@microsoft/windows-admin-center-sdk/angular';
import { Observable, of } from 'rxjs';
import type { Strings } from '../../../../generated/strings';
import { extensionStrings } from '../../../shared/extension-strings';
import type { SecretChange } from '../../components/provisioning-page/provisioning-page.component';
import type { ImportedFile } from '../../components/review-page/review-page.component';
import type { MessageText } from '../../domain/message-text';
import type { ProvisioningChoice } from '../../domain/provisioning-choice';
import type { WizardModel } from '../../domain/wizard-model';
import type { WizardPageId } from '../../domain/wizard-pages';
import { DeployWizardStore } from '../../store/deploy-wizard.store';
import { deployTexts, messageText } from '../../view-model/message-text';
import type { WizardViewModel } from '../../view-model/wizard-view-model';

/** The SDK wizard's model: unused, the wizard's data lives in DeployWizardStore (the SDK only requires an object). */
export type SdkWizardModel = Record<string, never>;

/**
 * The step the SDK's `sme-wizard` renders for every form page: it shows the store's current page (the frame keeps the
 * SDK wizard's step index and the store's page the same) and tells the SDK wizard whether Next (Deploy, on the
 * review) may go on, from the same view model that guards the store's own transitions. The pages it lays out only
 * take inputs and emit changes; this step hands the changes to the store.
 */
@Component({
    selector: 'em-deploy-wizard-step',
    templateUrl: './deploy-wizard-step.component.html',
    styleUrls: ['../../components/shared/wizard-form.css'],
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class DeployWizardStepComponent extends WizardStepComponent<SdkWizardModel, Strings> {
    protected readonly viewModel$: Observable<WizardViewModel>;
    protected readonly deployStrings = extensionStrings().Deploy;
    private readonly texts = deployTexts(extensionStrings());
    /** The latest view model, read synchronously by the SDK wizard's footer (`valid`) during its change detection. */
    private latest: WizardViewModel | null = null;

    protected get logSourceName(): string {
        return 'DeployWizardStep';
    }

    constructor(injector: Injector, private readonly store: DeployWizardStore) {
        super(injector);
        this.viewModel$ = store.viewModel$;
        // Closed by BaseComponent.ngOnDestroy with the step (the SDK wizard destroys it on every page change).
        this.subscriptions.push(store.viewModel$.subscribe(viewModel => this.latest = viewModel));
    }

    /** Next (or Deploy, on the review) is enabled exactly when the store would let the admin go on. */
    public override get valid(): boolean {
        return this.latest !== null && canGoOn(this.latest);
    }

    protected override checkIsValid(): Observable<boolean> {
        return of(this.valid);
    }

    protected text(message: MessageText): string {
        return messageText(message, this.texts);
    }

    protected intro(page: WizardPageId): string {
        return this.deployStrings.Pages[`${page}Intro`];
    }

    protected update<K extends keyof WizardModel>(section: K, value: WizardModel[K]): void {
        this.store.updateModel(section, value);
    }

    protected updateProvisioning(choice: ProvisioningChoice): void {
        this.store.updateModel('provisioning', choice);
    }

    protected setSecret(change: SecretChange): void {
        this.store.setSecret(change.name, change.value);
    }

    protected importFile(file: ImportedFile): void {
        this.store.importFile(file.fileName, file.text);
    }

    protected open(page: WizardPageId): void {
        this.store.goTo(page);
    }

    protected enableHyperV(restart: boolean): void {
        this.store.enableHyperV(restart);
    }

    protected refresh(): void {
        this.store.refresh();
    }
}

/** Whether the SDK wizard's Next (Deploy on the review) may go on from the view model's page. */
export function canGoOn(viewModel: WizardViewModel): boolean {
    return viewModel.state.page === 'review' ? viewModel.canDeploy : viewModel.canGoNext;
}
