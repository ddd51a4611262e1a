# Shared by gateway scripts (inlined at build time, see tools/script-compose/compose.js).
# Win32_Processor.Architecture as a name: x64, ARM64 (the two EFLOW supports), x86, ARM.
function ConvertTo-ArchitectureName {
    param ($Code)
    switch ([int]$Code) {
        9 { 'x64' }
        12 { 'ARM64' }
        0 { 'x86' }
        5 { 'ARM' }
        default { "Unknown($Code)" }
    }
}
