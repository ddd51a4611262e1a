import { EflowInstallation, EflowVm, HostOverviewPayload, SectionError } from '../models/host-overview';
import { parseEflowVersion } from './eflow-version';
import { derivePowerState, isProvisioned } from './install-state';
import { IotEdgeModule, parseIotEdgeList, SYSTEM_MODULES } from './iotedge-list';
import { MIN_FREE_DISK_GB, MIN_FREE_MEMORY_MB } from './readiness';
import { EFLOW_RELEASE_CATALOGUE, EflowReleaseCatalogue, isSupportEndUrgent, releaseStatus } from './release-catalogue';
import { parseSystemStatus, SystemServiceStatus } from './system-status';
import { isRuntimeDownRead } from './runtime-down-read';
import { vmUsage } from './vm-usage';
import { assessWssdCertificate, wssdCertificateEvidence } from './wssd-certificate';

/**
 * The dashboard's alerts: what is wrong (or about to be) on a host, how bad it is, and what to do. Each alert has
 * a `kind`; the UI shows the strings `Alerts.<kind>.title` and `Alerts.<kind>.action` ("what to do"), formatted
 * with the alert's `params`.
 */

/** Alert severities, most severe first. */
export type AlertSeverity = 'critical' | 'warning' | 'info';

/** What an alert is about. Each kind has a title and a "what to do" text in the strings. */
export type AlertKind =
    | 'systemModuleDown'
    | 'edgeAgentMissing'
    | 'moduleFailing'
    | 'runtimeServiceDown'
    | 'vmStopped'
    | 'wssdAgentNotRunning'
    | 'vmDiskLow'
    | 'vmMemoryHigh'
    | 'hostDiskLow'
    | 'hostMemoryLow'
    | 'wssdCertificateExpired'
    | 'wssdCertificateExpiring'
    | 'wssdCertificateRenewalUnconfirmed'
    | 'supportEnded'
    | 'supportEndedMigrate'
    | 'supportEndingSoon'
    | 'updateAvailable'
    | 'vmDetailsWhileEdgeDown'
    | 'sectionError';

/** One alert. */
export interface OverviewAlert {
    /** Stable while the condition lasts, e.g. `moduleFailing:tempSensor`; used to track list rows. */
    id: string;
    kind: AlertKind;
    severity: AlertSeverity;
    /** The values the alert's texts are formatted with, e.g. `{ module: 'edgeHub', status: 'failed' }`. */
    params: Readonly<Record<string, string>>;
}

/**
 * The alert params that hold a calendar date (yyyy-MM-dd): the view formats them with the same date formatter as
 * the cards, so an alert and a card never show one date two ways.
 */
export const ALERT_DATE_PARAMS: readonly string[] = ['supportEnds', 'expiresOn', 'installDate'];

/** VM storage below this fraction available: warning. */
export const VM_DISK_WARNING_FRACTION = 0.10;
/** VM storage below this fraction available: critical. */
export const VM_DISK_CRITICAL_FRACTION = 0.05;
/** VM memory below this fraction available: warning. */
export const VM_MEMORY_WARNING_FRACTION = 0.10;

const SEVERITY_RANK: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };

/**
 * Derives the alerts for an overview at time `nowMs`, most severe first (stable within a severity). Host-level
 * resource alerts apply only once EFLOW is installed: before that the readiness checklist covers them.
 */
export function deriveAlerts(
    overview: HostOverviewPayload, nowMs: number, catalogue: EflowReleaseCatalogue = EFLOW_RELEASE_CATALOGUE): OverviewAlert[] {
    const alerts: OverviewAlert[] = [];
    const eflow = overview.eflow;
    if (eflow) {
        alerts.push(...installationAlerts(eflow, overview.errors, nowMs, catalogue));
        alerts.push(...hostResourceAlerts(overview));
        if (eflow.vm) {
            alerts.push(...vmAlerts(eflow.vm));
        }
    }
    const vm = eflow?.vm ?? null;
    alerts.push(...overview.errors.map((error, index) => isRuntimeDownRead(error, vm)
        ? alert('vmDetailsWhileEdgeDown', 'info', { message: error.message })
        : sectionErrorAlert(error, index)));
    return sortBySeverity(alerts);
}

/** The WSSDAgent certificate's alert, from the estimate weighed against what the cmdlets did (wssd-certificate.ts). */
function wssdCertificateAlert(eflow: EflowInstallation, errors: readonly SectionError[], nowMs: number): OverviewAlert | null {
    const certificate = assessWssdCertificate(eflow.installDate, nowMs, wssdCertificateEvidence(eflow, errors));
    const expiresOn = certificate?.expiresOn.slice(0, 10) ?? '';
    switch (certificate?.state) {
        case 'expired':
            return alert('wssdCertificateExpired', 'critical', { expiresOn });
        case 'renewalUnconfirmed':
            return alert('wssdCertificateRenewalUnconfirmed', 'warning', { expiresOn, installDate: eflow.installDate ?? '' });
        case 'expiring':
            return alert('wssdCertificateExpiring', 'warning', { expiresOn, days: String(certificate.daysLeft) });
        default:
            return null;
    }
}

/** Orders alerts most severe first, keeping the order of equally severe ones. */
export function sortBySeverity(alerts: readonly OverviewAlert[]): OverviewAlert[] {
    return alerts
        .map((alert: OverviewAlert, index: number) => ({ alert, index }))
        .sort((a, b) => SEVERITY_RANK[a.alert.severity] - SEVERITY_RANK[b.alert.severity] || a.index - b.index)
        .map(({ alert }) => alert);
}

function alert(kind: AlertKind, severity: AlertSeverity, params: Record<string, string> = {}, key = ''): OverviewAlert {
    return { id: key ? `${kind}:${key}` : kind, kind, severity, params };
}

function installationAlerts(eflow: EflowInstallation, errors: readonly SectionError[], nowMs: number,
    catalogue: EflowReleaseCatalogue): OverviewAlert[] {
    const alerts: OverviewAlert[] = [];
    if (eflow.services.wssdAgent.toLowerCase() !== 'running') {
        alerts.push(alert('wssdAgentNotRunning', 'critical', { state: eflow.services.wssdAgent }));
    }
    const certificateAlert = wssdCertificateAlert(eflow, errors, nowMs);
    if (certificateAlert) {
        alerts.push(certificateAlert);
    }
    const version = parseEflowVersion(eflow.version);
    if (version) {
        const release = releaseStatus(version, nowMs, catalogue);
        const train = release.train?.name ?? '';
        const supportEnds = release.train?.supportEnds ?? '';
        const target = release.migrateTo?.name ?? '';
        if (release.support === 'ended') {
            alerts.push(target
                ? alert('supportEndedMigrate', 'warning', { train, supportEnds, target })
                : alert('supportEnded', 'warning', { train, supportEnds }));
        } else if (release.support === 'ending-soon') {
            // A month before the end little time is left to plan a migration: warn instead of informing.
            alerts.push(alert('supportEndingSoon', isSupportEndUrgent(release) ? 'warning' : 'info',
                { train, supportEnds, days: String(release.daysOfSupportLeft ?? '') }));
        }
        if (release.updateTo) {
            alerts.push(alert('updateAvailable', 'info', { installed: eflow.version, latest: release.updateTo }));
        }
    }
    return alerts;
}

function hostResourceAlerts(overview: HostOverviewPayload): OverviewAlert[] {
    const alerts: OverviewAlert[] = [];
    const drive = overview.host.systemDrive;
    if (drive.freeGB < MIN_FREE_DISK_GB) {
        alerts.push(alert('hostDiskLow', 'warning', { drive: drive.name, freeGB: formatNumber(drive.freeGB) }));
    }
    if (overview.host.freeMemoryMB < MIN_FREE_MEMORY_MB) {
        // In GB like the Host card and the readiness checklist: one fact, one unit on the dashboard.
        alerts.push(alert('hostMemoryLow', 'warning', { freeMemoryGB: formatNumber(overview.host.freeMemoryMB / 1024) }));
    }
    return alerts;
}

function vmAlerts(vm: EflowVm): OverviewAlert[] {
    const alerts: OverviewAlert[] = [];
    if (derivePowerState(vm) === 'off') {
        alerts.push(alert('vmStopped', 'warning', { vm: vm.name }));
    }
    if (vm.stats) {
        const usage = vmUsage(vm.stats);
        const diskPercent = formatPercent(usage.storage.availableFraction);
        if (usage.storage.availableFraction < VM_DISK_CRITICAL_FRACTION) {
            alerts.push(alert('vmDiskLow', 'critical', { percentFree: diskPercent }));
        } else if (usage.storage.availableFraction < VM_DISK_WARNING_FRACTION) {
            alerts.push(alert('vmDiskLow', 'warning', { percentFree: diskPercent }));
        }
        if (usage.memory.availableFraction < VM_MEMORY_WARNING_FRACTION) {
            alerts.push(alert('vmMemoryHigh', 'warning', { percentFree: formatPercent(usage.memory.availableFraction) }));
        }
    }
    if (vm.iotedgeList) {
        alerts.push(...moduleAlerts(parseIotEdgeList(vm.iotedgeList).modules, isProvisioned(vm)));
    }
    if (vm.systemStatus) {
        alerts.push(...parseSystemStatus(vm.systemStatus)
            .filter((service: SystemServiceStatus) => service.state === 'down')
            .map((service: SystemServiceStatus) => alert('runtimeServiceDown',
                // aziot-edged runs the modules; the identity, key and certificate services degrade it.
                service.name === 'aziot-edged' ? 'critical' : 'warning',
                { service: service.name, reason: service.reason ?? '' }, service.name)));
    }
    return alerts;
}

/**
 * Module alerts. edgeAgent and edgeHub not running is critical: nothing else works without them. Other modules
 * warn when failed, dead or unknown; `stopped` alone is not alerted, a deployment may stop a module on purpose.
 */
function moduleAlerts(modules: readonly IotEdgeModule[], provisioned: boolean): OverviewAlert[] {
    const alerts: OverviewAlert[] = [];
    for (const module of modules) {
        if (SYSTEM_MODULES.includes(module.name)) {
            if (module.status !== 'running') {
                alerts.push(alert('systemModuleDown', 'critical', moduleParams(module), module.name));
            }
        } else if (module.status === 'failed' || module.status === 'dead' || module.status === 'unknown') {
            alerts.push(alert('moduleFailing', 'warning', moduleParams(module), module.name));
        }
    }
    // A provisioned device always runs edgeAgent; without it the device never receives its deployment. Right
    // after provisioning it may still be downloading, hence a warning.
    if (provisioned && !modules.some((module: IotEdgeModule) => module.name === 'edgeAgent')) {
        alerts.push(alert('edgeAgentMissing', 'warning'));
    }
    return alerts;
}

function moduleParams(module: IotEdgeModule): Record<string, string> {
    return { module: module.name, status: module.status, description: module.description };
}

function sectionErrorAlert(error: SectionError, index: number): OverviewAlert {
    return alert('sectionError', 'warning',
        { source: error.source, code: error.code, message: error.message }, `${error.source}:${error.code}:${index}`);
}

function formatNumber(value: number): string {
    return String(Math.round(value * 10) / 10);
}

function formatPercent(fraction: number): string {
    return String(Math.round(fraction * 1000) / 10);
}
