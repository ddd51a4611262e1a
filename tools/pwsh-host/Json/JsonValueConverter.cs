using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Numerics;
using System.Text.Json;

namespace EflowManager.PwshHost.Json;

/// <summary>What a JSON object becomes on the PowerShell side.</summary>
internal enum JsonObjectShape
{
    /// <summary>A PSCustomObject with note properties in document order (ConvertFrom-Json, stand-in results).</summary>
    PSCustomObject,

    /// <summary>A case-insensitive Hashtable, like a <c>@{}</c> literal (parameters of <c>scriptPath</c> runs).</summary>
    Hashtable,

    /// <summary>An OrderedHashtable keeping document order (ConvertFrom-Json -AsHashtable, as in PowerShell 7).</summary>
    OrderedHashtable
}

/// <summary>A JSON document that cannot be represented on the PowerShell side (duplicate or empty keys).</summary>
internal sealed class JsonConversionException : Exception
{
    public JsonConversionException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// Turns JSON values into the .NET objects PowerShell code receives: strings stay exactly as sent; integers become
/// int when they fit, else long (BigInteger past that); numbers with a fraction or exponent become double; arrays
/// become object[]; objects take the requested <see cref="JsonObjectShape"/>.
/// </summary>
internal static class JsonValueConverter
{
    /// <summary>Converts one JSON value.</summary>
    public static object? ToPowerShell(JsonElement element, JsonObjectShape shape)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return ToNumber(element);
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Array:
                var items = new List<object?>(element.GetArrayLength());
                foreach (JsonElement item in element.EnumerateArray())
                {
                    items.Add(ToPowerShell(item, shape));
                }

                return items.ToArray();
            case JsonValueKind.Object:
                return shape == JsonObjectShape.PSCustomObject ? ToCustomObject(element, shape) : ToHashtable(element, shape);
            default:
                return null;
        }
    }

    private static object ToNumber(JsonElement element)
    {
        string raw = element.GetRawText();
        bool integral = raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;
        if (integral)
        {
            if (element.TryGetInt32(out int small))
            {
                return small;
            }

            if (element.TryGetInt64(out long large))
            {
                return large;
            }

            return BigInteger.Parse(raw, CultureInfo.InvariantCulture);
        }

        return element.GetDouble();
    }

    private static PSObject ToCustomObject(JsonElement element, JsonObjectShape shape)
    {
        var result = new PSObject();
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (property.Name.Length == 0)
            {
                throw new JsonConversionException(
                    "The provided JSON includes a property whose name is an empty string, this is only supported using the -AsHashTable switch.");
            }

            if (result.Properties[property.Name] is { } existing)
            {
                throw new JsonConversionException(existing.Name == property.Name
                    ? DuplicateKeyMessage(property.Name)
                    : $"Cannot convert the JSON string because it contains keys with different casing. Please use the -AsHashTable switch instead. The key that was attempted to be added to the existing key '{existing.Name}' was '{property.Name}'.");
            }

            result.Properties.Add(new PSNoteProperty(property.Name, ToPowerShell(property.Value, shape)));
        }

        return result;
    }

    private static IDictionary ToHashtable(JsonElement element, JsonObjectShape shape)
    {
        IDictionary result = shape == JsonObjectShape.OrderedHashtable
            ? new OrderedHashtable()
            : new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (result.Contains(property.Name))
            {
                throw new JsonConversionException(DuplicateKeyMessage(property.Name));
            }

            result[property.Name] = ToPowerShell(property.Value, shape);
        }

        return result;
    }

    private static string DuplicateKeyMessage(string key) =>
        $"Cannot convert the JSON string because a dictionary that was converted from the string contains the duplicated key '{key}'.";
}
