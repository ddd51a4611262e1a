/**
 * The dispatch tables: one handler per cmdlet of azureeflow.json and windows.json (a test checks both directions),
 * plus AzureEFLOW's `Import-Module` pseudo-command that the stand-in module sends at import time, and the
 * WindowsInstaller.Installer COM stand-in's read of a package (`WindowsInstaller` / `Get-MsiDatabase`).
 */
import type { CmdletHandler, HandlerMap } from '../runtime/handler';
import { deployEflow } from './eflow/deploy';
import { invokeEflowVmCommand } from './eflow/invoke-command';
import {
    confirmEflowMigration, connectEflowVm, copyEflowVmFile, importAzureEflow, restoreEflowPriorToMigration,
    startEflowMigration
} from './eflow/lifecycle';
import {
    addEflowNetwork, addEflowVmEndpoint, getEflowNetwork, getEflowVmEndpoint, removeEflowNetwork,
    removeEflowVmEndpoint, setEflowVmDnsServers
} from './eflow/network';
import { provisionEflowVm } from './eflow/provision';
import {
    getEflowHostConfiguration, getEflowLogs, getEflowVm, getEflowVmAddr, getEflowVmFeature, getEflowVmName,
    getEflowVmTelemetryOption, getEflowVmTpmProvisioningInfo, verifyEflowVm
} from './eflow/vm-read';
import { setEflowVm, startEflowVm, stopEflowVm } from './eflow/vm-power';
import {
    addEflowVmSharedFolder, getEflowVmSharedFolder, removeEflowVmSharedFolder, setEflowVmFeature,
    setEflowVmTelemetryOption
} from './eflow/vm-settings';
import { getCimInstance } from './windows/cim';
import {
    enableWindowsOptionalFeature, getWindowsFeature, getWindowsOptionalFeature, installWindowsFeature
} from './windows/features';
import {
    getNetAdapter, getNetIpAddress, getNetNat, getVmSwitch, newNetIpAddress, newNetNat, newVmSwitch, testConnection
} from './windows/network';
import { GET_MSI_DATABASE_COMMAND, getMsiDatabase, WINDOWS_INSTALLER_MODULE } from './windows/msi-database';
import { invokeWebRequest, restartComputer, startProcess } from './windows/process';
import { removeItem } from './windows/files';
import { getItemProperty, testPath } from './windows/registry';
import { getService } from './windows/services';

/** The pseudo-command the AzureEFLOW stand-in sends when it is imported. */
export const IMPORT_MODULE_COMMAND = 'Import-Module';

export const AZURE_EFLOW_HANDLERS: HandlerMap = new Map<string, CmdletHandler>([
    [IMPORT_MODULE_COMMAND, importAzureEflow],
    ['Add-EflowNetwork', addEflowNetwork],
    ['Add-EflowVmEndpoint', addEflowVmEndpoint],
    ['Add-EflowVmSharedFolder', addEflowVmSharedFolder],
    ['Connect-EflowVm', connectEflowVm],
    ['Copy-EflowVmFile', copyEflowVmFile],
    ['Deploy-Eflow', deployEflow],
    ['Get-EflowHostConfiguration', getEflowHostConfiguration],
    ['Get-EflowLogs', getEflowLogs],
    ['Get-EflowNetwork', getEflowNetwork],
    ['Get-EflowVm', getEflowVm],
    ['Get-EflowVmAddr', getEflowVmAddr],
    ['Get-EflowVmEndpoint', getEflowVmEndpoint],
    ['Get-EflowVmFeature', getEflowVmFeature],
    ['Get-EflowVmName', getEflowVmName],
    ['Get-EflowVmSharedFolder', getEflowVmSharedFolder],
    ['Get-EflowVmTelemetryOption', getEflowVmTelemetryOption],
    ['Get-EflowVmTpmProvisioningInfo', getEflowVmTpmProvisioningInfo],
    ['Invoke-EflowVmCommand', invokeEflowVmCommand],
    ['Provision-EflowVm', provisionEflowVm],
    ['Remove-EflowNetwork', removeEflowNetwork],
    ['Remove-EflowVmEndpoint', removeEflowVmEndpoint],
    ['Remove-EflowVmSharedFolder', removeEflowVmSharedFolder],
    ['Set-EflowVM', setEflowVm],
    ['Set-EflowVmDNSServers', setEflowVmDnsServers],
    ['Set-EflowVmFeature', setEflowVmFeature],
    ['Set-EflowVmTelemetryOption', setEflowVmTelemetryOption],
    ['Start-EflowVm', startEflowVm],
    ['Stop-EflowVm', stopEflowVm],
    ['Verify-EflowVm', verifyEflowVm],
    ['Start-EflowMigration', startEflowMigration],
    ['Confirm-EflowMigration', confirmEflowMigration],
    ['Restore-EflowPriorToMigration', restoreEflowPriorToMigration]
]);

export const WINDOWS_HANDLERS: HandlerMap = new Map<string, CmdletHandler>([
    ['Get-CimInstance', getCimInstance],
    ['Get-WindowsOptionalFeature', getWindowsOptionalFeature],
    ['Enable-WindowsOptionalFeature', enableWindowsOptionalFeature],
    ['Get-WindowsFeature', getWindowsFeature],
    ['Install-WindowsFeature', installWindowsFeature],
    ['Get-Service', getService],
    ['Get-ItemProperty', getItemProperty],
    ['Test-Path', testPath],
    ['Remove-Item', removeItem],
    ['Get-VMSwitch', getVmSwitch],
    ['New-VMSwitch', newVmSwitch],
    ['Get-NetAdapter', getNetAdapter],
    ['New-NetIPAddress', newNetIpAddress],
    ['Get-NetIPAddress', getNetIpAddress],
    ['Get-NetNat', getNetNat],
    ['New-NetNat', newNetNat],
    ['Test-Connection', testConnection],
    ['Invoke-WebRequest', invokeWebRequest],
    ['Start-Process', startProcess],
    ['Restart-Computer', restartComputer]
]);

/** What COM stand-ins ask (no cmdlet: scripts reach these through New-Object -ComObject, not by name). */
export const WINDOWS_INSTALLER_HANDLERS: HandlerMap = new Map<string, CmdletHandler>([
    [GET_MSI_DATABASE_COMMAND, getMsiDatabase]
]);

/** Handler tables by module name (`AzureEFLOW`, `Windows`, `WindowsInstaller`). */
export const HANDLERS_BY_MODULE: ReadonlyMap<string, HandlerMap> = new Map([
    ['AzureEFLOW', AZURE_EFLOW_HANDLERS],
    ['Windows', WINDOWS_HANDLERS],
    [WINDOWS_INSTALLER_MODULE, WINDOWS_INSTALLER_HANDLERS]
]);

const LOWER_CASE_INDEX: ReadonlyMap<string, CmdletHandler> = new Map(
    [...HANDLERS_BY_MODULE.entries()].flatMap(([module, table]) =>
        [...table.entries()].map(([command, handler]) => [`${module}|${command}`.toLowerCase(), handler] as const)));

/** The handler for a module's command, matched case-insensitively as PowerShell resolves commands. */
export function findHandler(module: string, command: string): CmdletHandler | undefined {
    return LOWER_CASE_INDEX.get(`${module}|${command}`.toLowerCase());
}
