import { ChangeDetectionStrategy, Component, ElementRef, Injector, ViewChild } from '@angular/core';
import { WizardStepComponent } from '@microsoft/windows-admin-center-sdk/angular';
import { BehaviorSubject, combineLatest, map, Observable, of } from 'rxjs';
import type { Strings } from '../../../../generated/strings';
import { extensionStrings } from '../../../shared/extension-strings';
import type { SecretChange } from '../../components/provisioning-page/provisioning-page.component';
import type { ImportedFile } from '../../components/review-page/review-page.component';
import type { MessageText } from '../../domain/message-text';
import type { ProvisioningChoice } from '../../domain/provisioning-choice';
import type { WizardModel } from '../../domain/wizard-model';
import type { ResumeDecision } from '../../domain/resume-detection';
import { onlyProvisioningLeft } from '../../domain/wizard-defaults';
import type { WizardPageId } from '../../domain/wizard-pages';
import { DeployWizardStore } from '../../store/deploy-wizard.store';
import { deployTexts, messageText } from '../../view-model/message-text';
import type { ValidationMessage } from '../../domain/validation-message';
import { revealedMessages } from '../../view-model/revealed-messages';
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
    /** The page's messages as shown: errors of fields not touched and still empty wait (revealed-messages.ts). */
    protected readonly messages$: Observable<ValidationMessage[]>;
    /** The fields the admin has left on this page (their data-field), so an empty required field's error shows. */
    private readonly touched = new BehaviorSubject<ReadonlySet<string>>(new Set());
    /** The page whose heading last got the focus: focus moves once per page, never away from a field in use. */
    private focusedPage: string | null = null;
    @ViewChild('heading') private heading?: ElementRef<HTMLElement>;
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
        this.messages$ = combineLatest([store.viewModel$, this.touched]).pipe(map(([viewModel, touched]) =>
            revealedMessages(viewModel.messages, { model: viewModel.state.model, secrets: viewModel.state.secrets }, touched)));
        // Closed by BaseComponent.ngOnDestroy with the step (the SDK wizard destroys it on every page change).
        this.subscriptions.push(store.viewModel$.subscribe(viewModel => this.latest = viewModel));
    }

    /**
     * After the wizard opens and after every page change the focus goes to the page's heading, so a keyboard or screen
     * reader user starts at the new page's title instead of on a Next button that now belongs to another page.
     */
    public override ngAfterViewChecked(): void {
        super.ngAfterViewChecked();
        const heading = this.heading?.nativeElement;
        const page = heading?.getAttribute('data-page') ?? null;
        if (heading && page !== this.focusedPage) {
            this.focusedPage = page;
            heading.focus();
        }
    }

    /** Next (or Deploy, on the review) is enabled exactly when the store would let the admin go on. */
    public override get valid(): boolean {
        return this.latest !== null && canGoOn(this.latest);
    }

    protected override checkIsValid(): Observable<boolean> {
        return of(this.valid);
    }

    /** A field was left: its errors may show now even while it is empty. */
    protected touch(event: FocusEvent): void {
        const field = (event.target as HTMLElement | null)?.getAttribute('data-field');
        if (field && !this.touched.value.has(field)) {
            this.touched.next(new Set([...this.touched.value, field]));
        }
    }

    protected text(message: MessageText): string {
        return messageText(message, this.texts);
    }

    protected intro(page: WizardPageId, resume: ResumeDecision | null): string {
        // Opened to provision, the page does not say provisioning can be skipped: "Later" is not offered then.
        return page === 'provisioning' && onlyProvisioningLeft(resume) ? this.deployStrings.Pages.provisioningOnlyIntro
            : this.deployStrings.Pages[`${page}Intro`];
    }

    protected readonly onlyProvisioningLeft = onlyProvisioningLeft;

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

    protected backToReview(): void {
        this.store.backToReview();
    }

    protected enableHyperV(restart: boolean): void {
        this.store.enableHyperV(restart);
    }

    protected refresh(): void {
        this.store.refresh();
    }

    /** Whether the host shows an interrupted Deploy-Eflow's disk (a resume blocker): the uninstall is offered. */
    protected hasPartialDeployment(vm: WizardViewModel): boolean {
        return vm.state.partialDeployment || (vm.state.resume?.blockers ?? []).some(blocker => blocker.code === 'partialDeployment');
    }

    /** The installed product as the uninstall's confirmation names it, null when unknown. */
    protected productText(vm: WizardViewModel): string | null {
        const product = vm.state.snapshot?.product;
        return product ? `${product.productName} ${product.version}` : null;
    }

    protected removeInstallation(): void {
        this.store.removeInstallation();
    }

    /**
     * Why Next is disabled: "fix the errors" only when the page has an error of its own (a failed check, a bad value);
     * a host that blocks the wizard (resume blockers, listed on the page) has nothing on the page to fix.
     */
    protected nextDisabledText(vm: WizardViewModel): string {
        const blockers = new Set((vm.state.resume?.blockers ?? []).map(blocker => blocker.code));
        const ownErrors = vm.messages.filter(message => message.severity === 'error' && !blockers.has(message.code));
        return ownErrors.length > 0 || blockers.size === 0 ? this.deployStrings.Wizard.nextDisabled : this.deployStrings.Wizard.blockedNote;
    }
}

/** Whether the SDK wizard's Next (Deploy on the review) may go on from the view model's page. */
export function canGoOn(viewModel: WizardViewModel): boolean {
    return viewModel.state.page === 'review' ? viewModel.canDeploy : viewModel.canGoNext;
}
