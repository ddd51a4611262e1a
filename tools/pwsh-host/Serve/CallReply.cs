using System.Text.Json;

namespace EflowManager.PwshHost.Serve;

/// <summary>What Node sends back while a stand-in call is pending: events, then exactly one outcome.</summary>
internal abstract record CallReply;

/// <summary>
/// A <c>callEvent</c>: host output (information, warning, verbose) or progress of a long-running stand-in cmdlet.
/// </summary>
internal sealed record CallEventReply(
    string Kind, string Message, string Activity, string Status, int PercentComplete, bool Completed) : CallReply
{
    /// <summary>Reads the <c>event</c> object of a callEvent message.</summary>
    public static CallEventReply Parse(JsonElement callEvent) => new(
        Kind: StringOf(callEvent, "kind") ?? string.Empty,
        Message: StringOf(callEvent, "message") ?? string.Empty,
        Activity: StringOf(callEvent, "activity") ?? string.Empty,
        Status: StringOf(callEvent, "status") ?? string.Empty,
        PercentComplete: callEvent.TryGetProperty("percentComplete", out JsonElement percent) &&
                         percent.ValueKind == JsonValueKind.Number
            ? (int)percent.GetDouble()
            : -1,
        Completed: callEvent.TryGetProperty("completed", out JsonElement completed) &&
                   completed.ValueKind == JsonValueKind.True);

    internal static string? StringOf(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) &&
        value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

/// <summary>The error a stand-in call raises in the calling script (see StandInError in protocol.ts).</summary>
internal sealed record StandInError(string Message, string ErrorId, string Category, bool Terminating);

/// <summary>A <c>callResult</c>: the stand-in cmdlet's output (<see cref="Value"/>) and, when it failed, its error.</summary>
internal sealed record CallOutcomeReply(JsonElement? Value, StandInError? Error) : CallReply
{
    /// <summary>Reads the <c>outcome</c> object of a callResult message (its JSON is cloned: the document is disposed).</summary>
    public static CallOutcomeReply Parse(JsonElement outcome)
    {
        JsonElement? value = outcome.TryGetProperty("value", out JsonElement raw) ? raw.Clone() : null;
        bool ok = outcome.TryGetProperty("ok", out JsonElement okElement) && okElement.ValueKind == JsonValueKind.True;
        if (ok)
        {
            return new CallOutcomeReply(value, null);
        }

        JsonElement error = outcome.TryGetProperty("error", out JsonElement e) ? e : default;
        return new CallOutcomeReply(value, new StandInError(
            Message: CallEventReply.StringOf(error, "message") ?? "The stand-in call failed.",
            ErrorId: CallEventReply.StringOf(error, "errorId") ?? "StandInCallFailed",
            Category: CallEventReply.StringOf(error, "category") ?? "NotSpecified",
            Terminating: error.ValueKind != JsonValueKind.Object ||
                         !error.TryGetProperty("terminating", out JsonElement terminating) ||
                         terminating.ValueKind != JsonValueKind.False));
    }
}
