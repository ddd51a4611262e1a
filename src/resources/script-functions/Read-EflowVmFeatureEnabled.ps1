# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# Whether a VM feature (DpsTpm, Defender) is on, from Get-EflowVmFeature, whose answer eflow.md calls undocumented.
# A Boolean, the text True/False or Enabled/Disabled, or an object with an Enabled property is read; anything else
# throws [FeatureStateUnreadable] rather than being guessed: a [bool] cast would take the text 'False' for on, and a
# wrong reading makes Set-EflowVmFeature toggle the feature the wrong way.
function Read-EflowVmFeatureEnabled {
    param ([string] $Feature)
    $answers = @(Get-EflowVmFeature -feature $Feature | Where-Object { $null -ne $_ })
    if ($answers.Count -gt 0) {
        $answer = $answers[$answers.Count - 1]
        if ($answer -is [bool]) { return $answer }
        if ($answer -is [string]) {
            switch -Regex ($answer.Trim()) {
                '^(?i:true|enabled)$' { return $true }
                '^(?i:false|disabled)$' { return $false }
            }
        } elseif ($answer.PSObject.Properties['Enabled'] -and $answer.Enabled -is [bool]) {
            return $answer.Enabled
        }
    }
    $text = if ($answers.Count -gt 0) { [string]$answers[$answers.Count - 1] } else { 'nothing' }
    if ($text.Length -gt 80) { $text = $text.Substring(0, 80) + '...' }
    throw "[FeatureStateUnreadable] Get-EflowVmFeature -feature $Feature answered '$text', which is not a feature state this tool can read."
}
