# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# The installed EFLOW product's Uninstall registry entry (DisplayName, DisplayVersion, InstallDate,
# InstallLocation, PSChildName = product code), or $null. LTS installs as "Azure IoT Edge LTS", CR as
# "Azure IoT Edge".
function Get-EflowProductEntry {
    $keys = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\*',
        'HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\*'
    foreach ($key in $keys) {
        foreach ($entry in @(Get-ItemProperty -Path $key -ErrorAction SilentlyContinue)) {
            $name = [string]$entry.DisplayName
            if ($name -eq 'Azure IoT Edge' -or $name -eq 'Azure IoT Edge LTS') { return $entry }
        }
    }
    return $null
}
