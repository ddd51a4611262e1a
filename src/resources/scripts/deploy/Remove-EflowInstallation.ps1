<#
.SYNOPSIS
Uninstalls EFLOW (the MSI, its VM and its VM disk) so that a deployment can start again from the product install.

.DESCRIPTION
The recovery from an interrupted Deploy-Eflow: EFLOW deploys once per installation, so a partial VM (a VM disk
*EFLOW.vhdx without a VM) is removed only by uninstalling EFLOW (eflow.md sections 1 and 13). Reads the installed
product's ProductCode from its Uninstall registry entry (PSChildName) and runs
msiexec /x <ProductCode> /qn /norestart /l*v <log>, waiting for it. Windows Installer removes the product, its VM
and its files; virtual switches stay. A VM disk (*EFLOW.vhdx) that the uninstall left in the install folder or in
-VhdxPath (the VHDX folder chosen at install) is removed afterwards, so Deploy-Eflow finds a clean host.
Idempotent: with no EFLOW product installed it uninstalls nothing and returns status notInstalled (removing only a
VM disk an earlier uninstall left behind).
Refuses with [DeploymentInProgress] while another session runs Deploy-Eflow (the host-wide deployment lock).
msiexec failures are coded: [MsiInstallInProgress] for 1618, [UninstallFailed] for any other exit code (the log
names the cause), [UninstallNotCompleted] when msiexec reported success but the product is still registered,
[VhdxRemovalFailed] when the left-over disk could not be removed. Progress: activity 'Uninstalling EFLOW'.

.ROLE
Administrators
#>
param (
    # A VHDX folder chosen at install time (MSI VHDXDIR), searched for a left-over VM disk besides the install folder.
    [Parameter(Mandatory = $false)]
    [ValidateLength(3, 200)]
    [ValidatePattern('^[A-Za-z]:\\(?:[^\\/:*?"<>|\x00-\x1F]+(?:\\[^\\/:*?"<>|\x00-\x1F]+)*\\?)?\z')]
    [string] $VhdxPath
)

$ErrorActionPreference = 'Stop'
$activity = 'Uninstalling EFLOW'
# Where the MSI installs when INSTALLDIR was not given (eflow.md section 1).
$defaultInstallFolder = 'C:\Program Files\Azure IoT Edge'

. "$PSScriptRoot\..\..\script-functions\Get-EflowProductEntry.ps1"
. "$PSScriptRoot\..\..\script-functions\Get-EflowDeploymentLockName.ps1"
. "$PSScriptRoot\..\..\script-functions\Test-EflowDeploymentLock.ps1"
. "$PSScriptRoot\..\..\script-functions\Test-EflowVhdxPresent.ps1"

function Remove-LeftoverVhdx {
    param ([string[]] $Folders)
    $removed = $false
    foreach ($folder in @($Folders | Where-Object { $_ })) {
        $pattern = Get-EflowVhdxPattern -Folder $folder
        if (-not (Test-Path -Path $pattern -PathType Leaf)) { continue }
        Write-Progress -Activity $activity -Status "Removing the left-over VM disk $pattern" -PercentComplete 90
        try {
            Remove-Item -Path $pattern -Force
        } catch {
            throw "[VhdxRemovalFailed] The left-over VM disk $pattern could not be removed: $($_.Exception.Message)"
        }
        $removed = $true
    }
    return $removed
}

$entry = Get-EflowProductEntry
if ($null -eq $entry) {
    # Without the product a VM disk is what an earlier uninstall left: the next install would find it and Deploy-Eflow
    # would refuse, so it goes too.
    $vhdxRemoved = Remove-LeftoverVhdx -Folders @($defaultInstallFolder, $VhdxPath)
    [pscustomobject]@{
        status = 'notInstalled'; productName = $null; version = $null; msiExitCode = $null
        rebootRequired = $false; vhdxRemoved = $vhdxRemoved; logPath = $null
    }
    return
}

$productName = [string]$entry.DisplayName
$version = [string]$entry.DisplayVersion
$productCode = [string]$entry.PSChildName
if ($productCode -notmatch '^\{[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}\}$') {
    # Only a product code goes on msiexec's command line; anything else in the registry is not passed on.
    throw "[ProductCodeUnreadable] The Uninstall entry of $productName $version has no product code msiexec accepts ('$productCode')."
}
if (Test-EflowDeploymentLock) {
    throw "[DeploymentInProgress] Deploy-Eflow is running on this host in another session; EFLOW is not uninstalled while it runs."
}

$folders = @($defaultInstallFolder)
if ([string]$entry.InstallLocation) { $folders = @([string]$entry.InstallLocation) }
if ($VhdxPath) { $folders += $VhdxPath }

$tempFolder = if ($env:TEMP) { $env:TEMP } else { [System.IO.Path]::GetTempPath() }
$logPath = Join-Path $tempFolder 'EflowManager-uninstall.log'
$arguments = @('/x', $productCode, '/qn', '/norestart', '/l*v', ('"{0}"' -f $logPath))

Write-Progress -Activity $activity -Status "msiexec /x $productCode /qn /norestart ($productName $version)" -PercentComplete 5
try {
    $process = Start-Process -FilePath 'msiexec.exe' -ArgumentList $arguments -Wait -PassThru
} catch {
    throw "[MsiexecFailed] msiexec could not be started: $($_.Exception.Message)"
}
$exitCode = [int]$process.ExitCode
# 1605: the product is no longer installed (another session removed it meanwhile); the registry check below decides.
if ($exitCode -eq 1618) {
    throw "[MsiInstallInProgress] Another installation is in progress (msiexec 1618). Wait for it to finish, then try again."
}
if ($exitCode -ne 0 -and $exitCode -ne 3010 -and $exitCode -ne 1641 -and $exitCode -ne 1605) {
    throw "[UninstallFailed] msiexec /x ended with exit code $exitCode; $productName $version is still installed. See the log $logPath."
}
if ($null -ne (Get-EflowProductEntry)) {
    throw "[UninstallNotCompleted] msiexec /x reported exit code $exitCode, but $productName $version is still registered. See the log $logPath."
}
Write-Progress -Activity $activity -Status "msiexec finished with exit code $exitCode" -PercentComplete 80

# Only a disk the uninstall left behind is removed: Windows Installer removes its own files first.
$vhdxRemoved = Remove-LeftoverVhdx -Folders $folders
Write-Progress -Activity $activity -Status 'EFLOW is uninstalled' -Completed

[pscustomobject]@{
    status = 'removed'
    productName = $productName
    version = $version
    msiExitCode = $exitCode
    rebootRequired = ($exitCode -eq 3010 -or $exitCode -eq 1641)
    vhdxRemoved = $vhdxRemoved
    logPath = $logPath
}
