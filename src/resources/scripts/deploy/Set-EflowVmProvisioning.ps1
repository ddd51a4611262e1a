<#
.SYNOPSIS
Provisions the EFLOW VM's IoT Edge runtime with Provision-EflowVm -headless.

.DESCRIPTION
Checks the required parameters of the provisioning type (eflow.md section 4) and rejects parameters that do not
belong to it, checks the formats (the device connection string and the symmetric key without ever repeating them),
checks on the host that the certificate and key files exist, that the VM exists and runs (a stopped VM is
started), and for DpsTPM that the DpsTpm feature is on; bad input fails with a coded error before anything
changes. A device that is provisioned already is left alone (status alreadyProvisioned): headless provisioning
refuses to provision twice. The cmdlet's output lines are relayed as progress (activity 'Provisioning the device')
with every secret masked (the connection string, the SharedAccessKey inside it on its own, the symmetric key), also
in its output and errors; a return value other than OK is a failure ([ProvisioningFailed]).
-DevConnString and -SymmKey are secrets: no output, progress record or error message of this script contains them.
Returns one object: status (provisioned or alreadyProvisioned), provisioningType, source.

.ROLE
Administrators
#>
param (
    [Parameter(Mandatory = $true)]
    [ValidateSet('ManualConnectionString', 'ManualX509', 'DpsTPM', 'DpsX509', 'DpsSymmetricKey')]
    [string] $ProvisioningType,

    # Secret. Checked in the body, where a failure can be reported without repeating the value.
    [Parameter(Mandatory = $false)]
    [ValidateLength(1, 1024)]
    [string] $DevConnString,

    [Parameter(Mandatory = $false)]
    [ValidateLength(3, 253)]
    [ValidatePattern('^(?=.{1,253}\z)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\z')]
    [string] $IotHubHostname,

    [Parameter(Mandatory = $false)]
    [ValidatePattern('^[A-Za-z0-9\-.%_*?!(),:=@$'']{1,128}\z')]
    [string] $DeviceId,

    [Parameter(Mandatory = $false)]
    [ValidatePattern('^[A-Za-z0-9]{1,64}\z')]
    [string] $ScopeId,

    # Secret. Checked in the body, where a failure can be reported without repeating the value.
    [Parameter(Mandatory = $false)]
    [ValidateLength(1, 256)]
    [string] $SymmKey,

    [Parameter(Mandatory = $false)]
    [ValidatePattern('^[A-Za-z0-9\-._:]{0,127}[A-Za-z0-9-]\z')]
    [string] $RegistrationId,

    [Parameter(Mandatory = $false)]
    [ValidateLength(4, 260)]
    [ValidatePattern('^(?:[A-Za-z]:|\\\\[A-Za-z0-9][^\\/:*?"<>|\x00-\x1F]*\\[^\\/:*?"<>|\x00-\x1F]+)(?:\\[^\\/:*?"<>|\x00-\x1F]+)+\z')]
    [string] $IdentityCertPath,

    [Parameter(Mandatory = $false)]
    [ValidateLength(4, 260)]
    [ValidatePattern('^(?:[A-Za-z]:|\\\\[A-Za-z0-9][^\\/:*?"<>|\x00-\x1F]*\\[^\\/:*?"<>|\x00-\x1F]+)(?:\\[^\\/:*?"<>|\x00-\x1F]+)+\z')]
    [string] $IdentityPrivKeyPath,

    [Parameter(Mandatory = $false)]
    [ValidateLength(11, 268)]
    [ValidatePattern('^https:\/\/(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?::[0-9]{1,5})?\/?\z')]
    [string] $GlobalEndpoint
)

. "$PSScriptRoot\..\..\script-functions\Import-AzureEflowModule.ps1"
. "$PSScriptRoot\..\..\script-functions\Read-EflowVm.ps1"
. "$PSScriptRoot\..\..\script-functions\Start-EflowVmIfStopped.ps1"
. "$PSScriptRoot\..\..\script-functions\Get-ProvisioningSource.ps1"
. "$PSScriptRoot\..\..\script-functions\Read-EflowVmFeatureEnabled.ps1"

$ErrorActionPreference = 'Stop'
$activity = 'Provisioning the device'

# The documented required sets, plus what each type may take besides.
$requiredSets = @{
    'ManualConnectionString' = @('DevConnString')
    'ManualX509' = @('IotHubHostname', 'DeviceId', 'IdentityCertPath', 'IdentityPrivKeyPath')
    'DpsTPM' = @('ScopeId')
    'DpsX509' = @('ScopeId', 'IdentityCertPath', 'IdentityPrivKeyPath')
    'DpsSymmetricKey' = @('ScopeId', 'RegistrationId', 'SymmKey')
}
$optionalSets = @{
    'ManualConnectionString' = @()
    'ManualX509' = @()
    'DpsTPM' = @('RegistrationId', 'GlobalEndpoint')
    'DpsX509' = @('GlobalEndpoint')
    'DpsSymmetricKey' = @('GlobalEndpoint')
}
$base64Pattern = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?\z'
$hostNamePattern = '^(?=.{1,253}\z)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\z'
$deviceIdPattern = '^[A-Za-z0-9\-.%_*?!(),:=@$'']{1,128}\z'

function Hide-Secret {
    param ([string] $Text, [string[]] $Secrets)
    # Ordinal, literal replacement in the order given (the whole connection string before the key inside it): a
    # secret is data, never a regular expression.
    $masked = $Text
    foreach ($secret in $Secrets) {
        if ($secret) { $masked = $masked.Replace($secret, '***') }
    }
    return $masked
}

function Test-SymmetricKeyText {
    param ([string] $Key)
    if ($Key -cnotmatch $base64Pattern) { return $false }
    $length = ([System.Convert]::FromBase64String($Key)).Length
    return ($length -ge 16 -and $length -le 64)
}

function Split-ConnectionString {
    param ([string] $Text)
    # Name -> value of a Name=value;... list, or $null when the text is not one. The caller keeps the result: WAC
    # runs this script as the body of a function (SmeSubmit), so a function here must not hand values back through
    # $script: variables, which would name the scope around that function.
    $fields = New-Object 'System.Collections.Generic.Dictionary[string,string]'
    foreach ($part in $Text.Split(';')) {
        if ($part -eq '') { continue }
        $equals = $part.IndexOf('=')
        if ($equals -le 0) { return $null }
        $fields[$part.Substring(0, $equals)] = $part.Substring($equals + 1)
    }
    return , $fields
}

function Get-ConnectionStringProblem {
    param ([string] $Text, $Fields)
    # The reasons name fields, never values: the caller puts them into an error message.
    if ($Text -match '\s') { return 'it contains spaces or line breaks' }
    if ($null -eq $Fields) { return 'it is not a list of Name=value pairs separated by semicolons' }
    if ($Fields.ContainsKey('SharedAccessKeyName')) { return 'it is an IoT Hub (service) connection string, not a device connection string' }
    if ($Fields.ContainsKey('ModuleId')) { return 'it is a module connection string, not a device connection string' }
    if ($Fields.ContainsKey('x509') -and $Fields['x509'] -eq 'true') { return 'it is an X.509 device string without a key; use ManualX509 provisioning' }
    foreach ($name in $Fields.Keys) {
        if (@('HostName', 'DeviceId', 'SharedAccessKey', 'GatewayHostName') -cnotcontains $name) {
            return 'it has a field other than HostName, DeviceId, SharedAccessKey and GatewayHostName'
        }
    }
    foreach ($name in 'HostName', 'DeviceId', 'SharedAccessKey') {
        if (-not $Fields.ContainsKey($name) -or -not $Fields[$name]) { return "it has no $name" }
    }
    if ($Fields['HostName'] -notmatch $hostNamePattern) { return 'its HostName is not a valid host name' }
    if ($Fields.ContainsKey('GatewayHostName') -and $Fields['GatewayHostName'] -notmatch $hostNamePattern) { return 'its GatewayHostName is not a valid host name' }
    if ($Fields['DeviceId'] -notmatch $deviceIdPattern) { return 'its DeviceId is not a valid IoT Hub device ID' }
    if (-not (Test-SymmetricKeyText -Key $Fields['SharedAccessKey'])) { return 'its SharedAccessKey is not base64 of 16 to 64 bytes' }
    return $null
}

# Everything to mask in what the cmdlet reports: the secret parameters, and the key inside the connection string,
# which a cmdlet may print alone (SharedAccessKey=..., a config.toml line, an error).
$secrets = [System.Collections.Generic.List[string]]::new()
if ($SymmKey) { $secrets.Add($SymmKey) }
$connectionFields = $null
if ($DevConnString) {
    $secrets.Add($DevConnString)
    $connectionFields = Split-ConnectionString -Text $DevConnString
    if ($null -ne $connectionFields -and $connectionFields.ContainsKey('SharedAccessKey') -and $connectionFields['SharedAccessKey']) {
        $secrets.Add($connectionFields['SharedAccessKey'])
    }
}
# Common parameters (-Verbose, ...) are not provisioning parameters.
$provisioningParameterNames = @('DevConnString', 'IotHubHostname', 'DeviceId', 'ScopeId', 'SymmKey', 'RegistrationId',
    'IdentityCertPath', 'IdentityPrivKeyPath', 'GlobalEndpoint')
$given = @($PSBoundParameters.Keys | Where-Object { $provisioningParameterNames -contains $_ })
foreach ($name in $requiredSets[$ProvisioningType]) {
    if ($given -notcontains $name) {
        throw "[MissingProvisioningParameter] $ProvisioningType provisioning needs -$name."
    }
}
foreach ($name in $given) {
    if ($requiredSets[$ProvisioningType] -notcontains $name -and $optionalSets[$ProvisioningType] -notcontains $name) {
        throw "[UnexpectedProvisioningParameter] -$name does not apply to $ProvisioningType provisioning."
    }
}
if ($DevConnString) {
    $problem = Get-ConnectionStringProblem -Text $DevConnString -Fields $connectionFields
    if ($problem) { throw "[InvalidConnectionString] The device connection string is not valid: $problem." }
}
if ($SymmKey -and -not (Test-SymmetricKeyText -Key $SymmKey)) {
    throw '[InvalidSymmetricKey] The symmetric key must be base64 text that decodes to 16 to 64 bytes.'
}
if ($IdentityCertPath -and -not (Test-Path -LiteralPath $IdentityCertPath -PathType Leaf)) {
    throw "[CertificateNotFound] The host cannot find the identity certificate $IdentityCertPath."
}
if ($IdentityPrivKeyPath -and -not (Test-Path -LiteralPath $IdentityPrivKeyPath -PathType Leaf)) {
    throw "[PrivateKeyNotFound] The host cannot find the identity private key $IdentityPrivKeyPath."
}

Import-AzureEflowModule
if (-not [bool](Verify-EflowVm)) {
    throw '[VmNotDeployed] There is no EFLOW VM on this host yet; deploy it first.'
}
$null = Start-EflowVmIfStopped -Activity $activity -Reading (Read-EflowVm)
if ($ProvisioningType -eq 'DpsTPM' -and -not (Read-EflowVmFeatureEnabled -Feature 'DpsTpm')) {
    throw '[TpmFeatureNotEnabled] TPM provisioning needs the DpsTpm feature; turn it on first (Set-EflowVmConfiguration -DpsTpm $true).'
}

$source = Get-ProvisioningSource -Lines @(Invoke-EflowVmCommand -ignoreError -command 'sudo grep -m 1 -E "^source *=" /etc/aziot/config.toml' |
        ForEach-Object { [string]$_ })
if ($source) {
    [pscustomobject]@{ status = 'alreadyProvisioned'; provisioningType = $ProvisioningType; source = $source }
    return
}

$provisionParameters = @{ provisioningType = $ProvisioningType }
if ($DevConnString) { $provisionParameters['devConnString'] = $DevConnString }
if ($IotHubHostname) { $provisionParameters['iotHubHostname'] = $IotHubHostname }
if ($DeviceId) { $provisionParameters['deviceId'] = $DeviceId }
if ($ScopeId) { $provisionParameters['scopeId'] = $ScopeId }
if ($SymmKey) { $provisionParameters['symmKey'] = $SymmKey }
if ($RegistrationId) { $provisionParameters['registrationId'] = $RegistrationId }
if ($IdentityCertPath) { $provisionParameters['identityCertPath'] = $IdentityCertPath }
if ($IdentityPrivKeyPath) { $provisionParameters['identityPrivKeyPath'] = $IdentityPrivKeyPath }
if ($GlobalEndpoint) { $provisionParameters['globalEndpoint'] = $GlobalEndpoint }

Write-Progress -Activity $activity -Status "Running Provision-EflowVm ($ProvisioningType)"
$results = [System.Collections.Generic.List[string]]::new()
try {
    Provision-EflowVm @provisionParameters -headless 3>&1 6>&1 | ForEach-Object {
        if ($_ -is [System.Management.Automation.InformationRecord] -or $_ -is [System.Management.Automation.WarningRecord]) {
            $line = if ($_ -is [System.Management.Automation.WarningRecord]) { [string]$_.Message } else { [string]$_.MessageData }
            $line = (Hide-Secret -Text $line -Secrets $secrets).Trim()
            if ($line) { Write-Progress -Activity $activity -Status $line }
        } elseif ($null -ne $_) {
            $results.Add((Hide-Secret -Text ([string]$_) -Secrets $secrets))
        }
    }
} catch {
    throw "[ProvisioningFailed] Provision-EflowVm failed: $(Hide-Secret -Text $_.Exception.Message -Secrets $secrets)"
}
$returned = @($results | Where-Object { $_ })
$result = $null
if ($returned.Count -gt 0) { $result = $returned[$returned.Count - 1] }
if ($result -ine 'OK') {
    throw "[ProvisioningFailed] Provision-EflowVm did not return OK: $result"
}
Write-Progress -Activity $activity -Status 'Provisioned' -Completed

$sources = @{
    'ManualConnectionString' = 'manual'; 'ManualX509' = 'manual'; 'DpsTPM' = 'dps'; 'DpsX509' = 'dps'; 'DpsSymmetricKey' = 'dps'
}
[pscustomobject]@{ status = 'provisioned'; provisioningType = $ProvisioningType; source = $sources[$ProvisioningType] }
