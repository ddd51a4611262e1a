import { Inject, Injectable } from '@angular/core';
import { PowerShellService } from '@microsoft/windows-admin-center-sdk/angular';
import { PowerShellCommand } from '@microsoft/windows-admin-center-sdk/core';
import { Observable, SchedulerLike, Subscription } from 'rxjs';
import { APP_SCHEDULER } from '../time/app-scheduler';
import { GatewayError } from './gateway-error';
import { GatewaySessionPool, SessionLease } from './gateway-session-pool';
import { appendChunk, MergedPowerShellOutput, NO_OUTPUT, PowerShellProgress, readChunk } from './powershell-chunk';
import { createScriptCommand, ScriptParameters, ScriptResource } from './script-command';
import { scriptErrorFromRecords } from './script-errors';
import { SecretCommandGuard, SecretCommandWatch } from './secret-command-guard';
import { toGatewayError } from './transport-errors';

export type { ScriptParameters, ScriptResource } from './script-command';

/** What a run reports: progress while it runs, then once, everything it returned. */
export type PowerShellRunEvent =
    | { type: 'progress'; progress: PowerShellProgress }
    | { type: 'completed'; results: unknown[] };

/** Options of one run. */
export interface PowerShellRunOptions {
    /** Cancel the command and fail with `timeout` after this long. Default `DEFAULT_RUN_TIMEOUT_MS`. */
    timeoutMs?: number;
    /**
     * The keyed session to run in; default the shared GATEWAY_SESSION_KEY. Scripts that change a host pass
     * HOST_CHANGE_SESSION_KEY so that they never queue behind reads (see gateway-session-pool.ts).
     */
    sessionKey?: string;
    /**
     * Whether the parameters carry secrets (a connection string, a key). Such a command reaches the gateway in one
     * request at most: a resend the SDK attempts by itself fails the run instead (see SecretCommandGuard).
     */
    carriesSecrets?: boolean;
}

/**
 * Whether the SDK may have left the keyed session busy for good after this failure. On a 400, 401 or 403 the SDK
 * sends the command again (PowerShellRaw.fallbackToJea, to the JEA endpoint the answer names); when that second send
 * fails too, SDK 5.0.0 never marks its session idle again, and every later command in it would wait forever. Such a
 * session is replaced rather than reused.
 */
export function mayLeaveSessionBusy(failure: GatewayError): boolean {
    return failure.kind === 'unauthorized' || failure.status === 400 || failure.status === 401 || failure.status === 403;
}

/** Default time limit of a run. SSH-backed EFLOW cmdlets can take minutes on an unhealthy VM (eflow.md 17.5). */
export const DEFAULT_RUN_TIMEOUT_MS = 5 * 60_000;

/**
 * Runs generated gateway scripts on managed nodes: the only code that calls the SDK's PowerShell service.
 *
 * Always runs with `partial: true` and merges the chunks itself, so no output is lost. Emits a `progress` event per
 * progress record and one `completed` event with all results, then completes. Fails with a `GatewayError`:
 * transport failures are mapped by `toGatewayError`, PowerShell errors in the output become `script-error`,
 * a run that ends without the gateway saying "completed" is `cancelled`, and one over its time limit is cancelled
 * on the gateway and fails with `timeout`. Unsubscribing cancels the command on the gateway. A command run with
 * `carriesSecrets` is sent at most once: when the SDK would send it again by itself, the run fails instead.
 */
@Injectable({ providedIn: 'root' })
export class PowerShellRunner {
    /**
     * @param secretGuard Angular injects the app's one guard; code that builds a runner by hand (tests) gets its own.
     */
    constructor(
        private readonly powerShell: PowerShellService,
        private readonly sessions: GatewaySessionPool,
        @Inject(APP_SCHEDULER) private readonly scheduler: SchedulerLike,
        private readonly secretGuard: SecretCommandGuard = new SecretCommandGuard()) {}

    /** Runs `script` on `node` with `parameters`. Nothing happens until subscription. */
    public run(node: string, script: ScriptResource, parameters: ScriptParameters = {}, options: PowerShellRunOptions = {}):
        Observable<PowerShellRunEvent> {
        return new Observable<PowerShellRunEvent>(subscriber => {
            let lease: SessionLease;
            let command: PowerShellCommand;
            try {
                // createCommand reads the module's init data (the JEA prefix); it throws when that is missing.
                command = createScriptCommand(script, parameters);
                lease = this.sessions.begin(node, options.sessionKey);
            } catch (error: unknown) {
                subscriber.error(toGatewayError(error));
                return undefined;
            }

            let output: MergedPowerShellOutput = NO_OUTPUT;
            // Whether the SDK is done with the command (completed or failed): then there is nothing to cancel.
            let sdkDone = false;
            const secretWatch: SecretCommandWatch | null =
                options.carriesSecrets ? this.secretGuard.watch(command, script.command) : null;
            const sdkFinished = (): void => {
                sdkDone = true;
                secretWatch?.end();
            };
            const timeoutMs = options.timeoutMs ?? DEFAULT_RUN_TIMEOUT_MS;
            const seconds = Math.round(timeoutMs / 1000);
            const deadline: Subscription = this.scheduler.schedule(() => subscriber.error(new GatewayError('timeout',
                `${script.command} did not finish within ${seconds} s and was cancelled.`,
                { text: { key: 'commandTimedOut', params: { command: script.command, seconds } } })), timeoutMs);

            const sdkRun = this.powerShell.run(lease.session, command, { partial: true, closeOnError: true }).subscribe({
                next: (value: unknown) => {
                    const chunk = readChunk(value);
                    output = appendChunk(output, chunk);
                    for (const progress of chunk.progress) {
                        subscriber.next({ type: 'progress', progress });
                    }
                },
                error: (error: unknown) => {
                    sdkFinished();
                    const failure = toGatewayError(error);
                    if (mayLeaveSessionBusy(failure)) {
                        // Disposed once this run's lease ends, so that the next run gets a new session.
                        this.sessions.release(node, lease.key);
                    }
                    subscriber.error(failure);
                },
                complete: () => {
                    sdkFinished();
                    this.finish(output, script, subscriber);
                }
            });

            return () => {
                deadline.unsubscribe();
                // The SDK goes on with a command after its caller has left (a pending credential prompt, the polls up to
                // the cancel) and may still resend it: a watched command stays subscribed, so that its watch ends only
                // when the SDK is done with it. What it reports then goes nowhere (this subscriber is closed).
                if (secretWatch === null || sdkDone) {
                    sdkRun.unsubscribe();
                }
                if (!sdkDone) {
                    this.cancel(lease);
                }
                lease.end();
            };
        });
    }

    private finish(output: MergedPowerShellOutput, script: ScriptResource,
        subscriber: { next(event: PowerShellRunEvent): void; error(error: unknown): void; complete(): void }): void {
        if (output.errors.length > 0 || output.exception) {
            subscriber.error(scriptErrorFromRecords(output.errors, output.exception));
        } else if (!output.completed) {
            // The SDK ends a cancelled command without a completed chunk (its cancel swallows the answer).
            subscriber.error(new GatewayError('cancelled', `${script.command} was cancelled before it finished.`,
                { text: { key: 'commandCancelled', params: { command: script.command } } }));
        } else {
            subscriber.next({ type: 'completed', results: output.results });
            subscriber.complete();
        }
    }

    private cancel(lease: SessionLease): void {
        // A queued run is not running yet: the SDK's cancel would stop the run ahead of it. The SDK cannot drop a
        // queued command either, so it still runs and its output is discarded. Harmless for reads; scripts that
        // change a host must not be queued behind others (see HOST_CHANGE_SESSION_KEY in gateway-session-pool.ts and
        // "Scripts that change a host run in their own gateway session" in docs/architecture.md).
        if (!lease.isActive()) {
            return;
        }
        this.powerShell.cancel(lease.session).subscribe({
            // Cancellation is best effort: the command is abandoned either way, so a failure changes nothing.
            error: () => undefined
        });
    }
}
