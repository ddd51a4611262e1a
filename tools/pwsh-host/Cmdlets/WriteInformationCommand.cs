using System.Management.Automation;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>Write-Information: writes a record to the information stream.</summary>
[Cmdlet(VerbsCommunications.Write, "Information")]
public sealed class WriteInformationCommand : PSCmdlet
{
    /// <summary>The information to record.</summary>
    [Parameter(Position = 0, Mandatory = true)]
    [AllowNull]
    [Alias("Msg", "Message")]
    public object? MessageData { get; set; }

    /// <summary>Tags to filter the record by.</summary>
    [Parameter(Position = 1)]
    public string[]? Tags { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => WriteInformation(MessageData, Tags);
}
