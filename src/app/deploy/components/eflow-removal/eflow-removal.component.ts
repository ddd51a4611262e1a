import { ChangeDetectionStrategy, Component, EventEmitter, Input, OnChanges, Output } from '@angular/core';
import { DEPLOY_ERROR_CODES } from '../../domain/deploy-error-codes';
import { messageOf } from '../../domain/message-text';
import type { EflowRemovalState } from '../../store/deploy-run.controller';
import { extensionStrings } from '../../../shared/extension-strings';
import { formatText } from '../../../shared/format-text';
import { gatewayErrorText, gatewayTexts } from '../../../shared/gateway-error-text';
import { deployTexts, messageText } from '../../view-model/message-text';

/**
 * The way out of a partial deployment: "Uninstall EFLOW and start again", asked first with a confirmation that names
 * the host and what is removed, then the uninstall's progress, its failure (coded, with the host's message; tried
 * again with the same button) or its end. Shown on the Deploy page and, on a reopened wizard, above the
 * prerequisites; the store runs the uninstall (DeployRunController.removeInstallation).
 */
@Component({
    selector: 'em-eflow-removal',
    templateUrl: './eflow-removal.component.html',
    styleUrls: ['../shared/wizard-form.css'],
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class EflowRemovalComponent implements OnChanges {
    /** The host's name, as the confirmation names it. */
    @Input() public hostName = '';
    /** The installed product and version ("Azure IoT Edge LTS 1.5.6"), null when unknown. */
    @Input() public product: string | null = null;
    /** The uninstall, null before any. */
    @Input() public removal: EflowRemovalState | null = null;
    /** Whether the action may start now (nothing else runs on the host). */
    @Input() public enabled = true;
    /** Emits when the admin confirmed the uninstall. */
    @Output() public readonly remove = new EventEmitter<void>();

    protected readonly strings = extensionStrings().Deploy.Removal;
    protected readonly runStrings = extensionStrings().Deploy.Run;
    private readonly texts = deployTexts(extensionStrings());
    private readonly gatewayTexts = gatewayTexts(extensionStrings());
    protected confirming = false;
    protected confirmTitle = '';
    protected confirmText = '';
    protected runningText = '';
    protected succeededText = '';
    protected rebootText = '';
    protected explanation = '';
    protected underlying = '';

    public ngOnChanges(): void {
        const host = this.hostName;
        const product = this.product ?? this.strings.productUnknown;
        this.confirmTitle = formatText(this.strings.confirmTitle, { host });
        this.confirmText = formatText(this.strings.confirmText, { host, product });
        this.runningText = formatText(this.strings.running, { host });
        this.succeededText = formatText(this.strings.succeeded, { host });
        this.rebootText = formatText(this.strings.rebootRequired, { host });
        const error = this.removal?.status === 'failed' ? this.removal.error : null;
        const known = error?.code ? DEPLOY_ERROR_CODES[error.code] : undefined;
        this.explanation = error ? messageText(messageOf(known?.explanation ?? 'errorUnknown'), this.texts) : '';
        this.underlying = error ? formatText(this.runStrings.underlying, { message: gatewayErrorText(error, this.gatewayTexts) }) : '';
        if (this.removal?.status === 'running') {
            this.confirming = false;
        }
    }

    /** Whether the action (or its retry after a failure) is offered. */
    protected get canStart(): boolean {
        const error = this.removal?.status === 'failed' ? this.removal.error : null;
        const recovery = error?.code ? DEPLOY_ERROR_CODES[error.code]?.recovery.kind : undefined;
        return this.removal === null || this.removal.status === 'failed' && recovery !== 'none';
    }

    protected codeText(code: string): string {
        return formatText(this.runStrings.code, { code });
    }

    protected ask(): void {
        this.confirming = true;
    }

    protected confirm(): void {
        this.confirming = false;
        this.remove.emit();
    }

    protected dismiss(): void {
        this.confirming = false;
    }
}
