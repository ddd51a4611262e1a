using System.Management.Automation;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>Write-Verbose: writes a message to the verbose stream (subject to $VerbosePreference).</summary>
[Cmdlet(VerbsCommunications.Write, "Verbose")]
public sealed class WriteVerboseCommand : PSCmdlet
{
    /// <summary>The message.</summary>
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [AllowEmptyString]
    [Alias("Msg")]
    public string Message { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override void ProcessRecord() => WriteVerbose(Message);
}
