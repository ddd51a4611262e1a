using System;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EflowManager.PwshHost.Ast;

/// <summary>
/// <c>ast</c> mode: parses scripts with PowerShell's own parser (never running them) and prints one JSON array
/// with, per file, its parse errors, comment-based help, declared parameters, command invocations and functions.
/// The shapes are the ScriptAnalysis types of analyze.ts.
/// </summary>
internal static class ScriptAnalyzer
{
    /// <summary>Writes the analysis of <paramref name="files"/> to <paramref name="output"/>; returns the exit code.</summary>
    public static int PrintAnalysis(string[] files, Stream output)
    {
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };
        using (var writer = new Utf8JsonWriter(output, options))
        {
            writer.WriteStartArray();
            foreach (string file in files)
            {
                WriteFile(writer, file);
            }

            writer.WriteEndArray();
        }

        output.WriteByte((byte)'\n');
        output.Flush();
        return 0;
    }

    private static void WriteFile(Utf8JsonWriter writer, string file)
    {
        writer.WriteStartObject();
        writer.WriteString("file", file);
        if (!File.Exists(file))
        {
            // A missing file must fail a static check, not vanish from it.
            writer.WriteStartArray("parseErrors");
            WriteError(writer, $"File not found: {file}", 0, 0);
            writer.WriteEndArray();
            writer.WriteNull("help");
            writer.WriteStartArray("parameters");
            writer.WriteEndArray();
            writer.WriteStartArray("commands");
            writer.WriteEndArray();
            writer.WriteStartArray("functions");
            writer.WriteEndArray();
            writer.WriteEndObject();
            return;
        }

        ScriptBlockAst script = Parser.ParseFile(Path.GetFullPath(file), out _, out ParseError[] errors);
        writer.WriteStartArray("parseErrors");
        foreach (ParseError error in errors)
        {
            WriteError(writer, error.Message, error.Extent.StartLineNumber, error.Extent.StartColumnNumber);
        }

        writer.WriteEndArray();
        WriteHelp(writer, script);
        ParameterFacts.Write(writer, script.ParamBlock);
        CommandFacts.Write(writer, script);
        writer.WriteStartArray("functions");
        foreach (FunctionDefinitionAst function in script.FindAll(a => a is FunctionDefinitionAst, true).Cast<FunctionDefinitionAst>())
        {
            writer.WriteStringValue(function.Name);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteHelp(Utf8JsonWriter writer, ScriptBlockAst script)
    {
        CommentHelpInfo? help = script.GetHelpContent();
        if (help is null)
        {
            writer.WriteNull("help");
            return;
        }

        writer.WriteStartObject("help");
        WriteText(writer, "synopsis", help.Synopsis);
        WriteText(writer, "description", help.Description);
        WriteText(writer, "role", help.Role);
        writer.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter writer, string name, string? text)
    {
        string? trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, trimmed);
        }
    }

    private static void WriteError(Utf8JsonWriter writer, string message, int line, int column)
    {
        writer.WriteStartObject();
        writer.WriteString("message", message);
        writer.WriteNumber("line", line);
        writer.WriteNumber("column", column);
        writer.WriteEndObject();
    }
}
