using System;
using System.Collections;
using System.Management.Automation;
using System.Text.Json;
using System.Threading;
using EflowManager.PwshHost.Json;
using EflowManager.PwshHost.Serve;

namespace EflowManager.PwshHost.Bridge;

/// <summary>
/// Invoke-EflowSimulatorCall: the one way a stand-in cmdlet (a generated function of the AzureEFLOW or Windows
/// stand-in module) reaches the simulator. It sends a <c>call</c> message for the run bound to the current
/// runspace, relays the call's events to the caller's streams while it waits, and then writes the call's output
/// or raises its error the way the real cmdlet would reach the calling script: a terminating error like a
/// <c>throw</c> in the stand-in function (try/catch and trap catch it; uncaught, it ends the script), a
/// non-terminating one through WriteError (so -ErrorAction on the stand-in applies).
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "EflowSimulatorCall")]
public sealed class InvokeEflowSimulatorCallCommand : PSCmdlet, IDisposable
{
    private static readonly string[] HostTags = { "PSHOST" };

    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The stand-in module: <c>AzureEFLOW</c> or <c>Windows</c>.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string Module { get; set; } = string.Empty;

    /// <summary>The cmdlet the script called (e.g. <c>Get-EflowVm</c>).</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string Command { get; set; } = string.Empty;

    /// <summary>The stand-in's $PSBoundParameters.</summary>
    [Parameter]
    [AllowNull]
    [AllowEmptyCollection]
    public IDictionary? BoundParameters { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        RunContext? run = RunBindings.Current();
        if (run is null)
        {
            ThrowTerminatingError(new ErrorRecord(
                new PSInvalidOperationException($"{Command} is a stand-in cmdlet: it can only be called from a run of the PowerShell host."),
                "NoRunBound",
                ErrorCategory.InvalidOperation,
                null));
            return;
        }

        PendingCall call = run.BeginCall(Module, Command, BoundParameters);
        try
        {
            while (true)
            {
                CallReply reply;
                try
                {
                    reply = call.Take(_stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    // The run is being stopped: the call is abandoned, a late reply for it is dropped.
                    throw new PipelineStoppedException();
                }

                if (reply is CallOutcomeReply outcome)
                {
                    Complete(outcome);
                    return;
                }

                Relay((CallEventReply)reply);
            }
        }
        finally
        {
            run.EndCall(call);
        }
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Releases the stop signal.</summary>
    public void Dispose() => _stopping.Dispose();

    private void Relay(CallEventReply callEvent)
    {
        switch (callEvent.Kind)
        {
            case "information":
                WriteInformation(new HostInformationMessage { Message = callEvent.Message }, HostTags);
                break;
            case "warning":
                WriteWarning(callEvent.Message);
                break;
            case "verbose":
                WriteVerbose(callEvent.Message);
                break;
            case "progress":
                var record = new ProgressRecord(
                    0,
                    string.IsNullOrEmpty(callEvent.Activity) ? Command : callEvent.Activity,
                    string.IsNullOrEmpty(callEvent.Status) ? "Processing" : callEvent.Status)
                {
                    PercentComplete = Math.Clamp(callEvent.PercentComplete, -1, 100),
                    RecordType = callEvent.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing
                };
                WriteProgress(record);
                break;
        }
    }

    private void Complete(CallOutcomeReply outcome)
    {
        if (outcome.Error is { } error)
        {
            ErrorCategory category = Enum.TryParse(error.Category, ignoreCase: true, out ErrorCategory parsed)
                ? parsed
                : ErrorCategory.NotSpecified;
            var record = new ErrorRecord(new RuntimeException(error.Message), error.ErrorId, category, null);
            if (error.Terminating)
            {
                // Raised as a `throw` statement in the stand-in function would raise it (AzureEFLOW's cmdlets are
                // script functions that throw): the error leaves the stand-in and ends the calling script unless a
                // try/catch or trap there handles it. ThrowTerminatingError would only end the statement inside the
                // stand-in function, whose $ErrorActionPreference is the module's, so the caller would carry on even
                // under $ErrorActionPreference = 'Stop'. The engine passes such an exception through unwrapped.
                throw new RuntimeException(error.Message, null, record) { WasThrownFromThrowStatement = true };
            }

            WriteError(record);
        }

        if (outcome.Value is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in value.EnumerateArray())
            {
                WriteObject(JsonValueConverter.ToPowerShell(item, JsonObjectShape.PSCustomObject));
            }
        }
        else
        {
            WriteObject(JsonValueConverter.ToPowerShell(value, JsonObjectShape.PSCustomObject));
        }
    }
}
