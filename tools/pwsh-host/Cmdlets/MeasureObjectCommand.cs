using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>
/// Measure-Object: counts objects and computes sum, average, maximum and minimum of numeric values or of a
/// property's values. Writes one object per measured property with Count, Average, Sum, Maximum, Minimum and
/// Property (statistics not asked for are null).
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "Object")]
public sealed class MeasureObjectCommand : PSCmdlet
{
    private readonly Dictionary<string, Statistics> _byProperty = new(StringComparer.OrdinalIgnoreCase);
    private readonly Statistics _ofObjects = new();

    /// <summary>The objects to measure (pipeline).</summary>
    [Parameter(ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>Properties to measure instead of the objects themselves.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string[]? Property { get; set; }

    /// <summary>Adds the sum.</summary>
    [Parameter]
    public SwitchParameter Sum { get; set; }

    /// <summary>Adds the average.</summary>
    [Parameter]
    public SwitchParameter Average { get; set; }

    /// <summary>Adds the maximum.</summary>
    [Parameter]
    public SwitchParameter Maximum { get; set; }

    /// <summary>Adds the minimum.</summary>
    [Parameter]
    public SwitchParameter Minimum { get; set; }

    private bool AnyStatistic => Sum.IsPresent || Average.IsPresent || Maximum.IsPresent || Minimum.IsPresent;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (InputObject is null)
        {
            return;
        }

        if (Property is null)
        {
            Add(_ofObjects, InputObject.BaseObject, InputObject);
            return;
        }

        foreach (string name in Property)
        {
            if (InputObject.Properties[name] is { } property)
            {
                if (!_byProperty.TryGetValue(name, out Statistics? statistics))
                {
                    _byProperty[name] = statistics = new Statistics();
                }

                Add(statistics, property.Value, InputObject);
            }
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (Property is null)
        {
            WriteObject(Result(_ofObjects, null));
            return;
        }

        foreach (string name in Property)
        {
            if (_byProperty.TryGetValue(name, out Statistics? statistics))
            {
                WriteObject(Result(statistics, name));
            }
            else
            {
                WriteError(new ErrorRecord(
                    new PSArgumentException($"The property \"{name}\" cannot be found in the input for any objects."),
                    "GenericMeasurePropertyNotFound",
                    ErrorCategory.InvalidArgument,
                    name));
            }
        }
    }

    private void Add(Statistics statistics, object? value, PSObject input)
    {
        statistics.Count++;
        if (!AnyStatistic)
        {
            return;
        }

        if (!LanguagePrimitives.TryConvertTo(value, System.Globalization.CultureInfo.InvariantCulture, out double number))
        {
            WriteError(new ErrorRecord(
                new PSInvalidOperationException($"Input object \"{value}\" is not numeric."),
                "NonNumericInputObject",
                ErrorCategory.InvalidType,
                input));
            return;
        }

        statistics.Sum += number;
        statistics.NumericCount++;
        statistics.Maximum = statistics.Maximum is { } max ? Math.Max(max, number) : number;
        statistics.Minimum = statistics.Minimum is { } min ? Math.Min(min, number) : number;
    }

    private PSObject Result(Statistics statistics, string? property)
    {
        bool anyNumber = statistics.NumericCount > 0;
        var result = new PSObject();
        result.Properties.Add(new PSNoteProperty("Count", statistics.Count));
        result.Properties.Add(new PSNoteProperty("Average",
            Average.IsPresent && anyNumber ? statistics.Sum / statistics.NumericCount : null));
        result.Properties.Add(new PSNoteProperty("Sum", Sum.IsPresent && anyNumber ? statistics.Sum : null));
        result.Properties.Add(new PSNoteProperty("Maximum", Maximum.IsPresent ? statistics.Maximum : null));
        result.Properties.Add(new PSNoteProperty("Minimum", Minimum.IsPresent ? statistics.Minimum : null));
        result.Properties.Add(new PSNoteProperty("Property", property));
        result.TypeNames.Insert(0, "Microsoft.PowerShell.Commands.GenericMeasureInfo");
        return result;
    }

    private sealed class Statistics
    {
        public int Count { get; set; }

        public int NumericCount { get; set; }

        public double Sum { get; set; }

        public double? Maximum { get; set; }

        public double? Minimum { get; set; }
    }
}
