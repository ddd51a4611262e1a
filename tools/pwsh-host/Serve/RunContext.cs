using System.Collections;
using System.Text.Json;
using EflowManager.PwshHost.Json;

namespace EflowManager.PwshHost.Serve;

/// <summary>
/// What the bridge cmdlet needs from the run executing on its runspace: who the run is for, and a way to send
/// stand-in calls to Node and wait for their replies.
/// </summary>
internal sealed class RunContext
{
    private readonly ProtocolWriter _writer;
    private readonly CallRegistry _calls;

    public RunContext(string runId, string host, ProtocolWriter writer, CallRegistry calls)
    {
        RunId = runId;
        Host = host;
        _writer = writer;
        _calls = calls;
    }

    /// <summary>The run's id (every message of the run names it).</summary>
    public string RunId { get; }

    /// <summary>The simulated host the run is bound to.</summary>
    public string Host { get; }

    /// <summary>Sends a <c>call</c> message and returns the pending call to wait on; end it with <see cref="EndCall"/>.</summary>
    public PendingCall BeginCall(string module, string command, IDictionary? boundParameters)
    {
        byte[] parameters = PowerShellJsonWriter.ToUtf8(
            boundParameters ?? new Hashtable(), PowerShellJsonWriter.CallParameterDepth, ProtocolWriter.MessageOptions);
        PendingCall call = _calls.Open();
        _writer.Send("call", w =>
        {
            w.WriteString("runId", RunId);
            w.WriteString("callId", call.CallId);
            w.WriteString("host", Host);
            w.WriteString("module", module);
            w.WriteString("command", command);
            w.WritePropertyName("parameters");
            w.WriteRawValue(parameters, skipInputValidation: true);
        });
        return call;
    }

    /// <summary>Forgets a call that was answered or abandoned; a late reply for it is then dropped.</summary>
    public void EndCall(PendingCall call) => _calls.Close(call);
}
