<#
.SYNOPSIS
Creates the virtual switch the EFLOW VM will use: External on a physical adapter, or Internal with a NAT.

.DESCRIPTION
External: New-VMSwitch bound to -AdapterName (a physical adapter that is Up and carries no External switch yet),
shared with the host (-AllowManagementOS). The host's network on that adapter drops for a few seconds. Refused on
an Azure VM, which cannot use an External switch ([ExternalSwitchOnAzureVm]), and where that cannot be read
([AzureVmUnknown]).
Internal (Server SKUs only, eflow.md section 9): New-VMSwitch -SwitchType Internal, the gateway address on the
host's vEthernet adapter (New-NetIPAddress) and a NAT for the subnet (New-NetNat '<switch>-NAT'). The gateway must
be a unicast host address of its subnet (not the network or broadcast address, not 0.x, loopback, multicast or
reserved) and, with -VmAddress (the VM's static address), in the VM's subnet and not the VM's own address, as the
wizard's Network page requires ([InvalidGatewayAddress]).
Every input is checked before anything is created; a bad one fails with a coded error and changes nothing.
Idempotent: parts that exist already (same switch name and type, the address, the NAT) are kept, so a retry after
a partial failure completes the job. Returns one object: switchName, switchType, created, natName, warnings.

.ROLE
Administrators
#>
param (
    [Parameter(Mandatory = $true)]
    [ValidateLength(1, 256)]
    [ValidatePattern('^[^\x00-\x1F\x7F]{1,256}\z')]
    [string] $SwitchName,

    [Parameter(Mandatory = $true)]
    [ValidateSet('Internal', 'External')]
    [string] $SwitchType,

    # External: the physical adapter to bind.
    [Parameter(Mandatory = $false)]
    [ValidateLength(1, 256)]
    [ValidatePattern('^[^\x00-\x1F\x7F]{1,256}\z')]
    [string] $AdapterName,

    # Internal: the host's address on the switch, which is the VM's gateway.
    [Parameter(Mandatory = $false)]
    [ValidatePattern('^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\z')]
    [string] $GatewayAddress,

    [Parameter(Mandatory = $false)]
    [ValidateRange(1, 30)]
    [int] $PrefixLength,

    # Internal: the VM's static address behind the NAT, checked against the gateway (optional).
    [Parameter(Mandatory = $false)]
    [ValidatePattern('^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\z')]
    [string] $VmAddress
)

$ErrorActionPreference = 'Stop'
$activity = 'Creating the virtual switch'
$warnings = [System.Collections.Generic.List[string]]::new()

. "$PSScriptRoot\..\..\script-functions\ConvertTo-UInt32Address.ps1"
. "$PSScriptRoot\..\..\script-functions\Read-AzureVmHost.ps1"

function Test-GatewayAddress {
    # The Network page's rules for the gateway (static-ip-rules.ts), in the same order.
    $gateway = ConvertTo-UInt32Address -Address $GatewayAddress
    $firstOctet = [int][math]::Floor($gateway / 16777216)
    $reason = $null
    if ($firstOctet -eq 0) {
        $reason = 'addresses in 0.0.0.0/8 mean "this network" and cannot be assigned'
    } elseif ($firstOctet -eq 127) {
        $reason = 'it is a loopback address'
    } elseif ($firstOctet -ge 224 -and $firstOctet -le 239) {
        $reason = 'it is a multicast address'
    } elseif ($firstOctet -ge 240) {
        $reason = 'it is in the reserved range 240.0.0.0/4'
    }
    if ($reason) { throw "[InvalidGatewayAddress] $GatewayAddress cannot be the gateway: $reason." }
    $hostSize = [uint64][math]::Pow(2, 32 - $PrefixLength)
    $network = $gateway - ($gateway % $hostSize)
    $subnet = ConvertTo-SubnetPrefix -Address $GatewayAddress -Length $PrefixLength
    if ($gateway -eq $network -or $gateway -eq $network + $hostSize - 1) {
        throw "[InvalidGatewayAddress] The gateway $GatewayAddress is the network or broadcast address of $subnet."
    }
    if (-not $VmAddress) { return }
    $address = ConvertTo-UInt32Address -Address $VmAddress
    if (($address - ($address % $hostSize)) -ne $network) {
        throw "[InvalidGatewayAddress] The gateway $GatewayAddress is not in the VM's subnet $(ConvertTo-SubnetPrefix -Address $VmAddress -Length $PrefixLength)."
    }
    if ($address -eq $gateway) {
        throw '[InvalidGatewayAddress] The VM address and its gateway must differ.'
    }
}

function ConvertTo-SubnetPrefix {
    param ([string] $Address, [int] $Length)
    $bytes = ([System.Net.IPAddress]::Parse($Address)).GetAddressBytes()
    [Array]::Reverse($bytes)
    $value = [System.BitConverter]::ToUInt32($bytes, 0)
    $hostSize = [uint64][math]::Pow(2, 32 - $Length)
    $network = [uint64]$value - ([uint64]$value % $hostSize)
    $networkBytes = [System.BitConverter]::GetBytes([uint32]$network)
    [Array]::Reverse($networkBytes)
    return '{0}/{1}' -f ([System.Net.IPAddress]::new($networkBytes)).ToString(), $Length
}

if ($SwitchName -eq 'Default Switch') {
    throw "[SwitchNameReserved] 'Default Switch' is Hyper-V's own switch; choose another name."
}
if ($SwitchType -eq 'External') {
    if (-not $AdapterName) { throw '[AdapterRequired] An External switch needs -AdapterName, the physical adapter to bind.' }
    if ($GatewayAddress -or $PSBoundParameters.ContainsKey('PrefixLength') -or $VmAddress) {
        throw '[UnexpectedParameter] -GatewayAddress, -PrefixLength and -VmAddress apply to an Internal switch only.'
    }
    # Azure VMs cannot use an External switch (eflow.md section 7); the Network page refuses one there too. An
    # unreadable answer is not taken for "not Azure": creating the switch is the action that must not go wrong.
    $azureReading = Read-AzureVmHost
    if ($azureReading.isAzureVm -eq $true) {
        throw '[ExternalSwitchOnAzureVm] This host is an Azure VM (the WindowsAzureGuestAgent service exists), and Azure VMs cannot use an External switch.'
    }
    if ($null -eq $azureReading.isAzureVm) {
        throw "[AzureVmUnknown] Whether this host is an Azure VM could not be read (Get-Service WindowsAzureGuestAgent: $($azureReading.error.Exception.Message)); no External switch is created without knowing."
    }
} else {
    if ($AdapterName) { throw '[UnexpectedParameter] -AdapterName applies to an External switch only.' }
    if (-not $GatewayAddress -or -not $PSBoundParameters.ContainsKey('PrefixLength')) {
        throw '[GatewayRequired] An Internal switch needs -GatewayAddress and -PrefixLength (the host side of its NAT).'
    }
    Test-GatewayAddress
    $os = Get-CimInstance -ClassName Win32_OperatingSystem
    if ([int]$os.ProductType -eq 1) {
        throw '[InternalSwitchNotSupported] EFLOW supports Internal switches on Windows Server only; use an External switch on this host.'
    }
}

try {
    $existing = @(Get-VMSwitch | Where-Object { [string]$_.Name -eq $SwitchName })
} catch {
    throw "[HyperVUnavailable] The host's virtual switches cannot be listed (is Hyper-V enabled?): $($_.Exception.Message)"
}
if ($existing.Count -gt 1) {
    throw "[DuplicateSwitchName] The host has $($existing.Count) switches named '$SwitchName'; Deploy-Eflow fails with 'Found multiple VMMS switches'."
}
if ($existing.Count -eq 1 -and [string]$existing[0].SwitchType -ne $SwitchType) {
    throw "[SwitchNameInUse] A $([string]$existing[0].SwitchType) switch named '$SwitchName' exists already; choose another name."
}

$created = $false
$natName = $null
if ($SwitchType -eq 'External') {
    if ($existing.Count -eq 0) {
        $adapter = @(Get-NetAdapter -Physical | Where-Object { [string]$_.Name -eq $AdapterName })
        if ($adapter.Count -eq 0) { throw "[AdapterNotFound] The host has no physical network adapter named '$AdapterName'." }
        if ([string]$adapter[0].Status -ne 'Up') {
            throw "[AdapterNotUp] The adapter '$AdapterName' is $([string]$adapter[0].Status); an External switch needs an adapter that is Up."
        }
        $description = [string]$adapter[0].InterfaceDescription
        $bound = @(Get-VMSwitch | Where-Object { [string]$_.SwitchType -eq 'External' -and [string]$_.NetAdapterInterfaceDescription -eq $description })
        if ($bound.Count -gt 0) {
            throw "[AdapterInUse] The adapter '$AdapterName' already carries the External switch '$([string]$bound[0].Name)'; use that switch."
        }
        Write-Progress -Activity $activity -Status "Creating External switch '$SwitchName' on '$AdapterName'"
        try {
            New-VMSwitch -Name $SwitchName -NetAdapterName $AdapterName -AllowManagementOS $true | Out-Null
        } catch {
            throw "[SwitchCreationFailed] The switch could not be created: $($_.Exception.Message)"
        }
        $created = $true
    }
} else {
    $subnet = ConvertTo-SubnetPrefix -Address $GatewayAddress -Length $PrefixLength
    $natName = "$SwitchName-NAT"
    $otherNats = @(Get-NetNat | Where-Object { [string]$_.Name -ne $natName })
    if ($existing.Count -eq 0) {
        Write-Progress -Activity $activity -Status "Creating Internal switch '$SwitchName'"
        try {
            New-VMSwitch -Name $SwitchName -SwitchType 'Internal' | Out-Null
        } catch {
            throw "[SwitchCreationFailed] The switch could not be created: $($_.Exception.Message)"
        }
        $created = $true
    }
    $alias = "vEthernet ($SwitchName)"
    $hostAdapter = @(Get-NetAdapter | Where-Object { [string]$_.Name -eq $alias })
    if ($hostAdapter.Count -eq 0) {
        throw "[SwitchAdapterMissing] The host adapter '$alias' of the new switch did not appear; retry in a few seconds."
    }
    Write-Progress -Activity $activity -Status "Setting the host address $GatewayAddress/$PrefixLength on '$alias'"
    try {
        New-NetIPAddress -IPAddress $GatewayAddress -PrefixLength $PrefixLength -InterfaceAlias $alias | Out-Null
    } catch {
        if ($_.Exception.Message -notlike '*already exists*') {
            throw "[HostAddressFailed] The address $GatewayAddress could not be set on '$alias': $($_.Exception.Message)"
        }
    }
    if (@(Get-NetNat | Where-Object { [string]$_.Name -eq $natName }).Count -eq 0) {
        if ($otherNats.Count -gt 0) {
            # WinNAT supports one NAT network on client SKUs and overlapping prefixes nowhere: say so, try anyway.
            $warnings.Add("Other NAT networks exist on the host ($(@($otherNats | ForEach-Object { [string]$_.Name }) -join ', ')); their prefixes must not overlap $subnet.")
        }
        Write-Progress -Activity $activity -Status "Creating NAT '$natName' for $subnet"
        try {
            New-NetNat -Name $natName -InternalIPInterfaceAddressPrefix $subnet | Out-Null
        } catch {
            throw "[NatCreationFailed] The NAT for $subnet could not be created: $($_.Exception.Message)"
        }
    }
}
Write-Progress -Activity $activity -Status 'Done' -Completed

[pscustomobject]@{
    switchName = $SwitchName
    switchType = $SwitchType
    created = $created
    natName = $natName
    warnings = $warnings.ToArray()
}
