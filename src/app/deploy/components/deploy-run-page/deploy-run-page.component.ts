import { ChangeDetectionStrategy, Component, EventEmitter, Input, OnChanges, Output } from '@angular/core';
import { StatusIconType } from '@microsoft/windows-admin-center-sdk/angular';
import { GatewayError } from '../../../core/gateway/gateway-error';
import type { CancelPrompt } from '../../domain/cancel-prompt';
import type { DeployFailure } from '../../domain/deploy-failure';
import type { DeployRun, DeployStepState } from '../../domain/deploy-run';
import { messageOf } from '../../domain/message-text';
import { DEPLOY_STEPS, type DeployStepId } from '../../domain/deploy-steps';
import type { WizardPageId } from '../../domain/wizard-pages';
import type { EflowRemovalState } from '../../store/deploy-run.controller';
import { extensionStrings } from '../../../shared/extension-strings';
import { formatText } from '../../../shared/format-text';
import { gatewayErrorText, gatewayTexts } from '../../../shared/gateway-error-text';
import { deployTexts, messageText } from '../../view-model/message-text';

const STATE_ICONS: Readonly<Record<DeployStepState, StatusIconType | null>> = {
    done: StatusIconType.Success, notNeeded: null, pending: null, running: StatusIconType.Progress,
    succeeded: StatusIconType.Success, failed: StatusIconType.Error, cancelled: StatusIconType.Warning
};

/**
 * Page 9: each deploy step with its state and the last line it reported; Cancel (with the running step's warning
 * first, which says so when the run moved on to another step while it was open); a failure in plain words with the
 * host's own message, Retry (or Change the settings, as the failure's recovery says); after Deploy-Eflow left a
 * partial deployment no Retry but "Uninstall EFLOW and start again"; Finish once the device checked out.
 */
@Component({
    selector: 'em-deploy-run-page',
    templateUrl: './deploy-run-page.component.html',
    styleUrls: ['../shared/wizard-form.css', './deploy-run-page.component.css'],
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class DeployRunPageComponent implements OnChanges {
    /** The run, null before the plan was made. */
    @Input() public run: DeployRun | null = null;
    /** Whether the host's state is read before (re)starting. */
    @Input() public preparing = false;
    /** Why that read failed. */
    @Input() public prepareError: GatewayError | null = null;
    /** The Stop prompt, null when closed. */
    @Input() public cancelPrompt: CancelPrompt | null = null;
    /** Whether Deploy-Eflow left a partial deployment (no retry: the uninstall is offered instead). */
    @Input() public partialDeployment = false;
    /** Whether the host is read to tell whether Deploy-Eflow left a partial deployment. */
    @Input() public checkingHost = false;
    /** The uninstall, null before any. */
    @Input() public removal: EflowRemovalState | null = null;
    /** The host's name (the recovery texts name it). */
    @Input() public hostName = '';
    /** The installed product and version, null when unknown. */
    @Input() public product: string | null = null;
    /** Emits when the admin asks to stop. */
    @Output() public readonly cancel = new EventEmitter<void>();
    /** Emits the step whose warning the admin confirmed, to stop the run. */
    @Output() public readonly confirmCancel = new EventEmitter<DeployStepId | null>();
    /** Emits when the admin keeps the run going. */
    @Output() public readonly dismissCancel = new EventEmitter<void>();
    /** Emits when the admin retries. */
    @Output() public readonly retry = new EventEmitter<void>();
    /** Emits the page whose settings the failure asks to change. */
    @Output() public readonly editSettings = new EventEmitter<WizardPageId>();
    /** Emits when the admin finishes. */
    @Output() public readonly finish = new EventEmitter<void>();
    /** Emits when the admin confirmed uninstalling EFLOW to start again. */
    @Output() public readonly removeInstallation = new EventEmitter<void>();

    protected readonly strings = extensionStrings().Deploy.Run;
    private readonly texts = deployTexts(extensionStrings());
    private readonly gatewayTexts = gatewayTexts(extensionStrings());
    protected cancelWarning = '';
    protected cancelMoved = '';
    protected stopLabel = '';
    protected cancelledText = '';
    protected partialText = '';
    protected headline = '';
    protected explanation = '';
    protected underlying = '';
    protected canRetry = false;
    protected editPage: WizardPageId | null = null;

    public ngOnChanges(): void {
        const run = this.run;
        const prompted = this.cancelPrompt?.step ?? null;
        const warning = prompted ? DEPLOY_STEPS[prompted].cancelWarning : null;
        this.cancelWarning = warning ? messageText(messageOf(warning), this.texts) : this.strings.cancelDefault;
        this.cancelMoved = prompted && this.cancelPrompt?.movedFrom ? formatText(this.strings.cancelMovedOn, { step: this.stepTitle(prompted) }) : '';
        const stopLabel = prompted ? DEPLOY_STEPS[prompted].stopLabel : undefined;
        this.stopLabel = stopLabel ? messageText(messageOf(stopLabel), this.texts) : this.strings.confirmCancel;
        const host = this.hostName;
        this.cancelledText = this.checkingHost ? this.strings.checkingHost
            : this.partialDeployment ? formatText(this.strings.cancelledPartialText, { host }) : this.strings.cancelledText;
        this.partialText = formatText(this.strings.partialFailureText, { host });
        const failure = run?.status === 'failed' ? run.failure : null;
        this.headline = failure ? formatText(this.strings.failedHeadline, { step: this.stepTitle(failure.step) }) : '';
        this.explanation = failure ? messageText(failure.explanation, this.texts) : '';
        this.underlying = failure ? this.underlyingText(failure) : '';
        const recovery = failure?.recovery;
        // A failed read before the run is retried like a step that needs the host read first. After a partial deployment
        // (or while the host is read to tell) a retry or a change of settings can only meet the same disk.
        const blocked = this.preparing || this.partialDeployment || this.checkingHost || this.removal?.status === 'running';
        this.canRetry = !blocked && (this.prepareError !== null || run?.status === 'cancelled' ||
            recovery?.kind === 'rerun' || recovery?.kind === 'refreshFirst');
        const editPage = recovery?.kind === 'editSettings' ? recovery.page : recovery?.kind === 'refreshFirst' ? recovery.editPage ?? null : null;
        this.editPage = blocked ? null : editPage;
    }

    protected stepTitle(step: DeployStepId): string {
        return this.strings.step[step];
    }

    protected stateText(state: DeployStepState): string {
        return this.strings.state[state];
    }

    protected icon(state: DeployStepState): StatusIconType | null {
        return STATE_ICONS[state];
    }

    protected codeText(code: string): string {
        return formatText(this.strings.code, { code });
    }

    /** The host's message; for a step the wizard did not start, the blockers it found instead. */
    private underlyingText(failure: DeployFailure): string {
        const message = failure.blockedBy.length > 0
            ? failure.blockedBy.map(blocker => messageText(blocker, this.texts)).join(' ')
            : gatewayErrorText({ message: failure.underlyingMessage, text: failure.underlyingText }, this.gatewayTexts);
        return formatText(this.strings.underlying, { message });
    }

    protected prepareErrorText(error: GatewayError): string {
        return formatText(this.strings.prepareFailed, { message: gatewayErrorText(error, this.gatewayTexts) });
    }
}
