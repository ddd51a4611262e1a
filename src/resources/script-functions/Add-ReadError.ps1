# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# Records that one part of a composite read failed, so the rest can still be returned. Expects the including
# script to create $readErrors = [System.Collections.Generic.List[object]]::new() first; the script returns it
# as its `errors` (or `readErrors`) list.
function Add-ReadError {
    param ([string] $Source, [string] $Code, [System.Management.Automation.ErrorRecord] $Record)
    $readErrors.Add([pscustomobject]@{ source = $Source; code = $Code; message = $Record.Exception.Message })
}
