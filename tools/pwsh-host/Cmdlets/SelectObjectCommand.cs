using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>
/// Select-Object: picks objects by position (-First, -Last, -Skip), removes duplicates (-Unique), and projects
/// properties (-Property with names, wildcards and calculated properties; -ExpandProperty).
/// </summary>
[Cmdlet(VerbsCommon.Select, "Object")]
public sealed class SelectObjectCommand : PSCmdlet
{
    private readonly List<PSObject> _buffered = new();
    private readonly List<object?> _uniqueResults = new();
    private IReadOnlyList<PropertySelector> _selectors = Array.Empty<PropertySelector>();
    private int _inputCount;
    private int _taken;

    /// <summary>The objects to select from (pipeline).</summary>
    [Parameter(ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>Property names (wildcards allowed) and calculated properties to keep.</summary>
    [Parameter(Position = 0)]
    public object[]? Property { get; set; }

    /// <summary>A property whose value is written instead of the object (collections enumerated).</summary>
    [Parameter]
    public string? ExpandProperty { get; set; }

    /// <summary>How many objects to take from the start.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int First { get; set; }

    /// <summary>How many objects to take from the end.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int Last { get; set; }

    /// <summary>How many objects to skip (from the end when -Last is given without -First).</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int Skip { get; set; }

    /// <summary>Writes each distinct result once (compared case-sensitively, property by property).</summary>
    [Parameter]
    public SwitchParameter Unique { get; set; }

    private bool FirstGiven => MyInvocation.BoundParameters.ContainsKey(nameof(First));

    private bool LastGiven => MyInvocation.BoundParameters.ContainsKey(nameof(Last));

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _selectors = PropertySelector.ParseOrThrow(this, Property, allowSortKeys: false);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (!MyInvocation.BoundParameters.ContainsKey(nameof(InputObject)))
        {
            return;
        }

        PSObject input = InputObject ?? new PSObject();
        int position = _inputCount++;
        if (LastGiven && !FirstGiven)
        {
            _buffered.Add(input);
        }
        else if (position < Skip)
        {
            return;
        }
        else if (!FirstGiven || _taken < First)
        {
            _taken++;
            Emit(input);
        }
        else if (LastGiven)
        {
            _buffered.Add(input);
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (LastGiven && !FirstGiven)
        {
            int end = Math.Max(0, _buffered.Count - Skip);
            int start = Math.Max(0, end - Last);
            foreach (PSObject input in _buffered.Skip(start).Take(end - start))
            {
                Emit(input);
            }
        }
        else if (LastGiven)
        {
            // -First and -Last together: PowerShell writes the first N, then the last M of the rest.
            foreach (PSObject input in _buffered.Skip(Math.Max(0, _buffered.Count - Last)))
            {
                Emit(input);
            }
        }
    }

    private void Emit(PSObject input)
    {
        if (ExpandProperty is not null)
        {
            EmitExpanded(input);
            return;
        }

        WriteResult(_selectors.Count == 0 ? input : Project(input), enumerate: false);
    }

    private void EmitExpanded(PSObject input)
    {
        PSPropertyInfo? expanded = input.Properties[ExpandProperty!];
        if (expanded is null)
        {
            WriteError(new ErrorRecord(
                new PSArgumentException($"Property \"{ExpandProperty}\" cannot be found."),
                "ExpandPropertyNotFound",
                ErrorCategory.InvalidArgument,
                input));
            return;
        }

        IEnumerable<object?> values = LanguagePrimitives.GetEnumerable(expanded.Value) is { } items
            ? items.Cast<object?>()
            : new[] { expanded.Value };
        foreach (object? value in values)
        {
            if (_selectors.Count > 0 && value is not null)
            {
                // With -Property, the selected properties are added to each expanded object.
                PSObject target = PSObject.AsPSObject(value);
                foreach ((string name, object? propertyValue) in SelectedValues(input))
                {
                    target.Properties.Remove(name);
                    target.Properties.Add(new PSNoteProperty(name, propertyValue));
                }

                WriteResult(target, enumerate: false);
            }
            else
            {
                WriteResult(value, enumerate: false);
            }
        }
    }

    private PSObject Project(PSObject input)
    {
        var result = new PSObject();
        foreach ((string name, object? value) in SelectedValues(input))
        {
            if (result.Properties[name] is not null)
            {
                WriteError(new ErrorRecord(
                    new PSArgumentException($"The property cannot be processed because the property \"{name}\" already exists."),
                    "AlreadyExistingUserSpecifiedPropertyNoExpand",
                    ErrorCategory.InvalidOperation,
                    input));
                continue;
            }

            result.Properties.Add(new PSNoteProperty(name, value));
        }

        if (input.TypeNames.Count > 0)
        {
            result.TypeNames.Insert(0, "Selected." + input.TypeNames[0]);
        }

        return result;
    }

    private IEnumerable<(string Name, object? Value)> SelectedValues(PSObject input)
    {
        foreach (PropertySelector selector in _selectors)
        {
            if (selector.IsPattern)
            {
                var pattern = new WildcardPattern(selector.PropertyName!, WildcardOptions.IgnoreCase);
                foreach (PSPropertyInfo property in input.Properties.Where(p => pattern.IsMatch(p.Name)).ToList())
                {
                    yield return (property.Name, SafeValue(property));
                }
            }
            else if (selector.Expression is null && !selector.IsPattern)
            {
                PSPropertyInfo? property = input.Properties[selector.PropertyName!];
                string name = selector.IsNamed ? selector.Name : property?.Name ?? selector.Name;
                yield return (name, property is null ? null : SafeValue(property));
            }
            else
            {
                yield return (selector.Name, selector.Evaluate(input));
            }
        }
    }

    private void WriteResult(object? result, bool enumerate)
    {
        if (Unique.IsPresent)
        {
            if (_uniqueResults.Any(seen => ObjectComparison.AreEqual(seen, result, ignoreCase: false)))
            {
                return;
            }

            _uniqueResults.Add(result);
        }

        WriteObject(result, enumerate);
    }

    private static object? SafeValue(PSPropertyInfo property)
    {
        try
        {
            return property.Value;
        }
        catch (GetValueException)
        {
            return null;
        }
    }
}
