/**
 * Deploy-Eflow: validates, streams the documented step log, creates the VM. Runs at most once per installation:
 * once the storage VHD is being created, the attempt counts, and an interrupted or failed attempt leaves the
 * install `incomplete` (a VHDX, no VM; Verify-EflowVm False; a new Deploy-Eflow gets the redeploy error;
 * uninstall + reinstall recovers), which is the definite state the UI can show. Cancelled or failed before that
 * point, nothing changed and Deploy-Eflow may run again.
 */
import type { DeployFailureStep } from '../../api';
import { hexFromRandom } from '../../model/ids';
import { addFile, powerOn, vhdxFilePath } from '../../model/install';
import { CR_PRODUCT_NAME, runtimeForVersion } from '../../model/products';
import { createVm, primaryInterfaceName, vmNameFor } from '../../model/vm-factory';
import { failEflow } from '../../runtime/failure';
import type { CmdletHandler, HandlerContext } from '../../runtime/handler';
import { StepLog } from '../../runtime/long-operation';
import { ok } from '../../runtime/outcome';
import { consumeFault, consumeVmCreationFault } from '../../state/fault-state';
import type { EflowInstall } from '../../state/host-state';
import {
    checkHostFeatures, primaryAddress, REQUIRED_FREE_DISK_GB, validateDeployParameters, type DeploySettings
} from './deploy-validation';
import { installOf } from './guards';
import * as messages from './messages';

/** Simulated durations of the steps (ms at timeScale 1): about 40 s in all. */
const STEP_MS = { configuration: 1500, microsoftUpdate: 1000, hostCheck: 4000, directories: 2000, storage: 9000,
    vnic: 4000, instantiate: 16000 };

async function runSteps(context: HandlerContext, install: EflowInstall, settings: DeploySettings,
    log: StepLog): Promise<void> {
    const windows = context.host.windows;
    const vmName = vmNameFor(windows.computerName);
    await log.step('Enabling Microsoft Update. This will allow Azure IoT Edge for Linux on Windows to receive updates.',
        10, STEP_MS.microsoftUpdate);
    await log.step('Step 1: Preparing host for Azure IoT Edge for Linux on Windows', 15, 0);
    await log.step('Checking host for required features', 20, STEP_MS.hostCheck);
    checkHostFeatures(context);
    if (settings.installOpenSsh) {
        log.plain(' - Installing OpenSSH.Client');
        windows.openSshClient = true;
    }
    await log.step('Step 3: Configuring directories and virtual machine', 35, 0);
    await log.step('Associating wssdagent service with nodectl', 40, STEP_MS.directories);
    const drive = install.vhdxPath.slice(0, 2).toUpperCase();
    if (consumeFault(context.faults, 'deployNotEnoughDisk') || windows.systemDrive.freeGb < REQUIRED_FREE_DISK_GB) {
        context.changed();
        failEflow(messages.notEnoughDisk(drive));
    }
    log.line(`Setting dynamically expanding virtual hard disk maximum size to ${settings.osDiskGb} GB`);
    // From here on the attempt counts: the VHDX exists (see the file comment).
    install.deployment = 'incomplete';
    addFile(context.host, { path: vhdxFilePath(install), kind: 'vhdx' });
    context.changed();
    await failingStep(context, install, log, 'storage', 'Creating storage vhd', 55, STEP_MS.storage);
    await failingStep(context, install, log, 'vnic', `Creating vnic (name: ${primaryInterfaceName(windows.computerName)})`,
        70, STEP_MS.vnic);
    await failingStep(context, install, log, 'instantiate', `Instantiating virtual machine (name: ${vmName})`, 85,
        STEP_MS.instantiate);
}

/** A step at which an injected VM creation fault may strike (after its log line, as in issue #115). */
async function failingStep(context: HandlerContext, install: EflowInstall, log: StepLog, step: DeployFailureStep,
    message: string, percent: number, simulatedMs: number): Promise<void> {
    await log.step(message, percent, simulatedMs);
    if (consumeVmCreationFault(context.faults, step)) {
        context.changed();
        log.line('Exception caught!!!');
        failEflow(messages.vmCreationFailed(install.installPath, vmNameFor(context.host.windows.computerName)));
    }
}

function createDeployedVm(context: HandlerContext, install: EflowInstall, settings: DeploySettings): void {
    const macHex = hexFromRandom(context.random, 6);
    const address = primaryAddress(context, settings, macHex);
    const now = context.clock.now();
    const vm = createVm({
        hostComputerName: context.host.windows.computerName,
        id: hexFromRandom(context.random, 15),
        macHex,
        cpuCount: settings.cpuCount,
        memoryMb: settings.memoryMb,
        osDiskGb: settings.osDiskGb,
        dataDiskGb: settings.dataDiskGb,
        logSize: settings.logSize,
        gpu: settings.gpu,
        network: { switchName: settings.network.switchName, type: settings.network.type,
            allocationMethod: address.allocation, ipAddress: address.ip, prefixLength: address.prefix,
            gateway: address.gateway },
        runtime: runtimeForVersion(install.version, install.architecture),
        telemetry: settings.telemetry,
        createdAt: now.toISOString()
    });
    vm.powerState = 'Off';
    context.host.vm = vm;
    powerOn(context.host, vm, now);
    install.deployment = 'complete';
    context.changed();
}

export const deployEflow: CmdletHandler = async context => {
    const install = installOf(context);
    if (install.deployment === 'inProgress') {
        failEflow(messages.DEPLOY_IN_PROGRESS);
    }
    if (install.deployment !== 'none' || context.host.vm !== null) {
        failEflow(messages.redeployError(install.productName));
    }
    const log = new StepLog(context, 'Deploying Azure IoT Edge for Linux on Windows');
    log.line('Deploying Azure IoT Edge for Linux on Windows');
    if (install.productName === CR_PRODUCT_NAME) {
        log.warning('This is a Public Preview version of Azure IoT Edge for Linux on Windows, not meant for production.');
    }
    install.deployment = 'inProgress';
    try {
        await log.step('Creating configuration', 5, STEP_MS.configuration);
        const settings = validateDeployParameters(context, install.version);
        if (consumeFault(context.faults, 'deployNotEnoughCpu')) {
            context.changed();
            failEflow(messages.NOT_ENOUGH_CPU);
        }
        if (consumeFault(context.faults, 'deployNotEnoughMemory')) {
            context.changed();
            failEflow(messages.NOT_ENOUGH_MEMORY);
        }
        await runSteps(context, install, settings, log);
        createDeployedVm(context, install, settings);
    } catch (error) {
        // Definite end state: nothing happened before the VHDX, `incomplete` after it.
        if (install.deployment === 'inProgress') {
            install.deployment = 'none';
        }
        context.changed();
        throw error;
    }
    log.line('Deployment successful');
    log.completed('Deployment successful');
    return ok('OK');
};
