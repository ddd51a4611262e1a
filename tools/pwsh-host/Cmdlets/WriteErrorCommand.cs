using System;
using System.Management.Automation;
using System.Reflection;
using Microsoft.PowerShell.Commands;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>
/// Write-Error: writes a non-terminating error (or a terminating one under -ErrorAction Stop), attributed to the
/// script or function that called it, as PowerShell's own Write-Error does.
/// </summary>
[Cmdlet(VerbsCommunications.Write, "Error", DefaultParameterSetName = NoExceptionSet)]
public sealed class WriteErrorCommand : PSCmdlet
{
    private const string NoExceptionSet = "NoException";
    private const string WithExceptionSet = "WithException";
    private const string ErrorRecordSet = "ErrorRecord";

    // ErrorRecord.SetInvocationInfo and PreserveInvocationInfoOnce are internal in System.Management.Automation
    // (pinned at 7.6.9). Real Write-Error uses them to blame the caller instead of itself; when they are missing
    // the error is still written, only attributed to Write-Error.
    private static readonly MethodInfo? SetInvocationInfo =
        typeof(ErrorRecord).GetMethod("SetInvocationInfo", BindingFlags.Instance | BindingFlags.NonPublic);

    private static readonly PropertyInfo? PreserveInvocationInfoOnce =
        typeof(ErrorRecord).GetProperty("PreserveInvocationInfoOnce", BindingFlags.Instance | BindingFlags.NonPublic);

    /// <summary>The exception the error carries.</summary>
    [Parameter(ParameterSetName = WithExceptionSet, Mandatory = true)]
    public Exception? Exception { get; set; }

    /// <summary>The error message (with -Exception: the message shown instead of the exception's).</summary>
    [Parameter(Position = 0, ParameterSetName = NoExceptionSet, Mandatory = true, ValueFromPipeline = true)]
    [Parameter(ParameterSetName = WithExceptionSet)]
    [AllowNull]
    [AllowEmptyString]
    [Alias("Msg")]
    public string? Message { get; set; }

    /// <summary>An existing error record to write again.</summary>
    [Parameter(ParameterSetName = ErrorRecordSet, Mandatory = true)]
    public ErrorRecord? ErrorRecord { get; set; }

    /// <summary>The error category (default NotSpecified).</summary>
    [Parameter(ParameterSetName = NoExceptionSet)]
    [Parameter(ParameterSetName = WithExceptionSet)]
    public ErrorCategory Category { get; set; } = ErrorCategory.NotSpecified;

    /// <summary>The error id (the first part of FullyQualifiedErrorId).</summary>
    [Parameter(ParameterSetName = NoExceptionSet)]
    [Parameter(ParameterSetName = WithExceptionSet)]
    public string? ErrorId { get; set; }

    /// <summary>The object the error is about.</summary>
    [Parameter(ParameterSetName = NoExceptionSet)]
    [Parameter(ParameterSetName = WithExceptionSet)]
    public object? TargetObject { get; set; }

    /// <summary>What the user should do about the error (ErrorDetails.RecommendedAction).</summary>
    [Parameter]
    public string? RecommendedAction { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        ErrorRecord record = ErrorRecord is not null ? new ErrorRecord(ErrorRecord, null) : NewRecord();
        if (RecommendedAction is not null)
        {
            record.ErrorDetails ??= new ErrorDetails(record.Exception?.Message ?? string.Empty);
            record.ErrorDetails.RecommendedAction = RecommendedAction;
        }

        if (GetVariableValue("MyInvocation") is InvocationInfo caller && SetInvocationInfo is not null)
        {
            SetInvocationInfo.Invoke(record, new object[] { caller });
            PreserveInvocationInfoOnce?.SetValue(record, true);
            record.CategoryInfo.Activity = "Write-Error";
        }

        WriteError(record);
    }

    private ErrorRecord NewRecord()
    {
        Exception exception = Exception ?? new WriteErrorException(Message ?? string.Empty);
        string errorId = string.IsNullOrEmpty(ErrorId) ? typeof(WriteErrorException).FullName! : ErrorId;
        var record = new ErrorRecord(exception, errorId, Category, TargetObject);
        if (Exception is not null && !string.IsNullOrEmpty(Message))
        {
            record.ErrorDetails = new ErrorDetails(Message);
        }

        return record;
    }
}
