using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>
/// Sort-Object: a stable sort by property names, script blocks or <c>@{Expression=...; Descending=$true}</c>
/// hashtables (case-insensitive, nulls first when ascending), optionally keeping one object per distinct key.
/// </summary>
[Cmdlet("Sort", "Object")]
public sealed class SortObjectCommand : PSCmdlet
{
    private readonly List<PSObject?> _inputs = new();
    private IReadOnlyList<PropertySelector> _selectors = Array.Empty<PropertySelector>();

    /// <summary>The objects to sort (pipeline).</summary>
    [Parameter(ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>Sort keys: property names, script blocks, or hashtables with Expression and Ascending/Descending.</summary>
    [Parameter(Position = 0)]
    public object[]? Property { get; set; }

    /// <summary>Sorts from largest to smallest.</summary>
    [Parameter]
    public SwitchParameter Descending { get; set; }

    /// <summary>Keeps only the first object of each run of equal keys.</summary>
    [Parameter]
    public SwitchParameter Unique { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _selectors = PropertySelector.ParseOrThrow(this, Property, allowSortKeys: true);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (MyInvocation.BoundParameters.ContainsKey(nameof(InputObject)))
        {
            _inputs.Add(InputObject);
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var keyed = _inputs.Select(input => (Input: input, Keys: KeysOf(input))).ToList();
        var comparer = Comparer<object?[]>.Create(CompareKeys);
        List<(PSObject? Input, object?[] Keys)> sorted = keyed.OrderBy(item => item.Keys, comparer).ToList();
        object?[]? previousKeys = null;
        foreach ((PSObject? input, object?[] keys) in sorted)
        {
            if (Unique.IsPresent && previousKeys is not null && CompareKeys(previousKeys, keys) == 0)
            {
                continue;
            }

            previousKeys = keys;
            WriteObject(input);
        }
    }

    /// <summary>The sort keys of one input; a null input sorts by null keys (first when ascending).</summary>
    private object?[] KeysOf(PSObject? input) =>
        _selectors.Count == 0 || input is null
            ? new object?[] { input }
            : _selectors.Select(selector => selector.Evaluate(input)).ToArray();

    private int CompareKeys(object?[] left, object?[] right)
    {
        for (int index = 0; index < left.Length; index++)
        {
            int order = ObjectComparison.Compare(left[index], right[index], ignoreCase: true);
            if (order != 0)
            {
                bool descending = _selectors.Count > index && _selectors[index].Descending is { } explicitDirection
                    ? explicitDirection
                    : Descending.IsPresent;
                return descending ? -order : order;
            }
        }

        return 0;
    }
}
