using System;
using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;

namespace EflowManager.PwshHost.Serve;

/// <summary>
/// Which run each runspace is executing, so code running inside a pipeline (the bridge cmdlet) can find the run it
/// belongs to from <see cref="Runspace.DefaultRunspace"/>, the runspace of the current pipeline thread.
/// </summary>
internal static class RunBindings
{
    private static readonly ConcurrentDictionary<Guid, RunContext> RunsByRunspace = new();

    /// <summary>Binds <paramref name="run"/> to <paramref name="runspace"/> until <see cref="Unbind"/>.</summary>
    public static void Bind(Runspace runspace, RunContext run) => RunsByRunspace[runspace.InstanceId] = run;

    /// <summary>Removes the binding of <paramref name="runspace"/>.</summary>
    public static void Unbind(Runspace runspace) => RunsByRunspace.TryRemove(runspace.InstanceId, out _);

    /// <summary>The run executing on the calling pipeline thread's runspace, or null outside any run.</summary>
    public static RunContext? Current() =>
        Runspace.DefaultRunspace is { } runspace && RunsByRunspace.TryGetValue(runspace.InstanceId, out RunContext? run)
            ? run
            : null;
}
