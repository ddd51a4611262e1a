import { ChangeDetectionStrategy, Component, EventEmitter, Input, Output } from '@angular/core';
import { extensionStrings } from '../../../shared/extension-strings';
import type { DeployEntryKind } from '../../view-model/deploy-entry';

/** The dashboard's way into the deployment wizard: what the wizard will do for this host, and the button. */
@Component({
    selector: 'em-deploy-entry',
    templateUrl: './deploy-entry.component.html',
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class DeployEntryComponent {
    /** Which step the host is at. */
    @Input() public kind: DeployEntryKind = 'deploy';
    /** Emits when the admin opens the wizard. */
    @Output() public readonly start = new EventEmitter<DeployEntryKind>();

    protected readonly strings = extensionStrings().Deploy.Entry;

    protected get label(): string {
        return this.strings[this.kind];
    }

    protected get text(): string {
        return this.strings[`${this.kind}Text`];
    }
}
