using System.Management.Automation;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>Split-Path: the parent folder (default, -Parent) or the last element (-Leaf) of Windows-style paths.</summary>
[Cmdlet(VerbsCommon.Split, "Path", DefaultParameterSetName = ParentSet)]
public sealed class SplitPathCommand : PSCmdlet
{
    private const string ParentSet = "ParentSet";
    private const string LeafSet = "LeafSet";

    /// <summary>The paths to split.</summary>
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParentSet)]
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LeafSet)]
    [Alias("PSPath")]
    public string[] Path { get; set; } = System.Array.Empty<string>();

    /// <summary>Returns the parent folder (the default).</summary>
    [Parameter(ParameterSetName = ParentSet)]
    public SwitchParameter Parent { get; set; }

    /// <summary>Returns the last element.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LeafSet)]
    public SwitchParameter Leaf { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (string path in Path)
        {
            WriteObject(ParameterSetName == LeafSet ? WindowsPath.Leaf(path) : WindowsPath.Parent(path));
        }
    }
}
