<#
.SYNOPSIS
Verifies an EFLOW deployment: the VM runs, the IoT Edge services run and edgeAgent runs.

.DESCRIPTION
The deployment wizard's last step. Reads Verify-EflowVm, the VM power state, and with one SSH command into the VM
(the VM limits SSH connections per minute) `iotedge system status`, `iotedge list` and the provisioning source of
/etc/aziot/config.toml. The verdict is healthy (provisioned, aziot-edged running, edgeAgent running), starting
(provisioned and the services up, edgeAgent not running yet: it is pulled and started within minutes of
provisioning), notProvisioned, vmStopped, notDeployed or unhealthy (a service is down, edgeAgent failed, or the VM
could not be read). Get-EflowVm fails while IoT Edge is unhealthy or not provisioned; Get-EflowVmAddr then tells
whether the VM runs, and the runtime is read all the same.
Progress: activity 'Verifying the deployment'. It changes nothing.
Returns one object: verdict, vmExists, powerState, provisioned, source, services, modules, detail.

.ROLE
Readers
#>
param ()

$ErrorActionPreference = 'Stop'
$activity = 'Verifying the deployment'
$sectionMarker = '@@EFLOW-MANAGER-SECTION@@'

. "$PSScriptRoot\..\..\script-functions\Split-VmCommandOutput.ps1"
. "$PSScriptRoot\..\..\script-functions\Import-AzureEflowModule.ps1"
. "$PSScriptRoot\..\..\script-functions\Get-ProvisioningSource.ps1"
. "$PSScriptRoot\..\..\script-functions\Read-EflowVm.ps1"

function New-Result {
    param ([string] $Verdict, [string] $Detail)
    [pscustomobject]@{
        verdict = $Verdict; vmExists = $false; powerState = $null; provisioned = $false; source = $null
        services = @(); modules = @(); detail = $Detail
    }
}

Import-AzureEflowModule
Write-Progress -Activity $activity -Status 'Checking that the VM exists'
if (-not [bool](Verify-EflowVm)) {
    New-Result -Verdict 'notDeployed' -Detail 'There is no EFLOW VM on this host.'
    return
}
$result = New-Result -Verdict 'unhealthy' -Detail ''
$result.vmExists = $true
$reading = Read-EflowVm
if ($reading.vmError -and $reading.powerState -ne 'Running') {
    $result.detail = "The VM could not be read: $($reading.vmError.Exception.Message)"
    $result
    return
}
$result.powerState = $reading.powerState
if ($result.powerState -ne 'Running') {
    $result.verdict = 'vmStopped'
    $result.detail = "The VM is $($result.powerState)."
    $result
    return
}

Write-Progress -Activity $activity -Status 'Reading the IoT Edge runtime status in the VM'
$lines = @(Invoke-EflowVmCommand -ignoreError -command ('sudo iotedge system status; echo @@EFLOW-MANAGER-SECTION@@; ' +
        'sudo iotedge list; echo @@EFLOW-MANAGER-SECTION@@; sudo grep -m 1 -E "^source *=" /etc/aziot/config.toml') |
        ForEach-Object { [string]$_ })
$sections = Split-VmCommandOutput -Lines $lines -Marker $sectionMarker
if ($sections.Count -ne 3) {
    $result.detail = "Unexpected output from the VM ($($sections.Count) sections instead of 3)."
    $result
    return
}

$result.services = @($sections[0] | ForEach-Object {
        if ($_ -match '^\s*(aziot-[a-z]+)\s+(Running|Ready|Down.*?)\s*$') { [pscustomobject]@{ name = $Matches[1]; state = $Matches[2] } }
    })
# iotedge list: a header line, then one row per module: NAME STATUS DESCRIPTION Config.
$listRows = @($sections[1])
$result.modules = @(for ($row = 1; $row -lt $listRows.Count; $row++) {
        if ($listRows[$row] -match '^\s*(\S+)\s+(running|stopped|failed|dead|unknown)\b') { [pscustomobject]@{ name = $Matches[1]; status = $Matches[2] } }
    })
$result.source = Get-ProvisioningSource -Lines $sections[2]
$result.provisioned = $null -ne $result.source

$edged = @($result.services | Where-Object { $_.name -eq 'aziot-edged' })
$agent = @($result.modules | Where-Object { $_.name -eq 'edgeAgent' })
$down = @($result.services | Where-Object { $_.state -like 'Down*' })
if (-not $result.provisioned) {
    $result.verdict = 'notProvisioned'
    $result.detail = 'The VM runs; the IoT Edge runtime is not provisioned.'
} elseif ($down.Count -gt 0) {
    $result.detail = "Down: $(@($down | ForEach-Object { $_.name + ' (' + $_.state + ')' }) -join ', ')."
} elseif ($agent.Count -gt 0 -and $agent[0].status -eq 'running' -and $edged.Count -gt 0 -and $edged[0].state -eq 'Running') {
    $result.verdict = 'healthy'
    $result.detail = 'The VM runs, IoT Edge is provisioned and edgeAgent is running.'
} elseif ($agent.Count -gt 0 -and ($agent[0].status -eq 'failed' -or $agent[0].status -eq 'dead')) {
    $result.detail = "edgeAgent is $($agent[0].status)."
} else {
    $result.verdict = 'starting'
    $result.detail = 'IoT Edge is provisioned; edgeAgent is not running yet (it is downloaded and started within minutes). Check again shortly.'
}
Write-Progress -Activity $activity -Status $result.detail -Completed
$result
