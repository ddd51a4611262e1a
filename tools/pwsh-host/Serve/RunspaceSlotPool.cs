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

    /// <summary>
    /// Opens <paramref name="size"/> runspaces in parallel (start-up time is mostly per-runspace work), each from its
    /// own copy of the session state. Runspaces that import a module at the same time now and then fail to open
    /// ("An item with the same key has already been added. Key: Alias", seen once in CI; PowerShell issues #7035 and
    /// #7377 describe the contention), so an open that fails is also tried again (RunspaceSlot.OpenWithRetry).
    /// </summary>
    public static async Task<RunspaceSlotPool> OpenAsync(InitialSessionState sessionState, int size)
    {
        var pool = new RunspaceSlotPool(sessionState) { Size = size };
        InitialSessionState[] copies = Enumerable.Range(0, size).Select(_ => pool.CopyOfSessionState()).ToArray();
        RunspaceSlot[] slots = await Task.WhenAll(
            copies.Select(copy => Task.Run(() => RunspaceSlot.OpenWithRetry(copy)))).ConfigureAwait(false);
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
                Add(RunspaceSlot.OpenWithRetry(CopyOfSessionState()));
            }
            catch (Exception exception)
            {
                Console.Error.WriteLine($"pwsh-host: could not open a replacement runspace: {exception}");
            }
        });
    }

    /// <summary>A copy of the session state for one runspace; copies are made one at a time.</summary>
    private InitialSessionState CopyOfSessionState()
    {
        lock (_sessionState)
        {
            return _sessionState.Clone();
        }
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
