# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# Loads the AzureEFLOW module for a script that cannot do anything without it; a failure is a coded error.
function Import-AzureEflowModule {
    try {
        Import-Module -Name AzureEFLOW
    } catch {
        throw "[EflowModuleUnavailable] The AzureEFLOW module cannot be loaded: $($_.Exception.Message)"
    }
}
