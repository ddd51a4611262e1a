using System;
using System.Management.Automation.Runspaces;
using System.Threading;

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

    /// <summary>How many times an open that failed is tried again before the error is reported.</summary>
    private const int OpenRetries = 2;

    /// <summary>Opens still to fail on purpose (<c>--failing-opens</c>, for tests of the retry).</summary>
    private static int _failingOpens;

    /// <summary>Makes the next <paramref name="count"/> opens fail, as a concurrent module import now and then does.</summary>
    public static void FailNextOpens(int count) => Volatile.Write(ref _failingOpens, count);

    /// <summary>
    /// Opens a runspace like <see cref="Open"/>, trying again when the open fails: concurrent module imports in one
    /// process fail now and then, and a second attempt, a moment later, succeeds.
    /// </summary>
    public static RunspaceSlot OpenWithRetry(InitialSessionState sessionState)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                if (TakeFailingOpen())
                {
                    throw new InvalidOperationException("Simulated runspace open failure (--failing-opens).");
                }

                return Open(sessionState);
            }
            catch (Exception exception) when (attempt < OpenRetries)
            {
                Console.Error.WriteLine($"pwsh-host: opening a runspace failed, trying again: {exception.Message}");
                Thread.Sleep(50 * (attempt + 1));
            }
        }
    }

    private static bool TakeFailingOpen()
    {
        while (true)
        {
            int left = Volatile.Read(ref _failingOpens);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _failingOpens, left - 1, left) == left)
            {
                return true;
            }
        }
    }

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
