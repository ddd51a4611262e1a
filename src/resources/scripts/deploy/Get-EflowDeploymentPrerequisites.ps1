<#
.SYNOPSIS
Checks whether the host can run EFLOW and reads the facts the deployment wizard validates against.

.DESCRIPTION
Runs the deployment wizard's prerequisite checks (OS edition and build, architecture, Hyper-V feature, services
and hypervisor, firmware virtualization, nested virtualization, free memory and disk, OpenSSH client, pending
reboot, virtual switches, an existing EFLOW install) and returns them with the host facts the later wizard pages
need: logical processors, free memory, whether the host is an Azure VM, virtual switches, physical adapters and GPUs
(schemaVersion 2). Each check is pass, warning or fail with a reason code and the facts its sentences need
(params); the wizard words them, so nothing here is English prose. A fact that cannot be read makes its check a
warning and adds an entry to 'errors' (a failed read of the Hyper-V state is featureState Unknown, never taken for
an edition without Hyper-V; an unreadable service list makes isAzureVm null); only the basic operating system facts
are required. It changes nothing.

.ROLE
Readers
#>
param ()

$ErrorActionPreference = 'Stop'
$readErrors = [System.Collections.Generic.List[object]]::new()
$checks = [System.Collections.Generic.List[object]]::new()

. "$PSScriptRoot\..\..\script-functions\Add-ReadError.ps1"
. "$PSScriptRoot\..\..\script-functions\ConvertTo-ArchitectureName.ps1"
. "$PSScriptRoot\..\..\script-functions\Read-HyperVFeatureState.ps1"
. "$PSScriptRoot\..\..\script-functions\Get-ServiceState.ps1"
. "$PSScriptRoot\..\..\script-functions\Read-AzureVmHost.ps1"
. "$PSScriptRoot\..\..\script-functions\Get-EflowProductEntry.ps1"
. "$PSScriptRoot\..\..\script-functions\Test-EflowVhdxPresent.ps1"

function Add-Check {
    # A check carries a reason code and the facts its sentences need; the UI words them (strings.resjson).
    param ([string] $Id, [string] $Status, [string] $Reason, [hashtable] $Params = @{})
    $checks.Add([pscustomobject]@{ id = $Id; status = $Status; reason = $Reason; params = [pscustomobject]$Params })
}

function Test-RegistryKey {
    param ([string] $Path)
    try {
        return [bool](Test-Path -LiteralPath $Path)
    } catch {
        Add-ReadError -Source "Test-Path $Path" -Code 'RegistryUnreadable' -Record $_
        return $false
    }
}

function Get-HostSwitches {
    # Callers wrap the result in @(): a function's output is unrolled, so one switch would not be a list.
    try {
        $switches = @(Get-VMSwitch)
    } catch {
        # Without Hyper-V there is no Hyper-V module and so no switch to list.
        Add-ReadError -Source 'Get-VMSwitch' -Code 'SwitchesUnavailable' -Record $_
        return
    }
    foreach ($switch in $switches) {
        $description = $null
        if ($switch.NetAdapterInterfaceDescription) { $description = [string]$switch.NetAdapterInterfaceDescription }
        [pscustomobject]@{ name = [string]$switch.Name; switchType = [string]$switch.SwitchType; netAdapterInterfaceDescription = $description }
    }
}

function Get-PhysicalAdapters {
    try {
        $adapters = @(Get-NetAdapter -Physical)
    } catch {
        Add-ReadError -Source 'Get-NetAdapter' -Code 'AdaptersUnavailable' -Record $_
        return
    }
    foreach ($adapter in $adapters) {
        [pscustomobject]@{ name = [string]$adapter.Name; interfaceDescription = [string]$adapter.InterfaceDescription; status = [string]$adapter.Status }
    }
}

function Get-HostGpus {
    param ($HostConfiguration)
    $names = @()
    try {
        # Basic display and remote display adapters cannot be passed through.
        $names = @(Get-CimInstance -ClassName Win32_VideoController | ForEach-Object { [string]$_.Name } |
                Where-Object { $_ -and $_ -notlike 'Microsoft *' })
    } catch {
        Add-ReadError -Source 'Get-CimInstance Win32_VideoController' -Code 'GpusUnavailable' -Record $_
    }
    $gpuInfo = @()
    if ($HostConfiguration -and $HostConfiguration.GpuInfo) { $gpuInfo = @($HostConfiguration.GpuInfo) }
    foreach ($group in @($names | Group-Object)) {
        $supported = $null
        $info = @($gpuInfo | Where-Object { [string]$_.Name -eq $group.Name })
        if ($info.Count -gt 0) { $supported = @($info[0].SupportedPassthroughTypes | ForEach-Object { [string]$_ }) }
        [pscustomobject]@{ name = [string]$group.Name; count = [int]$group.Count; supportedPassthroughTypes = $supported }
    }
}

function Get-EflowFacts {
    $entry = Get-EflowProductEntry
    if ($null -eq $entry) { return [pscustomobject]@{ product = $null; hostConfiguration = $null } }
    $vmDeployed = $null
    $hostConfiguration = $null
    try {
        Import-Module -Name AzureEFLOW
        try {
            $vmDeployed = [bool](Verify-EflowVm)
        } catch {
            Add-ReadError -Source 'Verify-EflowVm' -Code 'EflowVmUnverifiable' -Record $_
        }
        try {
            $hostConfiguration = Get-EflowHostConfiguration
        } catch {
            Add-ReadError -Source 'Get-EflowHostConfiguration' -Code 'EflowHostConfigurationUnavailable' -Record $_
        }
    } catch {
        Add-ReadError -Source 'Import-Module AzureEFLOW' -Code 'EflowModuleUnavailable' -Record $_
    }
    # A VM disk without a VM is an interrupted Deploy-Eflow's: the existing-install check must not call that a pass.
    $partialDeployment = $null
    if ($vmDeployed -eq $false) {
        try {
            $partialDeployment = Test-EflowVhdxPresent -InstallLocation ([string]$entry.InstallLocation)
        } catch {
            Add-ReadError -Source 'Test-Path *EFLOW.vhdx' -Code 'VhdxUnreadable' -Record $_
        }
    }
    $product = [pscustomobject]@{
        productName = [string]$entry.DisplayName
        version = [string]$entry.DisplayVersion
        vmDeployed = $vmDeployed
        partialDeployment = $partialDeployment
    }
    return [pscustomobject]@{ product = $product; hostConfiguration = $hostConfiguration }
}

function Add-OsChecks {
    param ($HostFacts)
    $osParams = @{ caption = $HostFacts.osCaption; build = $HostFacts.buildNumber }
    $build = $HostFacts.buildNumber
    if ($HostFacts.isServerSku) {
        if ($build -lt 17763) {
            Add-Check 'os-edition' 'fail' 'serverBuildTooOld' $osParams
        } elseif ($build -eq 17763 -or $build -eq 20348) {
            Add-Check 'os-edition' 'pass' 'serverSupported' $osParams
        } else {
            Add-Check 'os-edition' 'warning' 'serverNotListed' $osParams
        }
    } elseif ($HostFacts.osCaption -match 'Home') {
        Add-Check 'os-edition' 'fail' 'homeEdition' $osParams
    } elseif ($build -lt 17763) {
        Add-Check 'os-edition' 'fail' 'clientBuildTooOld' $osParams
    } elseif ($HostFacts.osCaption -match 'Pro|Enterprise|IoT') {
        Add-Check 'os-edition' 'pass' 'clientSupported' $osParams
    } else {
        Add-Check 'os-edition' 'warning' 'clientEditionNotListed' $osParams
    }
    $architecture = @{ architecture = $HostFacts.architecture }
    if ($HostFacts.architecture -eq 'x64' -or $HostFacts.architecture -eq 'ARM64') {
        Add-Check 'architecture' 'pass' 'architectureSupported' $architecture
    } else {
        Add-Check 'architecture' 'fail' 'architectureUnsupported' $architecture
    }
}

function Add-HyperVChecks {
    param ($HostFacts, [string] $ReadFailure)
    $hyperV = $HostFacts.hyperV
    switch ($hyperV.featureState) {
        'Enabled' { Add-Check 'hyperv-feature' 'pass' 'hyperVEnabled' }
        'EnablePending' { Add-Check 'hyperv-feature' 'warning' 'hyperVEnablePending' }
        'Disabled' { Add-Check 'hyperv-feature' 'fail' 'hyperVDisabled' }
        'Unknown' { Add-Check 'hyperv-feature' 'warning' 'hyperVUnreadable' @{ message = $ReadFailure } }
        default { Add-Check 'hyperv-feature' 'fail' 'hyperVNotAvailable' }
    }
    $services = $hyperV.services
    $stopped = @('vmms', 'vmcompute', 'hvhost' | Where-Object { $services.$_ -ne 'Running' })
    if ($hyperV.featureState -ne 'Enabled') {
        Add-Check 'hyperv-services' 'warning' 'hyperVServicesAwaitHyperV'
    } elseif ($stopped.Count -eq 0) {
        Add-Check 'hyperv-services' 'pass' 'hyperVServicesRunning'
    } else {
        # @() keeps a single stopped service a list in the JSON.
        Add-Check 'hyperv-services' 'fail' 'hyperVServicesStopped' @{ services = @($stopped) }
    }
    # The guest agent is the surer sign of a VM: an Azure VM reads as one even where its model string differs.
    $azureVm = $HostFacts.isAzureVm -eq $true
    if ($hyperV.hypervisorPresent) {
        Add-Check 'virtualization-firmware' 'pass' 'virtualizationByHypervisor'
    } elseif ($hyperV.virtualizationFirmwareEnabled) {
        Add-Check 'virtualization-firmware' 'pass' 'virtualizationInFirmware'
    } elseif ($azureVm) {
        Add-Check 'virtualization-firmware' 'fail' 'virtualizationHiddenFromAzureVm'
    } elseif ($HostFacts.isVirtualMachine) {
        Add-Check 'virtualization-firmware' 'fail' 'virtualizationHiddenFromVm'
    } else {
        Add-Check 'virtualization-firmware' 'fail' 'virtualizationOffInFirmware'
    }
    if ($hyperV.hypervisorPresent) {
        Add-Check 'hypervisor-present' 'pass' 'hypervisorRunning'
    } elseif ($hyperV.featureState -eq 'Enabled') {
        Add-Check 'hypervisor-present' 'fail' 'hypervisorNotLaunched'
    } else {
        Add-Check 'hypervisor-present' 'warning' 'hypervisorAwaitsHyperV'
    }
    if ($azureVm) {
        Add-Check 'nested-virtualization' 'warning' 'azureVmHost'
    } elseif ($HostFacts.isVirtualMachine) {
        Add-Check 'nested-virtualization' 'warning' 'virtualMachineHost'
    } else {
        Add-Check 'nested-virtualization' 'pass' 'physicalHost'
    }
}

function Add-ResourceChecks {
    param ($HostFacts)
    $freeMb = $HostFacts.freeMemoryMB
    if ($freeMb -ge 1024) {
        Add-Check 'memory' 'pass' 'memoryEnough' @{ freeMB = $freeMb }
    } else {
        Add-Check 'memory' 'fail' 'memoryTooLow' @{ freeMB = $freeMb; requiredMB = 1024 }
    }
    $drive = $HostFacts.systemDrive
    if ($drive.freeGB -ge 18) {
        Add-Check 'disk' 'pass' 'diskEnough' @{ drive = $drive.name; freeGB = $drive.freeGB }
    } elseif ($drive.freeGB -ge 10) {
        Add-Check 'disk' 'warning' 'diskBelowDefaultVm' @{ drive = $drive.name; freeGB = $drive.freeGB; defaultVmGB = 18 }
    } else {
        Add-Check 'disk' 'fail' 'diskTooLow' @{ drive = $drive.name; freeGB = $drive.freeGB; requiredGB = 10 }
    }
    if ($HostFacts.openSshClient -eq $true) {
        Add-Check 'openssh-client' 'pass' 'openSshInstalled'
    } elseif ($HostFacts.openSshClient -eq $false) {
        Add-Check 'openssh-client' 'warning' 'openSshMissing'
    } else {
        Add-Check 'openssh-client' 'warning' 'openSshUnknown'
    }
    if ($HostFacts.rebootPending) {
        Add-Check 'pending-reboot' 'warning' 'restartPending'
    } else {
        Add-Check 'pending-reboot' 'pass' 'noRestartPending'
    }
}

function Add-EflowChecks {
    param ($HostFacts)
    $azureVm = $HostFacts.isAzureVm -eq $true
    # An Azure VM cannot use an External switch, so there only an Internal switch counts.
    $usable = @($HostFacts.switches | Where-Object { $_.switchType -eq 'Internal' -or ($_.switchType -eq 'External' -and -not $azureVm) })
    if ($HostFacts.isServerSku -and $usable.Count -gt 0) {
        Add-Check 'virtual-switch' 'pass' 'serverSwitchesAvailable' @{ count = $usable.Count }
    } elseif ($HostFacts.isServerSku -and $azureVm) {
        Add-Check 'virtual-switch' 'warning' 'azureVmNoInternalSwitch'
    } elseif ($HostFacts.isServerSku) {
        Add-Check 'virtual-switch' 'warning' 'serverNoSwitch'
    } elseif (@($HostFacts.switches | Where-Object { $_.name -eq 'Default Switch' }).Count -gt 0) {
        Add-Check 'virtual-switch' 'pass' 'defaultSwitchAvailable'
    } elseif ($azureVm) {
        Add-Check 'virtual-switch' 'warning' 'azureVmDefaultSwitchMissing'
    } else {
        Add-Check 'virtual-switch' 'warning' 'defaultSwitchMissing'
    }
    $eflow = $HostFacts.eflow
    if ($null -eq $eflow) {
        Add-Check 'existing-eflow' 'pass' 'eflowNotInstalled'
        return
    }
    $product = @{ product = $eflow.productName; version = $eflow.version }
    if ($eflow.vmDeployed -eq $true) {
        Add-Check 'existing-eflow' 'pass' 'eflowInstalledWithVm' $product
    } elseif ($eflow.vmDeployed -eq $false -and $eflow.partialDeployment -eq $true) {
        Add-Check 'existing-eflow' 'fail' 'eflowPartialDeployment' $product
    } elseif ($eflow.vmDeployed -eq $false) {
        Add-Check 'existing-eflow' 'pass' 'eflowInstalledWithoutVm' $product
    } else {
        Add-Check 'existing-eflow' 'warning' 'eflowVmUnknown' $product
    }
}

try {
    $os = Get-CimInstance -ClassName Win32_OperatingSystem
    $computer = Get-CimInstance -ClassName Win32_ComputerSystem
    $processor = @(Get-CimInstance -ClassName Win32_Processor)[0]
} catch {
    throw "[HostFactsUnavailable] Could not read the host's operating system facts: $($_.Exception.Message)"
}

$systemDrive = 'C:'
if ([string]$os.SystemDrive -match '^[A-Za-z]:$') { $systemDrive = [string]$os.SystemDrive }
$driveTotalGB = 0
$driveFreeGB = 0
try {
    $disk = Get-CimInstance -ClassName Win32_LogicalDisk -Filter "DeviceID='$systemDrive'"
    $driveTotalGB = [math]::Round([double]$disk.Size / 1GB, 1)
    $driveFreeGB = [math]::Round([double]$disk.FreeSpace / 1GB, 1)
} catch {
    Add-ReadError -Source 'Get-CimInstance Win32_LogicalDisk' -Code 'DiskUnavailable' -Record $_
}
$ubr = 0
try {
    $ubr = [int](Get-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' -Name UBR).UBR
} catch {
    Add-ReadError -Source 'Get-ItemProperty UBR' -Code 'UbrUnavailable' -Record $_
}
$isVirtualMachine = ([string]$computer.Model -eq 'Virtual Machine') -or ([string]$computer.Manufacturer -like 'VMware*')
try {
    $board = Get-CimInstance -ClassName Win32_BaseBoard
    if ([string]$board.Product -eq 'Virtual Machine') { $isVirtualMachine = $true }
} catch {
    Add-ReadError -Source 'Get-CimInstance Win32_BaseBoard' -Code 'BaseBoardUnavailable' -Record $_
}
$isServer = ([int]$os.ProductType -eq 2) -or ([int]$os.ProductType -eq 3)
$openSsh = $null
try {
    $openSsh = [bool](Test-Path -LiteralPath "$systemDrive\Windows\System32\OpenSSH\ssh.exe" -PathType Leaf)
} catch {
    Add-ReadError -Source 'Test-Path ssh.exe' -Code 'OpenSshUnknown' -Record $_
}
$rebootPending = (Test-RegistryKey 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending') -or
    (Test-RegistryKey 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired')
$eflowFacts = Get-EflowFacts
$azureReading = Read-AzureVmHost
if ($null -ne $azureReading.error) {
    Add-ReadError -Source 'Get-Service WindowsAzureGuestAgent' -Code 'AzureVmUnknown' -Record $azureReading.error
}
$hyperVReading = Read-HyperVFeatureState -IsServer $isServer
$hyperVReadFailure = $null
if ($null -ne $hyperVReading.error) {
    Add-ReadError -Source 'Hyper-V feature state' -Code 'HyperVStateUnreadable' -Record $hyperVReading.error
    $hyperVReadFailure = $hyperVReading.error.Exception.Message
}

$hostFacts = [pscustomobject]@{
    computerName = [string]$os.CSName
    osCaption = [string]$os.Caption
    productType = [int]$os.ProductType
    isServerSku = $isServer
    buildNumber = [int]$os.BuildNumber
    ubr = $ubr
    architecture = ConvertTo-ArchitectureName -Code $processor.Architecture
    logicalProcessors = [int]$computer.NumberOfLogicalProcessors
    totalMemoryMB = [int][math]::Round([double]$os.TotalVisibleMemorySize / 1024)
    freeMemoryMB = [int][math]::Floor([double]$os.FreePhysicalMemory / 1024)
    systemDrive = [pscustomobject]@{ name = $systemDrive; totalGB = $driveTotalGB; freeGB = $driveFreeGB }
    hyperV = [pscustomobject]@{
        featureState = $hyperVReading.state
        hypervisorPresent = [bool]$computer.HypervisorPresent
        virtualizationFirmwareEnabled = [bool]$processor.VirtualizationFirmwareEnabled
        services = [pscustomobject]@{
            vmms = Get-ServiceState -Name 'vmms'
            vmcompute = Get-ServiceState -Name 'vmcompute'
            hvhost = Get-ServiceState -Name 'hvhost'
        }
    }
    isVirtualMachine = $isVirtualMachine
    isAzureVm = $azureReading.isAzureVm
    openSshClient = $openSsh
    rebootPending = $rebootPending
    eflow = $eflowFacts.product
    switches = @(Get-HostSwitches)
    physicalAdapters = @(Get-PhysicalAdapters)
    gpus = @(Get-HostGpus -HostConfiguration $eflowFacts.hostConfiguration)
}

Add-OsChecks -HostFacts $hostFacts
Add-HyperVChecks -HostFacts $hostFacts -ReadFailure $hyperVReadFailure
Add-ResourceChecks -HostFacts $hostFacts
Add-EflowChecks -HostFacts $hostFacts

[pscustomobject]@{
    schemaVersion = 2
    collectedAt = [DateTime]::UtcNow.ToString('o')
    checks = $checks.ToArray()
    host = $hostFacts
    errors = $readErrors.ToArray()
}
