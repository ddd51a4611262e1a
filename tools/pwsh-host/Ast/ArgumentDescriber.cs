using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation.Language;
using System.Text.Json;

namespace EflowManager.PwshHost.Ast;

/// <summary>
/// Writes what an argument is, as far as it can be known without running the script (the Arg type of
/// analyze.ts): a constant, a variable, an array of those, or an expression (its text).
/// </summary>
internal static class ArgumentDescriber
{
    /// <summary>Writes an Arg object, or null when there is no argument.</summary>
    public static void Write(Utf8JsonWriter writer, System.Management.Automation.Language.Ast? argument)
    {
        if (argument is null)
        {
            writer.WriteNullValue();
            return;
        }

        switch (argument)
        {
            case StringConstantExpressionAst { StringConstantType: StringConstantType.BareWord } bareNumber
                when double.TryParse(bareNumber.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                    CultureInfo.InvariantCulture, out double number):
                // `-Timeout -5` is a bare word to the parser; PowerShell binds it as the number it spells.
                WriteConstant(writer, w => w.WriteNumberValue(number));
                return;
            case StringConstantExpressionAst text:
                WriteConstant(writer, w => w.WriteStringValue(text.Value));
                return;
            case ExpandableStringExpressionAst expandable when expandable.NestedExpressions.Count == 0:
                WriteConstant(writer, w => w.WriteStringValue(expandable.Value));
                return;
            case ConstantExpressionAst constant when TryWriteNumber(constant.Value) is { } writeNumber:
                WriteConstant(writer, writeNumber);
                return;
            case UnaryExpressionAst { TokenKind: TokenKind.Minus, Child: ConstantExpressionAst negated }
                when TryNegate(negated.Value) is { } negative && TryWriteNumber(negative) is { } writeNegative:
                WriteConstant(writer, writeNegative);
                return;
            case VariableExpressionAst { Splatted: false } variable:
                WriteVariable(writer, variable.VariablePath.UserPath);
                return;
            case ArrayLiteralAst array:
                WriteArray(writer, array.Elements);
                return;
            case ArrayExpressionAst arrayExpression when ElementsOf(arrayExpression) is { } elements:
                WriteArray(writer, elements);
                return;
            case ParenExpressionAst paren when SoleExpression(paren.Pipeline) is { } inner:
                Write(writer, inner);
                return;
        }

        writer.WriteStartObject();
        writer.WriteString("kind", "expression");
        writer.WriteString("text", argument.Extent.Text);
        writer.WriteEndObject();
    }

    /// <summary>The expression a statement consists of, when it is a bare expression (not a command or pipeline).</summary>
    public static ExpressionAst? SoleExpression(StatementAst? statement) => statement switch
    {
        // The right-hand side of an assignment is a bare CommandExpressionAst; elsewhere it sits in a pipeline.
        CommandExpressionAst { Redirections.Count: 0 } command => command.Expression,
        PipelineAst { PipelineElements.Count: 1 } pipeline
            when pipeline.PipelineElements[0] is CommandExpressionAst { Redirections.Count: 0 } command => command.Expression,
        _ => null
    };

    /// <summary>The value of a constant expression as text (a string, number or the text of anything else).</summary>
    public static string ConstantText(System.Management.Automation.Language.Ast ast) => ast switch
    {
        StringConstantExpressionAst text => text.Value,
        ConstantExpressionAst constant => Convert.ToString(constant.Value, CultureInfo.InvariantCulture) ?? string.Empty,
        _ => ast.Extent.Text
    };

    /// <summary>The numeric value of a (possibly negated) number constant.</summary>
    public static double? NumberOf(System.Management.Automation.Language.Ast ast) => ast switch
    {
        StringConstantExpressionAst => null,
        ConstantExpressionAst { Value: int or long or double or decimal or float or byte or short } constant =>
            Convert.ToDouble(constant.Value, CultureInfo.InvariantCulture),
        UnaryExpressionAst { TokenKind: TokenKind.Minus, Child: { } child } => -NumberOf(child),
        _ => null
    };

    private static void WriteConstant(Utf8JsonWriter writer, Action<Utf8JsonWriter> writeValue)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", "constant");
        writer.WritePropertyName("value");
        writeValue(writer);
        writer.WriteEndObject();
    }

    private static void WriteVariable(Utf8JsonWriter writer, string name)
    {
        if (string.Equals(name, "true", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(name, "false", StringComparison.OrdinalIgnoreCase))
        {
            bool value = string.Equals(name, "true", StringComparison.OrdinalIgnoreCase);
            WriteConstant(writer, w => w.WriteBooleanValue(value));
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("kind", "variable");
        writer.WriteString("name", name);
        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, IEnumerable<ExpressionAst> elements)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", "array");
        writer.WriteStartArray("items");
        foreach (ExpressionAst element in elements)
        {
            Write(writer, element);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The elements of <c>@(a, b)</c> when every statement inside is a bare expression.</summary>
    private static IReadOnlyList<ExpressionAst>? ElementsOf(ArrayExpressionAst arrayExpression)
    {
        var elements = new List<ExpressionAst>();
        foreach (StatementAst statement in arrayExpression.SubExpression.Statements)
        {
            ExpressionAst? expression = SoleExpression(statement);
            if (expression is null)
            {
                return null;
            }

            elements.AddRange(expression is ArrayLiteralAst literal ? literal.Elements : new[] { expression });
        }

        return elements;
    }

    private static Action<Utf8JsonWriter>? TryWriteNumber(object? value) => value switch
    {
        int or long or short or byte => w => w.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        double real when !double.IsNaN(real) && !double.IsInfinity(real) => w => w.WriteNumberValue(real),
        float single => w => w.WriteNumberValue(single),
        decimal number => w => w.WriteNumberValue(number),
        _ => null
    };

    private static object? TryNegate(object? value) => value switch
    {
        int number => -(long)number,
        long number => -number,
        double number => -number,
        decimal number => -number,
        _ => null
    };
}
