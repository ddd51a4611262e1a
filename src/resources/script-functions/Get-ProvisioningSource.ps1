# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# The provisioning source in the VM's /etc/aziot/config.toml (`manual` or `dps`), read from the output lines of
# `sudo grep -m 1 -E "^source *=" /etc/aziot/config.toml`; $null when the VM is not provisioned (no such line, or
# no file). Only that one line is ever read: the file also holds the device's secrets.
function Get-ProvisioningSource {
    param ([string[]] $Lines)
    foreach ($line in $Lines) {
        if ($line -match '^source\s*=\s*"([A-Za-z_]+)"') { return $Matches[1] }
    }
    return $null
}
