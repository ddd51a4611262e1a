import { GatewayError } from '../../core/gateway/gateway-error';
import type { EnableHyperVResult } from '../../core/models/deploy-results';
import type { AutoDeployIssue } from '../domain/auto-deploy-config';
import type { CancelPrompt } from '../domain/cancel-prompt';
import type { DeployRun } from '../domain/deploy-run';
import type { DeploymentPrerequisitesPayload } from '../domain/deployment-prerequisites';
import type { DeploymentRunRecord } from '../domain/deployment-run-record';
import type { DeploymentStateSnapshot } from '../domain/deployment-state';
import { noHostCheckAnswers, type HostCheckAnswers } from '../domain/host-input-checks';
import { emptyProvisioningSecrets, type ProvisioningSecrets } from '../domain/provisioning-secrets';
import { emptyRememberedEntries, rememberEntries, type RememberedEntries } from '../domain/remembered-entries';
import type { ResumeDecision } from '../domain/resume-detection';
import { createDefaultWizardModel } from '../domain/wizard-defaults';
import type { EflowRemovalState } from './deploy-run.controller';
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
    /**
     * Whether the host restarts to enable Hyper-V: the prerequisites shown are from before the restart, and the host
     * is read again as soon as it answers (host-restart-watch.ts).
     */
    hostRestarting: boolean;
    /** Whether the admin came to this page with the review's "Change": the page offers "Back to review". */
    returnToReview: boolean;
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
    /** The Stop prompt (deploy-run.controller.ts): the step it warns about and whether Stop may be confirmed now. */
    cancelPrompt: CancelPrompt | null;
    /** Deploy-Eflow left a partial deployment: the run offers the uninstall instead of a retry. */
    partialDeployment: boolean;
    /** Whether the host is read after Deploy-Eflow failed or stopped, to tell whether it left one. */
    checkingHost: boolean;
    /** The uninstall that recovers from a partial deployment, null before any. */
    removal: EflowRemovalState | null;
}

/** The state before a host is opened. */
export function initialDeployWizardState(): DeployWizardState {
    const model = createDefaultWizardModel(null);
    return {
        node: null,
        status: 'idle',
        loadError: null,
        refreshing: false,
        hostRestarting: false,
        returnToReview: false,
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
        confirmingCancel: false,
        cancelPrompt: null,
        partialDeployment: false,
        checkingHost: false,
        removal: null
    };
}
