# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# Whether a VM disk (*EFLOW.vhdx) lies in the install folder or in the given VHDX folders. Without a VM it is what an
# interrupted or failed Deploy-Eflow leaves: Deploy-Eflow then refuses to run again until EFLOW is uninstalled.
# Throws when a folder cannot be read (the caller reports it as unknown, never as "no disk").
function Test-EflowVhdxPresent {
    param ([string] $InstallLocation, [string[]] $ExtraFolders = @())
    $folders = @('C:\Program Files\Azure IoT Edge')
    if ($InstallLocation) { $folders = @($InstallLocation) }
    $folders += @($ExtraFolders | Where-Object { $_ })
    foreach ($folder in $folders) {
        # The folder is literal; only the file name is a wildcard (eflowAutoDeploy's *EFLOW.vhdx test).
        $pattern = [System.Management.Automation.WildcardPattern]::Escape($folder.TrimEnd('\')) + '\*EFLOW.vhdx'
        if (Test-Path -Path $pattern -PathType Leaf) { return $true }
    }
    return $false
}
