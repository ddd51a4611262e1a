using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Language;
using System.Text.Json;
using PsAst = System.Management.Automation.Language.Ast;

namespace EflowManager.PwshHost.Ast;

/// <summary>Writes every command invocation of a file: name, position, parameters, positional arguments and splats.</summary>
internal static class CommandFacts
{
    /// <summary>Writes the <c>commands</c> array of a file's analysis.</summary>
    public static void Write(Utf8JsonWriter writer, ScriptBlockAst file)
    {
        var splats = new SplatKeyResolver(file);
        writer.WriteStartArray("commands");
        IEnumerable<CommandAst> commands = file.FindAll(a => a is CommandAst, true).Cast<CommandAst>()
            .OrderBy(c => c.Extent.StartOffset);
        foreach (CommandAst command in commands)
        {
            WriteCommand(writer, command, splats);
        }

        writer.WriteEndArray();
    }

    private static void WriteCommand(Utf8JsonWriter writer, CommandAst command, SplatKeyResolver splatResolver)
    {
        writer.WriteStartObject();
        string? name = command.GetCommandName();
        if (name is null)
        {
            writer.WriteNull("name");
        }
        else
        {
            writer.WriteString("name", name);
        }

        writer.WriteNumber("line", command.Extent.StartLineNumber);
        writer.WriteNumber("column", command.Extent.StartColumnNumber);
        switch (command.InvocationOperator)
        {
            case TokenKind.Ampersand:
                writer.WriteString("invocationOperator", "&");
                break;
            case TokenKind.Dot:
                writer.WriteString("invocationOperator", ".");
                break;
            default:
                writer.WriteNull("invocationOperator");
                break;
        }

        var positional = new List<CommandElementAst>();
        var splatted = new List<VariableExpressionAst>();
        writer.WriteStartArray("parameters");
        IReadOnlyList<CommandElementAst> elements = command.CommandElements;
        for (int index = 1; index < elements.Count; index++)
        {
            switch (elements[index])
            {
                case CommandParameterAst parameter:
                    CommandElementAst? next = parameter.Argument is null && index + 1 < elements.Count &&
                                              elements[index + 1] is not CommandParameterAst &&
                                              elements[index + 1] is not VariableExpressionAst { Splatted: true }
                        ? elements[++index]
                        : null;
                    WriteParameter(writer, parameter, next);
                    break;
                case VariableExpressionAst { Splatted: true } splat:
                    splatted.Add(splat);
                    break;
                default:
                    positional.Add(elements[index]);
                    break;
            }
        }

        writer.WriteEndArray();
        writer.WriteStartArray("positional");
        foreach (CommandElementAst element in positional)
        {
            ArgumentDescriber.Write(writer, element);
        }

        writer.WriteEndArray();
        WriteSplats(writer, splatted, splatResolver);
        writer.WriteEndObject();
    }

    /// <summary>
    /// <c>-Name:value</c> has its argument attached. <c>-Name value</c> takes the next element as its argument
    /// (reported also as <c>nextElement</c>, so a check that knows the parameter is a switch can treat it as
    /// positional instead); a switch followed by another parameter, a splat or nothing has no argument.
    /// </summary>
    private static void WriteParameter(Utf8JsonWriter writer, CommandParameterAst parameter, CommandElementAst? next)
    {
        writer.WriteStartObject();
        writer.WriteString("name", parameter.ParameterName);
        writer.WritePropertyName("argument");
        ArgumentDescriber.Write(writer, (PsAst?)parameter.Argument ?? next);
        writer.WritePropertyName("nextElement");
        ArgumentDescriber.Write(writer, next);
        writer.WriteEndObject();
    }

    private static void WriteSplats(Utf8JsonWriter writer, List<VariableExpressionAst> splatted, SplatKeyResolver resolver)
    {
        writer.WriteStartArray("splats");
        foreach (VariableExpressionAst splat in splatted)
        {
            string variable = splat.VariablePath.UserPath;
            writer.WriteStartObject();
            writer.WriteString("variable", variable);
            IReadOnlyList<SplatKey>? keys = resolver.KeysOf(variable);
            if (keys is null)
            {
                writer.WriteNull("keys");
            }
            else
            {
                writer.WriteStartArray("keys");
                foreach (SplatKey key in keys)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", key.Name);
                    writer.WritePropertyName("argument");
                    ArgumentDescriber.Write(writer, key.Value);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
