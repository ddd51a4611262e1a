using System;
using System.Management.Automation;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>New-Guid: a new random GUID.</summary>
[Cmdlet(VerbsCommon.New, "Guid")]
public sealed class NewGuidCommand : PSCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecord() => WriteObject(Guid.NewGuid());
}
