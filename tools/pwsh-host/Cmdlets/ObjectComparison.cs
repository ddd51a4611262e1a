using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>
/// Equality and ordering of pipeline values the way Sort-Object, Group-Object and Select-Object -Unique see them:
/// PowerShell's own comparison (numbers as numbers, strings by culture), nulls first, PSCustomObjects property by
/// property, and the string form of anything that cannot be compared.
/// </summary>
internal static class ObjectComparison
{
    /// <summary>Orders two values (null before anything else).</summary>
    public static int Compare(object? left, object? right, bool ignoreCase)
    {
        left = Unwrap(left);
        right = Unwrap(right);
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1;
        }

        try
        {
            return LanguagePrimitives.Compare(left, right, ignoreCase, CultureInfo.CurrentCulture);
        }
        catch (Exception)
        {
            return string.Compare(
                ToText(left), ToText(right), CultureInfo.CurrentCulture,
                ignoreCase ? CompareOptions.IgnoreCase : CompareOptions.None);
        }
    }

    /// <summary>Tells whether two values are equal; PSCustomObjects are equal when all their properties are.</summary>
    public static bool AreEqual(object? left, object? right, bool ignoreCase)
    {
        if (left is PSObject { BaseObject: PSCustomObject } leftObject &&
            right is PSObject { BaseObject: PSCustomObject } rightObject)
        {
            var leftProperties = leftObject.Properties.ToList();
            var rightProperties = rightObject.Properties.ToList();
            return leftProperties.Count == rightProperties.Count &&
                   leftProperties.Zip(rightProperties).All(pair =>
                       string.Equals(pair.First.Name, pair.Second.Name, StringComparison.OrdinalIgnoreCase) &&
                       AreEqual(pair.First.Value, pair.Second.Value, ignoreCase));
        }

        left = Unwrap(left);
        right = Unwrap(right);
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        try
        {
            return LanguagePrimitives.Equals(left, right, ignoreCase, CultureInfo.CurrentCulture);
        }
        catch (Exception)
        {
            return string.Equals(ToText(left), ToText(right),
                ignoreCase ? StringComparison.CurrentCultureIgnoreCase : StringComparison.CurrentCulture);
        }
    }

    // A PSCustomObject stays wrapped: its base object is one shared placeholder instance.
    private static object? Unwrap(object? value) =>
        value is PSObject wrapper && wrapper.BaseObject is not PSCustomObject ? wrapper.BaseObject : value;

    private static string ToText(object value) => PSObject.AsPSObject(value).ToString();
}
