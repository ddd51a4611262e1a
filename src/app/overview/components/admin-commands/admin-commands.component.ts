import { ChangeDetectionStrategy, Component, Input } from '@angular/core';
import { extensionStrings } from '../../../shared/extension-strings';
import { AdminCommandStep } from '../../view-model/admin-commands';

/**
 * PowerShell an administrator can run on the host for the next step (install, deploy, start), step by step. It
 * shows commands; it runs nothing (the deployment wizard runs the install and deploy steps).
 */
@Component({
    selector: 'em-admin-commands',
    templateUrl: './admin-commands.component.html',
    changeDetection: ChangeDetectionStrategy.OnPush
})
export class AdminCommandsComponent {
    /** The steps, in order. */
    @Input() public steps: readonly AdminCommandStep[] = [];
    /** Whether to say that the deployment wizard runs these steps. */
    @Input() public showWizardNote = false;

    protected readonly strings = extensionStrings().Overview.Commands;
}
