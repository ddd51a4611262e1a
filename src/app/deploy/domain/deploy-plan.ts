/**
 * The deploy plan: the ordered steps of wizard page 9 for a model on a host, each with its status (done on the
 * host, pending, or not needed for these choices), the gateway script call that carries it out, and its retry and
 * cancel rules. The calls hold no secret: the provisioning call names the secret parameter it needs, and
 * `withProvisioningSecret` adds the value just before that one request is sent.
 */
import {
    configurationCalls, deployEflowCall, provisionCall, type CmdletArgument, type CmdletCall
} from './cmdlet-calls';
import type { DeploymentRunRecord } from './deployment-run-record';
import type { DeploymentStateSnapshot } from './deployment-state';
import type { DeployTextKey } from './message-text';
import { detectDoneSteps } from './done-steps';
import {
    DEPLOY_STEP_ORDER, DEPLOY_STEPS, type DeployScriptName, type DeployStepId, type RetryRule
} from './deploy-steps';
import type { ProvisioningSecrets, SecretFieldName } from './provisioning-secrets';
import type { WizardModel } from './wizard-model';

/** A value of a gateway script parameter: `true` for a present switch. */
export type ScriptParameterValue = string | number | boolean | string[];

export interface PlannedScriptCall {
    script: DeployScriptName;
    /** Parameter name -> value, without secrets. */
    parameters: Record<string, ScriptParameterValue>;
    /** The secret parameter to add when the call is made, null when the call needs none. */
    secretParameter: { parameter: string; secret: SecretFieldName } | null;
}

export type PlannedStepStatus = 'pending' | 'done' | 'notNeeded';

export interface PlannedDeployStep {
    id: DeployStepId;
    status: PlannedStepStatus;
    /** The call that carries the step out; null when done, not needed, or carried by another step's call. */
    call: PlannedScriptCall | null;
    /** The step whose call also carries this one (download and install are one Install-EflowProduct call). */
    carriedBy: DeployStepId | null;
    progressActivity: string;
    retry: RetryRule;
    /** A `Deploy.Text` key (deploy-steps.ts). */
    cancelWarning: DeployTextKey | null;
}

export interface DeployPlan {
    steps: PlannedDeployStep[];
    /** The first pending step, null when nothing is left to do. */
    firstPendingStep: DeployStepId | null;
}

/** `acceptEula` -> `AcceptEula`: the gateway scripts name their parameters after the cmdlet's, in PascalCase. */
export function scriptParameterName(cmdletParameter: string): string {
    return cmdletParameter.charAt(0).toUpperCase() + cmdletParameter.substring(1);
}

/** A cmdlet call's value arguments as script parameters; `skip` names arguments the script supplies itself. */
function parametersOf(call: CmdletCall, skip: readonly string[] = []): Record<string, ScriptParameterValue> {
    const parameters: Record<string, ScriptParameterValue> = {};
    for (const argument of call.arguments) {
        if (argument.kind === 'value' && !skip.includes(argument.name)) {
            const value = argument.value;
            parameters[scriptParameterName(argument.name)] = typeof value === 'object' ? [...value] : value;
        }
    }
    return parameters;
}

function secretOf(call: CmdletCall): PlannedScriptCall['secretParameter'] {
    const secret = call.arguments.find((a): a is Extract<CmdletArgument, { kind: 'secret' }> => a.kind === 'secret');
    return secret ? { parameter: scriptParameterName(secret.name), secret: secret.secret } : null;
}

function installCall(model: WizardModel): PlannedScriptCall {
    const product = model.product;
    const parameters: Record<string, ScriptParameterValue> = { Channel: product.channel, Architecture: product.architecture };
    if (product.source.kind === 'hostPath') {
        parameters['MsiPath'] = product.source.msiPath;
    }
    if (product.installPath) {
        parameters['InstallPath'] = product.installPath;
    }
    if (product.vhdxPath) {
        parameters['VhdxPath'] = product.vhdxPath;
    }
    return { script: 'Install-EflowProduct', parameters, secretParameter: null };
}

function switchCall(model: WizardModel): PlannedScriptCall | null {
    const virtualSwitch = model.network.virtualSwitch;
    if (virtualSwitch.kind === 'newExternal') {
        return {
            script: 'New-EflowVirtualSwitch', secretParameter: null,
            parameters: { SwitchName: virtualSwitch.switchName, SwitchType: 'External', AdapterName: virtualSwitch.adapterName }
        };
    }
    if (virtualSwitch.kind === 'newInternal') {
        const ip = model.network.staticIp;
        const parameters: Record<string, ScriptParameterValue> = {
            SwitchName: virtualSwitch.switchName, SwitchType: 'Internal',
            GatewayAddress: ip.ip4GatewayAddress, PrefixLength: ip.ip4PrefixLength ?? 0
        };
        // The script checks the gateway against the VM's address too, as the Network page does.
        if (ip.ip4Address) {
            parameters['VmAddress'] = ip.ip4Address;
        }
        return { script: 'New-EflowVirtualSwitch', secretParameter: null, parameters };
    }
    return null;
}

/**
 * Deploy-Eflow's arguments, plus the VHDX folder chosen at install time: the script looks there too for the disk an
 * interrupted Deploy-Eflow leaves, so that it never runs Deploy-Eflow a second time on one installation.
 */
function deployVmParameters(model: WizardModel): Record<string, ScriptParameterValue> {
    const parameters = parametersOf(deployEflowCall(model));
    if (model.product.vhdxPath) {
        parameters['VhdxPath'] = model.product.vhdxPath;
    }
    return parameters;
}

function configurationCall(model: WizardModel): PlannedScriptCall {
    const parameters: Record<string, ScriptParameterValue> = {
        DpsTpm: model.features.dpsTpm,
        Defender: model.features.defender,
        OptionalTelemetry: model.features.optionalTelemetry
    };
    const dns = configurationCalls(model).find(call => call.cmdlet === 'Set-EflowVmDNSServers');
    if (dns) {
        Object.assign(parameters, parametersOf(dns));
    }
    return { script: 'Set-EflowVmConfiguration', parameters, secretParameter: null };
}

/** The call of each step for the model, before looking at what is done. */
function callsFor(model: WizardModel): Record<DeployStepId, PlannedScriptCall | null> {
    const provision = provisionCall(model.provisioning);
    return {
        downloadMsi: model.product.source.kind === 'download' ? installCall(model) : null,
        installMsi: installCall(model),
        createSwitch: switchCall(model),
        deployVm: { script: 'New-EflowVirtualMachine', parameters: deployVmParameters(model), secretParameter: null },
        configureVm: configurationCall(model),
        provision: provision
            ? { script: 'Set-EflowVmProvisioning', parameters: parametersOf(provision, ['headless']), secretParameter: secretOf(provision) }
            : null,
        verify: { script: 'Test-EflowDeployment', parameters: {}, secretParameter: null }
    };
}

/** The plan for a (valid) model on a host in the given state. */
export function buildDeployPlan(model: WizardModel, snapshot: DeploymentStateSnapshot, record: DeploymentRunRecord | null):
    DeployPlan {
    const done = detectDoneSteps(snapshot, model, record);
    const calls = callsFor(model);
    const steps = DEPLOY_STEP_ORDER.map((id): PlannedDeployStep => {
        const definition = DEPLOY_STEPS[id];
        const status: PlannedStepStatus = done.has(id) ? 'done' : calls[id] === null ? 'notNeeded' : 'pending';
        // Downloading and installing are one Install-EflowProduct call: the install step rides on the download's.
        const carriedBy = id === 'installMsi' && status === 'pending' && calls.downloadMsi !== null ? 'downloadMsi' : null;
        return {
            id, status,
            call: status === 'pending' && carriedBy === null ? calls[id] : null,
            carriedBy,
            progressActivity: definition.progressActivity,
            retry: definition.retry,
            cancelWarning: definition.cancelWarning
        };
    });
    return { steps, firstPendingStep: steps.find(step => step.status === 'pending')?.id ?? null };
}

/**
 * The parameters of a planned call with its secret filled in: the only place a secret joins a request. Throws when
 * the secret is empty (validation should have stopped that earlier).
 */
export function withProvisioningSecret(call: PlannedScriptCall, secrets: ProvisioningSecrets): Record<string, ScriptParameterValue> {
    if (call.secretParameter === null) {
        return { ...call.parameters };
    }
    const value = secrets[call.secretParameter.secret];
    if (value.length === 0) {
        throw new Error(`The ${call.secretParameter.secret} secret is empty; ask for it before provisioning.`);
    }
    return { ...call.parameters, [call.secretParameter.parameter]: value };
}
