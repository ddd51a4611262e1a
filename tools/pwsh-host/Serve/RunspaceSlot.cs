using System;
using System.Management.Automation.Runspaces;

namespace EflowManager.PwshHost.Serve;

/// <summary>One pre-opened runspace and the baseline it is reset to after every run.</summary>
internal sealed class RunspaceSlot : IDisposable
{
    private readonly SessionBaseline _baseline;

    private RunspaceSlot(Runspace runspace, SessionBaseline baseline)
    {
        Runspace = runspace;
        _baseline = baseline;
    }

    /// <summary>The runspace runs execute on, one run at a time.</summary>
    public Runspace Runspace { get; }

    /// <summary>Opens a runspace (importing the start-up modules) and records its baseline.</summary>
    public static RunspaceSlot Open(InitialSessionState sessionState)
    {
        Runspace runspace = RunspaceFactory.CreateRunspace(sessionState);
        // One pipeline thread per runspace, reused by every run: no thread start-up per run.
        runspace.ThreadOptions = System.Management.Automation.Runspaces.PSThreadOptions.ReuseThread;
        try
        {
            runspace.Open();
            return new RunspaceSlot(runspace, SessionBaseline.Capture(runspace));
        }
        catch
        {
            runspace.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Resets the runspace after a run. Returns false when the runspace cannot be trusted any more and must be
    /// replaced (broken state, or a reset that failed).
    /// </summary>
    public bool ResetAfterRun()
    {
        if (Runspace.RunspaceStateInfo.State != RunspaceState.Opened)
        {
            return false;
        }

        try
        {
            return _baseline.Restore(Runspace);
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"pwsh-host: resetting runspace {Runspace.Id} failed, replacing it: {exception.Message}");
            return false;
        }
    }

    public void Dispose() => Runspace.Dispose();
}
