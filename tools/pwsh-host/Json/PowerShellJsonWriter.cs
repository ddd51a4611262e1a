using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Numerics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EflowManager.PwshHost.Json;

/// <summary>
/// Writes PowerShell pipeline objects as JSON values, the way a WAC gateway reports them in <c>results</c> and
/// the way ConvertTo-Json renders them (one set of rules for both, so tests see what the extension will see).
/// </summary>
/// <remarks>
/// Rules: null; string; bool; char as a string; numbers as JSON numbers (NaN and infinities as null); DateTime and
/// DateTimeOffset as ISO 8601 round-trip strings; enums by name; Guid, Version, TimeSpan, Uri and similar value-like
/// types by ToString(); IDictionary as an object; PSCustomObject note properties in order; other .NET objects by
/// their public readable properties; IEnumerable (not string) as an array. A container deeper than the limit, or
/// one already being written (a cycle), is written as its PowerShell string conversion instead.
/// </remarks>
internal sealed class PowerShellJsonWriter
{
    /// <summary>The depth limit of run output (what the gateway puts in <c>results</c>).</summary>
    public const int OutputDepth = 6;

    /// <summary>
    /// The depth limit of stand-in call parameters: deeper than output because truncating a parameter would
    /// silently change what the simulator is asked to do.
    /// </summary>
    public const int CallParameterDepth = 32;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PublicPropertiesByType = new();

    private static readonly HashSet<Type> ToStringTypes = new()
    {
        typeof(Guid), typeof(Version), typeof(TimeSpan), typeof(Uri), typeof(IPAddress), typeof(SemanticVersion),
        typeof(ScriptBlock), typeof(Regex), typeof(CultureInfo), typeof(System.Text.Encoding), typeof(IntPtr),
        typeof(UIntPtr), typeof(TimeZoneInfo), typeof(DateOnly), typeof(TimeOnly)
    };

    private readonly Utf8JsonWriter _writer;
    private readonly int _maxDepth;
    private readonly HashSet<object> _containersBeingWritten = new(ReferenceEqualityComparer.Instance);

    private PowerShellJsonWriter(Utf8JsonWriter writer, int maxDepth)
    {
        _writer = writer;
        _maxDepth = maxDepth;
    }

    /// <summary>True when some container was cut at the depth limit (ConvertTo-Json warns about it).</summary>
    public bool Truncated { get; private set; }

    /// <summary>Writes <paramref name="value"/> as one JSON value; returns whether anything was cut at the depth limit.</summary>
    public static bool Write(Utf8JsonWriter writer, object? value, int maxDepth)
    {
        var serializer = new PowerShellJsonWriter(writer, maxDepth);
        serializer.WriteValue(value, 0);
        return serializer.Truncated;
    }

    /// <summary>
    /// Serializes <paramref name="value"/> to UTF-8 JSON on its own, so a failure cannot leave a half-written
    /// message behind: the caller embeds the result with WriteRawValue.
    /// </summary>
    public static byte[] ToUtf8(object? value, int maxDepth, JsonWriterOptions options)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            Write(writer, value, maxDepth);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private void WriteValue(object? value, int depth)
    {
        if (value is null || ReferenceEquals(value, System.Management.Automation.Internal.AutomationNull.Value))
        {
            _writer.WriteNullValue();
            return;
        }

        var wrapper = value as PSObject;
        object target = wrapper?.BaseObject ?? value;
        if (TryWriteScalar(target))
        {
            return;
        }

        // Every PSCustomObject shares one BaseObject instance (PSCustomObject.SelfInstance), so its identity for
        // cycle detection is its PSObject wrapper; otherwise a nested [pscustomobject] would look like a cycle.
        object identity = target is PSCustomObject && wrapper is not null ? wrapper : target;
        if (depth > _maxDepth || !_containersBeingWritten.Add(identity))
        {
            Truncated |= depth > _maxDepth;
            _writer.WriteStringValue(ConvertToString(wrapper ?? target));
            return;
        }

        try
        {
            if (target is PSCustomObject && wrapper is not null)
            {
                WriteProperties(wrapper.Properties.Select(p => (p.Name, (Func<object?>)(() => p.Value))), depth);
            }
            else if (target is IDictionary dictionary)
            {
                WriteDictionary(dictionary, depth);
            }
            else if (target is IEnumerable enumerable)
            {
                _writer.WriteStartArray();
                foreach (object? item in enumerable)
                {
                    WriteValue(item, depth + 1);
                }

                _writer.WriteEndArray();
            }
            else
            {
                WriteProperties(ReadableProperties(target), depth);
            }
        }
        finally
        {
            _containersBeingWritten.Remove(identity);
        }
    }

    private bool TryWriteScalar(object value)
    {
        switch (value)
        {
            case string text:
                _writer.WriteStringValue(text);
                return true;
            case char character:
                _writer.WriteStringValue(character.ToString());
                return true;
            case bool flag:
                _writer.WriteBooleanValue(flag);
                return true;
            case SwitchParameter switchParameter:
                _writer.WriteBooleanValue(switchParameter.IsPresent);
                return true;
            case sbyte or byte or short or ushort or int or uint or long:
                _writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                return true;
            case ulong unsignedLong:
                _writer.WriteNumberValue(unsignedLong);
                return true;
            case decimal number:
                _writer.WriteNumberValue(number);
                return true;
            case float single:
                WriteFloatingPoint(single);
                return true;
            case double real:
                WriteFloatingPoint(real);
                return true;
            case BigInteger big:
                _writer.WriteRawValue(big.ToString(CultureInfo.InvariantCulture));
                return true;
            case DateTime dateTime:
                _writer.WriteStringValue(dateTime.ToString("o", CultureInfo.InvariantCulture));
                return true;
            case DateTimeOffset dateTimeOffset:
                _writer.WriteStringValue(dateTimeOffset.ToString("o", CultureInfo.InvariantCulture));
                return true;
            case Enum enumValue:
                _writer.WriteStringValue(enumValue.ToString());
                return true;
            case Type or MemberInfo or Assembly or Delegate:
                _writer.WriteStringValue(value.ToString());
                return true;
        }

        if (ToStringTypes.Contains(value.GetType()))
        {
            _writer.WriteStringValue(value.ToString());
            return true;
        }

        return false;
    }

    private void WriteFloatingPoint(double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            _writer.WriteNullValue();
        }
        else
        {
            _writer.WriteNumberValue(number);
        }
    }

    private void WriteDictionary(IDictionary dictionary, int depth)
    {
        _writer.WriteStartObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            _writer.WritePropertyName(ConvertToString(entry.Key));
            WriteValue(entry.Value, depth + 1);
        }

        _writer.WriteEndObject();
    }

    private void WriteProperties(IEnumerable<(string Name, Func<object?> Read)> properties, int depth)
    {
        _writer.WriteStartObject();
        foreach ((string name, Func<object?> read) in properties)
        {
            _writer.WritePropertyName(name);
            object? propertyValue;
            try
            {
                propertyValue = read();
            }
            catch (Exception)
            {
                // A getter that throws (common on live .NET objects) reads as null, as ConvertTo-Json does.
                propertyValue = null;
            }

            WriteValue(propertyValue, depth + 1);
        }

        _writer.WriteEndObject();
    }

    /// <summary>Public readable instance properties of a .NET object, then note properties added to it with Add-Member.</summary>
    private static IEnumerable<(string Name, Func<object?> Read)> ReadableProperties(object target)
    {
        PropertyInfo[] publicProperties = PublicPropertiesByType.GetOrAdd(
            target.GetType(),
            type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
                .ToArray());
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (PropertyInfo property in publicProperties)
        {
            if (seen.Add(property.Name))
            {
                yield return (property.Name, () => property.GetValue(target));
            }
        }

        foreach (PSPropertyInfo note in PSObject.AsPSObject(target).Properties.OfType<PSNoteProperty>())
        {
            if (seen.Add(note.Name))
            {
                yield return (note.Name, () => note.Value);
            }
        }
    }

    private static string ConvertToString(object? value)
    {
        try
        {
            return LanguagePrimitives.ConvertTo<string>(value) ?? string.Empty;
        }
        catch (Exception)
        {
            return value?.ToString() ?? string.Empty;
        }
    }
}
