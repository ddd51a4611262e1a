using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>
/// One entry of a -Property argument of Select-Object, Sort-Object or Group-Object: a property name (wildcards
/// allowed where the cmdlet supports them), a script block evaluated with $_ set to the input object, or a
/// calculated-property hashtable (<c>@{Name/N/Label/L = ...; Expression/E = ...}</c>, plus Ascending/Descending for
/// Sort-Object).
/// </summary>
internal sealed class PropertySelector
{
    private PropertySelector(string name, string? propertyName, ScriptBlock? expression, bool? descending, bool named = false)
    {
        Name = name;
        IsNamed = named;
        PropertyName = propertyName;
        Expression = expression;
        Descending = descending;
    }

    /// <summary>The name of the resulting property (a calculated property's Name, else the property or script text).</summary>
    public string Name { get; }

    /// <summary>True when a calculated property gave the result its own Name (or Label).</summary>
    public bool IsNamed { get; }

    /// <summary>The property read from the input, when the selector names one.</summary>
    public string? PropertyName { get; }

    /// <summary>The script block evaluated per input object, when the selector computes its value.</summary>
    public ScriptBlock? Expression { get; }

    /// <summary>Sort direction set in the hashtable, when given (Sort-Object only).</summary>
    public bool? Descending { get; }

    /// <summary>True when <see cref="PropertyName"/> contains wildcard characters (it names several properties).</summary>
    public bool IsPattern => PropertyName is not null && WildcardPattern.ContainsWildcardCharacters(PropertyName);

    /// <summary>Reads a -Property argument; throws ArgumentException (message for the user) on a malformed hashtable.</summary>
    /// <summary>
    /// Parses the -Property argument of <paramref name="cmdlet"/>; an illegal key ends the cmdlet with a terminating
    /// "IllegalKey" error, as PowerShell's own Select-Object, Sort-Object and Group-Object do.
    /// </summary>
    public static IReadOnlyList<PropertySelector> ParseOrThrow(PSCmdlet cmdlet, IEnumerable<object>? items, bool allowSortKeys)
    {
        try
        {
            return Parse(items, allowSortKeys);
        }
        catch (ArgumentException exception)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(exception, "IllegalKey", ErrorCategory.InvalidArgument, null));
            throw; // ThrowTerminatingError does not return.
        }
    }

    public static IReadOnlyList<PropertySelector> Parse(IEnumerable<object>? items, bool allowSortKeys) =>
        (items ?? Array.Empty<object>()).Select(item => ParseOne(item, allowSortKeys)).ToList();

    /// <summary>Evaluates the selector against one input object (null when the property does not exist).</summary>
    public object? Evaluate(PSObject input)
    {
        if (Expression is null)
        {
            return input.Properties[PropertyName!]?.Value;
        }

        var results = Expression.InvokeWithContext(
            null, new List<PSVariable> { new("_", input) }, Array.Empty<object>());
        return results.Count switch
        {
            0 => null,
            1 => results[0],
            _ => results.ToArray()
        };
    }

    private static PropertySelector ParseOne(object item, bool allowSortKeys)
    {
        object target = item is PSObject wrapper ? wrapper.BaseObject : item;
        return target switch
        {
            string name => new PropertySelector(name, name, null, null),
            ScriptBlock script => new PropertySelector(script.ToString(), null, script, null),
            IDictionary table => ParseCalculated(table, allowSortKeys),
            _ => throw new ArgumentException(
                $"The property selector \"{target}\" is not valid: use a property name, a script block or a hashtable.")
        };
    }

    private static PropertySelector ParseCalculated(IDictionary table, bool allowSortKeys)
    {
        string? name = null;
        object? expression = null;
        bool? descending = null;
        foreach (DictionaryEntry entry in table)
        {
            string key = entry.Key?.ToString() ?? string.Empty;
            object? value = entry.Value is PSObject wrapper ? wrapper.BaseObject : entry.Value;
            if (IsPrefixOf(key, "Name") || IsPrefixOf(key, "Label"))
            {
                name = value?.ToString();
            }
            else if (IsPrefixOf(key, "Expression"))
            {
                expression = value;
            }
            else if (allowSortKeys && IsPrefixOf(key, "Ascending"))
            {
                descending = !LanguagePrimitives.IsTrue(value);
            }
            else if (allowSortKeys && IsPrefixOf(key, "Descending"))
            {
                descending = LanguagePrimitives.IsTrue(value);
            }
            else
            {
                throw new ArgumentException($"The \"{key}\" key is not valid.");
            }
        }

        return expression switch
        {
            ScriptBlock script => new PropertySelector(name ?? script.ToString(), null, script, descending, name is not null),
            string property => new PropertySelector(name ?? property, property, null, descending, name is not null),
            null => throw new ArgumentException("The Expression key is missing from the calculated property."),
            _ => throw new ArgumentException("The Expression key must be a property name or a script block.")
        };
    }

    private static bool IsPrefixOf(string key, string full) =>
        key.Length > 0 && full.StartsWith(key, StringComparison.OrdinalIgnoreCase);
}
