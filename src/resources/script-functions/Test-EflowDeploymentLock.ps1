# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# Whether a session is deploying on this host right now: New-EflowVirtualMachine holds a host-wide named mutex
# while Deploy-Eflow runs, so both the wizard's state read and the dashboard can tell a running deployment from an
# absent VM. Throws when the lock cannot be asked (the caller reports it as unknown, never as "not deploying").
# Needs Get-EflowDeploymentLockName.ps1 dot-sourced beside it.
function Test-EflowDeploymentLock {
    $name = Get-EflowDeploymentLockName
    $mutex = $null
    try {
        $exists = [System.Threading.Mutex]::TryOpenExisting($name, [ref]$mutex)
        if ($mutex) { $mutex.Dispose() }
        return $exists
    } catch [System.UnauthorizedAccessException] {
        # It exists, created by an elevated session this one may not open.
        return $true
    }
}
