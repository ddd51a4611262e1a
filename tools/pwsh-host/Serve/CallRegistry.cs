using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Threading;

namespace EflowManager.PwshHost.Serve;

/// <summary>What became of a reply Node sent for a stand-in call.</summary>
internal enum CallDelivery
{
    /// <summary>Handed to the waiting pipeline.</summary>
    Delivered,

    /// <summary>The call was issued but is no longer pending (answered, or abandoned by a stopped run): dropped.</summary>
    NoLongerPending,

    /// <summary>No call with that id was ever issued: a protocol error on Node's side.</summary>
    Unknown
}

/// <summary>The stand-in calls in flight across all runspaces, by call id.</summary>
internal sealed class CallRegistry
{
    private const string CallIdPrefix = "c";

    private readonly ConcurrentDictionary<string, PendingCall> _pending = new();
    private long _lastCallNumber;

    /// <summary>Issues a new call id and registers the call as pending.</summary>
    public PendingCall Open()
    {
        long number = Interlocked.Increment(ref _lastCallNumber);
        var call = new PendingCall(CallIdPrefix + number.ToString(CultureInfo.InvariantCulture));
        _pending[call.CallId] = call;
        return call;
    }

    /// <summary>Forgets a call (answered or abandoned) and releases its queue.</summary>
    public void Close(PendingCall call)
    {
        _pending.TryRemove(call.CallId, out _);
        call.Dispose();
    }

    /// <summary>Routes a callEvent or callResult to the pipeline waiting for it.</summary>
    public CallDelivery Deliver(string callId, CallReply reply)
    {
        if (_pending.TryGetValue(callId, out PendingCall? call))
        {
            call.Deliver(reply);
            return CallDelivery.Delivered;
        }

        bool issued = callId.StartsWith(CallIdPrefix, StringComparison.Ordinal) &&
                      long.TryParse(callId.AsSpan(CallIdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out long number) &&
                      number > 0 && number <= Interlocked.Read(ref _lastCallNumber);
        return issued ? CallDelivery.NoLongerPending : CallDelivery.Unknown;
    }
}
