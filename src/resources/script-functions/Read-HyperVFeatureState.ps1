# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# The Hyper-V feature (client SKUs) or role (server SKUs), where a read that fails is not
# taken for an edition without Hyper-V. Returns state: Enabled, EnablePending (a reboot finishes it), Disabled,
# NotAvailable (the edition does not have it, e.g. Windows Home) or Unknown (the read failed: not elevated, DISM
# broken); and error: the failed read's ErrorRecord, $null otherwise.
function Read-HyperVFeatureState {
    param ([bool] $IsServer)
    if ($IsServer) {
        try {
            $role = Get-WindowsFeature -Name 'Hyper-V'
        } catch {
            return [pscustomobject]@{ state = 'Unknown'; error = $_ }
        }
        $state = 'NotAvailable'
        if ($null -ne $role) {
            switch ([string]$role.InstallState) {
                'Installed' { $state = 'Enabled' }
                'InstallPending' { $state = 'EnablePending' }
                'Available' { $state = 'Disabled' }
            }
        }
        return [pscustomobject]@{ state = $state; error = $null }
    }
    try {
        $feature = Get-WindowsOptionalFeature -Online -FeatureName 'Microsoft-Hyper-V'
    } catch {
        $failure = $_
        # An edition without Hyper-V does not know the name ("Feature name ... is unknown."), but neither does a DISM
        # that cannot answer at all. A wildcard query tells them apart without reading the (localized) message: it
        # finds nothing, without an error, where the edition lacks the feature, and fails again where DISM does.
        try {
            $feature = @(Get-WindowsOptionalFeature -Online -FeatureName 'Microsoft-Hyper-V*' |
                    Where-Object { [string]$_.FeatureName -eq 'Microsoft-Hyper-V' })
        } catch {
            return [pscustomobject]@{ state = 'Unknown'; error = $failure }
        }
        if ($feature.Count -eq 0) { return [pscustomobject]@{ state = 'NotAvailable'; error = $null } }
        $feature = $feature[0]
    }
    if ($null -eq $feature) { return [pscustomobject]@{ state = 'NotAvailable'; error = $null } }
    $state = 'Disabled'
    switch ([string]$feature.State) {
        'Enabled' { $state = 'Enabled' }
        'EnablePending' { $state = 'EnablePending' }
    }
    return [pscustomobject]@{ state = $state; error = $null }
}
