import { isEditionUnfit } from '../../core/domain/readiness';
import type { OverviewViewModel } from './overview-view-model';

/**
 * The way into the deployment wizard a dashboard view offers:
 * - prepare: EFLOW cannot run yet (the wizard shows why and can enable Hyper-V);
 * - edition: the Windows edition can never run EFLOW (Home, no Hyper-V): a message, no button, because nothing the
 *   wizard does would help;
 * - deploy: nothing installed;
 * - continue: the MSI is in, no VM, nothing left of an earlier attempt;
 * - progress: a deployment is running on the host; the wizard shows it (or which session holds the host);
 * - partial: Deploy-Eflow failed part-way (a VM disk, no VM); the wizard offers the clean-up;
 * - provision: the VM is deployed and runs, IoT Edge is not provisioned.
 * Nothing while it is unknown whether the VM exists: Deploy-Eflow runs once per installation, and a second run
 * is not a repair.
 */
export type DeployEntryKind = 'prepare' | 'edition' | 'deploy' | 'continue' | 'progress' | 'partial' | 'provision';

/** The kinds that only inform: the wizard has nothing to do on such a host, so no button. */
export const INFORMATIVE_ENTRY_KINDS: readonly DeployEntryKind[] = ['edition'];

/** The entry the view offers, null when the host needs no deployment step. */
export function deployEntryFor(vm: OverviewViewModel): DeployEntryKind | null {
    switch (vm.view) {
        case 'not-ready':
            return vm.details && isEditionUnfit(vm.details.readiness) ? 'edition' : 'prepare';
        case 'not-installed':
            return 'deploy';
        case 'installed':
            return 'continue';
        case 'deployment-in-progress':
            return 'progress';
        case 'partial-deployment':
            return 'partial';
        case 'install-unknown':
        case 'vm-unknown':
            return null;
        case 'dashboard':
            // Only a VM that says it is not provisioned: an unreadable state is no reason to offer provisioning.
            return vm.details?.installState === 'vm-deployed' && vm.details.data.eflow?.vm?.provisioning.state.toLowerCase() === 'notprovisioned'
                ? 'provision' : null;
        default:
            return null;
    }
}
