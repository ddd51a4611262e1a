<#
.SYNOPSIS
Reads how far an EFLOW deployment got on the host, so the deployment wizard can continue where it stopped.

.DESCRIPTION
Returns one snapshot (schemaVersion 2): the installed EFLOW product (Uninstall registry key), whether the
AzureEFLOW module loads, whether the VM exists (Verify-EflowVm) and whether a VM disk without a VM is left from an
interrupted Deploy-Eflow, the VM power state, the provisioning source from /etc/aziot/config.toml, the DNS servers
(systemd-resolved's upstream list), features and telemetry option, the Hyper-V state, a pending restart, the host's
virtual switches (name and type; for an Internal switch also the host's IPv4 addresses on 'vEthernet (<name>)' and
the prefix of the NAT '<name>-NAT', the parts New-EflowVirtualSwitch adds), and whether another session is deploying
right now (the host-wide deployment lock that New-EflowVirtualMachine holds).
The VM is asked over one SSH command, because it limits SSH connections per minute. A value that cannot be read
is null and its error is listed in 'errors'; vmExists is null, never false, when Verify-EflowVm cannot answer.
It changes nothing.

.ROLE
Readers
#>
param (
    # A VHDX folder chosen at install time (MSI VHDXDIR), searched for a left-over VM disk besides the install folder.
    [Parameter(Mandatory = $false)]
    [ValidateLength(3, 200)]
    [ValidatePattern('^[A-Za-z]:\\(?:[^\\/:*?"<>|\x00-\x1F]+(?:\\[^\\/:*?"<>|\x00-\x1F]+)*\\?)?\z')]
    [string] $VhdxPath
)

$ErrorActionPreference = 'Stop'
$readErrors = [System.Collections.Generic.List[object]]::new()
$sectionMarker = '@@EFLOW-MANAGER-SECTION@@'

. "$PSScriptRoot\..\..\script-functions\Add-ReadError.ps1"
. "$PSScriptRoot\..\..\script-functions\Get-EflowProductEntry.ps1"
. "$PSScriptRoot\..\..\script-functions\Read-HyperVFeatureState.ps1"
. "$PSScriptRoot\..\..\script-functions\Split-VmCommandOutput.ps1"
. "$PSScriptRoot\..\..\script-functions\Get-ProvisioningSource.ps1"
. "$PSScriptRoot\..\..\script-functions\Read-EflowVm.ps1"
. "$PSScriptRoot\..\..\script-functions\Read-EflowVmFeatureEnabled.ps1"
. "$PSScriptRoot\..\..\script-functions\Get-EflowDeploymentLockName.ps1"
. "$PSScriptRoot\..\..\script-functions\Test-EflowDeploymentLock.ps1"
. "$PSScriptRoot\..\..\script-functions\Test-EflowVhdxPresent.ps1"

function Read-Switches {
    param ($Snapshot)
    try {
        $switches = @(Get-VMSwitch)
    } catch {
        Add-ReadError -Source 'Get-VMSwitch' -Code 'SwitchesUnavailable' -Record $_
        return
    }
    # An Internal switch the wizard made is whole with its gateway address and NAT: read both once for all switches.
    $addresses = $null
    $nats = $null
    if (@($switches | Where-Object { [string]$_.SwitchType -eq 'Internal' }).Count -gt 0) {
        try {
            $addresses = @(Get-NetIPAddress -AddressFamily IPv4)
        } catch {
            Add-ReadError -Source 'Get-NetIPAddress' -Code 'HostAddressesUnreadable' -Record $_
        }
        try {
            $nats = @(Get-NetNat)
        } catch {
            Add-ReadError -Source 'Get-NetNat' -Code 'NatUnreadable' -Record $_
        }
    }
    $Snapshot.switches = @($switches | ForEach-Object {
            $name = [string]$_.Name
            $type = [string]$_.SwitchType
            $hostAddresses = $null
            $natPrefix = $null
            if ($type -eq 'Internal') {
                if ($null -ne $addresses) {
                    $alias = "vEthernet ($name)"
                    $hostAddresses = @($addresses | Where-Object { [string]$_.InterfaceAlias -eq $alias } |
                            ForEach-Object { '{0}/{1}' -f [string]$_.IPAddress, [int]$_.PrefixLength })
                }
                if ($null -ne $nats) {
                    $nat = @($nats | Where-Object { [string]$_.Name -eq "$name-NAT" })
                    if ($nat.Count -gt 0) { $natPrefix = [string]$nat[0].InternalIPInterfaceAddressPrefix }
                }
            }
            [pscustomobject]@{ name = $name; switchType = $type; hostAddresses = $hostAddresses; natPrefix = $natPrefix }
        })
}

function Read-VmInside {
    param ($Snapshot)
    try {
        # systemd-resolved keeps the upstream servers in /run/systemd/resolve/resolv.conf (/etc/resolv.conf is its stub).
        $lines = @(Invoke-EflowVmCommand -ignoreError -command ('sudo grep -m 1 -E "^source *=" /etc/aziot/config.toml; ' +
                'echo @@EFLOW-MANAGER-SECTION@@; cat /run/systemd/resolve/resolv.conf') | ForEach-Object { [string]$_ })
    } catch {
        Add-ReadError -Source 'Invoke-EflowVmCommand' -Code 'VmCommandFailed' -Record $_
        return
    }
    $sections = Split-VmCommandOutput -Lines $lines -Marker $sectionMarker
    $source = Get-ProvisioningSource -Lines $sections[0]
    if ($source) {
        $Snapshot.provisioning = [pscustomobject]@{ state = 'Provisioned'; source = $source }
    } else {
        $Snapshot.provisioning = [pscustomobject]@{ state = 'NotProvisioned'; source = $null }
    }
    # A file that could not be read leaves the DNS servers unknown (null), not empty.
    if ($sections.Count -ge 2 -and @($sections[1] | Where-Object { $_ -match '^#|^nameserver|^options|^search' }).Count -gt 0) {
        $Snapshot.configuration.dnsServers = @($sections[1] | ForEach-Object {
                if ($_ -match '^nameserver\s+(\d{1,3}(?:\.\d{1,3}){3})\s*$') { $Matches[1] }
            })
    }
}

function Read-VmConfiguration {
    param ($Snapshot)
    foreach ($feature in 'DpsTpm', 'Defender') {
        try {
            $enabled = Read-EflowVmFeatureEnabled -Feature $feature
            if ($feature -eq 'DpsTpm') { $Snapshot.configuration.dpsTpm = $enabled } else { $Snapshot.configuration.defender = $enabled }
        } catch {
            Add-ReadError -Source "Get-EflowVmFeature $feature" -Code 'FeatureUnreadable' -Record $_
        }
    }
    try {
        $Snapshot.configuration.optionalTelemetry = ([string](Get-EflowVmTelemetryOption) -eq 'Optional')
    } catch {
        Add-ReadError -Source 'Get-EflowVmTelemetryOption' -Code 'TelemetryUnreadable' -Record $_
    }
}

function Read-Eflow {
    param ($Snapshot, $Entry)
    try {
        Import-Module -Name AzureEFLOW
        $Snapshot.moduleAvailable = $true
    } catch {
        Add-ReadError -Source 'Import-Module AzureEFLOW' -Code 'EflowModuleUnavailable' -Record $_
        return
    }
    try {
        $Snapshot.vmExists = [bool](Verify-EflowVm)
    } catch {
        Add-ReadError -Source 'Verify-EflowVm' -Code 'EflowVmUnverifiable' -Record $_
    }
    try {
        $Snapshot.vhdxPresent = Test-EflowVhdxPresent -InstallLocation ([string]$Entry.InstallLocation) -ExtraFolders @($VhdxPath)
    } catch {
        Add-ReadError -Source 'Test-Path *EFLOW.vhdx' -Code 'VhdxUnreadable' -Record $_
    }
    if ($Snapshot.vmExists -ne $true) { return }
    # Get-EflowVm fails on a running VM whose IoT Edge is not provisioned yet, the state this wizard continues from:
    # Read-EflowVm then learns from Get-EflowVmAddr that the VM runs, and only an unknown power state is an error.
    $reading = Read-EflowVm
    if ($reading.powerState -eq 'Unknown') {
        if ($reading.vmError) { Add-ReadError -Source 'Get-EflowVm' -Code 'EflowVmUnavailable' -Record $reading.vmError }
    } else {
        $Snapshot.vmPowerState = $reading.powerState
    }
    if ($Snapshot.vmPowerState -eq 'Running') {
        Read-VmInside -Snapshot $Snapshot
        Read-VmConfiguration -Snapshot $Snapshot
    }
}

try {
    $os = Get-CimInstance -ClassName Win32_OperatingSystem
} catch {
    throw "[HostFactsUnavailable] Could not read the host's operating system facts: $($_.Exception.Message)"
}
$computerName = [string]$os.CSName
$isServer = ([int]$os.ProductType -eq 2) -or ([int]$os.ProductType -eq 3)

$snapshot = [pscustomobject]@{
    schemaVersion = 2
    collectedAt = [DateTime]::UtcNow.ToString('o')
    computerName = $computerName
    product = $null
    moduleAvailable = $false
    vmExists = $null
    vhdxPresent = $null
    vmPowerState = $null
    provisioning = [pscustomobject]@{ state = 'Unknown'; source = $null }
    configuration = [pscustomobject]@{ dnsServers = $null; dpsTpm = $null; defender = $null; optionalTelemetry = $null }
    hyperVState = 'Unknown'
    rebootPending = $false
    deploymentInProgress = $false
    switches = @()
    errors = $null
}

try {
    $snapshot.rebootPending = [bool](Test-Path -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending') -or
        [bool](Test-Path -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired')
} catch {
    Add-ReadError -Source 'Test-Path RebootPending' -Code 'RebootStateUnreadable' -Record $_
}
$hyperVReading = Read-HyperVFeatureState -IsServer $isServer
$snapshot.hyperVState = $hyperVReading.state
if ($null -ne $hyperVReading.error) {
    Add-ReadError -Source 'Hyper-V feature' -Code 'HyperVStateUnreadable' -Record $hyperVReading.error
}
Read-Switches -Snapshot $snapshot
try {
    $snapshot.deploymentInProgress = Test-EflowDeploymentLock
} catch {
    Add-ReadError -Source 'Deployment lock' -Code 'DeploymentLockUnreadable' -Record $_
}

$entry = Get-EflowProductEntry
if ($null -ne $entry) {
    $installPath = $null
    if ($entry.InstallLocation) { $installPath = [string]$entry.InstallLocation }
    $snapshot.product = [pscustomobject]@{ productName = [string]$entry.DisplayName; version = [string]$entry.DisplayVersion; installPath = $installPath }
    Read-Eflow -Snapshot $snapshot -Entry $entry
}

$snapshot.errors = $readErrors.ToArray()
$snapshot
