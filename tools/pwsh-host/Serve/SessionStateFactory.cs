using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using EflowManager.PwshHost.Bridge;
using EflowManager.PwshHost.Cmdlets;

namespace EflowManager.PwshHost.Serve;

/// <summary>Builds the session state every runspace of the host starts from.</summary>
internal static class SessionStateFactory
{
    /// <summary>
    /// The default PowerShell session (Microsoft.PowerShell.Core), plus the compat cmdlets, the bridge cmdlet and
    /// the start-up modules. The execution policy is left alone: setting it throws on Linux.
    /// </summary>
    public static InitialSessionState Create(IReadOnlyList<string> imports)
    {
        InitialSessionState sessionState = InitialSessionState.CreateDefault2();
        foreach (SessionStateCommandEntry entry in CompatCmdlets.Entries())
        {
            sessionState.Commands.Add(entry);
        }

        sessionState.Commands.Add(new SessionStateCmdletEntry(
            CompatCmdlets.NameOf(typeof(InvokeEflowSimulatorCallCommand)), typeof(InvokeEflowSimulatorCallCommand), null));
        if (imports.Count > 0)
        {
            sessionState.ImportPSModule(imports.ToArray());
        }

        // A start-up module that fails to import must fail start-up, not leave runspaces without their stand-ins.
        sessionState.ThrowOnRunspaceOpenError = true;
        return sessionState;
    }

    /// <summary>Puts <paramref name="modulePaths"/> in front of this process's PSModulePath (runspaces read it).</summary>
    public static void PrependModulePaths(IReadOnlyList<string> modulePaths)
    {
        if (modulePaths.Count == 0)
        {
            return;
        }

        string? current = Environment.GetEnvironmentVariable("PSModulePath");
        IEnumerable<string> entries = modulePaths.Concat(
            string.IsNullOrEmpty(current) ? Array.Empty<string>() : new[] { current });
        Environment.SetEnvironmentVariable("PSModulePath", string.Join(System.IO.Path.PathSeparator, entries));
    }
}
