<#
.SYNOPSIS
Creates the EFLOW virtual machine with Deploy-Eflow, at most once per installation.

.DESCRIPTION
Checks every input again on the host (VM size against the host's processors and free memory, disk sizes, switch
rules by SKU, static address, GPU: a name, and for Direct Device Assignment a count), then runs Deploy-Eflow with -acceptEula Yes and only the parameters given.
Refuses with [VmAlreadyExists] when the VM exists (EFLOW supports one deployment per installation), with
[PartialDeploymentFound] when an interrupted Deploy-Eflow left a VM disk (*EFLOW.vhdx in the install folder or in
-VhdxPath, the VHDX folder chosen at install time, as eflowAutoDeploy tests), and with [DeploymentInProgress] while
another session deploys (a host-wide lock is held for the whole run). Bad input fails with a coded error before
anything changes. Deploy-Eflow's step lines are relayed as progress (activity 'Deploying the EFLOW virtual
machine', status = the line). Deploy-Eflow's own resource refusals (eflow.md section 7) get their own codes, because
the VM size is what to change: "Not enough memory available." [DeployNotEnoughMemory], "Not enough disk space is
available on drive ..." [DeployNotEnoughDisk], "Not enough CPU cores available." [DeployNotEnoughCpu]; any other
failure, and a return value other than OK, is [DeployEflowFailed] (as eflowAutoDeploy treats it). Returns one object:
status (deployed), result, lastLine.

.ROLE
Administrators
#>
param (
    [Parameter(Mandatory = $true)]
    [ValidateSet('Yes')]
    [string] $AcceptEula,

    [Parameter(Mandatory = $true)]
    [ValidateSet('Yes', 'No')]
    [string] $AcceptOptionalTelemetry,

    [Parameter(Mandatory = $true)]
    [ValidateRange(1, 1024)]
    [int] $CpuCount,

    [Parameter(Mandatory = $true)]
    [ValidateRange(1024, 1048576)]
    [int] $MemoryInMB,

    [Parameter(Mandatory = $false)]
    [ValidateRange(21, 2000)]
    [int] $VmDiskSize,

    [Parameter(Mandatory = $false)]
    [ValidateRange(2, 2000)]
    [int] $VmDataSize,

    [Parameter(Mandatory = $false)]
    [ValidateSet('Small', 'Large')]
    [string] $VmLogSize,

    [Parameter(Mandatory = $false)]
    [ValidateLength(1, 256)]
    [ValidatePattern('^[^\x00-\x1F\x7F]{1,256}\z')]
    [string] $VswitchName,

    [Parameter(Mandatory = $false)]
    [ValidateSet('Internal', 'External')]
    [string] $VswitchType,

    [Parameter(Mandatory = $false)]
    [ValidatePattern('^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\z')]
    [string] $Ip4Address,

    [Parameter(Mandatory = $false)]
    [ValidateRange(1, 30)]
    [int] $Ip4PrefixLength,

    [Parameter(Mandatory = $false)]
    [ValidatePattern('^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\z')]
    [string] $Ip4GatewayAddress,

    [Parameter(Mandatory = $false)]
    [ValidateSet('DirectDeviceAssignment', 'ParaVirtualization')]
    [string] $GpuPassthroughType,

    [Parameter(Mandatory = $false)]
    [ValidateLength(1, 256)]
    [ValidatePattern('^[^\x00-\x1F\x7F]{1,256}\z')]
    [string] $GpuName,

    [Parameter(Mandatory = $false)]
    [ValidateRange(1, 64)]
    [int] $GpuCount,

    # The VM disk folder chosen at install time (MSI VHDXDIR), searched for a left-over VM disk besides the install folder.
    [Parameter(Mandatory = $false)]
    [ValidateLength(3, 200)]
    [ValidatePattern('^[A-Za-z]:\\(?:[^\\/:*?"<>|\x00-\x1F]+(?:\\[^\\/:*?"<>|\x00-\x1F]+)*\\?)?\z')]
    [string] $VhdxPath
)

. "$PSScriptRoot\..\..\script-functions\Import-AzureEflowModule.ps1"

$ErrorActionPreference = 'Stop'
$activity = 'Deploying the EFLOW virtual machine'
# Functions below see their own $PSBoundParameters; this is the script's.
$given = $PSBoundParameters

. "$PSScriptRoot\..\..\script-functions\ConvertTo-UInt32Address.ps1"
. "$PSScriptRoot\..\..\script-functions\Get-EflowDeploymentLockName.ps1"
. "$PSScriptRoot\..\..\script-functions\Test-EflowVhdxPresent.ps1"

function Test-VmSize {
    $os = Get-CimInstance -ClassName Win32_OperatingSystem
    $computer = Get-CimInstance -ClassName Win32_ComputerSystem
    $logical = [int]$computer.NumberOfLogicalProcessors
    if ($CpuCount -gt $logical) {
        throw "[CpuCountTooHigh] The host has $logical logical processors; -CpuCount $CpuCount is more."
    }
    if ($MemoryInMB % 2 -ne 0) {
        throw "[MemoryNotEven] Deploy-Eflow accepts only an even number of MB; $MemoryInMB is odd."
    }
    $freeMb = [int][math]::Floor([double]$os.FreePhysicalMemory / 1024)
    if ($MemoryInMB -gt $freeMb) {
        throw "[NotEnoughMemory] Only $freeMb MB of memory is free on the host; -MemoryInMB $MemoryInMB is more."
    }
    if ($given.ContainsKey('VmDiskSize') -and $given.ContainsKey('VmDataSize')) {
        throw '[DiskSizeConflict] Give either -VmDiskSize or -VmDataSize, not both.'
    }
    return ([int]$os.ProductType -ne 1)
}

function Test-Switch {
    param ([bool] $IsServer)
    if ([bool]$VswitchName -ne [bool]$VswitchType) {
        throw '[SwitchIncomplete] Give -VswitchName and -VswitchType together, or neither for the Default Switch.'
    }
    if (-not $VswitchName) {
        if ($IsServer) {
            throw '[DefaultSwitchOnServer] Windows Server has no Default Switch; give an Internal or External switch.'
        }
        return
    }
    $matching = @(Get-VMSwitch | Where-Object { [string]$_.Name -eq $VswitchName })
    if ($matching.Count -eq 0) { throw "[SwitchNotFound] The host has no virtual switch named '$VswitchName'." }
    if ($matching.Count -gt 1) {
        throw "[DuplicateSwitchName] The host has $($matching.Count) switches named '$VswitchName'; Deploy-Eflow would fail with 'Found multiple VMMS switches'."
    }
    $found = $matching[0]
    if ([string]$found.SwitchType -ne $VswitchType) {
        throw "[SwitchTypeMismatch] '$VswitchName' is a $([string]$found.SwitchType) switch, not $VswitchType."
    }
    if ($VswitchType -eq 'Internal' -and -not $IsServer) {
        throw '[InternalSwitchNotSupported] EFLOW supports Internal switches on Windows Server only.'
    }
    if ($VswitchType -eq 'External') {
        $description = [string]$found.NetAdapterInterfaceDescription
        $adapter = @(Get-NetAdapter -Physical | Where-Object { [string]$_.InterfaceDescription -eq $description })
        if ($adapter.Count -gt 0 -and [string]$adapter[0].Status -ne 'Up') {
            throw "[AdapterNotUp] The adapter '$([string]$adapter[0].Name)' of switch '$VswitchName' is $([string]$adapter[0].Status); it must be Up."
        }
    }
}

function Test-StaticAddress {
    $fieldCount = @($Ip4Address, $Ip4GatewayAddress | Where-Object { $_ }).Count + [int]$given.ContainsKey('Ip4PrefixLength')
    if ($fieldCount -eq 0) { return }
    if ($fieldCount -lt 3) {
        throw '[IncompleteStaticIp] Give -Ip4Address, -Ip4PrefixLength and -Ip4GatewayAddress together, or none for DHCP.'
    }
    if (-not $VswitchName) {
        throw '[StaticIpOnDefaultSwitch] The Default Switch cannot give the VM a static address.'
    }
    $address = ConvertTo-UInt32Address -Address $Ip4Address
    $gateway = ConvertTo-UInt32Address -Address $Ip4GatewayAddress
    foreach ($pair in @(@($Ip4Address, $address), @($Ip4GatewayAddress, $gateway))) {
        $firstOctet = [int][math]::Floor($pair[1] / 16777216)
        if ($firstOctet -eq 0 -or $firstOctet -eq 127 -or $firstOctet -ge 224) {
            throw "[InvalidStaticIp] $($pair[0]) is not a unicast host address."
        }
    }
    $hostSize = [uint64][math]::Pow(2, 32 - $Ip4PrefixLength)
    $network = $address - ($address % $hostSize)
    $broadcast = $network + $hostSize - 1
    if ($address -eq $network -or $address -eq $broadcast) {
        throw "[InvalidStaticIp] $Ip4Address is the network or broadcast address of its /$Ip4PrefixLength subnet."
    }
    if (($gateway - ($gateway % $hostSize)) -ne $network) {
        throw "[InvalidStaticIp] The gateway $Ip4GatewayAddress is not in the subnet of $Ip4Address/$Ip4PrefixLength."
    }
    if ($gateway -eq $network -or $gateway -eq $broadcast) {
        throw "[InvalidStaticIp] The gateway $Ip4GatewayAddress is the network or broadcast address of its subnet."
    }
    if ($gateway -eq $address) {
        throw '[InvalidStaticIp] The VM address and its gateway must differ.'
    }
    if (Test-Connection -ComputerName $Ip4Address -Count 1 -Quiet) {
        throw "[IpAddressInUse] $Ip4Address answers ping from the host: another device uses it."
    }
}

function Test-Gpu {
    if (-not $GpuPassthroughType) {
        if ($GpuName -or $given.ContainsKey('GpuCount')) {
            throw '[UnexpectedGpuParameter] -GpuName and -GpuCount need -GpuPassthroughType.'
        }
        return
    }
    if (-not $GpuName) { throw '[GpuNameRequired] GPU passthrough needs -GpuName, a GPU of the host.' }
    # eflow.md section 3: -gpuCount is 1..the host's GPUs of that model; DDA dedicates that many, so it is asked for
    # (as the wizard's GPU page does) instead of left to Deploy-Eflow's undocumented default.
    if ($GpuPassthroughType -eq 'DirectDeviceAssignment' -and -not $given.ContainsKey('GpuCount')) {
        throw '[GpuCountRequired] Direct Device Assignment needs -GpuCount, how many GPUs of that model to dedicate to the VM.'
    }
    if ($GpuPassthroughType -eq 'ParaVirtualization' -and $given.ContainsKey('GpuCount') -and $GpuCount -ne 1) {
        throw '[GpuCountInvalid] GPU paravirtualization shares exactly 1 GPU.'
    }
    $gpuInfo = @((Get-EflowHostConfiguration).GpuInfo | Where-Object { $_ })
    $found = @($gpuInfo | Where-Object { [string]$_.Name -eq $GpuName })
    if ($found.Count -eq 0) { throw "[GpuNotFound] EFLOW reports no GPU named '$GpuName' on this host." }
    $supported = @($found[0].SupportedPassthroughTypes | ForEach-Object { [string]$_ })
    if ($supported -notcontains $GpuPassthroughType) {
        throw "[GpuPassthroughUnsupported] '$GpuName' supports $($supported -join ', '), not $GpuPassthroughType."
    }
    if ($GpuPassthroughType -eq 'DirectDeviceAssignment' -and $given.ContainsKey('GpuCount') -and $GpuCount -gt [int]$found[0].Count) {
        throw "[GpuCountTooHigh] The host has $([int]$found[0].Count) '$GpuName' GPU(s); -GpuCount $GpuCount is more."
    }
}

function Get-InstallFolder {
    $keys = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\*',
        'HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\*'
    foreach ($key in $keys) {
        foreach ($entry in @(Get-ItemProperty -Path $key -ErrorAction SilentlyContinue)) {
            $name = [string]$entry.DisplayName
            if ($name -eq 'Azure IoT Edge' -or $name -eq 'Azure IoT Edge LTS') {
                if ($entry.InstallLocation) { return [string]$entry.InstallLocation }
                return 'C:\Program Files\Azure IoT Edge'
            }
        }
    }
    return $null
}

function Test-NoVmYet {
    param ([string[]] $Folders)
    $exists = $null
    try {
        $exists = [bool](Verify-EflowVm)
    } catch {
        throw "[VmStateUnknown] Whether the EFLOW VM exists cannot be read (Verify-EflowVm: $($_.Exception.Message)); nothing was deployed."
    }
    if ($exists) {
        throw '[VmAlreadyExists] The EFLOW VM exists already. EFLOW deploys once per installation; to redeploy, uninstall and reinstall EFLOW.'
    }
    $folder = Find-EflowVhdxFolder -Folders $Folders
    if ($null -ne $folder) {
        throw "[PartialDeploymentFound] An earlier Deploy-Eflow stopped part-way and left a VM disk in $folder. Uninstall and reinstall EFLOW, then deploy again."
    }
}

$installFolder = Get-InstallFolder
if ($null -eq $installFolder) {
    throw '[EflowNotInstalled] EFLOW is not installed on this host; install the MSI first.'
}
Import-AzureEflowModule

# Test-EflowDeploymentLock (the state read, the dashboard, the uninstall) reports a held lock as a deployment in progress.
$lock = New-Object System.Threading.Mutex($false, (Get-EflowDeploymentLockName))
$acquired = $false
try {
    $acquired = $lock.WaitOne(0)
} catch [System.Threading.AbandonedMutexException] {
    # A session that held it ended without releasing it: the lock is ours now.
    $acquired = $true
}
if (-not $acquired) {
    $lock.Dispose()
    throw '[DeploymentInProgress] Another session is deploying EFLOW on this host right now; wait for it to finish.'
}

try {
    $isServer = Test-VmSize
    Test-Switch -IsServer $isServer
    Test-StaticAddress
    Test-Gpu
    $vhdxFolders = @($installFolder)
    if ($VhdxPath) { $vhdxFolders += $VhdxPath }
    Test-NoVmYet -Folders $vhdxFolders

    $deployParameters = @{
        acceptEula = $AcceptEula
        acceptOptionalTelemetry = $AcceptOptionalTelemetry
        cpuCount = $CpuCount
        memoryInMB = $MemoryInMB
    }
    # Only what was given: Deploy-Eflow's own defaults apply to the rest. The disk size is passed at the call,
    # one branch per choice, so that no single call can carry both -vmDiskSize and -vmDataSize.
    if ($VmLogSize) { $deployParameters['vmLogSize'] = $VmLogSize }
    if ($VswitchName) {
        $deployParameters['vswitchName'] = $VswitchName
        $deployParameters['vswitchType'] = $VswitchType
    }
    if ($Ip4Address) {
        $deployParameters['ip4Address'] = $Ip4Address
        $deployParameters['ip4PrefixLength'] = $Ip4PrefixLength
        $deployParameters['ip4GatewayAddress'] = $Ip4GatewayAddress
    }
    if ($GpuPassthroughType) {
        $deployParameters['gpuPassthroughType'] = $GpuPassthroughType
        $deployParameters['gpuName'] = $GpuName
        if ($given.ContainsKey('GpuCount')) { $deployParameters['gpuCount'] = $GpuCount }
    }

    Write-Progress -Activity $activity -Status 'Starting Deploy-Eflow'
    $results = [System.Collections.Generic.List[object]]::new()
    $relayState = @{ lastLine = $null }
    # Deploy-Eflow prints its timestamped step lines to the host (information stream) and warnings; both become
    # progress. Everything else it outputs is its return value.
    $relay = {
        if ($_ -is [System.Management.Automation.InformationRecord] -or $_ -is [System.Management.Automation.WarningRecord]) {
            $line = if ($_ -is [System.Management.Automation.WarningRecord]) { [string]$_.Message } else { [string]$_.MessageData }
            $line = $line.Trim()
            if ($line) {
                $relayState.lastLine = $line
                Write-Progress -Activity $activity -Status $line
            }
        } else {
            $results.Add($_)
        }
    }
    try {
        if ($given.ContainsKey('VmDiskSize')) {
            Deploy-Eflow @deployParameters -vmDiskSize $VmDiskSize 3>&1 6>&1 | ForEach-Object -Process $relay
        } elseif ($given.ContainsKey('VmDataSize')) {
            Deploy-Eflow @deployParameters -vmDataSize $VmDataSize 3>&1 6>&1 | ForEach-Object -Process $relay
        } else {
            Deploy-Eflow @deployParameters 3>&1 6>&1 | ForEach-Object -Process $relay
        }
    } catch {
        $message = $_.Exception.Message
        # Deploy-Eflow's resource checks (eflow.md section 7): a smaller VM helps, running it again as it is does not.
        if ($message -like '*Not enough memory available*') { throw "[DeployNotEnoughMemory] Deploy-Eflow: $message" }
        if ($message -like '*Not enough disk space is available on drive*') { throw "[DeployNotEnoughDisk] Deploy-Eflow: $message" }
        if ($message -like '*Not enough CPU cores available*') { throw "[DeployNotEnoughCpu] Deploy-Eflow: $message" }
        throw "[DeployEflowFailed] Deploy-Eflow failed: $message"
    }
    $returned = @($results | ForEach-Object { [string]$_ } | Where-Object { $_ })
    $result = $null
    if ($returned.Count -gt 0) { $result = $returned[$returned.Count - 1] }
    if ($result -ine 'OK') {
        throw "[DeployEflowFailed] Deploy-Eflow did not return OK: $result"
    }
    Write-Progress -Activity $activity -Status 'Deployment successful' -Completed
    [pscustomobject]@{ status = 'deployed'; result = $result; lastLine = $relayState.lastLine }
} finally {
    try { $lock.ReleaseMutex() } catch { Write-Verbose "The deployment lock was not held by this thread: $($_.Exception.Message)" }
    $lock.Dispose()
}
