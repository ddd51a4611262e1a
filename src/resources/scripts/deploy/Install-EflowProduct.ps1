<#
.SYNOPSIS
Downloads the EFLOW MSI (or takes it from a host path, checked to be the chosen product) and installs it silently.

.DESCRIPTION
Installs Azure IoT Edge for Linux on Windows. The MSI is downloaded from the channel's aka.ms link, chosen by
-Channel and -Architecture (never a URL given by the caller), or taken from -MsiPath (a local or UNC path).
msiexec runs with /qn /norestart and a verbose log; INSTALLDIR and VHDXDIR are passed when given. Its exit code is
mapped to a coded error ([MsiInstallFailed] for 1603 / 0x80070643, [MsiInstallInProgress] for 1618, ...);
3010 means installed, restart required.
Idempotent: when the same channel is installed already it returns status alreadyInstalled and changes nothing;
another channel fails with [DifferentProductInstalled]. Bad input fails before anything is downloaded or installed:
the wrong architecture for the host, and for -MsiPath a missing file ([MsiNotFound]) or one that is not the chosen
product, read from the MSI's own database (ProductName, ProductVersion, Template platform): not a package
([MsiPackageUnreadable]), not EFLOW ([MsiNotEflow]), the other channel ([MsiProductMismatch]) or the other
architecture ([MsiArchitectureMismatch]). Progress: activity 'Downloading the EFLOW installer', then
'Installing the EFLOW MSI'.

.ROLE
Administrators
#>
param (
    # LTS = EFLOW 1.5 LTS; CR = the continuous-release train.
    [Parameter(Mandatory = $true)]
    [ValidateSet('LTS', 'CR')]
    [string] $Channel,

    [Parameter(Mandatory = $true)]
    [ValidateSet('x64', 'ARM64')]
    [string] $Architecture,

    # An MSI the host can read (C:\... or \\server\share\...); omitted: download the channel's MSI.
    [Parameter(Mandatory = $false)]
    [ValidateLength(8, 260)]
    [ValidatePattern('^(?:[A-Za-z]:|\\\\[A-Za-z0-9][^\\/:*?"<>|\x00-\x1F]*\\[^\\/:*?"<>|\x00-\x1F]+)(?:\\[^\\/:*?"<>|\x00-\x1F]+)*\\[^\\/:*?"<>|\x00-\x1F]+\.[Mm][Ss][Ii]\z')]
    [string] $MsiPath,

    # MSI INSTALLDIR: a local folder.
    [Parameter(Mandatory = $false)]
    [ValidateLength(3, 200)]
    [ValidatePattern('^[A-Za-z]:\\(?:[^\\/:*?"<>|\x00-\x1F]+(?:\\[^\\/:*?"<>|\x00-\x1F]+)*\\?)?\z')]
    [string] $InstallPath,

    # MSI VHDXDIR: a local folder for the VM disk.
    [Parameter(Mandatory = $false)]
    [ValidateLength(3, 200)]
    [ValidatePattern('^[A-Za-z]:\\(?:[^\\/:*?"<>|\x00-\x1F]+(?:\\[^\\/:*?"<>|\x00-\x1F]+)*\\?)?\z')]
    [string] $VhdxPath
)

$ErrorActionPreference = 'Stop'
$downloadActivity = 'Downloading the EFLOW installer'
$installActivity = 'Installing the EFLOW MSI'

# The channel links (eflow.md section 8); src/app/deploy/domain/product-catalog.ts holds the same table.
$downloadUrls = @{
    'LTS-x64' = 'https://aka.ms/AzEFLOWMSI_1_5_LTS_X64'
    'LTS-ARM64' = 'https://aka.ms/AzEFLOWMSI_1_5_LTS_ARM64'
    'CR-x64' = 'https://aka.ms/AzEFLOWMSI-CR-X64'
    'CR-ARM64' = 'https://aka.ms/AzEFLOWMSI-CR-ARM64'
}
$productNames = @{ 'LTS' = 'Azure IoT Edge LTS'; 'CR' = 'Azure IoT Edge' }

. "$PSScriptRoot\..\..\script-functions\ConvertTo-ArchitectureName.ps1"
. "$PSScriptRoot\..\..\script-functions\Get-EflowProductEntry.ps1"
. "$PSScriptRoot\..\..\script-functions\Read-MsiPackage.ps1"

function Get-MsiFailure {
    param ([int] $ExitCode, [string] $LogPath)
    switch ($ExitCode) {
        1602 { "[MsiCancelled] The installation was cancelled (msiexec 1602)." }
        1603 { "[MsiInstallFailed] Windows Installer reported a fatal error (msiexec 1603, 0x80070643). See the log $LogPath; a WSSDAgent 'Incorrect function' error there is a known cause." }
        1618 { "[MsiInstallInProgress] Another installation is in progress (msiexec 1618). Wait for it to finish, then retry." }
        1619 { "[MsiPackageUnreadable] The MSI could not be opened (msiexec 1619); check the path and that the host can read it." }
        1620 { "[MsiPackageInvalid] The file is not a valid Windows Installer package (msiexec 1620)." }
        1625 { "[MsiBlockedByPolicy] A system policy blocks this installation (msiexec 1625)." }
        1633 { "[MsiPlatformUnsupported] This MSI does not support the host's processor (msiexec 1633)." }
        1638 { "[MsiOtherVersionInstalled] Another version of EFLOW is installed (msiexec 1638); uninstall it first." }
        default { "[MsiExitCode] msiexec ended with exit code $ExitCode. See the log $LogPath." }
    }
}

$hostArchitecture = ConvertTo-ArchitectureName -Code (@(Get-CimInstance -ClassName Win32_Processor)[0]).Architecture
if ($hostArchitecture -ne $Architecture) {
    throw "[ArchitectureMismatch] The host is $hostArchitecture; the $Architecture MSI does not install on it."
}

$installed = Get-EflowProductEntry
if ($null -ne $installed) {
    if ([string]$installed.DisplayName -ne $productNames[$Channel]) {
        throw "[DifferentProductInstalled] $([string]$installed.DisplayName) $([string]$installed.DisplayVersion) is installed; uninstall it before installing the $Channel channel."
    }
    [pscustomobject]@{
        status = 'alreadyInstalled'; productName = [string]$installed.DisplayName; version = [string]$installed.DisplayVersion
        rebootRequired = $false; msiExitCode = $null; downloaded = $false; logPath = $null
    }
    return
}

# The session's temp folder: $env:TEMP is set in every Windows session (GetTempPath reads it too).
$tempFolder = if ($env:TEMP) { $env:TEMP } else { [System.IO.Path]::GetTempPath() }
$downloaded = $false
if ($MsiPath) {
    # Read from the package itself, so a wrong file fails here, changing nothing, rather than installing the wrong
    # product or failing late in msiexec.
    $package = Read-MsiPackage -Path $MsiPath
    $product = "$($package.productName) $($package.productVersion)"
    switch ($package.status) {
        'notFound' { throw "[MsiNotFound] The host cannot find the MSI $MsiPath." }
        'unreadable' { throw "[MsiPackageUnreadable] $MsiPath is not a Windows Installer package the host can open: $($package.error)" }
        'notEflow' { throw "[MsiNotEflow] $MsiPath installs $product, not Azure IoT Edge for Linux on Windows." }
    }
    if ($package.channel -ne $Channel) {
        throw "[MsiProductMismatch] $MsiPath is $product ($($package.channel)), but the $Channel channel was chosen."
    }
    if ($package.architecture -ne $Architecture) {
        throw "[MsiArchitectureMismatch] $MsiPath is $product for $($package.architecture), but $Architecture was chosen."
    }
    $msi = $MsiPath
} else {
    $url = $downloadUrls["$Channel-$Architecture"]
    $msi = Join-Path $tempFolder "EflowManager-AzureIoTEdge-$Channel-$Architecture.msi"
    Write-Progress -Activity $downloadActivity -Status "Downloading $url"
    $savedProgressPreference = $ProgressPreference
    try {
        # Windows PowerShell 5.1 downloads many times slower while Invoke-WebRequest draws its own progress bar.
        $ProgressPreference = 'SilentlyContinue'
        Invoke-WebRequest -Uri $url -OutFile $msi -UseBasicParsing
    } catch {
        throw "[DownloadFailed] Could not download $url : $($_.Exception.Message)"
    } finally {
        $ProgressPreference = $savedProgressPreference
    }
    $downloaded = $true
    Write-Progress -Activity $downloadActivity -Status "Downloaded to $msi" -Completed
}

$logPath = Join-Path $tempFolder 'EflowManager-install.log'
# Start-Process joins its arguments with spaces; paths may contain spaces, so msiexec gets them in double quotes.
# A Windows path cannot contain a double quote (the patterns above reject it), so the quoting cannot be broken out of.
$arguments = @('/i', ('"{0}"' -f $msi), '/qn', '/norestart', '/l*v', ('"{0}"' -f $logPath))
if ($InstallPath) { $arguments += ('INSTALLDIR="{0}"' -f $InstallPath) }
if ($VhdxPath) { $arguments += ('VHDXDIR="{0}"' -f $VhdxPath) }

Write-Progress -Activity $installActivity -Status "msiexec /i $msi /qn /norestart"
try {
    $process = Start-Process -FilePath 'msiexec.exe' -ArgumentList $arguments -Wait -PassThru
} catch {
    throw "[MsiexecFailed] msiexec could not be started: $($_.Exception.Message)"
}
$exitCode = [int]$process.ExitCode
if ($exitCode -ne 0 -and $exitCode -ne 3010 -and $exitCode -ne 1641) {
    throw (Get-MsiFailure -ExitCode $exitCode -LogPath $logPath)
}
Write-Progress -Activity $installActivity -Status "msiexec finished with exit code $exitCode" -Completed

$entry = Get-EflowProductEntry
if ($null -eq $entry) {
    throw "[InstallNotDetected] msiexec reported success (exit code $exitCode) but no EFLOW product is registered. See the log $logPath."
}

[pscustomobject]@{
    status = 'installed'
    productName = [string]$entry.DisplayName
    version = [string]$entry.DisplayVersion
    rebootRequired = ($exitCode -ne 0)
    msiExitCode = $exitCode
    downloaded = $downloaded
    logPath = $logPath
}
