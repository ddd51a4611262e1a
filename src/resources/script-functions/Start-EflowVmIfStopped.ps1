# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# Starts the EFLOW VM when it is not running (several cmdlets work only on a running VM); reports the start as
# progress under -Activity. Returns whether it had to start the VM. A failure is a coded error.
# Get-EflowVm also lists the IoT Edge modules and fails while IoT Edge is unhealthy or not provisioned yet
# (eflow.md 5), which is exactly when the provisioning script runs: then Get-EflowVmAddr, which answers with an IP
# address only while the VM runs, decides. (Shared functions cannot include each other, so this does not use
# Read-EflowVm.)
function Start-EflowVmIfStopped {
    param ([string] $Activity)
    try {
        if ([string](Get-EflowVm).VmPowerState -eq 'Running') { return $false }
    } catch {
        $vmError = $_
        $addresses = @()
        try {
            $addresses = @(Get-EflowVmAddr | Where-Object { [string]$_ -match '^\d{1,3}(\.\d{1,3}){3}$' })
        } catch {
            # No address either: Get-EflowVm's own error says best what is wrong.
            throw $vmError
        }
        if ($addresses.Count -gt 0) { return $false }
        throw $vmError
    }
    Write-Progress -Activity $Activity -Status 'Starting the VM'
    try {
        Start-EflowVm
    } catch {
        throw "[VmStartFailed] The VM could not be started: $($_.Exception.Message)"
    }
    return $true
}
