# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# The Hyper-V feature (client SKUs) or role (server SKUs): Enabled, EnablePending (a reboot finishes it),
# Disabled, or NotAvailable (the edition does not have it, e.g. Windows Home).
function Get-HyperVFeatureState {
    param ([bool] $IsServer)
    if ($IsServer) {
        try {
            $role = Get-WindowsFeature -Name 'Hyper-V'
        } catch {
            return 'NotAvailable'
        }
        if ($null -eq $role) { return 'NotAvailable' }
        switch ([string]$role.InstallState) {
            'Installed' { return 'Enabled' }
            'InstallPending' { return 'EnablePending' }
            'Available' { return 'Disabled' }
            default { return 'NotAvailable' }
        }
    }
    try {
        $feature = Get-WindowsOptionalFeature -Online -FeatureName 'Microsoft-Hyper-V'
    } catch {
        # Editions without Hyper-V do not know the feature name at all.
        return 'NotAvailable'
    }
    if ($null -eq $feature) { return 'NotAvailable' }
    switch ([string]$feature.State) {
        'Enabled' { return 'Enabled' }
        'EnablePending' { return 'EnablePending' }
        default { return 'Disabled' }
    }
}
