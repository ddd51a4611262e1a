using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.Json;

namespace EflowManager.PwshHost.Ast;

/// <summary>Writes the declared parameters of a script's param() block with their validation attributes.</summary>
internal static class ParameterFacts
{
    /// <summary>Writes the <c>parameters</c> array of a file's analysis.</summary>
    public static void Write(Utf8JsonWriter writer, ParamBlockAst? paramBlock)
    {
        writer.WriteStartArray("parameters");
        foreach (ParameterAst parameter in paramBlock?.Parameters ?? Enumerable.Empty<ParameterAst>())
        {
            WriteParameter(writer, parameter);
        }

        writer.WriteEndArray();
    }

    private static void WriteParameter(Utf8JsonWriter writer, ParameterAst parameter)
    {
        AttributeAst[] attributes = parameter.Attributes.OfType<AttributeAst>().ToArray();
        writer.WriteStartObject();
        writer.WriteString("name", parameter.Name.VariablePath.UserPath);
        TypeConstraintAst? type = parameter.Attributes.OfType<TypeConstraintAst>().FirstOrDefault();
        if (type is null)
        {
            writer.WriteNull("type");
        }
        else
        {
            writer.WriteString("type", type.TypeName.FullName);
        }

        writer.WriteBoolean("mandatory", attributes.Where(a => Is(a, "Parameter")).Any(IsMandatory));

        AttributeAst? validateSet = attributes.FirstOrDefault(a => Is(a, "ValidateSet"));
        if (validateSet is null)
        {
            writer.WriteNull("validateSet");
        }
        else
        {
            writer.WriteStartArray("validateSet");
            foreach (ExpressionAst value in validateSet.PositionalArguments)
            {
                writer.WriteStringValue(ArgumentDescriber.ConstantText(value));
            }

            writer.WriteEndArray();
        }

        AttributeAst? validatePattern = attributes.FirstOrDefault(a => Is(a, "ValidatePattern"));
        if (validatePattern?.PositionalArguments.FirstOrDefault() is { } pattern)
        {
            writer.WriteString("validatePattern", ArgumentDescriber.ConstantText(pattern));
        }
        else
        {
            writer.WriteNull("validatePattern");
        }

        WriteBounds(writer, "validateRange", attributes.FirstOrDefault(a => Is(a, "ValidateRange")));
        WriteBounds(writer, "validateLength", attributes.FirstOrDefault(a => Is(a, "ValidateLength")));
        writer.WriteBoolean("validateNotNullOrEmpty", attributes.Any(a => Is(a, "ValidateNotNullOrEmpty")));
        writer.WriteEndObject();
    }

    private static void WriteBounds(Utf8JsonWriter writer, string name, AttributeAst? attribute)
    {
        double?[] bounds = attribute?.PositionalArguments.Select(ArgumentDescriber.NumberOf).ToArray() ?? Array.Empty<double?>();
        if (bounds.Length != 2 || bounds[0] is not { } min || bounds[1] is not { } max)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartArray(name);
        writer.WriteNumberValue(min);
        writer.WriteNumberValue(max);
        writer.WriteEndArray();
    }

    private static bool IsMandatory(AttributeAst parameterAttribute)
    {
        NamedAttributeArgumentAst? mandatory = parameterAttribute.NamedArguments
            .FirstOrDefault(a => string.Equals(a.ArgumentName, "Mandatory", StringComparison.OrdinalIgnoreCase));
        if (mandatory is null)
        {
            return false;
        }

        if (mandatory.ExpressionOmitted)
        {
            return true;
        }

        return mandatory.Argument switch
        {
            VariableExpressionAst variable => string.Equals(variable.VariablePath.UserPath, "true", StringComparison.OrdinalIgnoreCase),
            ConstantExpressionAst constant => LanguagePrimitives.IsTrue(constant.Value),
            _ => false
        };
    }

    /// <summary>Matches <c>[ValidateSet()]</c>, <c>[ValidateSetAttribute()]</c> and namespace-qualified forms.</summary>
    private static bool Is(AttributeAst attribute, string shortName)
    {
        string written = attribute.TypeName.Name;
        string lastSegment = written[(written.LastIndexOf('.') + 1)..];
        return string.Equals(lastSegment, shortName, StringComparison.OrdinalIgnoreCase) ||
               string.Equals(lastSegment, shortName + "Attribute", StringComparison.OrdinalIgnoreCase);
    }
}
