using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EflowManager.PwshHost.Json;

namespace EflowManager.PwshHost.Serve;

/// <summary>
/// One run from <c>run</c> to <c>done</c>: waits for a runspace, executes the script there with every stream
/// forwarded as it is written, and reports how it ended. Cancel works while queued and while running.
/// </summary>
internal sealed class RunExecution
{
    private readonly RunRequest _request;
    private readonly ProtocolWriter _writer;
    private readonly CallRegistry _calls;
    private readonly RunspaceSlotPool _pool;
    private readonly CancellationTokenSource _queueCancellation = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _stateLock = new();
    private PowerShell? _pipeline;
    private bool _stopRequested;

    public RunExecution(RunRequest request, ProtocolWriter writer, CallRegistry calls, RunspaceSlotPool pool)
    {
        _request = request;
        _writer = writer;
        _calls = calls;
        _pool = pool;
    }

    /// <summary>The run's id.</summary>
    public string RunId => _request.RunId;

    /// <summary>Runs to the end (sending <c>done</c>); never throws.</summary>
    public async Task RunAsync()
    {
        RunspaceSlot slot;
        try
        {
            slot = await _pool.AcquireAsync(_queueCancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            SendDone("Stopped");
            return;
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            SendDone("Stopped");
            return;
        }

        string state;
        RunBindings.Bind(slot.Runspace, new RunContext(_request.RunId, _request.Host, _writer, _calls));
        try
        {
            state = await ExecuteAsync(slot.Runspace).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            SendError(RecordJson.ErrorRecordOf(exception), terminating: true);
            state = "Failed";
        }
        finally
        {
            RunBindings.Unbind(slot.Runspace);
        }

        // `done` goes out before the reset so the caller is not kept waiting for housekeeping; the next run on this
        // runspace still starts only after the reset, when the slot is released.
        SendDone(state);
        _pool.Release(slot);
    }

    /// <summary>Stops the run: dequeues it if it is waiting, or stops its pipeline (PowerShell's Stop).</summary>
    public void Cancel()
    {
        MarkStopped();
        StopPipeline();
    }

    /// <summary>
    /// The first half of <see cref="Cancel"/>: the run will not start any more (a waiting run leaves the queue, one
    /// that gets a runspace from now on ends as Stopped at once). Stopping several runs marks them all before any
    /// pipeline is stopped, so a runspace freed by one stop can never start another of them.
    /// </summary>
    public void MarkStopped()
    {
        lock (_stateLock)
        {
            _stopRequested = true;
        }

        _queueCancellation.Cancel();
    }

    /// <summary>The second half of <see cref="Cancel"/>: stops the pipeline, if the run has one.</summary>
    public void StopPipeline()
    {
        PowerShell? pipeline;
        lock (_stateLock)
        {
            pipeline = _pipeline;
        }

        try
        {
            pipeline?.BeginStop(null, null);
        }
        catch (Exception exception) when (exception is ObjectDisposedException or InvalidOperationException)
        {
            // Finished (and perhaps disposed) in the meantime: nothing left to stop.
        }
    }

    private async Task<string> ExecuteAsync(Runspace runspace)
    {
        using PowerShell pipeline = PowerShell.Create();
        pipeline.Runspace = runspace;
        if (_request.Script is not null)
        {
            pipeline.AddScript(_request.Script, useLocalScope: true);
        }
        else
        {
            pipeline.AddCommand(_request.ScriptPath!);
            foreach (KeyValuePair<string, JsonElement> parameter in _request.Parameters)
            {
                pipeline.AddParameter(parameter.Key, JsonValueConverter.ToPowerShell(parameter.Value, JsonObjectShape.Hashtable));
            }
        }

        var output = new PSDataCollection<PSObject>();
        output.DataAdded += (_, e) => Forward(() => SendOutput(output[e.Index]));
        PSDataStreams streams = pipeline.Streams;
        streams.Error.DataAdded += (_, e) => Forward(() => SendError(streams.Error[e.Index], terminating: false));
        streams.Progress.DataAdded += (_, e) => Forward(() => SendProgress(streams.Progress[e.Index]));
        streams.Warning.DataAdded += (_, e) => Forward(() => SendStream("warning", streams.Warning[e.Index].Message));
        streams.Verbose.DataAdded += (_, e) => Forward(() => SendStream("verbose", streams.Verbose[e.Index].Message));
        streams.Debug.DataAdded += (_, e) => Forward(() => SendStream("debug", streams.Debug[e.Index].Message));
        streams.Information.DataAdded += (_, e) =>
            Forward(() => SendStream("information", streams.Information[e.Index].MessageData?.ToString() ?? string.Empty));

        Task invocation;
        lock (_stateLock)
        {
            if (_stopRequested)
            {
                return "Stopped";
            }

            _pipeline = pipeline;
            invocation = pipeline.InvokeAsync<PSObject, PSObject>(null, output);
        }

        try
        {
            await invocation.ConfigureAwait(false);
        }
        catch (PipelineStoppedException)
        {
            return "Stopped";
        }
        catch (Exception exception) when (pipeline.InvocationStateInfo.State != PSInvocationState.Stopped)
        {
            SendError(RecordJson.ErrorRecordOf(exception), terminating: true);
            return "Failed";
        }
        catch (Exception)
        {
            return "Stopped";
        }
        finally
        {
            lock (_stateLock)
            {
                _pipeline = null;
            }
        }

        return pipeline.InvocationStateInfo.State == PSInvocationState.Stopped ? "Stopped" : "Completed";
    }

    /// <summary>
    /// Runs a stream handler on the pipeline thread. A record that cannot be sent must not break the script, so
    /// failures are reported on stderr only.
    /// </summary>
    private static void Forward(Action send)
    {
        try
        {
            send();
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"pwsh-host: could not forward a record: {exception}");
        }
    }

    private void SendOutput(PSObject item)
    {
        byte[] json;
        try
        {
            json = PowerShellJsonWriter.ToUtf8(item, PowerShellJsonWriter.OutputDepth, ProtocolWriter.MessageOptions);
        }
        catch (Exception)
        {
            // An object whose serialization fails still shows up, as its string form.
            json = PowerShellJsonWriter.ToUtf8(item?.ToString(), 0, ProtocolWriter.MessageOptions);
        }

        _writer.Send("output", w =>
        {
            w.WriteString("runId", RunId);
            w.WriteStartArray("items");
            w.WriteRawValue(json, skipInputValidation: true);
            w.WriteEndArray();
        });
    }

    private void SendError(ErrorRecord record, bool terminating) => _writer.Send("error", w =>
    {
        w.WriteString("runId", RunId);
        RecordJson.WriteError(w, "record", record, terminating);
    });

    private void SendProgress(ProgressRecord record) => _writer.Send("progress", w =>
    {
        w.WriteString("runId", RunId);
        RecordJson.WriteProgress(w, "record", record);
    });

    private void SendStream(string stream, string message) => _writer.Send("stream", w =>
    {
        w.WriteString("runId", RunId);
        w.WriteString("stream", stream);
        w.WriteString("message", message);
    });

    private void SendDone(string state) => _writer.Send("done", w =>
    {
        w.WriteString("runId", RunId);
        w.WriteString("state", state);
        w.WriteNumber("durationMs", Math.Round(_clock.Elapsed.TotalMilliseconds, 1));
    });
}
