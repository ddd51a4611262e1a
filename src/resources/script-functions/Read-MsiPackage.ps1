# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# What an MSI file is, read from its database as Windows Installer reads it (the WindowsInstaller.Installer COM
# object, opened read-only): ProductName and ProductVersion from the Property table, the platform from the Summary
# Information Template (PID 7, "x64;1033", "Arm64;1033", "Intel;1033"). Returns path and status: notFound (no such
# file; Test-Path -LiteralPath, so wildcard characters are literal), eflow (Azure IoT Edge LTS or CR), notEflow
# (another product, or no ProductName) or unreadable (not a package Windows Installer opens, or the host cannot read
# it; error says why); productName, productVersion; architecture x64, ARM64, x86, ARM or the Template's own platform
# text; channel LTS or CR from the ProductName the MSI registers as its ARP DisplayName (eflow.md section 8), $null
# for another product.
function Read-MsiPackage {
    param ([string] $Path)
    $package = [pscustomobject]@{
        path = $Path; status = 'notFound'; productName = $null; productVersion = $null; architecture = $null; channel = $null
        error = $null
    }
    if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) {
        return $package
    }
    # Members are reached through Type.InvokeMember, the long-standing way to script this object's IDispatch from
    # Windows PowerShell (direct calls such as $record.StringData(1) are not dependable across versions); the
    # simulator's stand-in answers the same calls through reflection.
    # Every object from the package, released at the end so the file is let go of at once (msiexec opens it next).
    $held = @()
    try {
        $installer = New-Object -ComObject WindowsInstaller.Installer
        # OpenMode 0: msiOpenDatabaseModeReadOnly; the package is never changed.
        $database = $installer.GetType().InvokeMember('OpenDatabase', 'InvokeMethod', $null, $installer, @($Path, 0))
        $held += $database
        $values = @{}
        # Constant property names only: nothing from the caller is put into the query text.
        foreach ($name in 'ProductName', 'ProductVersion') {
            # The build's JEA check takes the SQL keyword for the Select-Object alias; it is no command here.
            ##SkipCheck=true##
            $query = "SELECT Value FROM Property WHERE Property='$name'"
            ##SkipCheck=false##
            $view = $database.GetType().InvokeMember('OpenView', 'InvokeMethod', $null, $database, @($query))
            $held += $view
            [void]$view.GetType().InvokeMember('Execute', 'InvokeMethod', $null, $view, $null)
            $record = $view.GetType().InvokeMember('Fetch', 'InvokeMethod', $null, $view, $null)
            $values[$name] = $null
            if ($null -ne $record) {
                $held += $record
                $values[$name] = [string]$record.GetType().InvokeMember('StringData', 'GetProperty', $null, $record, @(1))
            }
            [void]$view.GetType().InvokeMember('Close', 'InvokeMethod', $null, $view, $null)
        }
        $summary = $database.GetType().InvokeMember('SummaryInformation', 'GetProperty', $null, $database, @(0))
        $held += $summary
        $template = [string]$summary.GetType().InvokeMember('Property', 'GetProperty', $null, $summary, @(7))
    } catch {
        $package.status = 'unreadable'
        $package.error = $_.Exception.Message
        return $package
    } finally {
        # Views and records hold the database open too; only real COM objects are released this way.
        [array]::Reverse($held)
        foreach ($object in $held) {
            if ($null -ne $object -and [System.Runtime.InteropServices.Marshal]::IsComObject($object)) {
                [void][System.Runtime.InteropServices.Marshal]::ReleaseComObject($object)
            }
        }
    }
    # An empty platform means Intel (32-bit), as Windows Installer reads the Template.
    $platform = $template.Split(';')[0].Trim()
    $package.architecture = switch ($platform) {
        'x64' { 'x64' }
        'AMD64' { 'x64' }
        'Arm64' { 'ARM64' }
        'Intel' { 'x86' }
        '' { 'x86' }
        'Arm' { 'ARM' }
        default { $platform }
    }
    $package.productName = $values['ProductName']
    $package.productVersion = $values['ProductVersion']
    $package.channel = switch ($values['ProductName']) {
        'Azure IoT Edge LTS' { 'LTS' }
        'Azure IoT Edge' { 'CR' }
        default { $null }
    }
    $package.status = if ($null -ne $package.channel) { 'eflow' } else { 'notEflow' }
    return $package
}
