using System;
using System.Collections.Concurrent;
using System.Threading;

namespace EflowManager.PwshHost.Serve;

/// <summary>
/// One stand-in call waiting for Node: the bridge cmdlet blocks on <see cref="Take"/> on its pipeline thread while
/// the stdin loop <see cref="Deliver"/>s events and the outcome in the order Node sent them.
/// </summary>
internal sealed class PendingCall : IDisposable
{
    private readonly BlockingCollection<CallReply> _replies = new();

    public PendingCall(string callId)
    {
        CallId = callId;
    }

    /// <summary>The id Node answers with (<c>callId</c> of callEvent and callResult).</summary>
    public string CallId { get; }

    /// <summary>Queues a reply for the waiting pipeline; a reply for an abandoned call is dropped.</summary>
    public void Deliver(CallReply reply)
    {
        try
        {
            _replies.Add(reply);
        }
        catch (ObjectDisposedException)
        {
            // The call was abandoned (its run was stopped) between the lookup and now: nobody waits for it.
        }
        catch (InvalidOperationException)
        {
            // Same race, caught after CompleteAdding.
        }
    }

    /// <summary>Waits for the next reply; throws OperationCanceledException when the pipeline is being stopped.</summary>
    public CallReply Take(CancellationToken stopping) => _replies.Take(stopping);

    public void Dispose()
    {
        _replies.CompleteAdding();
        _replies.Dispose();
    }
}
