using System.Management.Automation;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>Join-Path: joins paths Windows style, with a backslash (the scripts target Windows hosts).</summary>
[Cmdlet(VerbsCommon.Join, "Path")]
public sealed class JoinPathCommand : PSCmdlet
{
    /// <summary>The parent paths (one result per path).</summary>
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath")]
    public string[] Path { get; set; } = System.Array.Empty<string>();

    /// <summary>The child path appended to each parent.</summary>
    [Parameter(Position = 1, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    public string? ChildPath { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (string parent in Path)
        {
            WriteObject(WindowsPath.Join(parent, ChildPath));
        }
    }
}
