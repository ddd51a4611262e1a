import { GatewayError } from '../../core/gateway/gateway-error';
import type { EnableHyperVResult } from '../../core/models/deploy-results';
import type { AutoDeployIssue } from '../domain/auto-deploy-config';
import type { DeployRun } from '../domain/deploy-run';
import type { DeploymentPrerequisitesPayload } from '../domain/deployment-prerequisites';
import type { DeploymentRunRecord } from '../domain/deployment-run-record';
import type { DeploymentStateSnapshot } from '../domain/deployment-state';
import { noHostCheckAnswers, type HostCheckAnswers } from '../domain/host-input-checks';
import { emptyProvisioningSecrets, type ProvisioningSecrets } from '../domain/provisioning-secrets';
import { emptyRememberedEntries, rememberEntries, type RememberedEntries } from '../domain/remembered-entries';
import type { ResumeDecision } from '../domain/resume-detection';
import { createDefaultWizardModel } from '../domain/wizard-defaults';
import type { WizardModel } from '../domain/wizard-model';
import type { WizardPageId } from '../domain/wizard-pages';

/** Where opening the wizard on a host is. */
export type WizardLoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** The prerequisites page's offer to enable Hyper-V. */
export interface HyperVEnabling {
    status: 'idle' | 'running' | 'done' | 'failed';
    /** Whether the admin asked to restart the host right away. */
    restart: boolean;
    result: EnableHyperVResult | null;
    error: GatewayError | null;
}

/** The outcome of importing an eflowAutoDeploy file. */
export interface ImportOutcome {
    fileName: string;
    /** Whether the file filled the wizard (errors: it changed nothing). */
    applied: boolean;
    errors: AutoDeployIssue[];
    warnings: AutoDeployIssue[];
}

/** Everything the deployment wizard knows about one host at a moment. */
export interface DeployWizardState {
    /** The host; null when the tool was opened without a connection. */
    node: string | null;
    status: WizardLoadStatus;
    /** Why the host's facts could not be read (status `failed`). */
    loadError: GatewayError | null;
    /** Whether a re-read of the host's facts runs (the page stays as it is meanwhile). */
    refreshing: boolean;
    prerequisites: DeploymentPrerequisitesPayload | null;
    snapshot: DeploymentStateSnapshot | null;
    /** Where the host stands (resume-detection.ts); null until read. */
    resume: ResumeDecision | null;
    /** The admin's choices: persisted per host (never secrets, which the model cannot hold). */
    model: WizardModel;
    /** What was typed for the kinds not chosen now, so switching back restores it (persisted with the model). */
    remembered: RememberedEntries;
    /** Memory only: never persisted, exported or logged; sent in the provisioning call alone. */
    secrets: ProvisioningSecrets;
    /** The page shown; `done` when nothing is left to do on the host. */
    page: WizardPageId | 'done';
    /** The last deploy run on this host (persisted with the model). */
    record: DeploymentRunRecord | null;
    /** The host's answers to the as-you-type checks, by value. */
    hostCheckAnswers: HostCheckAnswers;
    /** Whether a host check is running or waiting to run (Next waits for it). */
    hostChecksPending: boolean;
    importOutcome: ImportOutcome | null;
    hyperV: HyperVEnabling;
    /** The Deploy page's run, null before the first Deploy. */
    run: DeployRun | null;
    /** Whether the host's state is read again before a run starts (Deploy, or a retry that needs it). */
    preparingRun: boolean;
    /** Why that read failed, null otherwise. */
    prepareError: GatewayError | null;
    /** Whether the Deploy page asks the admin to confirm stopping the run. */
    confirmingCancel: boolean;
}

/** The state before a host is opened. */
export function initialDeployWizardState(): DeployWizardState {
    const model = createDefaultWizardModel(null);
    return {
        node: null,
        status: 'idle',
        loadError: null,
        refreshing: false,
        prerequisites: null,
        snapshot: null,
        resume: null,
        model,
        remembered: rememberEntries(emptyRememberedEntries(), model),
        secrets: emptyProvisioningSecrets(),
        page: 'prerequisites',
        record: null,
        hostCheckAnswers: noHostCheckAnswers(),
        hostChecksPending: false,
        importOutcome: null,
        hyperV: { status: 'idle', restart: false, result: null, error: null },
        run: null,
        preparingRun: false,
        prepareError: null,
        confirmingCancel: false
    };
}
