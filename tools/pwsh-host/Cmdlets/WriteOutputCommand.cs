using System.Management.Automation;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>Write-Output: sends objects down the pipeline, enumerating collections unless -NoEnumerate.</summary>
[Cmdlet(VerbsCommunications.Write, "Output")]
public sealed class WriteOutputCommand : PSCmdlet
{
    /// <summary>The objects to send (positional, pipeline, or several remaining arguments).</summary>
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true, ValueFromRemainingArguments = true)]
    [AllowNull]
    [AllowEmptyCollection]
    public PSObject? InputObject { get; set; }

    /// <summary>Writes a collection as one object instead of one object per element.</summary>
    [Parameter]
    public SwitchParameter NoEnumerate { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (InputObject is null)
        {
            WriteObject(null);
            return;
        }

        WriteObject(InputObject, !NoEnumerate.IsPresent);
    }
}
