import { ChangeDetectionStrategy, Component, EventEmitter, Input, Output } from '@angular/core';
import { StatusIconType } from '@microsoft/windows-admin-center-sdk/angular';
import type { WizardPageId } from '../../domain/wizard-pages';
import { extensionStrings } from '../../../shared/extension-strings';
import type { WizardStepItem } from '../../view-model/wizard-view-model';

/** The wizard's steps down the side: where the admin is, which pages have errors or are fixed, and which can be opened. */
@Component({
    selector: 'em-wizard-step-list',
    templateUrl: './wizard-step-list.component.html',
    styleUrls: ['./wizard-step-list.component.css'],
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class WizardStepListComponent {
    /** The steps, in order. */
    @Input() public steps: readonly WizardStepItem[] = [];
    /** Emits the page the admin opens. */
    @Output() public readonly pageSelected = new EventEmitter<WizardPageId>();

    protected readonly strings = extensionStrings().Deploy;

    protected icon(step: WizardStepItem): StatusIconType | null {
        switch (step.state) {
            case 'invalid':
                return StatusIconType.Error;
            case 'complete':
                return StatusIconType.Success;
            default:
                return null;
        }
    }
}
