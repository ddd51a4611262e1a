using System;
using System.Globalization;
using System.Management.Automation;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>
/// Get-Random: a random number in [Minimum, Maximum). Integers unless either bound is fractional; with no bounds a
/// non-negative int.
/// </summary>
[Cmdlet(VerbsCommon.Get, "Random")]
public sealed class GetRandomCommand : PSCmdlet
{
    /// <summary>The exclusive upper bound.</summary>
    [Parameter(Position = 0)]
    public object? Maximum { get; set; }

    /// <summary>The inclusive lower bound (default 0).</summary>
    [Parameter]
    public object? Minimum { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (Maximum is null && Minimum is null)
        {
            WriteObject(Random.Shared.Next());
            return;
        }

        if (IsFractional(Maximum) || IsFractional(Minimum))
        {
            double low = Minimum is null ? 0.0 : ToNumber<double>(Minimum);
            double high = Maximum is null ? double.MaxValue : ToNumber<double>(Maximum);
            EnsureOrdered(low, high);
            WriteObject(low + (Random.Shared.NextDouble() * (high - low)));
            return;
        }

        long min = Minimum is null ? 0 : ToNumber<long>(Minimum);
        long max = Maximum is null ? int.MaxValue : ToNumber<long>(Maximum);
        EnsureOrdered(min, max);
        long value = Random.Shared.NextInt64(min, max);
        WriteObject(value is >= int.MinValue and <= int.MaxValue ? (object)(int)value : value);
    }

    private static bool IsFractional(object? bound)
    {
        object? value = bound is PSObject wrapper ? wrapper.BaseObject : bound;
        return value is double or float or decimal ||
               (value is string text && text.IndexOfAny(new[] { '.', 'e', 'E' }) >= 0);
    }

    private T ToNumber<T>(object bound)
    {
        if (!LanguagePrimitives.TryConvertTo(bound, CultureInfo.InvariantCulture, out T number))
        {
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException($"Cannot convert \"{bound}\" to a number."),
                "InvalidBound",
                ErrorCategory.InvalidArgument,
                bound));
        }

        return number;
    }

    private void EnsureOrdered<T>(T minimum, T maximum)
        where T : IComparable<T>
    {
        if (minimum.CompareTo(maximum) >= 0)
        {
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException(string.Format(
                    CultureInfo.InvariantCulture,
                    "The Minimum value ({0}) cannot be greater than or equal to the Maximum value ({1}).",
                    minimum,
                    maximum)),
                "MinGreaterThanOrEqualMax",
                ErrorCategory.InvalidArgument,
                null));
        }
    }
}
