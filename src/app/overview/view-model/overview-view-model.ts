import { deriveAlerts, OverviewAlert } from '../../core/domain/alerts';
import { parseEflowVersion } from '../../core/domain/eflow-version';
import {
    deriveInstallState,
    derivePowerState,
    EflowInstallState,
    VmPowerState,
    presenceErrors
} from '../../core/domain/install-state';
import { IotEdgeModule, parseIotEdgeList } from '../../core/domain/iotedge-list';
import { checkReadiness, ReadinessCheck } from '../../core/domain/readiness';
import {
    channelOfProduct,
    EFLOW_RELEASE_CATALOGUE,
    EflowChannel,
    EflowReleaseCatalogue,
    EflowReleaseStatus,
    releaseStatus
} from '../../core/domain/release-catalogue';
import { parseSystemStatus, SystemServiceStatus } from '../../core/domain/system-status';
import { assessWssdCertificate, wssdCertificateEvidence, WssdCertificateStatus } from '../../core/domain/wssd-certificate';
import { GatewayError } from '../../core/gateway/gateway-error';
import { HostOverviewPayload, SectionError } from '../../core/models/host-overview';
import { OverviewState } from '../store/overview-state';
import { AdminCommandStep, deployCommands, installCommands, startVmCommands } from './admin-commands';

/**
 * What the overview page shows, derived from the store's state. Pure: the page component only renders it.
 */

/**
 * The page's distinct views:
 * - `no-connection`: opened without a device connection;
 * - `first-load`: the first read is running;
 * - `unreachable` / `error`: the first read failed (no data to show);
 * - `not-ready`: no EFLOW, and the host cannot run it;
 * - `not-installed`: no EFLOW, the host is ready;
 * - `installed`: MSI installed, no VM;
 * - `deployment-in-progress`: MSI installed, a deployment is running (no VM yet);
 * - `partial-deployment`: MSI installed, Deploy-Eflow failed part-way (a VM disk, no VM);
 * - `install-unknown`: whether EFLOW is installed could not be read (says why, offers no install);
 * - `vm-unknown`: MSI installed, whether the VM exists could not be checked (says why, offers no deployment);
 * - `vm-stopped`: the VM is off;
 * - `dashboard`: the VM is running (or its state could not be read).
 * With data, a failed refresh does not change the view: a banner says so and the data is marked stale.
 */
export type OverviewViewName =
    | 'no-connection' | 'first-load' | 'unreachable' | 'error' | 'not-ready' | 'not-installed' | 'install-unknown' | 'installed'
    | 'deployment-in-progress' | 'partial-deployment' | 'vm-unknown' | 'vm-stopped' | 'dashboard';

/** Which card a section error belongs to. */
export type OverviewSection = 'host' | 'installation' | 'vm' | 'runtime' | 'network';

/** Everything derived from one overview. */
export interface OverviewDetails {
    data: HostOverviewPayload;
    installState: EflowInstallState;
    readiness: ReadinessCheck[];
    channel: EflowChannel | null;
    release: EflowReleaseStatus | null;
    certificate: WssdCertificateStatus | null;
    powerState: VmPowerState | null;
    /** `null` when the list was not read (VM off, or the read failed). */
    modules: IotEdgeModule[] | null;
    /** `null` when not read. */
    systemServices: SystemServiceStatus[] | null;
    alerts: OverviewAlert[];
    sectionErrors: Record<OverviewSection, SectionError[]>;
    /** Why the installation's or the VM's existence is unknown (a failed read); empty when both are known. */
    presenceErrors: SectionError[];
    /** PowerShell for the view's next step (install, deploy, start); empty on the dashboard. */
    commands: AdminCommandStep[];
}

/** The page's view model. */
export interface OverviewViewModel {
    view: OverviewViewName;
    /**
     * The name headings show: the WAC connection (node) name, as the shell's connection list shows it. Not the Win32
     * computer name (upper case, cut to 15 characters), which would change the title once the data arrives; the
     * Host card shows it as a fact.
     */
    hostName: string;
    state: OverviewState;
    /** Derived data, `null` until the first success. */
    details: OverviewDetails | null;
    /** The failure to show in a banner above the data: the last refresh failed but earlier data is shown. */
    refreshFailure: GatewayError | null;
    /** The catalogue date, for "current as of". */
    catalogueDate: string;
}

const UNREACHABLE_KINDS: ReadonlyArray<GatewayError['kind']> = ['host-unreachable', 'gateway-unreachable'];

/** Builds the view model at time `nowMs` (used for certificate and support dates). */
export function buildOverviewViewModel(
    state: OverviewState, nowMs: number, catalogue: EflowReleaseCatalogue = EFLOW_RELEASE_CATALOGUE): OverviewViewModel {
    const details = state.data ? buildDetails(state.data, nowMs, catalogue) : null;
    return {
        view: selectView(state, details),
        hostName: state.node ?? '',
        state,
        details,
        refreshFailure: state.data ? state.error : null,
        catalogueDate: catalogue.compiledOn
    };
}

/** Chooses the view for a state (see `OverviewViewName`). */
export function selectView(state: OverviewState, details: OverviewDetails | null): OverviewViewName {
    if (!state.node) {
        return 'no-connection';
    }
    if (!details) {
        if (!state.error) {
            return 'first-load';
        }
        return UNREACHABLE_KINDS.includes(state.error.kind) ? 'unreachable' : 'error';
    }
    switch (details.installState) {
        case 'not-ready':
        case 'not-installed':
        case 'install-unknown':
        case 'installed':
        case 'deployment-in-progress':
        case 'partial-deployment':
        case 'vm-unknown':
            return details.installState;
        default:
            return details.powerState === 'off' ? 'vm-stopped' : 'dashboard';
    }
}

/** Assigns a section error to its card by the cmdlet (source) that failed; unknown sources go to the host card. */
export function sectionOf(error: SectionError): OverviewSection {
    const source = error.source.toLowerCase();
    if (/endpoint|network|switch|vmaddr/.test(source)) {
        return 'network';
    }
    if (/iotedge|invoke-eflowvmcommand/.test(source)) {
        return 'runtime';
    }
    if (/eflowvm/.test(source)) {
        return 'vm';
    }
    if (/service|uninstall|registry|itemproperty|arp/.test(source)) {
        return 'installation';
    }
    return 'host';
}

function buildDetails(data: HostOverviewPayload, nowMs: number, catalogue: EflowReleaseCatalogue): OverviewDetails {
    const installState = deriveInstallState(data);
    const eflow = data.eflow;
    const vm = eflow?.vm ?? null;
    const version = eflow ? parseEflowVersion(eflow.version) : null;
    const powerState = vm ? derivePowerState(vm) : null;
    const sectionErrors: Record<OverviewSection, SectionError[]> = { host: [], installation: [], vm: [], runtime: [], network: [] };
    for (const error of data.errors) {
        sectionErrors[sectionOf(error)].push(error);
    }
    return {
        data,
        installState,
        readiness: checkReadiness(data.host),
        channel: eflow ? channelOfProduct(eflow.productName) : null,
        release: version ? releaseStatus(version, nowMs, catalogue) : null,
        certificate: eflow ? assessWssdCertificate(eflow.installDate, nowMs, wssdCertificateEvidence(eflow, data.errors)) : null,
        powerState,
        modules: vm?.iotedgeList ? parseIotEdgeList(vm.iotedgeList).modules : null,
        systemServices: vm?.systemStatus ? parseSystemStatus(vm.systemStatus) : null,
        alerts: deriveAlerts(data, nowMs, catalogue),
        sectionErrors,
        presenceErrors: presenceErrors(data),
        commands: commandsFor(installState, powerState, data)
    };
}

function commandsFor(installState: EflowInstallState, powerState: VmPowerState | null, data: HostOverviewPayload): AdminCommandStep[] {
    if (installState === 'not-installed') {
        return installCommands(data.host);
    }
    if (installState === 'installed') {
        return deployCommands(data.host);
    }
    return powerState === 'off' ? startVmCommands() : [];
}
