using System.Management.Automation;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>Write-Debug: writes a message to the debug stream (subject to $DebugPreference).</summary>
[Cmdlet(VerbsCommunications.Write, "Debug")]
public sealed class WriteDebugCommand : PSCmdlet
{
    /// <summary>The message.</summary>
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [AllowEmptyString]
    [Alias("Msg")]
    public string Message { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override void ProcessRecord() => WriteDebug(Message);
}
