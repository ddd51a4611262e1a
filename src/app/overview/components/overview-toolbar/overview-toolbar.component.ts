import { ChangeDetectionStrategy, Component, EventEmitter, Input, OnChanges, Output } from '@angular/core';
import { StatusIconType } from '@microsoft/windows-admin-center-sdk/angular';
import { relativeAge } from '../../../core/domain/relative-time';
import { formatDateTime } from '../../../shared/display-format';
import { extensionStrings } from '../../../shared/extension-strings';
import { formatText } from '../../../shared/format-text';

/**
 * The overview's toolbar: host name, when the data was last updated (relative, the exact time on hover), a stale
 * marker, the auto-refresh state with a switch, and the refresh button.
 */
@Component({
    selector: 'em-overview-toolbar',
    templateUrl: './overview-toolbar.component.html',
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class OverviewToolbarComponent implements OnChanges {
    /** The host's name. */
    @Input() public hostName = '';
    /** When the data was last read successfully (ms since epoch), `null` if never. */
    @Input() public lastUpdated: number | null = null;
    /** The current time (ms since epoch); the parent ticks it so relative times move. */
    @Input() public now = 0;
    /** Whether the data may be out of date. */
    @Input() public stale = false;
    /** Whether a refresh is running. */
    @Input() public refreshing = false;
    /** Whether automatic refresh is on. */
    @Input() public autoRefresh = true;
    /** When the next automatic refresh starts, `null` if none is scheduled. */
    @Input() public nextRefreshAt: number | null = null;
    /** Failed refreshes in a row. */
    @Input() public consecutiveFailures = 0;
    /** The refresh interval while healthy, in ms. */
    @Input() public healthyIntervalMs = 30_000;

    /** The user asked for a refresh now. */
    @Output() public readonly refreshRequested = new EventEmitter<void>();
    /** The user switched auto-refresh on (`true`) or off. */
    @Output() public readonly autoRefreshChange = new EventEmitter<boolean>();

    protected readonly strings = extensionStrings().Overview.Toolbar;
    protected readonly staleIcon = StatusIconType.Warning;
    protected lastUpdatedText = '';
    protected lastUpdatedExact: string | null = null;
    protected autoRefreshText = '';

    public ngOnChanges(): void {
        this.lastUpdatedText = this.describeLastUpdate();
        this.lastUpdatedExact = this.lastUpdated === null ? null : formatDateTime(this.lastUpdated);
        this.autoRefreshText = this.describeAutoRefresh();
    }

    protected toggleAutoRefresh(): void {
        this.autoRefreshChange.emit(!this.autoRefresh);
    }

    private describeLastUpdate(): string {
        if (this.lastUpdated === null) {
            return this.strings.neverUpdated;
        }
        const age = relativeAge(this.lastUpdated, this.now);
        const ages = extensionStrings().Overview.Age;
        const ageText = age.unit === 'justNow' ? ages.justNow : formatText(ages[age.unit], { value: age.value });
        return formatText(this.strings.lastUpdated, { age: ageText });
    }

    private describeAutoRefresh(): string {
        if (!this.autoRefresh) {
            return this.strings.autoRefreshOff;
        }
        if (this.consecutiveFailures > 0 && this.nextRefreshAt !== null) {
            const seconds = Math.max(0, Math.ceil((this.nextRefreshAt - this.now) / 1000));
            return formatText(this.strings.retrying, { failures: this.consecutiveFailures, seconds });
        }
        return formatText(this.strings.autoRefreshOn, { seconds: Math.round(this.healthyIntervalMs / 1000) });
    }
}
