import { StatusIconType } from '@microsoft/windows-admin-center-sdk/angular';
import { AlertSeverity } from '../../core/domain/alerts';
import { VmPowerState } from '../../core/domain/install-state';
import { ModuleStatus } from '../../core/domain/iotedge-list';
import { ReadinessOutcome } from '../../core/domain/readiness';
import { SystemServiceState } from '../../core/domain/system-status';

/**
 * Which `sme-status-icon` each state shows, so that every card uses the same colours for the same meaning.
 */
export type StatusIconName = StatusIconType;

/** Module status: running is fine, failed and dead are errors, stopped may be on purpose. */
export function moduleStatusIcon(status: ModuleStatus): StatusIconName {
    switch (status) {
        case 'running':
            return StatusIconType.Success;
        case 'failed':
        case 'dead':
            return StatusIconType.Error;
        case 'stopped':
            return StatusIconType.Info;
        default:
            return StatusIconType.Unknown;
    }
}

/** VM power state: off is a warning (nothing runs), transitions are in progress. */
export function powerStateIcon(state: VmPowerState): StatusIconName {
    switch (state) {
        case 'running':
            return StatusIconType.Success;
        case 'off':
            return StatusIconType.Warning;
        case 'other':
            return StatusIconType.Progress;
        default:
            return StatusIconType.Unknown;
    }
}

/** IoT Edge system service state. */
export function serviceStateIcon(state: SystemServiceState): StatusIconName {
    return state === 'down' ? StatusIconType.Error : StatusIconType.Success;
}

/** Readiness check outcome. */
export function readinessIcon(outcome: ReadinessOutcome): StatusIconName {
    return outcome === 'pass' ? StatusIconType.Success : outcome === 'warn' ? StatusIconType.Warning : StatusIconType.Error;
}

/** Whether something is fine or not, for yes/no states such as a Windows service running. */
export function okIcon(ok: boolean): StatusIconName {
    return ok ? StatusIconType.Success : StatusIconType.Error;
}

const ALERT_ICONS: Record<AlertSeverity, StatusIconType> = {
    critical: StatusIconType.Critical,
    warning: StatusIconType.Warning,
    info: StatusIconType.Info
};

/** Alert severity. */
export function alertIcon(severity: AlertSeverity): StatusIconName {
    return ALERT_ICONS[severity];
}
