using System.Management.Automation;
using System.Text;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>
/// Out-String: the string form of the input (each object's PowerShell string conversion, one per line; PowerShell's
/// table and list formatting is not reproduced), as one string or, with -Stream, one string per line.
/// </summary>
[Cmdlet(VerbsData.Out, "String")]
public sealed class OutStringCommand : PSCmdlet
{
    private readonly StringBuilder _text = new();

    /// <summary>The objects to render (pipeline).</summary>
    [Parameter(ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>Writes each line as its own string.</summary>
    [Parameter]
    public SwitchParameter Stream { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (InputObject is null)
        {
            return;
        }

        string rendered = InputObject.ToString();
        if (Stream.IsPresent)
        {
            foreach (string line in rendered.Replace("\r\n", "\n").Split('\n'))
            {
                WriteObject(line);
            }
        }
        else
        {
            _text.Append(rendered).Append('\n');
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (!Stream.IsPresent)
        {
            WriteObject(_text.ToString());
        }
    }
}
