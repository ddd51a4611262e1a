# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# The VM disk (*EFLOW.vhdx) that an interrupted or failed Deploy-Eflow leaves without a VM: Deploy-Eflow then refuses
# to run again until EFLOW is uninstalled. One place for how it is looked for, used by the state reads, the dashboard,
# New-EflowVirtualMachine's refusal and the uninstall's clean-up.

# The wildcard path of the VM disk in a folder: the folder is literal, only the file name is a wildcard
# (eflowAutoDeploy's *EFLOW.vhdx test).
function Get-EflowVhdxPattern {
    param ([string] $Folder)
    return [System.Management.Automation.WildcardPattern]::Escape($Folder.TrimEnd('\')) + '\*EFLOW.vhdx'
}

# The first of the folders that holds a VM disk, or $null.
function Find-EflowVhdxFolder {
    param ([string[]] $Folders)
    foreach ($folder in @($Folders | Where-Object { $_ })) {
        if (Test-Path -Path (Get-EflowVhdxPattern -Folder $folder) -PathType Leaf) { return $folder }
    }
    return $null
}

# Whether a VM disk lies in the install folder (the default one without InstallLocation) or in the given VHDX folders.
# Throws when a folder cannot be read (the caller reports it as unknown, never as "no disk").
function Test-EflowVhdxPresent {
    param ([string] $InstallLocation, [string[]] $ExtraFolders = @())
    $folders = @('C:\Program Files\Azure IoT Edge')
    if ($InstallLocation) { $folders = @($InstallLocation) }
    return $null -ne (Find-EflowVhdxFolder -Folders ($folders + @($ExtraFolders)))
}
