using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;
using EflowManager.PwshHost.Json;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>
/// ConvertFrom-Json: parses JSON into PSCustomObjects (or hashtables). Strings come back exactly as written (no date
/// conversion: the WAC SDK passes every parameter through this cmdlet, as <c>(cvt '&lt;json&gt;')</c>).
/// </summary>
[Cmdlet(VerbsData.ConvertFrom, "Json")]
public sealed class ConvertFromJsonCommand : PSCmdlet
{
    private readonly List<string> _pipelineInput = new();

    /// <summary>The JSON text (positional, or one or more strings from the pipeline).</summary>
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [AllowEmptyString]
    public string InputObject { get; set; } = string.Empty;

    /// <summary>Returns objects as ordered hashtables instead of PSCustomObjects.</summary>
    [Parameter]
    public SwitchParameter AsHashtable { get; set; }

    /// <summary>The deepest nesting accepted (default 1024).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Depth { get; set; } = 1024;

    /// <summary>Writes a top-level array as one object instead of one object per element.</summary>
    [Parameter]
    public SwitchParameter NoEnumerate { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => _pipelineInput.Add(InputObject);

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        // Several pipeline strings are either one JSON document each or the lines of a single document (the output
        // of Get-Content); PowerShell tells them apart by whether the first one parses alone.
        if (_pipelineInput.Count == 1 || (_pipelineInput.Count > 1 && ParsesAlone(_pipelineInput[0])))
        {
            foreach (string json in _pipelineInput)
            {
                WriteDocument(json);
            }
        }
        else if (_pipelineInput.Count > 1)
        {
            WriteDocument(string.Join("\n", _pipelineInput));
        }
    }

    private void WriteDocument(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return;
        }

        using JsonDocument document = Parse(json);
        object? value;
        try
        {
            JsonObjectShape shape = AsHashtable.IsPresent ? JsonObjectShape.OrderedHashtable : JsonObjectShape.PSCustomObject;
            value = JsonValueConverter.ToPowerShell(document.RootElement, shape);
        }
        catch (JsonConversionException exception)
        {
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException(exception.Message), "DuplicateKeysInJsonString", ErrorCategory.InvalidOperation, json));
            return;
        }

        WriteObject(value, !NoEnumerate.IsPresent);
    }

    private JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json, Options());
        }
        catch (JsonException exception)
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException("Conversion from JSON failed with error: " + exception.Message, exception),
                "System.ArgumentException",
                ErrorCategory.ParserError,
                json));
            throw;
        }
    }

    private bool ParsesAlone(string json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json, Options());
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private JsonDocumentOptions Options() => new()
    {
        MaxDepth = Depth,
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true
    };
}
