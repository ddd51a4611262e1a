using System;
using System.Management.Automation;
using System.Text.Json;

namespace EflowManager.PwshHost.Serve;

/// <summary>Writes PowerShell stream records in the shapes of protocol.ts (ErrorRecordJson, ProgressRecordJson).</summary>
internal static class RecordJson
{
    /// <summary>Writes an ErrorRecordJson object as the property <paramref name="propertyName"/>.</summary>
    public static void WriteError(Utf8JsonWriter writer, string propertyName, ErrorRecord record, bool terminating)
    {
        writer.WriteStartObject(propertyName);
        writer.WriteString("message", MessageOf(record));
        writer.WriteString("fullyQualifiedErrorId", record.FullyQualifiedErrorId ?? string.Empty);
        writer.WriteString("category", record.CategoryInfo.Category.ToString());
        writer.WriteString("exceptionType", record.Exception?.GetType().FullName ?? typeof(RuntimeException).FullName);
        if (string.IsNullOrEmpty(record.ScriptStackTrace))
        {
            writer.WriteNull("scriptStackTrace");
        }
        else
        {
            writer.WriteString("scriptStackTrace", record.ScriptStackTrace);
        }

        writer.WriteBoolean("terminating", terminating);
        writer.WriteEndObject();
    }

    /// <summary>Writes a ProgressRecordJson object as the property <paramref name="propertyName"/>.</summary>
    public static void WriteProgress(Utf8JsonWriter writer, string propertyName, ProgressRecord record)
    {
        writer.WriteStartObject(propertyName);
        writer.WriteNumber("activityId", record.ActivityId);
        writer.WriteNumber("parentActivityId", record.ParentActivityId);
        writer.WriteString("activity", record.Activity ?? string.Empty);
        writer.WriteString("statusDescription", record.StatusDescription ?? string.Empty);
        if (record.CurrentOperation is null)
        {
            writer.WriteNull("currentOperation");
        }
        else
        {
            writer.WriteString("currentOperation", record.CurrentOperation);
        }

        writer.WriteNumber("percentComplete", record.PercentComplete);
        writer.WriteNumber("secondsRemaining", record.SecondsRemaining);
        writer.WriteString("recordType", record.RecordType.ToString());
        writer.WriteEndObject();
    }

    /// <summary>The message a person sees: ErrorDetails when the code set them, else the exception's message.</summary>
    public static string MessageOf(ErrorRecord record) =>
        !string.IsNullOrEmpty(record.ErrorDetails?.Message)
            ? record.ErrorDetails.Message
            : record.Exception?.Message ?? record.ToString();

    /// <summary>The error record of an exception that ended a pipeline.</summary>
    public static ErrorRecord ErrorRecordOf(Exception exception) =>
        exception is IContainsErrorRecord { ErrorRecord: { } record }
            ? record
            : new ErrorRecord(exception, exception.GetType().Name, ErrorCategory.NotSpecified, null);
}
