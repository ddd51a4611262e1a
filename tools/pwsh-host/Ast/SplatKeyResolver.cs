using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Language;
using PsAst = System.Management.Automation.Language.Ast;

namespace EflowManager.PwshHost.Ast;

/// <summary>One key a splatted hashtable is known to carry, and the value assigned to it.</summary>
internal sealed record SplatKey(string Name, PsAst Value);

/// <summary>
/// Finds, within one file, the keys of a hashtable that is splatted (<c>Cmd @params</c>): every
/// <c>$params = @{ k = v }</c> (also <c>[ordered]@{}</c>), then <c>$params['k'] = v</c>, <c>$params.k = v</c> and
/// <c>$params.Add('k', v)</c>. The keys are unknown (null) when the variable is also a parameter, a loop variable or
/// assigned anything else, or when a key is not a constant.
/// </summary>
internal sealed class SplatKeyResolver
{
    private static readonly HashSet<string> AutomaticVariables = new(StringComparer.OrdinalIgnoreCase)
    {
        "PSBoundParameters", "args", "input", "_", "PSItem"
    };

    private readonly PsAst _file;
    private readonly Dictionary<string, IReadOnlyList<SplatKey>?> _resolved = new(StringComparer.OrdinalIgnoreCase);

    public SplatKeyResolver(PsAst file)
    {
        _file = file;
    }

    /// <summary>The keys of <c>$<paramref name="variable"/></c> in document order, or null when they cannot be known.</summary>
    public IReadOnlyList<SplatKey>? KeysOf(string variable)
    {
        if (!_resolved.TryGetValue(variable, out IReadOnlyList<SplatKey>? keys))
        {
            keys = Resolve(variable);
            _resolved[variable] = keys;
        }

        return keys;
    }

    private IReadOnlyList<SplatKey>? Resolve(string variable)
    {
        if (AutomaticVariables.Contains(variable) ||
            _file.Find(a => a is ParameterAst p && Names(p.Name, variable), true) is not null ||
            _file.Find(a => a is ForEachStatementAst f && Names(f.Variable, variable), true) is not null)
        {
            return null;
        }

        var keys = new List<(int Offset, SplatKey Key)>();
        bool assignedLiteral = false;
        foreach (PsAst node in _file.FindAll(_ => true, true))
        {
            switch (node)
            {
                case AssignmentStatementAst assignment when TargetVariable(assignment.Left) is { } target && Names(target, variable):
                    if (assignment.Operator != TokenKind.Equals || HashtableOf(assignment.Right) is not { } table)
                    {
                        return null;
                    }

                    assignedLiteral = true;
                    foreach ((ExpressionAst key, StatementAst value) in table.KeyValuePairs)
                    {
                        if (!IsConstant(key))
                        {
                            return null;
                        }

                        keys.Add((key.Extent.StartOffset, new SplatKey(ArgumentDescriber.ConstantText(key), ValueOf(value))));
                    }

                    break;
                case AssignmentStatementAst { Left: IndexExpressionAst { Target: VariableExpressionAst target } index } assignment
                    when Names(target, variable):
                    if (!IsConstant(index.Index))
                    {
                        return null;
                    }

                    keys.Add((node.Extent.StartOffset, new SplatKey(ArgumentDescriber.ConstantText(index.Index), ValueOf(assignment.Right))));
                    break;
                case AssignmentStatementAst { Left: MemberExpressionAst { Expression: VariableExpressionAst target } member } assignment
                    when Names(target, variable) && member is not InvokeMemberExpressionAst:
                    if (!IsConstant(member.Member))
                    {
                        return null;
                    }

                    keys.Add((node.Extent.StartOffset, new SplatKey(ArgumentDescriber.ConstantText(member.Member), ValueOf(assignment.Right))));
                    break;
                case InvokeMemberExpressionAst { Expression: VariableExpressionAst target, Member: StringConstantExpressionAst { Value: var method } } call
                    when Names(target, variable) && string.Equals(method, "Add", StringComparison.OrdinalIgnoreCase):
                    if (call.Arguments is not { Count: 2 } arguments || !IsConstant(arguments[0]))
                    {
                        return null;
                    }

                    keys.Add((node.Extent.StartOffset, new SplatKey(ArgumentDescriber.ConstantText(arguments[0]), arguments[1])));
                    break;
            }
        }

        return assignedLiteral ? keys.OrderBy(k => k.Offset).Select(k => k.Key).ToList() : null;
    }

    /// <summary>The variable an assignment writes, seen through a cast (<c>[hashtable]$p = ...</c>).</summary>
    private static VariableExpressionAst? TargetVariable(ExpressionAst left) => left switch
    {
        VariableExpressionAst variable => variable,
        ConvertExpressionAst { Child: VariableExpressionAst variable } => variable,
        _ => null
    };

    private static HashtableAst? HashtableOf(StatementAst right) => ArgumentDescriber.SoleExpression(right) switch
    {
        HashtableAst table => table,
        ConvertExpressionAst { Child: HashtableAst table } => table,
        _ => null
    };

    private static PsAst ValueOf(StatementAst value) => (PsAst?)ArgumentDescriber.SoleExpression(value) ?? value;

    private static bool IsConstant(PsAst key) =>
        key is ConstantExpressionAst or ExpandableStringExpressionAst { NestedExpressions.Count: 0 };

    private static bool Names(VariableExpressionAst? ast, string variable) =>
        ast is not null && string.Equals(ast.VariablePath.UserPath, variable, StringComparison.OrdinalIgnoreCase);
}
