# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# Reads the EFLOW VM with Get-EflowVm and tells its power state even when Get-EflowVm fails on a running VM:
# Get-EflowVm fills its ModuleList from `sudo iotedge list` and throws "Unexpected return from 'sudo iotedge list'"
# while IoT Edge is unhealthy or not provisioned yet (eflow.md 5). Only then is Get-EflowVmAddr asked (it is one
# more trip into the VM, which limits connections per minute): it answers with the VM's IP address only while the
# VM runs (eflow.md 2, 5), so an address means 'Running'; without one the power state stays 'Unknown'.
# Returns vm (the Get-EflowVm object or $null), powerState, vmError (Get-EflowVm's error record or $null) and
# addressError (Get-EflowVmAddr's error record or $null).
function Read-EflowVm {
    $reading = [pscustomobject]@{ vm = $null; powerState = 'Unknown'; vmError = $null; addressError = $null }
    try {
        $reading.vm = Get-EflowVm
        $reading.powerState = [string]$reading.vm.VmPowerState
        return $reading
    } catch {
        $reading.vmError = $_
    }
    try {
        $addresses = @(Get-EflowVmAddr | Where-Object { [string]$_ -match '^\d{1,3}(\.\d{1,3}){3}$' })
        if ($addresses.Count -gt 0) { $reading.powerState = 'Running' }
    } catch {
        $reading.addressError = $_
    }
    return $reading
}
