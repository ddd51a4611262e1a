import type { OverviewViewModel } from './overview-view-model';

/**
 * The way into the deployment wizard a dashboard view offers:
 * - prepare: EFLOW cannot run yet (the wizard shows why and can enable Hyper-V);
 * - deploy: nothing installed;
 * - continue: the MSI is in, no VM;
 * - provision: the VM is deployed and runs, IoT Edge is not provisioned.
 * Nothing while it is unknown whether the VM exists: Deploy-Eflow runs once per installation, and a second run
 * is not a repair.
 */
export type DeployEntryKind = 'prepare' | 'deploy' | 'continue' | 'provision';

/** The entry the view offers, null when the host needs no deployment step. */
export function deployEntryFor(vm: OverviewViewModel): DeployEntryKind | null {
    switch (vm.view) {
        case 'not-ready':
            return 'prepare';
        case 'not-installed':
            return 'deploy';
        case 'installed':
            return 'continue';
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
