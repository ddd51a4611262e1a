# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# An IPv4 address (already validated as one) as a number, for subnet arithmetic: network and broadcast addresses,
# whether two addresses share a subnet. Returned as [uint64] so that masks and sums do not overflow.
function ConvertTo-UInt32Address {
    param ([string] $Address)
    $bytes = ([System.Net.IPAddress]::Parse($Address)).GetAddressBytes()
    [Array]::Reverse($bytes)
    return [uint64][System.BitConverter]::ToUInt32($bytes, 0)
}
