# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# Whether the host is an Azure VM: the WindowsAzureGuestAgent service exists there (eflow.md section 3). An Azure VM
# needs a size with nested virtualization and cannot use an External switch. Returns isAzureVm: $true, $false, or
# $null when the service list could not be read; and error: that read's ErrorRecord, $null otherwise. Only "no such
# service" means no: any other failure (access denied, the service manager not answering) is unknown, never taken
# for a host that may have an External switch.
function Read-AzureVmHost {
    try {
        $agent = @(Get-Service -Name 'WindowsAzureGuestAgent' -ErrorAction Stop)
        return [pscustomobject]@{ isAzureVm = ($agent.Count -gt 0); error = $null }
    } catch {
        if ([string]$_.FullyQualifiedErrorId -like 'NoServiceFoundForGivenName*') {
            return [pscustomobject]@{ isAzureVm = $false; error = $null }
        }
        return [pscustomobject]@{ isAzureVm = $null; error = $_ }
    }
}
