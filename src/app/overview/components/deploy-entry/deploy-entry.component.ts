import { ChangeDetectionStrategy, Component, EventEmitter, Input, Output } from '@angular/core';
import { StatusIconType } from '@microsoft/windows-admin-center-sdk/angular';
import { extensionStrings } from '../../../shared/extension-strings';
import { formatText } from '../../../shared/format-text';
import { INFORMATIVE_ENTRY_KINDS, type DeployEntryKind } from '../../view-model/deploy-entry';

/**
 * The dashboard's way into the deployment wizard: what the wizard will do for this host, and the button. A host the
 * wizard cannot help (an edition without Hyper-V) gets the reason and no button.
 */
@Component({
    selector: 'em-deploy-entry',
    templateUrl: './deploy-entry.component.html',
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class DeployEntryComponent {
    /** Which step the host is at. */
    @Input() public kind: DeployEntryKind = 'deploy';
    /** The host's Windows caption, named by the `edition` entry. */
    @Input() public caption = '';
    /** Emits when the admin opens the wizard. */
    @Output() public readonly start = new EventEmitter<DeployEntryKind>();

    protected readonly strings = extensionStrings().Deploy.Entry;
    protected readonly errorIcon = StatusIconType.Error;

    protected get label(): string {
        return this.strings[this.kind];
    }

    protected get text(): string {
        return formatText(this.strings[`${this.kind}Text`], { caption: this.caption });
    }

    /** Whether the entry only informs (no wizard step helps). */
    protected get informative(): boolean {
        return INFORMATIVE_ENTRY_KINDS.includes(this.kind);
    }
}
