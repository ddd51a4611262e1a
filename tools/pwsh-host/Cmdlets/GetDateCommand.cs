using System;
using System.Globalization;
using System.Management.Automation;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>Get-Date: the current date and time, or -Date, optionally formatted with a .NET format string.</summary>
[Cmdlet(VerbsCommon.Get, "Date")]
public sealed class GetDateCommand : PSCmdlet
{
    /// <summary>The date to use instead of now.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("LastWriteTime")]
    public DateTime Date { get; set; }

    /// <summary>A .NET date format string (e.g. "o", "yyyy-MM-dd"); the result is then a string.</summary>
    [Parameter]
    public string? Format { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        DateTime value = MyInvocation.BoundParameters.ContainsKey(nameof(Date)) ? Date : DateTime.Now;
        if (Format is null)
        {
            WriteObject(value);
        }
        else
        {
            WriteObject(value.ToString(Format, CultureInfo.CurrentCulture));
        }
    }
}
