using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace EflowManager.PwshHost.Serve;

/// <summary>
/// The global session state of a freshly opened runspace, and the way back to it after each run, so that what one
/// run does is not seen by the next run on the same runspace (which may be bound to another simulated host).
/// </summary>
/// <remarks>
/// Restored after every run: loaded modules (modules imported during the run are removed), global variables
/// (new ones removed, changed ones set back, $Error and $PSDefaultParameterValues emptied), global functions and
/// aliases (new ones removed, redefined functions set back) and the current location. Not restored, because they
/// are process-wide or out of reach: environment variables, .NET static state and loaded assemblies, and
/// script-scope state inside modules imported at start-up (--import).
/// </remarks>
internal sealed class SessionBaseline
{
    /// <summary>Variables the engine manages itself; setting them back is neither needed nor always allowed.</summary>
    private static readonly HashSet<string> EngineManagedVariables = new(StringComparer.OrdinalIgnoreCase)
    {
        "?", "PWD", "null", "Error", "PSDefaultParameterValues"
    };

    private readonly List<PSModuleInfo> _modules;
    private readonly Dictionary<string, object?> _variableValues;
    private readonly Dictionary<string, ScriptBlock> _functions;
    private readonly HashSet<string> _aliases;
    private readonly string _location;

    private SessionBaseline(
        List<PSModuleInfo> modules, Dictionary<string, object?> variableValues, Dictionary<string, ScriptBlock> functions,
        HashSet<string> aliases, string location)
    {
        _modules = modules;
        _variableValues = variableValues;
        _functions = functions;
        _aliases = aliases;
        _location = location;
    }

    /// <summary>Records the state of an opened, idle runspace.</summary>
    public static SessionBaseline Capture(Runspace runspace)
    {
        SessionStateProxy state = runspace.SessionStateProxy;
        return new SessionBaseline(
            LoadedModules(runspace),
            Variables(state).ToDictionary(v => v.Name, v => (object?)v.Value, StringComparer.OrdinalIgnoreCase),
            Functions(state).ToDictionary(f => f.Name, f => f.ScriptBlock, StringComparer.OrdinalIgnoreCase),
            new HashSet<string>(Aliases(state).Select(a => a.Name), StringComparer.OrdinalIgnoreCase),
            state.Path.CurrentLocation.Path);
    }

    /// <summary>
    /// Puts an idle runspace back in its recorded state. Returns false when that is not possible (a module loaded
    /// at start-up was removed, say): the runspace should then be replaced by a new one.
    /// </summary>
    public bool Restore(Runspace runspace)
    {
        SessionStateProxy state = runspace.SessionStateProxy;
        (state.GetVariable("Error") as ArrayList)?.Clear();
        (state.GetVariable("PSDefaultParameterValues") as IDictionary)?.Clear();
        bool intact = RemoveModulesImportedSince(runspace);
        RestoreVariables(state);
        RestoreFunctions(state);
        foreach (AliasInfo alias in Aliases(state).Where(a => !_aliases.Contains(a.Name)).ToList())
        {
            state.InvokeProvider.Item.Remove(@"alias:\" + alias.Name, false);
        }

        if (!string.Equals(state.Path.CurrentLocation.Path, _location, StringComparison.Ordinal))
        {
            state.Path.SetLocation(_location);
        }

        return intact;
    }

    private bool RemoveModulesImportedSince(Runspace runspace)
    {
        List<PSModuleInfo> loaded = LoadedModules(runspace);
        var baseline = new HashSet<PSModuleInfo>(_modules, ReferenceEqualityComparer.Instance);
        PSModuleInfo[] imported = loaded.Where(m => !baseline.Contains(m)).ToArray();
        if (imported.Length > 0)
        {
            using PowerShell remove = PowerShell.Create();
            remove.Runspace = runspace;
            remove.AddCommand("Remove-Module").AddParameter("ModuleInfo", imported).AddParameter("Force");
            remove.Invoke();
            if (remove.HadErrors)
            {
                return false;
            }
        }

        var stillLoaded = new HashSet<PSModuleInfo>(
            imported.Length > 0 ? LoadedModules(runspace) : loaded, ReferenceEqualityComparer.Instance);
        return _modules.All(stillLoaded.Contains);
    }

    private void RestoreVariables(SessionStateProxy state)
    {
        foreach (PSVariable variable in Variables(state))
        {
            bool engineOwned = (variable.Options & (ScopedItemOptions.Constant | ScopedItemOptions.ReadOnly)) != 0 ||
                               EngineManagedVariables.Contains(variable.Name);
            if (engineOwned)
            {
                continue;
            }

            if (!_variableValues.TryGetValue(variable.Name, out object? original))
            {
                state.PSVariable.Remove(variable.Name);
            }
            else if (!ReferenceEquals(variable.Value, original))
            {
                state.PSVariable.Set(variable.Name, original);
            }
        }
    }

    private void RestoreFunctions(SessionStateProxy state)
    {
        foreach (FunctionInfo function in Functions(state))
        {
            if (!_functions.TryGetValue(function.Name, out ScriptBlock? original))
            {
                state.InvokeProvider.Item.Remove(@"function:\" + function.Name, false);
            }
            else if (!ReferenceEquals(function.ScriptBlock, original))
            {
                state.InvokeProvider.Item.Set(@"function:\" + function.Name, original);
            }
        }
    }

    private static List<PSModuleInfo> LoadedModules(Runspace runspace)
    {
        using PowerShell list = PowerShell.Create();
        list.Runspace = runspace;
        list.AddCommand("Get-Module");
        return list.Invoke().Select(m => m.BaseObject).OfType<PSModuleInfo>().ToList();
    }

    private static IEnumerable<PSVariable> Variables(SessionStateProxy state) =>
        state.InvokeProvider.ChildItem.Get(@"variable:\", false).Select(v => v.BaseObject).OfType<PSVariable>();

    private static IEnumerable<FunctionInfo> Functions(SessionStateProxy state) =>
        state.InvokeProvider.ChildItem.Get(@"function:\", false).Select(f => f.BaseObject).OfType<FunctionInfo>();

    private static IEnumerable<AliasInfo> Aliases(SessionStateProxy state) =>
        state.InvokeProvider.ChildItem.Get(@"alias:\", false).Select(a => a.BaseObject).OfType<AliasInfo>();
}
