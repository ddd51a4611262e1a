using System;
using System.Management.Automation;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>Write-Progress: writes a progress record (the gateway reports them in <c>progress</c>).</summary>
[Cmdlet(VerbsCommunications.Write, "Progress")]
public sealed class WriteProgressCommand : PSCmdlet
{
    /// <summary>What is in progress (may be left out only with -Completed).</summary>
    [Parameter(Position = 0)]
    public string? Activity { get; set; }

    /// <summary>The current status (default "Processing").</summary>
    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Status { get; set; } = "Processing";

    /// <summary>Tells several progress bars apart.</summary>
    [Parameter(Position = 2)]
    [ValidateRange(0, int.MaxValue)]
    public int Id { get; set; }

    /// <summary>Percentage done, or -1 for unknown.</summary>
    [Parameter]
    [ValidateRange(-1, 100)]
    public int PercentComplete { get; set; } = -1;

    /// <summary>Estimated seconds left, or -1 for unknown.</summary>
    [Parameter]
    public int SecondsRemaining { get; set; } = -1;

    /// <summary>The operation under way.</summary>
    [Parameter]
    public string? CurrentOperation { get; set; }

    /// <summary>The Id of the parent activity, or -1.</summary>
    [Parameter]
    [ValidateRange(-1, int.MaxValue)]
    public int ParentId { get; set; } = -1;

    /// <summary>Says that the activity is finished.</summary>
    [Parameter]
    public SwitchParameter Completed { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        ProgressRecord record;
        if (string.IsNullOrEmpty(Activity))
        {
            if (!Completed.IsPresent)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("Missing an argument for parameter 'Activity'. Specify a parameter of type 'System.String' and try again."),
                    "ActivityParameterRequired",
                    ErrorCategory.InvalidArgument,
                    null));
            }

            record = new ProgressRecord(Id);
        }
        else
        {
            record = new ProgressRecord(Id, Activity, Status);
        }

        record.ParentActivityId = ParentId;
        record.PercentComplete = PercentComplete;
        record.SecondsRemaining = SecondsRemaining;
        record.CurrentOperation = CurrentOperation;
        record.RecordType = Completed.IsPresent ? ProgressRecordType.Completed : ProgressRecordType.Processing;
        WriteProgress(record);
    }
}
