using System.Management.Automation;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>Write-Warning: writes a message to the warning stream (subject to $WarningPreference).</summary>
[Cmdlet(VerbsCommunications.Write, "Warning")]
public sealed class WriteWarningCommand : PSCmdlet
{
    /// <summary>The message.</summary>
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [AllowEmptyString]
    [Alias("Msg")]
    public string Message { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override void ProcessRecord() => WriteWarning(Message);
}
