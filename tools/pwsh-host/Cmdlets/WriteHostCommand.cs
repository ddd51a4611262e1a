using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>
/// Write-Host: like PowerShell 5+, writes to the information stream with the tag PSHOST (there is no console here;
/// colours are accepted and recorded but mean nothing).
/// </summary>
[Cmdlet(VerbsCommunications.Write, "Host")]
public sealed class WriteHostCommand : PSCmdlet
{
    private static readonly string[] HostTags = { "PSHOST" };

    /// <summary>What to write; collections are joined with -Separator.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromRemainingArguments = true)]
    [Alias("Msg", "Message")]
    public object? Object { get; set; }

    /// <summary>Does not end the output with a new line.</summary>
    [Parameter]
    public SwitchParameter NoNewline { get; set; }

    /// <summary>What goes between the elements of a collection (default: one space).</summary>
    [Parameter]
    public object Separator { get; set; } = " ";

    /// <summary>Accepted and ignored.</summary>
    [Parameter]
    public ConsoleColor ForegroundColor { get; set; }

    /// <summary>Accepted and ignored.</summary>
    [Parameter]
    public ConsoleColor BackgroundColor { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var message = new HostInformationMessage { Message = Render(Object), NoNewLine = NoNewline.IsPresent };
        WriteInformation(message, HostTags);
    }

    private string Render(object? value)
    {
        object? target = value is PSObject wrapper ? wrapper.BaseObject : value;
        return target switch
        {
            null => string.Empty,
            string text => text,
            IEnumerable items when target is not IDictionary =>
                string.Join(Separator.ToString(), items.Cast<object?>().Select(Render)),
            _ => value?.ToString() ?? string.Empty
        };
    }
}
