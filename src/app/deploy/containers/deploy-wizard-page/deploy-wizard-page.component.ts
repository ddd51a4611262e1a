import { ChangeDetectionStrategy, Component, OnDestroy, OnInit, ViewChild } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { AppContextService, WizardComponent } from '@microsoft/windows-admin-center-sdk/angular';
import { Observable, Subscription } from 'rxjs';
import type { DeployStepId } from '../../domain/deploy-steps';
import type { DeploymentStateSnapshot } from '../../domain/deployment-state';
import { WIZARD_PAGES, type WizardPageId } from '../../domain/wizard-pages';
import type { GatewayError } from '../../../core/gateway/gateway-error';
import { PAGE_QUERY_PARAMETER } from '../../deploy-route';
import { DeployWizardStore } from '../../store/deploy-wizard.store';
import type { WizardViewModel } from '../../view-model/wizard-view-model';
import { extensionStrings } from '../../../shared/extension-strings';
import { gatewayErrorText, gatewayTexts } from '../../../shared/gateway-error-text';
import { formatText } from '../../../shared/format-text';
import type { SdkWizardModel } from '../deploy-wizard-step/deploy-wizard-step.component';
import { SdkWizardBinding } from './sdk-wizard-binding';

/**
 * The deployment wizard (capability 2): holds the wizard's state (its own DeployWizardStore) for the shell's active
 * connection. While the host is read it shows the progress (or the failure); then the SDK's `sme-wizard` walks the
 * form pages (its step renders the store's page: DeployWizardStepComponent) and its Deploy starts the run, which this
 * page shows in the wizard's place. Closing or finishing returns to the dashboard; the entries stay in the host's
 * draft.
 */
@Component({
    selector: 'em-deploy-wizard-page',
    templateUrl: './deploy-wizard-page.component.html',
    styleUrls: ['../../components/shared/wizard-form.css', './deploy-wizard-page.component.css'],
    changeDetection: ChangeDetectionStrategy.OnPush,
    providers: [DeployWizardStore]
})
export class DeployWizardPageComponent implements OnInit, OnDestroy {
    /** The wizard's view model; recomputed on every state change. */
    protected readonly viewModel$: Observable<WizardViewModel>;
    protected readonly strings = extensionStrings().Deploy;
    private readonly gatewayTexts = gatewayTexts(extensionStrings());
    protected readonly binding: SdkWizardBinding;
    /** The SDK wizard requires a model object; the data lives in the store. */
    protected readonly sdkModel: SdkWizardModel = {};
    private readonly bindingUpdates: Subscription;

    constructor(
        private readonly store: DeployWizardStore,
        private readonly appContext: AppContextService,
        private readonly route: ActivatedRoute,
        private readonly router: Router) {
        this.viewModel$ = this.store.viewModel$;
        this.binding = new SdkWizardBinding({
            get page() {
                return store.state.page;
            },
            goNext: () => store.goNext(),
            goBack: () => store.goBack(),
            goTo: page => store.goTo(page)
        }, this.strings);
        this.bindingUpdates = this.store.viewModel$.subscribe(viewModel => this.binding.update(viewModel.steps));
    }

    /** The SDK wizard, while the form pages show (it is re-created after a run sends the admin back to a page). */
    @ViewChild(WizardComponent)
    protected set sdkWizard(wizard: WizardComponent<SdkWizardModel> | undefined) {
        this.binding.attach(wizard ?? null);
    }

    public ngOnInit(): void {
        const requested = this.route.snapshot.queryParamMap.get(PAGE_QUERY_PARAMETER);
        const page = WIZARD_PAGES.find(candidate => candidate === requested) ?? null;
        this.store.open(this.appContext.activeConnection?.nodeName ?? null, page);
    }

    public ngOnDestroy(): void {
        this.bindingUpdates.unsubscribe();
        this.binding.attach(null);
    }

    protected hostText(host: string): string {
        return formatText(this.strings.Wizard.host, { host });
    }

    protected loadFailedText(host: string): string {
        return formatText(this.strings.Wizard.loadFailedTitle, { host });
    }

    protected errorText(error: GatewayError | null): string {
        return error ? gatewayErrorText(error, this.gatewayTexts) : '';
    }

    protected doneText(host: string): string {
        return formatText(this.strings.Wizard.doneText, { host });
    }

    protected open(page: WizardPageId): void {
        this.store.goTo(page);
    }

    /** The SDK wizard's finish (Deploy on the review, enabled only when every page is valid) starts the run. */
    protected deploy(): void {
        this.store.deployNow();
    }

    protected refresh(): void {
        this.store.refresh();
    }

    protected cancelRun(): void {
        this.store.requestCancel();
    }

    protected confirmCancel(shownStep: DeployStepId | null): void {
        this.store.confirmCancel(shownStep);
    }

    protected removeInstallation(): void {
        this.store.removeInstallation();
    }

    /** The installed product as the uninstall's confirmation names it ("Azure IoT Edge LTS 1.5.6"), null when unknown. */
    protected productText(snapshot: DeploymentStateSnapshot | null): string | null {
        return snapshot?.product ? `${snapshot.product.productName} ${snapshot.product.version}` : null;
    }

    protected dismissCancel(): void {
        this.store.dismissCancel();
    }

    protected retry(): void {
        this.store.retry();
    }

    protected finish(): void {
        this.store.finish();
        void this.router.navigate(['/']);
    }

    protected close(): void {
        void this.router.navigate(['/']);
    }
}
