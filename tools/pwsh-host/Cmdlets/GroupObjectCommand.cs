using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>
/// Group-Object: groups objects by property values or script blocks (case-insensitively), in order of first
/// appearance, writing one object per group with Name, Count and Group.
/// </summary>
[Cmdlet(VerbsData.Group, "Object")]
public sealed class GroupObjectCommand : PSCmdlet
{
    private readonly List<(object?[] Keys, List<PSObject> Members)> _groups = new();
    private IReadOnlyList<PropertySelector> _selectors = Array.Empty<PropertySelector>();

    /// <summary>The objects to group (pipeline).</summary>
    [Parameter(ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>What to group by: property names or script blocks.</summary>
    [Parameter(Position = 0)]
    public object[]? Property { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _selectors = PropertySelector.ParseOrThrow(this, Property, allowSortKeys: false);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (InputObject is null)
        {
            return;
        }

        object?[] keys = _selectors.Count == 0
            ? new object?[] { InputObject }
            : _selectors.Select(selector => selector.Evaluate(InputObject)).ToArray();
        foreach ((object?[] groupKeys, List<PSObject> members) in _groups)
        {
            if (groupKeys.Zip(keys).All(pair => ObjectComparison.AreEqual(pair.First, pair.Second, ignoreCase: true)))
            {
                members.Add(InputObject);
                return;
            }
        }

        _groups.Add((keys, new List<PSObject> { InputObject }));
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        foreach ((object?[] keys, List<PSObject> members) in _groups)
        {
            var group = new PSObject();
            group.Properties.Add(new PSNoteProperty("Name", string.Join(", ", keys.Select(k => k?.ToString() ?? string.Empty))));
            group.Properties.Add(new PSNoteProperty("Count", members.Count));
            group.Properties.Add(new PSNoteProperty("Group", members.ToArray()));
            group.TypeNames.Insert(0, "Microsoft.PowerShell.Commands.GroupInfo");
            WriteObject(group);
        }
    }
}
