import { Injectable } from '@angular/core';
import { concat, defer, from, Observable, of } from 'rxjs';
import { catchError, concatMap, map, takeWhile } from 'rxjs/operators';
import { EflowDeployService } from '../../core/gateway/eflow-deploy.service';
import type { GatewayText } from '../../core/gateway/gateway-error';
import { toGatewayError } from '../../core/gateway/transport-errors';
import { ScriptProgressEvent } from '../../core/gateway/script-progress-output';
import { withProvisioningSecret, type PlannedDeployStep, type PlannedScriptCall } from '../domain/deploy-plan';
import { splitCodedMessage } from '../domain/deploy-failure';
import { verificationProblem } from '../domain/deploy-run';
import type { DeployStepId } from '../domain/deploy-steps';
import type { ProvisioningSecrets } from '../domain/provisioning-secrets';

/** What carrying out the plan's calls reports, in order. */
export type DeployExecutionEvent =
    | { type: 'callStarted'; step: DeployStepId }
    | { type: 'progress'; step: DeployStepId; activity: string; statusDescription: string }
    | { type: 'callSucceeded'; step: DeployStepId }
    /** `message` is the script's `[Code] text` (or a transport message without a code), `code` the code alone. */
    /** `text`: the gateway layer's own words for `message`, when it worded it itself (GatewayError.text). */
    | { type: 'callFailed'; step: DeployStepId; code: string | null; message: string; text: GatewayText | null };

/** A call's outcome before it is told apart: progress, or done (with a problem found in its result, if any). */
type CallEvent = ScriptProgressEvent<unknown> | { type: 'problem'; message: string };

/**
 * Carries out the deploy plan's script calls one after another through EflowDeployService, stopping at the first
 * failure. The provisioning call is the only one that gets the secret, added by the domain's
 * `withProvisioningSecret` just before it is sent. Unsubscribing stops the call in flight (cancelled on the gateway)
 * and starts no further call.
 */
@Injectable({ providedIn: 'root' })
export class DeployStepExecutor {
    constructor(private readonly deploy: EflowDeployService) {}

    /**
     * Runs `steps` (each with a call) on `node` in order. `provisioningSkipped`: the admin provisions later, so the
     * verification accepts an unprovisioned runtime.
     */
    public execute(node: string, steps: readonly PlannedDeployStep[], secrets: ProvisioningSecrets,
        provisioningSkipped: boolean): Observable<DeployExecutionEvent> {
        return from(steps.filter(step => step.call !== null)).pipe(
            concatMap(step => concat(
                of<DeployExecutionEvent>({ type: 'callStarted', step: step.id }),
                this.callEvents(node, step.id, step.call as PlannedScriptCall, secrets, provisioningSkipped))),
            // The failure is the last event: later calls never start.
            takeWhile(event => event.type !== 'callFailed', true));
    }

    private callEvents(node: string, step: DeployStepId, call: PlannedScriptCall, secrets: ProvisioningSecrets,
        provisioningSkipped: boolean): Observable<DeployExecutionEvent> {
        // Deferred, so that a call that cannot even be built (a secret missing) fails like any other call.
        return defer(() => this.run(node, call, secrets, provisioningSkipped)).pipe(
            map((event: CallEvent): DeployExecutionEvent => {
                switch (event.type) {
                    case 'progress':
                        return { type: 'progress', step, activity: event.progress.activity, statusDescription: event.progress.statusDescription };
                    case 'problem':
                        return { type: 'callFailed', step, code: splitCodedMessage(event.message).code, message: event.message, text: null };
                    case 'result':
                        return { type: 'callSucceeded', step };
                }
            }),
            catchError((error: unknown) => {
                const failure = toGatewayError(error);
                // The domain reads the code back from the `[Code]` prefix (deploy-failure.ts).
                const message = failure.code && failure.kind === 'script-error' ? `[${failure.code}] ${failure.message}` : failure.message;
                return of<DeployExecutionEvent>({ type: 'callFailed', step, code: failure.kind === 'script-error' ? failure.code : null, message, text: failure.text });
            }));
    }

    private run(node: string, call: PlannedScriptCall, secrets: ProvisioningSecrets, provisioningSkipped: boolean): Observable<CallEvent> {
        switch (call.script) {
            case 'Install-EflowProduct':
                return this.deploy.installProduct(node, call.parameters);
            case 'New-EflowVirtualSwitch':
                return this.deploy.newVirtualSwitch(node, call.parameters);
            case 'New-EflowVirtualMachine':
                return this.deploy.newVirtualMachine(node, call.parameters);
            case 'Set-EflowVmConfiguration':
                return this.deploy.setVmConfiguration(node, call.parameters);
            case 'Set-EflowVmProvisioning':
                return this.deploy.setVmProvisioning(node, withProvisioningSecret(call, secrets));
            case 'Test-EflowDeployment':
                return this.deploy.testDeployment(node).pipe(map((event): CallEvent => {
                    if (event.type === 'progress') {
                        return event;
                    }
                    const problem = verificationProblem(event.result.verdict, event.result.detail, provisioningSkipped);
                    return problem === null ? event : { type: 'problem', message: problem };
                }));
        }
    }
}
