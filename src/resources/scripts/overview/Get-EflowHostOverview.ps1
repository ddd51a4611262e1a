<#
.SYNOPSIS
Gets everything the host overview dashboard shows, in one call.

.DESCRIPTION
Reads the Windows host's readiness facts, the EFLOW installation, the EFLOW virtual machine, its endpoints,
networks and IoT Edge runtime, and returns them as one object (schemaVersion 2). Each section that cannot be
read is left empty and its error is listed in 'errors', so one failing cmdlet never hides the rest.
deploymentInProgress says whether a session is deploying right now (the host-wide lock New-EflowVirtualMachine
holds while Deploy-Eflow runs), and eflow.vhdxPresent whether a VM disk lies in the install folder: without a VM,
the trace of a Deploy-Eflow that failed part-way. Both are null when they could not be read.
eflow.vmExists is Verify-EflowVm's answer, null when it could not be asked (AzureEFLOW would not load) or failed:
an unknown VM is never reported as absent. When Get-EflowVm fails on a running VM (it does while IoT Edge is
unhealthy or not provisioned), Get-EflowVmAddr tells that the VM runs and the IoT Edge state is still read.
It changes nothing. The VM is asked for its IoT Edge state over one SSH command, not three, because the VM
limits SSH connections per minute.

.ROLE
Readers
#>
param ()

$ErrorActionPreference = 'Stop'
$readErrors = [System.Collections.Generic.List[object]]::new()

. "$PSScriptRoot\..\..\script-functions\Add-ReadError.ps1"
. "$PSScriptRoot\..\..\script-functions\ConvertTo-ArchitectureName.ps1"
. "$PSScriptRoot\..\..\script-functions\Read-HyperVFeatureState.ps1"
. "$PSScriptRoot\..\..\script-functions\Get-ServiceState.ps1"
. "$PSScriptRoot\..\..\script-functions\Get-EflowProductEntry.ps1"
. "$PSScriptRoot\..\..\script-functions\Split-VmCommandOutput.ps1"
. "$PSScriptRoot\..\..\script-functions\Get-ProvisioningSource.ps1"
. "$PSScriptRoot\..\..\script-functions\Read-EflowVm.ps1"
. "$PSScriptRoot\..\..\script-functions\Get-EflowDeploymentLockName.ps1"
. "$PSScriptRoot\..\..\script-functions\Test-EflowDeploymentLock.ps1"
. "$PSScriptRoot\..\..\script-functions\Test-EflowVhdxPresent.ps1"

function ConvertTo-IsoDate {
    param ([string] $ArpDate)
    if ($ArpDate -match '^(\d{4})(\d{2})(\d{2})$') { return '{0}-{1}-{2}' -f $Matches[1], $Matches[2], $Matches[3] }
    return $null
}

function Get-HostFacts {
    $os = Get-CimInstance -ClassName Win32_OperatingSystem
    $computer = Get-CimInstance -ClassName Win32_ComputerSystem
    $processor = @(Get-CimInstance -ClassName Win32_Processor)[0]
    $systemDrive = if ($os.SystemDrive) { [string]$os.SystemDrive } else { 'C:' }
    $disk = Get-CimInstance -ClassName Win32_LogicalDisk -Filter "DeviceID='$systemDrive'"
    $ubr = 0
    try {
        $ubr = [int](Get-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' -Name UBR).UBR
    } catch {
        Add-ReadError -Source 'Get-ItemProperty UBR' -Code 'HostUbrUnavailable' -Record $_
    }
    $hyperV = Read-HyperVFeatureState -IsServer ([int]$os.ProductType -ne 1)
    if ($null -ne $hyperV.error) {
        Add-ReadError -Source 'Hyper-V feature' -Code 'HyperVStateUnreadable' -Record $hyperV.error
    }
    [pscustomobject]@{
        computerName = [string]$os.CSName
        osCaption = [string]$os.Caption
        productType = [int]$os.ProductType
        buildNumber = [int]$os.BuildNumber
        ubr = $ubr
        architecture = ConvertTo-ArchitectureName -Code $processor.Architecture
        logicalProcessors = [int]$computer.NumberOfLogicalProcessors
        totalMemoryMB = [int][math]::Round([double]$os.TotalVisibleMemorySize / 1024)
        freeMemoryMB = [int][math]::Round([double]$os.FreePhysicalMemory / 1024)
        systemDrive = [pscustomobject]@{
            name = $systemDrive
            totalGB = [math]::Round([double]$disk.Size / 1GB, 1)
            freeGB = [math]::Round([double]$disk.FreeSpace / 1GB, 1)
        }
        hyperV = [pscustomobject]@{
            featureState = $hyperV.state
            hypervisorPresent = [bool]$computer.HypervisorPresent
        }
        isVirtualMachine = ([string]$computer.Model -eq 'Virtual Machine') -or ([string]$computer.Manufacturer -like 'VMware*')
    }
}

function ConvertTo-Endpoint {
    param ($Endpoint)
    $ip = $Endpoint.IpConfiguration
    [pscustomobject]@{
        name = [string]$Endpoint.Name
        macAddress = [string]$Endpoint.MacAddress
        healthStatus = [string]$Endpoint.HealthStatus
        ipAddress = if ($ip -and $ip.Address) { [string]$ip.Address } else { $null }
        prefixLength = if ($ip -and $null -ne $ip.PrefixLength) { [int]$ip.PrefixLength } else { $null }
        gateway = if ($ip -and $ip.Gateway) { [string]$ip.Gateway } else { $null }
        allocationMethod = if ($ip -and $ip.AllocationMethod) { [string]$ip.AllocationMethod } else { $null }
        subnet = if ($ip -and $ip.SubNet) { [string]$ip.SubNet } else { $null }
    }
}

function ConvertTo-Network {
    param ($Network)
    [pscustomobject]@{
        name = [string]$Network.Name
        type = [string]$Network.Type
        allocationMethod = if ($Network.AllocationMethod) { [string]$Network.AllocationMethod } else { $null }
        cidr = if ($Network.Cidr) { [string]$Network.Cidr } else { $null }
    }
}

function Get-VmRuntimeState {
    param ($Vm)
    $marker = '@@EFLOW-MANAGER-SECTION@@'
    try {
        $lines = @(Invoke-EflowVmCommand -ignoreError -command ('sudo iotedge list; echo @@EFLOW-MANAGER-SECTION@@; ' +
                'sudo iotedge system status; echo @@EFLOW-MANAGER-SECTION@@; ' +
                'sudo grep -m 1 -E "^source *=" /etc/aziot/config.toml') | ForEach-Object { [string]$_ })
    } catch {
        Add-ReadError -Source 'Invoke-EflowVmCommand' -Code 'VmCommandFailed' -Record $_
        return
    }
    $sections = Split-VmCommandOutput -Lines $lines -Marker $marker
    if ($sections.Count -ne 3) {
        $readErrors.Add([pscustomobject]@{
                source = 'Invoke-EflowVmCommand'; code = 'VmCommandUnexpectedOutput'
                message = "Expected 3 output sections from the VM, got $($sections.Count)."
            })
        return
    }
    $Vm.iotedgeList = @($sections[0])
    $Vm.systemStatus = @($sections[1])
    $source = Get-ProvisioningSource -Lines $sections[2]
    if ($source) {
        $Vm.provisioning = [pscustomobject]@{ state = 'Provisioned'; source = $source }
    } else {
        $Vm.provisioning = [pscustomobject]@{ state = 'NotProvisioned'; source = $null }
    }
}

# Copies what the dashboard shows from the Get-EflowVm object into the payload's vm.
function Copy-EflowVmFacts {
    param ($Vm, $EflowVm)
    $config = $EflowVm.VmConfiguration
    if ($config) {
        if ($config.name) { $Vm.name = [string]$config.name }
        $size = $config.properties.hardwareProfile.customsize
        if ($size) {
            $Vm.cpuCount = [int]$size.cpucount
            $Vm.memoryMB = [int]$size.memorymb
        }
    }
    $version = $EflowVm.EdgeRuntimeVersion
    if ($version -and $version.IotEdgeVersion) {
        $Vm.runtime = [pscustomobject]@{
            iotEdgeVersion = [string]$version.IotEdgeVersion
            mobyEngineVersion = [string]$version.MobyEngineVersion
            mobyCliVersion = [string]$version.MobyCliVersion
        }
    }
    $stats = $EflowVm.SystemStatistics
    if ($stats -and $null -ne $stats.TotalMemMb) {
        $Vm.stats = [pscustomobject]@{
            totalMemMb = [double]$stats.TotalMemMb; usedMemMb = [double]$stats.UsedMemMb
            availableMemMb = [double]$stats.AvailableMemMb; totalStorageMb = [double]$stats.TotalStorageMb
            usedStorageMb = [double]$stats.UsedStorageMb; availableStorageMb = [double]$stats.AvailableStorageMb
            cpuCount = [int]$stats.CpuCount; kernelVersion = [string]$stats.KernelVersion
        }
    }
}

function Get-EflowVmState {
    param ([string] $ComputerName)
    $vm = [pscustomobject]@{
        name = "$ComputerName-EFLOW"
        powerState = 'Unknown'
        cpuCount = $null
        memoryMB = $null
        runtime = $null
        stats = $null
        endpoints = @()
        networks = @()
        iotedgeList = $null
        systemStatus = $null
        provisioning = [pscustomobject]@{ state = 'Unknown'; source = $null }
    }
    $reading = Read-EflowVm
    $vm.powerState = $reading.powerState
    if ($reading.vmError) {
        Add-ReadError -Source 'Get-EflowVm' -Code 'EflowVmUnavailable' -Record $reading.vmError
        # Get-EflowVmAddr only stood in for the power state: its failure is news only when it says something else.
        if ($reading.addressError -and $reading.addressError.Exception.Message -ne $reading.vmError.Exception.Message) {
            Add-ReadError -Source 'Get-EflowVmAddr' -Code 'VmAddressUnavailable' -Record $reading.addressError
        }
    } else {
        try {
            Copy-EflowVmFacts -Vm $vm -EflowVm $reading.vm
        } catch {
            Add-ReadError -Source 'Get-EflowVm' -Code 'EflowVmUnavailable' -Record $_
        }
    }
    try {
        $vm.endpoints = @(Get-EflowVmEndpoint | ForEach-Object { ConvertTo-Endpoint -Endpoint $_ })
    } catch {
        Add-ReadError -Source 'Get-EflowVmEndpoint' -Code 'EflowEndpointsUnavailable' -Record $_
    }
    try {
        $vm.networks = @(Get-EflowNetwork | ForEach-Object { ConvertTo-Network -Network $_ })
    } catch {
        Add-ReadError -Source 'Get-EflowNetwork' -Code 'EflowNetworksUnavailable' -Record $_
    }
    if ($vm.powerState -eq 'Running') {
        Get-VmRuntimeState -Vm $vm
    }
    return $vm
}

function Get-EflowInstallation {
    param ([string] $ComputerName)
    $product = Get-EflowProductEntry
    if ($null -eq $product) { return $null }
    $installation = [pscustomobject]@{
        productName = [string]$product.DisplayName
        version = [string]$product.DisplayVersion
        installDate = ConvertTo-IsoDate -ArpDate ([string]$product.InstallDate)
        installPath = if ($product.InstallLocation) { [string]$product.InstallLocation } else { $null }
        services = [pscustomobject]@{
            wssdAgent = Get-ServiceState -Name 'wssdagent'
            eflowProxy = Get-ServiceState -Name 'EFLOWProxy'
        }
        # Verify-EflowVm's answer; stays $null (unknown, never "no VM") when it cannot be asked or fails.
        vmExists = $null
        # A VM disk in the install folder; $null when the folder could not be read.
        vhdxPresent = $null
        vm = $null
    }
    try {
        $installation.vhdxPresent = Test-EflowVhdxPresent -InstallLocation ([string]$product.InstallLocation)
    } catch {
        Add-ReadError -Source 'Test-Path *EFLOW.vhdx' -Code 'VhdxUnreadable' -Record $_
    }
    try {
        Import-Module -Name AzureEFLOW
    } catch {
        Add-ReadError -Source 'Import-Module AzureEFLOW' -Code 'EflowModuleUnavailable' -Record $_
        return $installation
    }
    try {
        $installation.vmExists = [bool](Verify-EflowVm)
    } catch {
        Add-ReadError -Source 'Verify-EflowVm' -Code 'EflowVmUnverifiable' -Record $_
    }
    if ($installation.vmExists -eq $true) {
        $installation.vm = Get-EflowVmState -ComputerName $ComputerName
    }
    return $installation
}

$hostFacts = $null
try {
    $hostFacts = Get-HostFacts
} catch {
    # Without the basic facts the dashboard cannot say anything sensible: fail the whole call.
    throw "[HostFactsUnavailable] Could not read the host's operating system facts: $($_.Exception.Message)"
}

# $null (unknown) when the lock cannot be asked: the dashboard then offers no deployment step.
$deploymentInProgress = $null
try {
    $deploymentInProgress = [bool](Test-EflowDeploymentLock)
} catch {
    Add-ReadError -Source 'Deployment lock' -Code 'DeploymentLockUnreadable' -Record $_
}

$eflow = $null
try {
    $eflow = Get-EflowInstallation -ComputerName $hostFacts.computerName
} catch {
    Add-ReadError -Source 'EFLOW installation' -Code 'EflowInstallationUnreadable' -Record $_
}

[pscustomobject]@{
    schemaVersion = 2
    collectedAt = [DateTime]::UtcNow.ToString('o')
    host = $hostFacts
    deploymentInProgress = $deploymentInProgress
    eflow = $eflow
    errors = $readErrors.ToArray()
}
