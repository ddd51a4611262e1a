using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace EflowManager.PwshHost.Serve;

/// <summary>
/// A fixed number of pre-opened runspaces. A run takes a free one (waiting in arrival order when all are busy)
/// and gives it back afterwards; a runspace that could not be reset is replaced by a fresh one.
/// </summary>
internal sealed class RunspaceSlotPool : IDisposable
{
    private readonly Channel<RunspaceSlot> _free = Channel.CreateUnbounded<RunspaceSlot>();
    private readonly InitialSessionState _sessionState;
    private readonly HashSet<RunspaceSlot> _all = new();
    private readonly object _allLock = new();
    private bool _disposed;

    private RunspaceSlotPool(InitialSessionState sessionState)
    {
        _sessionState = sessionState;
    }

    /// <summary>How many runs can execute at once.</summary>
    public int Size { get; private set; }

    /// <summary>Opens <paramref name="size"/> runspaces in parallel (start-up time is mostly per-runspace work).</summary>
    public static async Task<RunspaceSlotPool> OpenAsync(InitialSessionState sessionState, int size)
    {
        var pool = new RunspaceSlotPool(sessionState) { Size = size };
        RunspaceSlot[] slots = await Task.WhenAll(
            Enumerable.Range(0, size).Select(_ => Task.Run(() => RunspaceSlot.Open(sessionState)))).ConfigureAwait(false);
        foreach (RunspaceSlot slot in slots)
        {
            pool.Add(slot);
        }

        return pool;
    }

    /// <summary>Waits for a free runspace.</summary>
    public ValueTask<RunspaceSlot> AcquireAsync(CancellationToken cancellation) => _free.Reader.ReadAsync(cancellation);

    /// <summary>Gives a runspace back after its run, resetting it (or replacing it when it cannot be reset).</summary>
    public void Release(RunspaceSlot slot)
    {
        if (slot.ResetAfterRun())
        {
            _free.Writer.TryWrite(slot);
            return;
        }

        lock (_allLock)
        {
            _all.Remove(slot);
        }

        slot.Dispose();
        _ = Task.Run(() =>
        {
            try
            {
                Add(RunspaceSlot.Open(_sessionState));
            }
            catch (Exception exception)
            {
                Console.Error.WriteLine($"pwsh-host: could not open a replacement runspace: {exception}");
            }
        });
    }

    private void Add(RunspaceSlot slot)
    {
        lock (_allLock)
        {
            if (_disposed)
            {
                slot.Dispose();
                return;
            }

            _all.Add(slot);
        }

        _free.Writer.TryWrite(slot);
    }

    public void Dispose()
    {
        lock (_allLock)
        {
            _disposed = true;
            foreach (RunspaceSlot slot in _all)
            {
                slot.Dispose();
            }

            _all.Clear();
        }

        _free.Writer.TryComplete();
    }
}
