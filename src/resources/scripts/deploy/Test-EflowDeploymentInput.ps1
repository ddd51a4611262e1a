<#
.SYNOPSIS
Answers the deployment wizard's host-side input checks: do these files exist, which product is this MSI, is this
address free.

.DESCRIPTION
For the wizard's as-you-type validation: whether each -Path exists on the host as a file (the identity certificate
and key; Test-Path -LiteralPath, so wildcard characters are literal); for -MsiPath, whether it exists and which
product it installs, read from the MSI's own database as Windows Installer reads it (opened read-only: ProductName,
ProductVersion, the Template's platform); whether -Ip4Address answers ping (another device uses it) and whether
-Ip4GatewayAddress answers ping. A check that is not asked for is null. It changes nothing.
Returns one object: paths (each with path and exists), msi (path; status notFound, eflow, notEflow or unreadable;
productName, productVersion, architecture, channel LTS or CR, error), addressInUse, gatewayReachable.

.ROLE
Readers
#>
param (
    [Parameter(Mandatory = $false)]
    [ValidateCount(1, 4)]
    [ValidateLength(4, 260)]
    [ValidatePattern('^(?:[A-Za-z]:|\\\\[A-Za-z0-9][^\\/:*?"<>|\x00-\x1F]*\\[^\\/:*?"<>|\x00-\x1F]+)(?:\\[^\\/:*?"<>|\x00-\x1F]+)+\z')]
    [string[]] $Path,

    # An MSI the host can read (C:\... or \\server\share\...), as Install-EflowProduct takes it.
    [Parameter(Mandatory = $false)]
    [ValidateLength(8, 260)]
    [ValidatePattern('^(?:[A-Za-z]:|\\\\[A-Za-z0-9][^\\/:*?"<>|\x00-\x1F]*\\[^\\/:*?"<>|\x00-\x1F]+)(?:\\[^\\/:*?"<>|\x00-\x1F]+)*\\[^\\/:*?"<>|\x00-\x1F]+\.[Mm][Ss][Ii]\z')]
    [string] $MsiPath,

    [Parameter(Mandatory = $false)]
    [ValidatePattern('^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\z')]
    [string] $Ip4Address,

    [Parameter(Mandatory = $false)]
    [ValidatePattern('^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\z')]
    [string] $Ip4GatewayAddress
)

$ErrorActionPreference = 'Stop'

. "$PSScriptRoot\..\..\script-functions\Read-MsiPackage.ps1"

$paths = @($Path | Where-Object { $_ } | ForEach-Object {
        [pscustomobject]@{ path = $_; exists = [bool](Test-Path -LiteralPath $_ -PathType Leaf) }
    })
$msi = $null
if ($MsiPath) { $msi = Read-MsiPackage -Path $MsiPath }
$addressInUse = $null
if ($Ip4Address) { $addressInUse = [bool](Test-Connection -ComputerName $Ip4Address -Count 1 -Quiet) }
$gatewayReachable = $null
if ($Ip4GatewayAddress) { $gatewayReachable = [bool](Test-Connection -ComputerName $Ip4GatewayAddress -Count 1 -Quiet) }

[pscustomobject]@{ paths = $paths; msi = $msi; addressInUse = $addressInUse; gatewayReachable = $gatewayReachable }
