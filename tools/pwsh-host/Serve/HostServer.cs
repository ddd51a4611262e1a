using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace EflowManager.PwshHost.Serve;

/// <summary>
/// <c>serve</c> mode: opens the runspaces, says <c>ready</c>, then reads protocol messages from stdin until
/// <c>shutdown</c> or end of input, starting, cancelling and answering runs (protocol.ts is the contract).
/// </summary>
internal sealed class HostServer
{
    private readonly ProtocolWriter _writer;
    private readonly RunspaceSlotPool _pool;
    private readonly CallRegistry _calls = new();
    private readonly ConcurrentDictionary<string, (RunExecution Execution, Task Completion)> _runs = new();

    private HostServer(ProtocolWriter writer, RunspaceSlotPool pool)
    {
        _writer = writer;
        _pool = pool;
    }

    /// <summary>Serves until shutdown; returns the process exit code.</summary>
    public static async Task<int> ServeAsync(ServeOptions options, Stream stdin, Stream stdout)
    {
        var writer = new ProtocolWriter(stdout);
        SessionStateFactory.PrependModulePaths(options.ModulePaths);
        InitialSessionState sessionState = SessionStateFactory.Create(options.Imports);
        RunspaceSlot.FailNextOpens(options.FailingOpens);
        RunspaceSlotPool pool;
        try
        {
            pool = await RunspaceSlotPool.OpenAsync(sessionState, options.Runspaces).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"pwsh-host: could not open the runspaces: {exception.Message}");
            return 1;
        }

        using (pool)
        {
            var server = new HostServer(writer, pool);
            writer.Send("ready", w =>
            {
                w.WriteString("psVersion", PSVersionInfo.PSVersion.ToString());
                w.WriteNumber("runspaces", options.Runspaces);
            });
            await server.ReadMessagesAsync(stdin).ConfigureAwait(false);
            await server.StopAllRunsAsync().ConfigureAwait(false);
        }

        return 0;
    }

    private async Task ReadMessagesAsync(Stream stdin)
    {
        using var reader = new StreamReader(stdin, new UTF8Encoding(false));
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!Dispatch(line))
            {
                return;
            }
        }
    }

    /// <summary>Acts on one message; returns false on shutdown.</summary>
    private bool Dispatch(string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            _writer.SendProtocolError($"Not a JSON message: {exception.Message}");
            return true;
        }

        using (document)
        {
            JsonElement message = document.RootElement;
            string? type = CallEventReply.StringOf(message, "type");
            switch (type)
            {
                case "run":
                    StartRun(message);
                    break;
                case "cancel":
                    string? runId = CallEventReply.StringOf(message, "runId");
                    if (runId is not null && _runs.TryGetValue(runId, out var run))
                    {
                        run.Execution.Cancel();
                    }

                    break;
                case "callEvent":
                    DeliverCallReply(message, "event", e => CallEventReply.Parse(e));
                    break;
                case "callResult":
                    DeliverCallReply(message, "outcome", CallOutcomeReply.Parse);
                    break;
                case "shutdown":
                    return false;
                default:
                    _writer.SendProtocolError($"Unknown message type '{type}'.");
                    break;
            }
        }

        return true;
    }

    private void StartRun(JsonElement message)
    {
        RunRequest? request = RunRequest.Parse(message, out string? runId, out string? problem);
        if (request is null)
        {
            _writer.SendProtocolError(problem ?? "Invalid run message.");
            if (!string.IsNullOrEmpty(runId) && !_runs.ContainsKey(runId))
            {
                // Fail the run visibly so whoever sent it is not left waiting for a `done` that never comes.
                var record = new ErrorRecord(
                    new ArgumentException(problem), "InvalidRunRequest", ErrorCategory.InvalidArgument, null);
                _writer.Send("error", w =>
                {
                    w.WriteString("runId", runId);
                    RecordJson.WriteError(w, "record", record, terminating: true);
                });
                _writer.Send("done", w =>
                {
                    w.WriteString("runId", runId);
                    w.WriteString("state", "Failed");
                    w.WriteNumber("durationMs", 0);
                });
            }

            return;
        }

        var execution = new RunExecution(request, _writer, _calls, _pool);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_runs.TryAdd(request.RunId, (execution, finished.Task)))
        {
            _writer.SendProtocolError($"Run '{request.RunId}' is already in progress.");
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await execution.RunAsync().ConfigureAwait(false);
            }
            finally
            {
                _runs.TryRemove(request.RunId, out _);
                finished.SetResult();
            }
        });
    }

    private void DeliverCallReply(JsonElement message, string bodyName, Func<JsonElement, CallReply> parse)
    {
        string? callId = CallEventReply.StringOf(message, "callId");
        if (callId is null || !message.TryGetProperty(bodyName, out JsonElement body) || body.ValueKind != JsonValueKind.Object)
        {
            _writer.SendProtocolError($"A {CallEventReply.StringOf(message, "type")} message needs callId and {bodyName}.");
            return;
        }

        if (_calls.Deliver(callId, parse(body)) == CallDelivery.Unknown)
        {
            _writer.SendProtocolError($"No stand-in call '{callId}' was ever issued.");
        }
    }

    private async Task StopAllRunsAsync()
    {
        var inFlight = _runs.Values.ToList();
        // Every run is marked first: stopping a running one frees its runspace, which must not start a queued one.
        foreach ((RunExecution execution, _) in inFlight)
        {
            execution.MarkStopped();
        }

        foreach ((RunExecution execution, _) in inFlight)
        {
            execution.StopPipeline();
        }

        await Task.WhenAll(inFlight.Select(r => r.Completion)).ConfigureAwait(false);
    }
}
