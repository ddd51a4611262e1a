<#
.SYNOPSIS
Applies the EFLOW VM's post-deployment configuration: DNS servers, the DpsTpm and Defender features, telemetry.

.DESCRIPTION
Sets what is given and leaves the rest alone: -DnsServers with Set-EflowVmDNSServers (the primary endpoint, as
eflowAutoDeploy does), -DpsTpm and -Defender with Set-EflowVmFeature, -OptionalTelemetry with
Set-EflowVmTelemetryOption. Features and telemetry are read first and changed only where they differ, so running
it again changes nothing. A stopped VM is started first (the cmdlets need it running). Fails with [VmNotDeployed]
without a VM and with [InvalidDnsServers] for duplicate or non-unicast addresses, changing nothing.
Progress: activity 'Configuring DNS, features and telemetry'.
Returns one object: vmStarted, dnsServers, dpsTpm, defender, optionalTelemetry, changed.

.ROLE
Administrators
#>
param (
    [Parameter(Mandatory = $false)]
    [ValidateCount(1, 8)]
    [ValidatePattern('^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\z')]
    [string[]] $DnsServers,

    # TPM passthrough (needed for DpsTPM provisioning). Omitted: left as it is.
    [Parameter(Mandatory = $false)]
    [bool] $DpsTpm,

    # Microsoft Defender for IoT micro-agent. Omitted: left as it is.
    [Parameter(Mandatory = $false)]
    [bool] $Defender,

    # Optional telemetry. Omitted: left as it is.
    [Parameter(Mandatory = $false)]
    [bool] $OptionalTelemetry
)

. "$PSScriptRoot\..\..\script-functions\Import-AzureEflowModule.ps1"
. "$PSScriptRoot\..\..\script-functions\Read-EflowVm.ps1"
. "$PSScriptRoot\..\..\script-functions\Start-EflowVmIfStopped.ps1"
. "$PSScriptRoot\..\..\script-functions\Read-EflowVmFeatureEnabled.ps1"

$ErrorActionPreference = 'Stop'
$activity = 'Configuring DNS, features and telemetry'
$changed = [System.Collections.Generic.List[string]]::new()

if ($DnsServers) {
    # A set rather than Select-Object -Unique: WAC's JEA endpoints want Select-Object module-qualified.
    $seen = New-Object 'System.Collections.Generic.HashSet[string]'
    foreach ($server in $DnsServers) {
        if (-not $seen.Add($server)) {
            throw "[InvalidDnsServers] $server is listed twice."
        }
        $firstOctet = [int]($server.Split('.')[0])
        if ($firstOctet -eq 0 -or $firstOctet -eq 127 -or $firstOctet -ge 224) {
            throw "[InvalidDnsServers] $server is not a unicast address."
        }
    }
}

Import-AzureEflowModule
if (-not [bool](Verify-EflowVm)) {
    throw '[VmNotDeployed] There is no EFLOW VM on this host yet; deploy it first.'
}

$vmStarted = Start-EflowVmIfStopped -Activity $activity -Reading (Read-EflowVm)

if ($DnsServers) {
    Write-Progress -Activity $activity -Status "Setting DNS servers $($DnsServers -join ', ')"
    try {
        Set-EflowVmDNSServers -dnsServers $DnsServers
    } catch {
        throw "[DnsConfigurationFailed] The DNS servers could not be set: $($_.Exception.Message)"
    }
    $changed.Add('DnsServers')
}

$states = @{}
if ($PSBoundParameters.ContainsKey('DpsTpm')) {
    $states['DpsTpm'] = (Read-EflowVmFeatureEnabled -Feature 'DpsTpm')
    if ($states['DpsTpm'] -ne $DpsTpm) {
        Write-Progress -Activity $activity -Status "Turning DpsTpm $(if ($DpsTpm) { 'on' } else { 'off' })"
        try {
            Set-EflowVmFeature -feature 'DpsTpm' -enable:$DpsTpm
        } catch {
            throw "[FeatureConfigurationFailed] The DpsTpm feature could not be changed: $($_.Exception.Message)"
        }
        $states['DpsTpm'] = $DpsTpm
        $changed.Add('DpsTpm')
    }
}
if ($PSBoundParameters.ContainsKey('Defender')) {
    $states['Defender'] = (Read-EflowVmFeatureEnabled -Feature 'Defender')
    if ($states['Defender'] -ne $Defender) {
        Write-Progress -Activity $activity -Status "Turning Defender $(if ($Defender) { 'on' } else { 'off' })"
        try {
            Set-EflowVmFeature -feature 'Defender' -enable:$Defender
        } catch {
            throw "[FeatureConfigurationFailed] The Defender feature could not be changed: $($_.Exception.Message)"
        }
        $states['Defender'] = $Defender
        $changed.Add('Defender')
    }
}
$telemetry = $null
if ($PSBoundParameters.ContainsKey('OptionalTelemetry')) {
    $telemetry = ([string](Get-EflowVmTelemetryOption) -eq 'Optional')
    if ($telemetry -ne $OptionalTelemetry) {
        Write-Progress -Activity $activity -Status "Setting optional telemetry $(if ($OptionalTelemetry) { 'on' } else { 'off' })"
        try {
            Set-EflowVmTelemetryOption -optionalTelemetry $OptionalTelemetry
        } catch {
            throw "[TelemetryConfigurationFailed] The telemetry option could not be changed: $($_.Exception.Message)"
        }
        $telemetry = $OptionalTelemetry
        $changed.Add('OptionalTelemetry')
    }
}
Write-Progress -Activity $activity -Status 'Done' -Completed

$dnsResult = $null
if ($DnsServers) { $dnsResult = @($DnsServers) }
[pscustomobject]@{
    vmStarted = $vmStarted
    dnsServers = $dnsResult
    dpsTpm = $states['DpsTpm']
    defender = $states['Defender']
    optionalTelemetry = $telemetry
    changed = $changed.ToArray()
}
