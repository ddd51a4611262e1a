<#
.SYNOPSIS
Enables Hyper-V on the host for EFLOW and says whether a restart is needed; restarts the host on request.

.DESCRIPTION
On client SKUs enables the Microsoft-Hyper-V optional feature with all its parts and without restarting
(Enable-WindowsOptionalFeature -All -NoRestart); on Server SKUs installs the Hyper-V role with its sub-features and
management tools (Install-WindowsFeature). Does nothing when Hyper-V is already enabled. With -Restart, restarts
the host (Restart-Computer -Force) when the change needs it; the connection then drops until the host is back.
Fails with [HyperVNotAvailable] on editions without Hyper-V, changing nothing.
Returns one object: status (enabled, alreadyEnabled or restartPending), rebootRequired, restarting.

.ROLE
Administrators
#>
param (
    # Restart the host right away when enabling Hyper-V needs it.
    [Parameter(Mandatory = $false)]
    [switch] $Restart
)

$ErrorActionPreference = 'Stop'

try {
    $os = Get-CimInstance -ClassName Win32_OperatingSystem
} catch {
    throw "[HostFactsUnavailable] Could not read the host's operating system facts: $($_.Exception.Message)"
}
$isServer = ([int]$os.ProductType -eq 2) -or ([int]$os.ProductType -eq 3)

. "$PSScriptRoot\..\..\script-functions\Read-HyperVFeatureState.ps1"

$reading = Read-HyperVFeatureState -IsServer $isServer
$state = $reading.state
if ($state -eq 'Unknown') {
    # Not knowing whether the feature is there is no reason to try installing it: say why and change nothing.
    throw "[HyperVStateUnreadable] The Hyper-V state could not be read, so nothing was changed: $($reading.error.Exception.Message)"
}
if ($state -eq 'NotAvailable') {
    throw "[HyperVNotAvailable] $([string]$os.Caption) has no Hyper-V. EFLOW needs Windows Pro, Enterprise, IoT Enterprise or Windows Server."
}

$status = 'alreadyEnabled'
$rebootRequired = $false
if ($state -eq 'EnablePending') {
    $status = 'restartPending'
    $rebootRequired = $true
} elseif ($state -eq 'Disabled') {
    Write-Progress -Activity 'Enabling Hyper-V' -Status 'Installing the Hyper-V components'
    try {
        if ($isServer) {
            $result = Install-WindowsFeature -Name 'Hyper-V' -IncludeAllSubFeature -IncludeManagementTools
            $rebootRequired = ([string]$result.RestartNeeded -eq 'Yes') -or ([string]$result.ExitCode -eq 'SuccessRestartRequired')
            if ($result.PSObject.Properties['Success'] -and -not [bool]$result.Success) {
                throw "Install-WindowsFeature reported exit code $([string]$result.ExitCode)."
            }
        } else {
            $result = Enable-WindowsOptionalFeature -Online -FeatureName 'Microsoft-Hyper-V' -All -NoRestart
            $rebootRequired = [bool]$result.RestartNeeded
        }
    } catch {
        throw "[HyperVEnableFailed] Hyper-V could not be enabled: $($_.Exception.Message)"
    }
    Write-Progress -Activity 'Enabling Hyper-V' -Status 'Done' -Completed
    $status = 'enabled'
}

$restarting = $false
if ($Restart -and $rebootRequired) {
    $restarting = $true
    # Returned before the restart takes the host away: the caller learns the outcome, then reconnects.
    [pscustomobject]@{ status = $status; rebootRequired = $rebootRequired; restarting = $restarting }
    Restart-Computer -Force
    return
}

[pscustomobject]@{ status = $status; rebootRequired = $rebootRequired; restarting = $restarting }
