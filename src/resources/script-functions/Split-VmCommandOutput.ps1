# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# Splits the output of one Invoke-EflowVmCommand that ran several commands separated by `echo <marker>` into one
# array of lines per command. Scripts ask the VM several things over one SSH connection, because the VM limits
# SSH connections per minute.
function Split-VmCommandOutput {
    param ([string[]] $Lines, [string] $Marker)
    $sections = [System.Collections.Generic.List[object]]::new()
    $current = [System.Collections.Generic.List[string]]::new()
    foreach ($line in $Lines) {
        if ($line -eq $Marker) {
            $sections.Add($current.ToArray())
            $current = [System.Collections.Generic.List[string]]::new()
        } else {
            $current.Add($line)
        }
    }
    $sections.Add($current.ToArray())
    return , $sections.ToArray()
}
