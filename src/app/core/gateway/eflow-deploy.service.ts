import { Injectable } from '@angular/core';
import { Observable } from 'rxjs';
import { PowerShellScripts } from '../../../generated/powershell-scripts';
import type { DeploymentPrerequisitesPayload } from '../../deploy/domain/deployment-prerequisites';
import type { DeploymentStateSnapshot } from '../../deploy/domain/deployment-state';
import type {
    DeploymentInputChecks, DeploymentVerification, EnableHyperVResult, InstallProductResult, NewVirtualMachineResult,
    NewVirtualSwitchResult, RemoveInstallationResult, VmConfigurationResult, VmProvisioningResult
} from '../models/deploy-results';
import {
    parseDeploymentInputChecks, parseDeploymentVerification, parseEnableHyperVResult, parseInstallProductResult,
    parseNewVirtualMachineResult, parseNewVirtualSwitchResult, parseRemoveInstallationResult, parseVmConfigurationResult,
    parseVmProvisioningResult
} from '../models/deploy-results.parse';
import { parseDeploymentPrerequisites } from '../models/deployment-prerequisites.parse';
import { parseDeploymentState } from '../models/deployment-state.parse';
import { HOST_CHANGE_SESSION_KEY } from './gateway-session-pool';
import { PowerShellRunner, ScriptParameters, ScriptResource } from './powershell-runner';
import { singleParsedResult } from './script-output';
import { progressAndParsedResult, ScriptProgressEvent } from './script-progress-output';

/**
 * Time limits of the deployment scripts. Reads answer within a minute or two even on a slow host; the changes wait
 * on Windows (a download of about 1 GB, msiexec, Deploy-Eflow creating a VM, provisioning and the runtime starting),
 * which takes minutes on a good host and much longer on a poor link, so their limits are generous: a limit only
 * stops a run that is stuck.
 */
export const DEPLOY_TIMEOUTS_MS = {
    read: 2 * 60_000,
    inputCheck: 60_000,
    enableHyperV: 20 * 60_000,
    install: 60 * 60_000,
    virtualSwitch: 5 * 60_000,
    virtualMachine: 45 * 60_000,
    configuration: 15 * 60_000,
    provisioning: 20 * 60_000,
    verification: 5 * 60_000,
    /** msiexec /x removes the VM and the runtime's files: a few minutes, longer on a slow disk. */
    uninstall: 30 * 60_000
} as const;

/** What the host-side input checks are asked about; each part is optional. */
export interface DeploymentInputRequest {
    /** Files that must exist on the host (the identity certificate and key), at most 4. */
    paths?: readonly string[];
    /** An MSI to read: which product, version and architecture it is (and whether it exists). */
    msiPath?: string;
    /** A static address that must not answer ping. */
    ip4Address?: string;
    /** A gateway that should answer ping. */
    ip4GatewayAddress?: string;
}

/** Parameters of a change script as the deploy plan builds them (deploy/domain/deploy-plan.ts). */
export type DeployScriptParameters = ScriptParameters;

const scripts = PowerShellScripts.Deploy;

/**
 * Typed calls of the deployment wizard's gateway scripts (src/resources/scripts/deploy): one method per script, its
 * output checked against its contract. Reads emit once and complete; changes emit their progress records, then their
 * result, and run in the node's own session for changes (HOST_CHANGE_SESSION_KEY) so that they never queue behind a
 * read. Every method fails with a `GatewayError` (script refusals are `script-error` with the script's code);
 * unsubscribing cancels the script on the gateway.
 */
@Injectable({ providedIn: 'root' })
export class EflowDeployService {
    constructor(private readonly runner: PowerShellRunner) {}

    /** The prerequisite checks and the host facts the wizard validates against (Get-EflowDeploymentPrerequisites). */
    public getPrerequisites(node: string): Observable<DeploymentPrerequisitesPayload> {
        return this.read(node, scripts.Get_EflowDeploymentPrerequisites, {}, parseDeploymentPrerequisites, DEPLOY_TIMEOUTS_MS.read);
    }

    /** How far a deployment got on the host (Get-EflowDeploymentState). `vhdxPath`: a VHDX folder chosen at install. */
    public getDeploymentState(node: string, vhdxPath = ''): Observable<DeploymentStateSnapshot> {
        return this.read(node, scripts.Get_EflowDeploymentState, vhdxPath ? { VhdxPath: vhdxPath } : {}, parseDeploymentState,
            DEPLOY_TIMEOUTS_MS.read);
    }

    /** Whether files exist on the host, what an MSI is and whether addresses answer ping (Test-EflowDeploymentInput). */
    public testDeploymentInput(node: string, request: DeploymentInputRequest): Observable<DeploymentInputChecks> {
        const parameters: Record<string, string | readonly string[]> = {};
        if (request.paths && request.paths.length > 0) {
            parameters['Path'] = [...request.paths];
        }
        if (request.msiPath) {
            parameters['MsiPath'] = request.msiPath;
        }
        if (request.ip4Address) {
            parameters['Ip4Address'] = request.ip4Address;
        }
        if (request.ip4GatewayAddress) {
            parameters['Ip4GatewayAddress'] = request.ip4GatewayAddress;
        }
        return this.read(node, scripts.Test_EflowDeploymentInput, parameters, parseDeploymentInputChecks, DEPLOY_TIMEOUTS_MS.inputCheck);
    }

    /** Enables Hyper-V; with `restart`, restarts the host when that is needed (Enable-EflowHostHyperV). */
    public enableHyperV(node: string, restart: boolean): Observable<ScriptProgressEvent<EnableHyperVResult>> {
        return this.change(node, scripts.Enable_EflowHostHyperV, restart ? { Restart: true } : {}, parseEnableHyperVResult,
            DEPLOY_TIMEOUTS_MS.enableHyperV);
    }

    /** Downloads (or takes from a host path) and installs the MSI (Install-EflowProduct). */
    public installProduct(node: string, parameters: DeployScriptParameters): Observable<ScriptProgressEvent<InstallProductResult>> {
        return this.change(node, scripts.Install_EflowProduct, parameters, parseInstallProductResult, DEPLOY_TIMEOUTS_MS.install);
    }

    /** Creates the VM's External or Internal switch (New-EflowVirtualSwitch). */
    public newVirtualSwitch(node: string, parameters: DeployScriptParameters): Observable<ScriptProgressEvent<NewVirtualSwitchResult>> {
        return this.change(node, scripts.New_EflowVirtualSwitch, parameters, parseNewVirtualSwitchResult, DEPLOY_TIMEOUTS_MS.virtualSwitch);
    }

    /** Runs Deploy-Eflow, at most once per installation (New-EflowVirtualMachine). */
    public newVirtualMachine(node: string, parameters: DeployScriptParameters): Observable<ScriptProgressEvent<NewVirtualMachineResult>> {
        return this.change(node, scripts.New_EflowVirtualMachine, parameters, parseNewVirtualMachineResult,
            DEPLOY_TIMEOUTS_MS.virtualMachine);
    }

    /** Sets DNS servers, features and telemetry (Set-EflowVmConfiguration). */
    public setVmConfiguration(node: string, parameters: DeployScriptParameters): Observable<ScriptProgressEvent<VmConfigurationResult>> {
        return this.change(node, scripts.Set_EflowVmConfiguration, parameters, parseVmConfigurationResult,
            DEPLOY_TIMEOUTS_MS.configuration);
    }

    /**
     * Provisions the device (Set-EflowVmProvisioning). `parameters` carry the secret, if the type has one: this is the
     * one request that may hold it, so it is sent once; when the SDK would send it again by itself (after a 401/403, or
     * to a JEA endpoint), the call fails with the gateway's refusal instead and the admin retries.
     */
    public setVmProvisioning(node: string, parameters: DeployScriptParameters): Observable<ScriptProgressEvent<VmProvisioningResult>> {
        return this.change(node, scripts.Set_EflowVmProvisioning, parameters, parseVmProvisioningResult,
            DEPLOY_TIMEOUTS_MS.provisioning, true);
    }

    /**
     * Uninstalls EFLOW with its VM and VM disk, the one way out of an interrupted Deploy-Eflow (Remove-EflowInstallation).
     * `vhdxPath`: a VHDX folder chosen at install, searched for a disk the uninstall left behind.
     */
    public removeInstallation(node: string, vhdxPath = ''): Observable<ScriptProgressEvent<RemoveInstallationResult>> {
        return this.change(node, scripts.Remove_EflowInstallation, vhdxPath ? { VhdxPath: vhdxPath } : {},
            parseRemoveInstallationResult, DEPLOY_TIMEOUTS_MS.uninstall);
    }

    /** Checks the result: VM, IoT Edge services and edgeAgent (Test-EflowDeployment). A read with progress. */
    public testDeployment(node: string): Observable<ScriptProgressEvent<DeploymentVerification>> {
        const script = scripts.Test_EflowDeployment;
        return this.runner.run(node, script, {}, { timeoutMs: DEPLOY_TIMEOUTS_MS.verification })
            .pipe(progressAndParsedResult(script.command, parseDeploymentVerification));
    }

    private read<T>(node: string, script: ScriptResource, parameters: ScriptParameters, parse: (value: unknown) => T,
        timeoutMs: number): Observable<T> {
        return this.runner.run(node, script, parameters, { timeoutMs }).pipe(singleParsedResult(script.command, parse));
    }

    private change<T>(node: string, script: ScriptResource, parameters: ScriptParameters, parse: (value: unknown) => T,
        timeoutMs: number, carriesSecrets = false): Observable<ScriptProgressEvent<T>> {
        return this.runner.run(node, script, parameters, { timeoutMs, sessionKey: HOST_CHANGE_SESSION_KEY, carriesSecrets })
            .pipe(progressAndParsedResult(script.command, parse));
    }
}
