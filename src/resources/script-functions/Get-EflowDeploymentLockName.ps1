# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# The name of the host-wide lock New-EflowVirtualMachine holds while Deploy-Eflow runs, which the wizard's state read,
# the dashboard and the uninstall test for (Test-EflowDeploymentLock). Global\ is machine-wide on Windows; the
# machine's own GUID in the name changes nothing there, and keeps hosts apart where several simulated machines share
# one kernel (the gateway emulator, and test suites running side by side on one Linux box, where .NET keeps every
# Global\ mutex in the same /tmp/.dotnet folder). Throws [MachineGuidUnreadable] when the GUID cannot be read.
function Get-EflowDeploymentLockName {
    $guid = ''
    try {
        $guid = [string](Get-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\Cryptography' -Name 'MachineGuid').MachineGuid
    } catch {
        throw "[MachineGuidUnreadable] The host's MachineGuid cannot be read, so its deployment lock cannot be named: $($_.Exception.Message)"
    }
    if ($guid -notmatch '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$') {
        throw "[MachineGuidUnreadable] The host's MachineGuid '$guid' is not a GUID, so its deployment lock cannot be named."
    }
    return 'Global\EflowManager-Deploy-' + $guid.ToLowerInvariant()
}
