# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# A Windows service's status as text (Running, Stopped, ...), or NotFound when it does not exist.
function Get-ServiceState {
    param ([string] $Name)
    $service = Get-Service -Name $Name -ErrorAction SilentlyContinue
    if ($null -eq $service) { return 'NotFound' }
    return [string]$service.Status
}
