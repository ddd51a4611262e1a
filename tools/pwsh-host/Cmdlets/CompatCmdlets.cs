using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>
/// The host's own implementations of the Microsoft.PowerShell.Utility and .Management cmdlets that the gateway
/// scripts and the SDK's request wrapper use (the engine package ships without those modules). README.md lists
/// them with their parameters; Invoke-Expression is deliberately absent.
/// </summary>
internal static class CompatCmdlets
{
    private static readonly Type[] CmdletTypes =
    {
        typeof(WriteOutputCommand), typeof(WriteErrorCommand), typeof(WriteWarningCommand), typeof(WriteVerboseCommand),
        typeof(WriteDebugCommand), typeof(WriteInformationCommand), typeof(WriteHostCommand), typeof(WriteProgressCommand),
        typeof(ConvertFromJsonCommand), typeof(ConvertToJsonCommand), typeof(SelectObjectCommand), typeof(SortObjectCommand),
        typeof(MeasureObjectCommand), typeof(GroupObjectCommand), typeof(GetDateCommand), typeof(StartSleepCommand),
        typeof(NewObjectCommand), typeof(AddMemberCommand), typeof(OutStringCommand), typeof(JoinPathCommand),
        typeof(SplitPathCommand), typeof(NewGuidCommand), typeof(GetRandomCommand)
    };

    /// <summary>
    /// Aliases Windows PowerShell defines that PowerShell on Linux leaves out (they shadow Unix commands there);
    /// the scripts target Windows hosts, where these names work.
    /// </summary>
    private static readonly (string Alias, string Command)[] WindowsOnlyAliases =
    {
        ("sort", "Sort-Object"), ("sleep", "Start-Sleep"), ("write", "Write-Output")
    };

    /// <summary>Session state entries for every compat cmdlet and alias.</summary>
    public static IEnumerable<SessionStateCommandEntry> Entries() =>
        CmdletTypes.Select(type => (SessionStateCommandEntry)new SessionStateCmdletEntry(NameOf(type), type, null))
            .Concat(WindowsOnlyAliases.Select(a => new SessionStateAliasEntry(a.Alias, a.Command)));

    /// <summary>The Verb-Noun name a cmdlet class declares in its [Cmdlet] attribute.</summary>
    public static string NameOf(Type cmdletType)
    {
        var attribute = (CmdletAttribute)Attribute.GetCustomAttribute(cmdletType, typeof(CmdletAttribute))!;
        return attribute.VerbName + "-" + attribute.NounName;
    }
}
