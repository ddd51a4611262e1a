# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# Starts the EFLOW VM when it is not running (several cmdlets work only on a running VM); reports the start as
# progress under -Activity. Returns whether it had to start the VM. A failure is a coded error.
# -Reading is Read-EflowVm's answer, which tells a running VM even while Get-EflowVm fails because IoT Edge is
# unhealthy or not provisioned yet (eflow.md 5), exactly when the provisioning script runs. A VM whose state no
# cmdlet could tell is not started blindly: Get-EflowVm's own error says best what is wrong.
function Start-EflowVmIfStopped {
    param ([string] $Activity, $Reading)
    if ($Reading.powerState -eq 'Running') { return $false }
    if ($Reading.powerState -eq 'Unknown' -and $null -ne $Reading.vmError) { throw $Reading.vmError }
    Write-Progress -Activity $Activity -Status 'Starting the VM'
    try {
        Start-EflowVm
    } catch {
        throw "[VmStartFailed] The VM could not be started: $($_.Exception.Message)"
    }
    return $true
}
