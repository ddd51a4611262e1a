import { ChangeDetectionStrategy, Component, OnInit } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { AppContextService } from '@microsoft/windows-admin-center-sdk/angular';
import { Observable } from 'rxjs';
import { map } from 'rxjs/operators';
import type { ProvisioningChoice } from '../../domain/provisioning-choice';
import type { WizardModel } from '../../domain/wizard-model';
import { WIZARD_PAGES, type WizardPageId } from '../../domain/wizard-pages';
import { PAGE_QUERY_PARAMETER } from '../../deploy-route';
import type { SecretChange } from '../../components/provisioning-page/provisioning-page.component';
import type { ImportedFile } from '../../components/review-page/review-page.component';
import { DeployWizardStore } from '../../store/deploy-wizard.store';
import { buildWizardViewModel, type WizardViewModel } from '../../view-model/wizard-view-model';
import { extensionStrings } from '../../../shared/extension-strings';
import { formatText } from '../../../shared/format-text';

/**
 * The deployment wizard (capability 2): holds the wizard's state (its own DeployWizardStore) for the shell's active
 * connection, and lays out the step list, the current page and the Back / Next / Deploy buttons. The pages only
 * render what they are given and emit the admin's changes. Closing or finishing returns to the dashboard; the
 * entries stay in the host's draft.
 */
@Component({
    selector: 'em-deploy-wizard-page',
    templateUrl: './deploy-wizard-page.component.html',
    styleUrls: ['../../components/shared/wizard-form.css', './deploy-wizard-page.component.css'],
    changeDetection: ChangeDetectionStrategy.OnPush,
    providers: [DeployWizardStore]
})
export class DeployWizardPageComponent implements OnInit {
    /** The wizard's view model; recomputed on every state change. */
    protected readonly viewModel$: Observable<WizardViewModel>;
    protected readonly strings = extensionStrings().Deploy;

    constructor(
        private readonly store: DeployWizardStore,
        private readonly appContext: AppContextService,
        private readonly route: ActivatedRoute,
        private readonly router: Router) {
        this.viewModel$ = this.store.state$.pipe(map(buildWizardViewModel));
    }

    public ngOnInit(): void {
        const requested = this.route.snapshot.queryParamMap.get(PAGE_QUERY_PARAMETER);
        const page = WIZARD_PAGES.find(candidate => candidate === requested) ?? null;
        this.store.open(this.appContext.activeConnection?.nodeName ?? null, page);
    }

    protected hostText(host: string): string {
        return formatText(this.strings.Wizard.host, { host });
    }

    protected loadFailedText(host: string): string {
        return formatText(this.strings.Wizard.loadFailedTitle, { host });
    }

    protected doneText(host: string): string {
        return formatText(this.strings.Wizard.doneText, { host });
    }

    protected intro(page: WizardPageId): string {
        return this.strings.Pages[`${page}Intro`];
    }

    protected next(): void {
        this.store.goNext();
    }

    protected back(): void {
        this.store.goBack();
    }

    protected open(page: WizardPageId): void {
        this.store.goTo(page);
    }

    protected deploy(): void {
        this.store.deployNow();
    }

    protected refresh(): void {
        this.store.refresh();
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

    protected enableHyperV(restart: boolean): void {
        this.store.enableHyperV(restart);
    }

    protected cancelRun(): void {
        this.store.requestCancel();
    }

    protected confirmCancel(): void {
        this.store.confirmCancel();
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
