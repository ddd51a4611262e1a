/**
 * Hyper-V enablement: Get/Enable-WindowsOptionalFeature (DISM, any SKU) and Get/Install-WindowsFeature (Server
 * Manager, Server SKUs only). All Hyper-V feature names map to the one Hyper-V state of the host; enabling needs a
 * reboot (EnablePending + CBS RebootPending until Restart-Computer). A cancelled enable changes nothing.
 */
import type { CallOutcome } from '../../../pwsh-host/protocol';
import { applyReboot, REBOOT_MS } from '../../model/reboot';
import type { CmdletHandler, HandlerContext } from '../../runtime/handler';
import { commandNotFound, ok, windowsError } from '../../runtime/outcome';
import type { HyperVState } from '../../state/host-state';
import { wildcardMatch } from './paths';

export const HYPERV_OPTIONAL_FEATURES = ['Microsoft-Hyper-V-All', 'Microsoft-Hyper-V', 'Microsoft-Hyper-V-Tools-All',
    'Microsoft-Hyper-V-Management-PowerShell', 'Microsoft-Hyper-V-Hypervisor', 'Microsoft-Hyper-V-Services',
    'Microsoft-Hyper-V-Management-Clients'];
const SERVER_FEATURES: Record<string, string> = { 'Hyper-V': 'Hyper-V', 'Hyper-V-PowerShell':
    'Hyper-V Module for Windows PowerShell', 'Hyper-V-Tools': 'Hyper-V GUI Management Tools', 'RSAT-Hyper-V-Tools':
    'Hyper-V Management Tools' };
const ENABLE_MS = 15_000;

function unknownFeature(name: string, command: string): CallOutcome {
    return windowsError(`Feature name ${name} is unknown.`, `Microsoft.Dism.Commands.${command}Command`,
        'NotSpecified', { terminating: true });
}

function matchFeatures(pattern: string, names: string[]): string[] {
    return names.filter(name => wildcardMatch(pattern, name));
}

/** The hyperVReadFailure fault: the read fails as DISM or Server Manager does when it cannot answer. */
function hyperVReadFailure(context: HandlerContext, errorId: string): CallOutcome | null {
    const message = context.faults.hyperVReadFailure;
    return message === null ? null : windowsError(message, errorId, 'NotSpecified', { terminating: true });
}

export const getWindowsOptionalFeature: CmdletHandler = context => {
    const failure = hyperVReadFailure(context, 'Microsoft.Dism.Commands.GetWindowsOptionalFeatureCommand');
    if (failure !== null) {
        return failure;
    }
    const { hyperV } = context.host.windows;
    const pattern = context.params.string('FeatureName') ?? '*';
    const names = hyperV === 'NotAvailable' ? [] : matchFeatures(pattern, HYPERV_OPTIONAL_FEATURES);
    if (names.length === 0 && !/[*?]/.test(pattern)) {
        return unknownFeature(pattern, 'GetWindowsOptionalFeature');
    }
    return ok(names.map(name => ({ FeatureName: name, DisplayName: name.replace(/-/g, ' '), State: hyperV,
        RestartRequired: hyperV === 'EnablePending' ? 'Required' : 'Possible' })));
};

async function enableHyperV(context: HandlerContext): Promise<'changed' | 'unchanged'> {
    const windows = context.host.windows;
    if (windows.hyperV === 'Enabled' || windows.hyperV === 'EnablePending') {
        return 'unchanged';
    }
    context.emit({ kind: 'progress', activity: 'Enable-WindowsOptionalFeature', status: 'Enabling Hyper-V',
        percentComplete: 10 });
    await context.clock.sleep(ENABLE_MS, context.signal);
    windows.hyperV = 'EnablePending';
    windows.pendingReboot.componentBasedServicing = true;
    context.changed();
    context.emit({ kind: 'progress', activity: 'Enable-WindowsOptionalFeature', status: 'Enabled',
        percentComplete: 100, completed: true });
    return 'changed';
}

export const enableWindowsOptionalFeature: CmdletHandler = async context => {
    const names = context.params.strings('FeatureName');
    const known = context.host.windows.hyperV === 'NotAvailable' ? [] : HYPERV_OPTIONAL_FEATURES;
    const unknown = names.find(name => !known.some(feature => feature.toLowerCase() === name.toLowerCase()));
    if (unknown !== undefined) {
        return unknownFeature(unknown, 'EnableWindowsOptionalFeature');
    }
    const result = await enableHyperV(context);
    const restartNeeded = result === 'changed' || context.host.windows.hyperV === 'EnablePending';
    return ok({ Path: null, Online: true, RestartNeeded: restartNeeded });
};

function installState(hyperV: HyperVState): string {
    return hyperV === 'Enabled' ? 'Installed' : hyperV === 'EnablePending' ? 'InstallPending'
        : hyperV === 'Disabled' ? 'Available' : 'Removed';
}

export const getWindowsFeature: CmdletHandler = context => {
    if (context.host.windows.productType === 1) {
        return commandNotFound('Get-WindowsFeature');
    }
    const failure = hyperVReadFailure(context, 'Microsoft.Windows.ServerManager.Commands.GetWindowsFeatureCommand');
    if (failure !== null) {
        return failure;
    }
    const patterns = context.params.strings('Name');
    const names = Object.keys(SERVER_FEATURES).filter(name => patterns.length === 0 ||
        patterns.some(pattern => wildcardMatch(pattern, name)));
    const state = installState(context.host.windows.hyperV);
    return ok(names.map(name => ({ Name: name, DisplayName: SERVER_FEATURES[name] ?? name,
        Installed: state === 'Installed', InstallState: state })));
};

export const installWindowsFeature: CmdletHandler = async context => {
    const windows = context.host.windows;
    if (windows.productType === 1) {
        return commandNotFound('Install-WindowsFeature');
    }
    const names = context.params.strings('Name');
    const unknown = names.find(name => !Object.keys(SERVER_FEATURES).some(f => f.toLowerCase() === name.toLowerCase()));
    if (unknown !== undefined) {
        return windowsError(`ArgumentNotValid: The role, role service, or feature name is not valid: '${unknown}'. ` +
            'The name was not found.', 'NameDoesNotExist,Microsoft.Windows.ServerManager.Commands.AddWindowsFeatureCommand',
        'InvalidArgument', { terminating: true });
    }
    if (!windows.virtualizationFirmwareEnabled || windows.hyperV === 'NotAvailable') {
        return windowsError('Hyper-V cannot be installed: The processor does not have required virtualization ' +
            'capabilities.', 'Alteration_PrerequisiteCheck_Failed,Microsoft.Windows.ServerManager.Commands.' +
            'AddWindowsFeatureCommand', 'InvalidOperation', { value: { Success: false, RestartNeeded: 'No',
            ExitCode: 'Failed', FeatureResult: [] } });
    }
    const result = await enableHyperV(context);
    if (result === 'unchanged' && windows.hyperV === 'Enabled') {
        return ok({ Success: true, RestartNeeded: 'No', ExitCode: 'NoChangeNeeded', FeatureResult: [] });
    }
    if (context.params.flag('Restart')) {
        applyReboot(context.host, context.clock.now(), context.clock.scaled(REBOOT_MS));
        context.changed();
    }
    return ok({ Success: true, RestartNeeded: 'Yes', ExitCode: 'SuccessRestartRequired',
        FeatureResult: names.map(name => ({ Name: name, DisplayName: SERVER_FEATURES[name] ?? name, RestartNeeded: true,
            Success: true })) });
};
