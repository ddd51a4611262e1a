<#
.SYNOPSIS
Checks whether the host can run EFLOW and reads the facts the deployment wizard validates against.

.DESCRIPTION
Runs the deployment wizard's prerequisite checks (OS edition and build, architecture, Hyper-V feature, services
and hypervisor, firmware virtualization, nested virtualization, free memory and disk, OpenSSH client, pending
reboot, virtual switches, an existing EFLOW install) and returns them with the host facts the later wizard pages
need: logical processors, free memory, virtual switches, physical adapters and GPUs (schemaVersion 1).
Each check is pass, warning or fail with a detail and a fix. A fact that cannot be read makes its check a warning
and adds an entry to 'errors' (a failed read of the Hyper-V state is featureState Unknown, never taken for an
edition without Hyper-V); only the basic operating system facts are required. It changes nothing.

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
. "$PSScriptRoot\..\..\script-functions\Get-EflowProductEntry.ps1"

function Add-Check {
    param ([string] $Id, [string] $Status, [string] $Detail, [string] $Fix)
    $fixText = $null
    if ($Fix) { $fixText = $Fix }
    $checks.Add([pscustomobject]@{ id = $Id; status = $Status; detail = $Detail; fix = $fixText })
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
    $product = [pscustomobject]@{
        productName = [string]$entry.DisplayName
        version = [string]$entry.DisplayVersion
        vmDeployed = $vmDeployed
    }
    return [pscustomobject]@{ product = $product; hostConfiguration = $hostConfiguration }
}

function Add-OsChecks {
    param ($HostFacts)
    $build = $HostFacts.buildNumber
    $caption = $HostFacts.osCaption
    if ($HostFacts.isServerSku) {
        if ($build -lt 17763) {
            Add-Check 'os-edition' 'fail' "$caption, build $build." 'EFLOW needs Windows Server 2019 (build 17763) or later.'
        } elseif ($build -eq 17763 -or $build -eq 20348) {
            Add-Check 'os-edition' 'pass' "$caption, build $build." ''
        } else {
            Add-Check 'os-edition' 'warning' "$caption, build $build." 'EFLOW documents Windows Server 2019 and 2022; this version is not listed as supported.'
        }
    } elseif ($caption -match 'Home') {
        Add-Check 'os-edition' 'fail' "$caption, build $build." 'Windows Home has no Hyper-V. EFLOW needs Pro, Enterprise or IoT Enterprise.'
    } elseif ($build -lt 17763) {
        Add-Check 'os-edition' 'fail' "$caption, build $build." 'EFLOW needs Windows 10 build 17763 or later with current updates.'
    } elseif ($caption -match 'Pro|Enterprise|IoT') {
        Add-Check 'os-edition' 'pass' "$caption, build $build." ''
    } else {
        Add-Check 'os-edition' 'warning' "$caption, build $build." 'EFLOW documents the Pro, Enterprise and IoT Enterprise editions; this edition is not listed.'
    }
    if ($HostFacts.architecture -eq 'x64' -or $HostFacts.architecture -eq 'ARM64') {
        Add-Check 'architecture' 'pass' "$($HostFacts.architecture) processor." ''
    } else {
        Add-Check 'architecture' 'fail' "$($HostFacts.architecture) processor." 'EFLOW runs on x64 (AMD64) and ARM64 hosts only.'
    }
}

function Add-HyperVChecks {
    param ($HostFacts, [string] $ReadFailure)
    $hyperV = $HostFacts.hyperV
    switch ($hyperV.featureState) {
        'Enabled' { Add-Check 'hyperv-feature' 'pass' 'Hyper-V is enabled.' '' }
        'EnablePending' { Add-Check 'hyperv-feature' 'warning' 'Hyper-V is enabled but waits for a restart.' 'Restart the host to finish enabling Hyper-V.' }
        'Disabled' { Add-Check 'hyperv-feature' 'fail' 'Hyper-V is not enabled.' 'Enable Hyper-V (the wizard can do it); the host then needs a restart.' }
        'Unknown' { Add-Check 'hyperv-feature' 'warning' "Whether Hyper-V is enabled could not be read: $ReadFailure" 'Check the host again; if this persists, check that the Windows Admin Center session is an administrator on the host and that DISM works (Get-WindowsOptionalFeature -Online).' }
        default { Add-Check 'hyperv-feature' 'fail' 'This Windows edition has no Hyper-V.' 'Use Windows Pro, Enterprise, IoT Enterprise or Windows Server.' }
    }
    $services = $hyperV.services
    $stopped = @('vmms', 'vmcompute', 'hvhost' | Where-Object { $services.$_ -ne 'Running' })
    if ($hyperV.featureState -ne 'Enabled') {
        Add-Check 'hyperv-services' 'warning' 'Hyper-V services are checked once Hyper-V is enabled.' 'Enable Hyper-V first.'
    } elseif ($stopped.Count -eq 0) {
        Add-Check 'hyperv-services' 'pass' 'vmms, vmcompute and hvhost are running.' ''
    } else {
        Add-Check 'hyperv-services' 'fail' "Not running: $($stopped -join ', ')." 'Start the Hyper-V services (or restart the host); Deploy-Eflow needs vmms, vmcompute and hvhost.'
    }
    if ($hyperV.hypervisorPresent) {
        Add-Check 'virtualization-firmware' 'pass' 'Virtualization is enabled (the hypervisor is running).' ''
    } elseif ($hyperV.virtualizationFirmwareEnabled) {
        Add-Check 'virtualization-firmware' 'pass' 'Virtualization is enabled in the firmware.' ''
    } elseif ($HostFacts.isVirtualMachine) {
        Add-Check 'virtualization-firmware' 'fail' 'The host VM does not see virtualization extensions.' 'Enable nested virtualization for this VM on its hypervisor (Hyper-V: Set-VMProcessor -ExposeVirtualizationExtensions; VMware: expose hardware-assisted virtualization).'
    } else {
        Add-Check 'virtualization-firmware' 'fail' 'Virtualization is disabled in the firmware.' 'Enable Intel VT-x or AMD-V in the UEFI/BIOS settings.'
    }
    if ($hyperV.hypervisorPresent) {
        Add-Check 'hypervisor-present' 'pass' 'The hypervisor is running.' ''
    } elseif ($hyperV.featureState -eq 'Enabled') {
        Add-Check 'hypervisor-present' 'fail' 'Hyper-V is enabled but the hypervisor is not running.' 'Restart the host; if it persists, check that the boot configuration launches the hypervisor (bcdedit hypervisorlaunchtype auto).'
    } else {
        Add-Check 'hypervisor-present' 'warning' 'The hypervisor is not running yet.' 'It starts once Hyper-V is enabled and the host restarted.'
    }
    if ($HostFacts.isVirtualMachine) {
        Add-Check 'nested-virtualization' 'warning' 'This host is itself a virtual machine.' 'Nested virtualization must be enabled on its hypervisor; Azure VMs cannot use an External switch, VMware needs promiscuous mode for one.'
    } else {
        Add-Check 'nested-virtualization' 'pass' 'This host is a physical machine.' ''
    }
}

function Add-ResourceChecks {
    param ($HostFacts)
    $freeMb = $HostFacts.freeMemoryMB
    if ($freeMb -ge 1024) {
        Add-Check 'memory' 'pass' "$freeMb MB of memory free." ''
    } else {
        Add-Check 'memory' 'fail' "$freeMb MB of memory free." 'The smallest VM needs 1024 MB free; close applications or add memory.'
    }
    $drive = $HostFacts.systemDrive
    if ($drive.freeGB -ge 18) {
        Add-Check 'disk' 'pass' "$($drive.freeGB) GB free on $($drive.name)." ''
    } elseif ($drive.freeGB -ge 10) {
        Add-Check 'disk' 'warning' "$($drive.freeGB) GB free on $($drive.name)." 'The default VM needs about 18 GB free; choose a smaller disk or free some space.'
    } else {
        Add-Check 'disk' 'fail' "$($drive.freeGB) GB free on $($drive.name)." 'EFLOW needs at least 10 GB free.'
    }
    if ($HostFacts.openSshClient -eq $true) {
        Add-Check 'openssh-client' 'pass' 'The OpenSSH client is installed.' ''
    } else {
        Add-Check 'openssh-client' 'warning' 'The OpenSSH client was not found.' 'Deploy-Eflow installs it, which needs access to Windows Update; on an offline host install the OpenSSH.Client capability first.'
    }
    if ($HostFacts.rebootPending) {
        Add-Check 'pending-reboot' 'warning' 'A restart is pending.' 'Restart the host before deploying; pending changes can make the installation fail.'
    } else {
        Add-Check 'pending-reboot' 'pass' 'No restart is pending.' ''
    }
}

function Add-EflowChecks {
    param ($HostFacts)
    $usable = @($HostFacts.switches | Where-Object { $_.switchType -eq 'Internal' -or $_.switchType -eq 'External' })
    if ($HostFacts.isServerSku -and $usable.Count -eq 0) {
        Add-Check 'virtual-switch' 'warning' 'Windows Server has no Default Switch and no Internal or External switch exists.' 'Create a switch on the Network page (or with New-VMSwitch) before deploying.'
    } elseif ($HostFacts.isServerSku) {
        Add-Check 'virtual-switch' 'pass' "$($usable.Count) usable virtual switch(es)." ''
    } elseif (@($HostFacts.switches | Where-Object { $_.name -eq 'Default Switch' }).Count -gt 0) {
        Add-Check 'virtual-switch' 'pass' 'The Default Switch is available.' ''
    } else {
        Add-Check 'virtual-switch' 'warning' 'The Default Switch was not found.' 'It appears once Hyper-V is enabled; otherwise use an External switch.'
    }
    $eflow = $HostFacts.eflow
    if ($null -eq $eflow) {
        Add-Check 'existing-eflow' 'pass' 'EFLOW is not installed yet.' ''
    } elseif ($eflow.vmDeployed -eq $true) {
        Add-Check 'existing-eflow' 'pass' "$($eflow.productName) $($eflow.version) is installed and its VM is deployed; the wizard continues from there." ''
    } elseif ($eflow.vmDeployed -eq $false) {
        Add-Check 'existing-eflow' 'pass' "$($eflow.productName) $($eflow.version) is installed without a VM; the wizard continues from there." ''
    } else {
        Add-Check 'existing-eflow' 'warning' "$($eflow.productName) $($eflow.version) is installed, but whether its VM exists could not be read." 'See the errors; repair or reinstall EFLOW if its PowerShell module does not load.'
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
    schemaVersion = 1
    collectedAt = [DateTime]::UtcNow.ToString('o')
    checks = $checks.ToArray()
    host = $hostFacts
    errors = $readErrors.ToArray()
}
