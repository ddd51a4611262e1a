using System;
using System.Management.Automation;
using System.Threading;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>Start-Sleep: waits, and wakes at once when the pipeline is stopped.</summary>
[Cmdlet(VerbsLifecycle.Start, "Sleep", DefaultParameterSetName = SecondsSet)]
public sealed class StartSleepCommand : PSCmdlet, IDisposable
{
    private const string SecondsSet = "Seconds";
    private const string MillisecondsSet = "Milliseconds";

    private readonly ManualResetEventSlim _stopping = new(false);

    /// <summary>How long to wait, in seconds (fractions allowed).</summary>
    [Parameter(Position = 0, Mandatory = true, ParameterSetName = SecondsSet, ValueFromPipeline = true)]
    [ValidateRange(0.0, 2147483.0)]
    public double Seconds { get; set; }

    /// <summary>How long to wait, in milliseconds.</summary>
    [Parameter(Mandatory = true, ParameterSetName = MillisecondsSet)]
    [Alias("ms")]
    [ValidateRange(0, int.MaxValue)]
    public int Milliseconds { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        int milliseconds = ParameterSetName == SecondsSet ? (int)(Seconds * 1000) : Milliseconds;
        _stopping.Wait(milliseconds);
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stopping.Set();

    /// <summary>Releases the wait handle.</summary>
    public void Dispose() => _stopping.Dispose();
}
