import { ChangeDetectionStrategy, Component, EventEmitter, Input, OnChanges, Output } from '@angular/core';
import { HealthAlertSeverity, PageAlert, StatusIconType } from '@microsoft/windows-admin-center-sdk/angular';
import { GatewayError, GatewayErrorKind } from '../../../core/gateway/gateway-error';
import { formatDateTime } from '../../../shared/display-format';
import { ExtensionStrings, extensionStrings } from '../../../shared/extension-strings';
import { formatText } from '../../../shared/format-text';
import { gatewayErrorText, gatewayTexts } from '../../../shared/gateway-error-text';

type ErrorTexts = ExtensionStrings['Overview']['Errors'];

/** What each kind of failure means for the user, by strings key. */
const EXPLANATION_KEYS: Record<GatewayErrorKind, keyof ErrorTexts> = {
    'gateway-unreachable': 'gatewayUnreachable',
    'host-unreachable': 'hostUnreachable',
    'unauthorized': 'unauthorized',
    'timeout': 'timeout',
    'cancelled': 'cancelled',
    'script-error': 'scriptError',
    'invalid-response': 'invalidResponse',
    'unknown': 'unknown'
};

/**
 * A failed read: what kind of failure it is and what it means, the error's own message and code, and a retry
 * button. As a `page` it replaces the page (nothing to show); as a `banner` it sits above older data.
 */
@Component({
    selector: 'em-gateway-error-panel',
    templateUrl: './gateway-error-panel.component.html',
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class GatewayErrorPanelComponent implements OnChanges {
    /** The failure. */
    @Input() public error: GatewayError | null = null;
    /** The host's name, for the title. */
    @Input() public hostName = '';
    /** `page`: the whole page; `banner`: above the last good data. */
    @Input() public mode: 'page' | 'banner' = 'page';
    /** For a banner: when the shown data was read (ms since epoch). */
    @Input() public lastUpdated: number | null = null;

    /** The user asked to try again. */
    @Output() public readonly retry = new EventEmitter<void>();

    protected readonly strings = extensionStrings().Overview.Errors;
    protected readonly errorIcon = StatusIconType.Error;
    protected title = '';
    protected explanation = '';
    protected codeText = '';
    protected message = '';
    private readonly gatewayTexts = gatewayTexts(extensionStrings());
    protected bannerAlert: PageAlert | null = null;

    public ngOnChanges(): void {
        const error = this.error;
        if (!error) {
            return;
        }
        const unreachable = error.kind === 'host-unreachable' || error.kind === 'gateway-unreachable';
        this.title = formatText(unreachable ? this.strings.unreachableTitle : this.strings.failedTitle, { host: this.hostName });
        this.explanation = this.strings[EXPLANATION_KEYS[error.kind]];
        this.codeText = error.code ? formatText(this.strings.code, { code: error.code }) : '';
        this.message = gatewayErrorText(error, this.gatewayTexts);
        this.bannerAlert = this.mode === 'banner' ? {
            severity: unreachable ? HealthAlertSeverity.Warning : HealthAlertSeverity.Error,
            // The raw message and code sit in the Details disclosure below the bar: the bar says what it means.
            message: [
                this.lastUpdated === null ? '' : formatText(this.strings.staleBanner, { time: formatDateTime(this.lastUpdated) }),
                this.explanation
            ].filter((part: string) => part.length > 0).join(' ')
        } : null;
    }
}
