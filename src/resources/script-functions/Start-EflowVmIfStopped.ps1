# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# Starts the EFLOW VM when it is not running (several cmdlets work only on a running VM); reports the start as
# progress under -Activity. Returns whether it had to start the VM. A failure is a coded error.
function Start-EflowVmIfStopped {
    param ([string] $Activity)
    if ([string](Get-EflowVm).VmPowerState -eq 'Running') { return $false }
    Write-Progress -Activity $Activity -Status 'Starting the VM'
    try {
        Start-EflowVm
    } catch {
        throw "[VmStartFailed] The VM could not be started: $($_.Exception.Message)"
    }
    return $true
}
