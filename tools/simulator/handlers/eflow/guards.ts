/** Preconditions shared by the AzureEFLOW handlers (VM exists, is running, is reachable). */
import { failEflow } from '../../runtime/failure';
import type { HandlerContext } from '../../runtime/handler';
import type { EflowInstall, VmState } from '../../state/host-state';
import { IP_UNRESOLVED, NO_VM, VM_OFF, WSSD_CERTIFICATE_EXPIRED } from './messages';

/** The installation (the dispatcher only calls AzureEFLOW handlers where EFLOW is installed). */
export function installOf(context: HandlerContext): EflowInstall {
    const install = context.host.eflow;
    if (!install) {
        throw new Error('AzureEFLOW handler called on a host without EFLOW');
    }
    return install;
}

/** The deployed VM, or the documented "deploy it first" error. */
export function requireVm(context: HandlerContext): VmState {
    const vm = context.host.vm;
    const install = context.host.eflow;
    if (!vm || install?.deployment !== 'complete') {
        failEflow(NO_VM);
    }
    // After a year WSSDAgent's certificate expires and nodectl can no longer reach the agent (issue #255).
    if (context.clock.now().getTime() > Date.parse(install.wssdCertificateExpiry)) {
        failEflow(WSSD_CERTIFICATE_EXPIRED);
    }
    return vm;
}

/** The VM, which must be running. */
export function requireRunningVm(context: HandlerContext): VmState {
    const vm = requireVm(context);
    if (vm.powerState !== 'Running') {
        failEflow(VM_OFF);
    }
    return vm;
}

/** The running VM whose address the host can resolve (everything that goes over SSH needs it). */
export function requireReachableVm(context: HandlerContext): VmState {
    const vm = requireRunningVm(context);
    if (vm.ipAddress === null) {
        failEflow(IP_UNRESOLVED);
    }
    return vm;
}
