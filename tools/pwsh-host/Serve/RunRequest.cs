using System.Collections.Generic;
using System.Text.Json;

namespace EflowManager.PwshHost.Serve;

/// <summary>A <c>run</c> message (see RunRequest in protocol.ts).</summary>
internal sealed record RunRequest(
    string RunId, string Host, string? Script, string? ScriptPath, IReadOnlyList<KeyValuePair<string, JsonElement>> Parameters)
{
    /// <summary>
    /// Reads a run message. Returns null with <paramref name="problem"/> set when it cannot be run; the run id is
    /// still returned when present, so the run can be failed visibly rather than left hanging.
    /// </summary>
    public static RunRequest? Parse(JsonElement message, out string? runId, out string? problem)
    {
        runId = CallEventReply.StringOf(message, "runId");
        string? host = CallEventReply.StringOf(message, "host");
        string? script = CallEventReply.StringOf(message, "script");
        string? scriptPath = CallEventReply.StringOf(message, "scriptPath");
        problem = (runId, host, script, scriptPath) switch
        {
            (null or "", _, _, _) => "A run message needs a runId.",
            (_, null, _, _) => "A run message needs a host.",
            (_, _, null, null) => "A run message needs script or scriptPath.",
            (_, _, not null, not null) => "A run message takes script or scriptPath, not both.",
            _ => null
        };
        if (problem is not null)
        {
            return null;
        }

        var parameters = new List<KeyValuePair<string, JsonElement>>();
        if (message.TryGetProperty("parameters", out JsonElement bag) && bag.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty parameter in bag.EnumerateObject())
            {
                parameters.Add(new KeyValuePair<string, JsonElement>(parameter.Name, parameter.Value.Clone()));
            }
        }

        if (script is not null && parameters.Count > 0)
        {
            problem = "parameters go with scriptPath; an inline script carries its arguments in its text.";
            return null;
        }

        return new RunRequest(runId!, host!, script, scriptPath, parameters);
    }
}
