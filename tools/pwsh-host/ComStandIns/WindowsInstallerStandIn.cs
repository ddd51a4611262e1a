using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace EflowManager.PwshHost.ComStandIns;

/// <summary>
/// The stand-in for the <c>WindowsInstaller.Installer</c> COM object (<c>New-Object -ComObject
/// WindowsInstaller.Installer</c>): the part of its automation interface that reads a package, with the member names,
/// parameters and errors of the real one, so a script reaches it the same way on a Windows host (through
/// <c>$object.GetType().InvokeMember(...)</c>, which is IDispatch there and reflection here) and here.
/// <see cref="OpenDatabase"/> asks the simulator once for the package's facts (module <c>WindowsInstaller</c>, command
/// <c>Get-MsiDatabase</c>); the database, its views, records and summary information answer from that snapshot.
/// </summary>
public sealed class WindowsInstallerStandIn
{
    /// <summary>The ProgID it stands in for.</summary>
    public const string ProgId = "WindowsInstaller.Installer";

    // Through the bridge cmdlet, so the call is bound to the run, relays its events, raises its errors and stops with
    // the pipeline exactly as a stand-in cmdlet's call does.
    private static readonly ScriptBlock Call = ScriptBlock.Create(
        "param($parameters) Invoke-EflowSimulatorCall -Module 'WindowsInstaller' -Command 'Get-MsiDatabase' -BoundParameters $parameters");

    /// <summary>Installer.OpenDatabase(DatabasePath, OpenMode): the package at a path, as a database.</summary>
    /// <exception cref="COMException">The host cannot open the file as a package (Windows Installer's own message).</exception>
    public MsiDatabaseStandIn OpenDatabase(object databasePath, object openMode)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["DatabasePath"] = ComArguments.Text(databasePath),
            ["OpenMode"] = ComArguments.Number(openMode)
        };
        Collection<PSObject> answer;
        try
        {
            answer = Call.Invoke(new System.Collections.Hashtable(parameters));
        }
        catch (RuntimeException error) when (error is not PipelineStoppedException)
        {
            // E_FAIL with the member and its parameter names: what the real object raises for a file it cannot open.
            throw new COMException(error.Message, unchecked((int)0x80004005));
        }

        PSObject snapshot = answer.Count == 1 ? answer[0] : throw new COMException("OpenDatabase,DatabasePath,OpenMode", unchecked((int)0x80004005));
        return new MsiDatabaseStandIn(ComArguments.Table(snapshot.Properties["properties"]?.Value),
            ComArguments.Table(snapshot.Properties["summaryInformation"]?.Value));
    }
}

/// <summary>A Database object of the stand-in: its Property table and its summary information.</summary>
public sealed class MsiDatabaseStandIn
{
    // The one query shape the stand-in understands: one property's value (names in backticks or bare, any case of the
    // keywords, as Windows Installer's SQL subset allows).
    private static readonly Regex PropertyQuery = new(
        @"^\s*SELECT\s+`?Value`?\s+FROM\s+`?Property`?\s+WHERE\s+`?Property`?\s*=\s*'([^']*)'\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private readonly IReadOnlyDictionary<string, string> _properties;
    private readonly IReadOnlyDictionary<string, string> _summary;

    internal MsiDatabaseStandIn(IReadOnlyDictionary<string, string> properties, IReadOnlyDictionary<string, string> summary)
    {
        _properties = properties;
        _summary = summary;
    }

    /// <summary>Database.SummaryInformation(UpdateCount): the package's summary information stream.</summary>
    [IndexerName("SummaryInformation")]
    public MsiSummaryInfoStandIn this[object updateCount] => new(_summary);

    /// <summary>Database.OpenView(Sql): a view of <c>SELECT Value FROM Property WHERE Property='Name'</c>.</summary>
    /// <exception cref="COMException">Another query: the stand-in models no other (the real one raises this for bad SQL).</exception>
    public MsiViewStandIn OpenView(object sql)
    {
        Match match = PropertyQuery.Match(ComArguments.Text(sql));
        if (!match.Success)
        {
            throw new COMException("OpenView,Sql", unchecked((int)0x80004005));
        }

        // Property names are case-sensitive in Windows Installer: ProductName is not productname.
        return new MsiViewStandIn(_properties.TryGetValue(match.Groups[1].Value, out string? value) ? value : null);
    }
}

/// <summary>A View object of the stand-in: at most one record, the property's value.</summary>
public sealed class MsiViewStandIn
{
    private readonly string? _value;
    private bool _executed;
    private bool _fetched;

    internal MsiViewStandIn(string? value)
    {
        _value = value;
    }

    /// <summary>View.Execute(): runs the query.</summary>
    public void Execute() => _executed = true;

    /// <summary>View.Fetch(): the next record, or null (nothing in PowerShell) when there is none.</summary>
    public MsiRecordStandIn? Fetch()
    {
        if (!_executed)
        {
            throw new COMException("Fetch", unchecked((int)0x80004005));
        }

        if (_fetched || _value is null)
        {
            return null;
        }

        _fetched = true;
        return new MsiRecordStandIn(_value);
    }

    /// <summary>View.Close(): releases the query's result.</summary>
    public void Close() => _fetched = true;
}

/// <summary>A Record object of the stand-in: one field, the value.</summary>
public sealed class MsiRecordStandIn
{
    private readonly string _value;

    internal MsiRecordStandIn(string value)
    {
        _value = value;
    }

    /// <summary>Record.FieldCount.</summary>
    public int FieldCount => 1;

    /// <summary>Record.StringData(Field): the field's text; fields count from 1, others are empty.</summary>
    [IndexerName("StringData")]
    public string this[object field] => ComArguments.Number(field) == 1 ? _value : string.Empty;
}

/// <summary>A SummaryInfo object of the stand-in.</summary>
public sealed class MsiSummaryInfoStandIn
{
    private readonly IReadOnlyDictionary<string, string> _properties;

    internal MsiSummaryInfoStandIn(IReadOnlyDictionary<string, string> properties)
    {
        _properties = properties;
    }

    /// <summary>SummaryInfo.Property(Pid): e.g. 7 (PID_TEMPLATE) "x64;1033"; null (VT_EMPTY) when the package has none.</summary>
    [IndexerName("Property")]
    public object? this[object pid] =>
        _properties.TryGetValue(ComArguments.Number(pid).ToString(CultureInfo.InvariantCulture), out string? value) ? value : null;
}

/// <summary>Arguments as IDispatch coerces them (a script's values arrive wrapped or as other types).</summary>
internal static class ComArguments
{
    public static string Text(object? value) =>
        LanguagePrimitives.ConvertTo<string>(value is PSObject wrapped ? wrapped.BaseObject : value) ?? string.Empty;

    public static int Number(object? value) =>
        LanguagePrimitives.ConvertTo<int>(value is PSObject wrapped ? wrapped.BaseObject : value);

    /// <summary>A PSCustomObject of the simulator's answer as name → text.</summary>
    public static IReadOnlyDictionary<string, string> Table(object? value)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value is PSObject record)
        {
            foreach (PSPropertyInfo property in record.Properties)
            {
                table[property.Name] = Text(property.Value);
            }
        }

        return table;
    }
}
