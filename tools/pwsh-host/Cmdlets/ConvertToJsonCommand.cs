using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EflowManager.PwshHost.Json;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>
/// ConvertTo-Json: renders objects as JSON with the same rules the host uses for run output (see
/// <see cref="PowerShellJsonWriter"/>), with Windows PowerShell's default depth of 2.
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "Json")]
public sealed class ConvertToJsonCommand : PSCmdlet
{
    private readonly List<object?> _pipelineInput = new();

    /// <summary>The object to convert; several pipeline objects are converted as one array.</summary>
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    public object? InputObject { get; set; }

    /// <summary>How many levels of contained objects are written (default 2); deeper ones become strings.</summary>
    [Parameter]
    [ValidateRange(0, 100)]
    public int Depth { get; set; } = 2;

    /// <summary>Leaves out indentation and line breaks.</summary>
    [Parameter]
    public SwitchParameter Compress { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => _pipelineInput.Add(InputObject);

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_pipelineInput.Count == 0)
        {
            return;
        }

        object? value = _pipelineInput.Count == 1 ? _pipelineInput[0] : _pipelineInput.ToArray();
        var options = new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Indented = !Compress.IsPresent
        };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        bool truncated;
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            truncated = PowerShellJsonWriter.Write(writer, value, Depth);
        }

        if (truncated)
        {
            // PowerShell 7 warns here; Windows PowerShell truncated silently, which hid real bugs.
            WriteWarning(string.Format(
                CultureInfo.InvariantCulture, "Resulting JSON is truncated as serialization has exceeded the set depth of {0}.", Depth));
        }

        WriteObject(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
