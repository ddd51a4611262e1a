using System;
using System.Collections;
using System.Collections.ObjectModel;
using System.Management.Automation;
using EflowManager.PwshHost.ComStandIns;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>
/// New-Object: creates a .NET object (constructor chosen by PowerShell's own overload resolution), a
/// PSCustomObject (<c>New-Object PSObject -Property @{...}</c>), or, with -ComObject, the stand-in of a COM object
/// the scripts use (<c>WindowsInstaller.Installer</c>, see ComStandIns); any other ProgID fails as an unregistered
/// class does on Windows.
/// </summary>
[Cmdlet(VerbsCommon.New, "Object", DefaultParameterSetName = NetParameterSet)]
public sealed class NewObjectCommand : PSCmdlet
{
    private const string NetParameterSet = "Net";
    private const string ComParameterSet = "Com";

    // `$type::new` binds constructor arguments exactly as a script would: conversions, params arrays, overloads.
    // The result travels in a hashtable because InvokeScript unrolls collections (a new, empty List would vanish).
    private static readonly ScriptBlock Construct =
        ScriptBlock.Create("param($type, $arguments) @{ Created = $type::new.Invoke($arguments) }");

    /// <summary>The type: a full name or a type accelerator (psobject, hashtable, ...).</summary>
    [Parameter(ParameterSetName = NetParameterSet, Position = 0, Mandatory = true)]
    public string TypeName { get; set; } = string.Empty;

    /// <summary>The ProgID of a COM class, e.g. <c>WindowsInstaller.Installer</c>.</summary>
    [Parameter(ParameterSetName = ComParameterSet, Position = 0, Mandatory = true)]
    public string ComObject { get; set; } = string.Empty;

    /// <summary>Constructor arguments.</summary>
    [Parameter(ParameterSetName = NetParameterSet, Position = 1)]
    [Alias("Args")]
    public object[]? ArgumentList { get; set; }

    /// <summary>Property values to set (note properties for a PSObject).</summary>
    [Parameter]
    public IDictionary? Property { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == ComParameterSet)
        {
            WriteObject(CreateComStandIn());
            return;
        }

        if (!LanguagePrimitives.TryConvertTo(TypeName, out Type? type) || type is null)
        {
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException($"Cannot find type [{TypeName}]: verify that the assembly containing this type is loaded."),
                "TypeNotFound",
                ErrorCategory.InvalidType,
                TypeName));
            return;
        }

        bool custom = type == typeof(PSObject) || type == typeof(PSCustomObject);
        object instance = custom ? new PSObject() : Create(type);
        if (Property is not null)
        {
            SetProperties(PSObject.AsPSObject(instance), addMissing: custom);
        }

        WriteObject(instance);
    }

    private object CreateComStandIn()
    {
        if (!string.Equals(ComObject.Trim(), WindowsInstallerStandIn.ProgId, StringComparison.OrdinalIgnoreCase))
        {
            // Windows' own message for a ProgID that names no registered class.
            var unregistered = new System.Runtime.InteropServices.COMException(
                "Retrieving the COM class factory for component with CLSID {00000000-0000-0000-0000-000000000000} failed due to the following error: 80040154 Class not registered (Exception from HRESULT: 0x80040154 (REGDB_E_CLASSNOTREG)).",
                unchecked((int)0x80040154));
            ThrowTerminatingError(new ErrorRecord(unregistered, "NoCOMClassIdentified", ErrorCategory.ResourceUnavailable, ComObject));
        }

        var instance = new WindowsInstallerStandIn();
        if (Property is not null)
        {
            SetProperties(PSObject.AsPSObject(instance), addMissing: false);
        }

        return instance;
    }

    private object Create(Type type)
    {
        Collection<PSObject> created;
        try
        {
            created = InvokeCommand.InvokeScript(false, Construct, null, type, ArgumentList ?? Array.Empty<object>());
        }
        catch (RuntimeException exception)
        {
            ThrowTerminatingError(new ErrorRecord(
                exception, "ConstructorInvokedThrowException", ErrorCategory.InvalidOperation, TypeName));
            throw;
        }

        return created.Count == 1 && created[0].BaseObject is Hashtable holder && holder["Created"] is { } instance
            ? instance
            : throw new PSInvalidOperationException($"The constructor of [{type.FullName}] returned nothing.");
    }

    private void SetProperties(PSObject target, bool addMissing)
    {
        foreach (DictionaryEntry entry in Property!)
        {
            string name = entry.Key?.ToString() ?? string.Empty;
            PSPropertyInfo? existing = target.Properties[name];
            if (existing is not null)
            {
                existing.Value = entry.Value;
            }
            else if (addMissing)
            {
                target.Properties.Add(new PSNoteProperty(name, entry.Value));
            }
            else
            {
                WriteError(new ErrorRecord(
                    new PSInvalidOperationException($"The member \"{name}\" was not found for the specified .NET object."),
                    "InvalidOperationException",
                    ErrorCategory.InvalidOperation,
                    target));
            }
        }
    }
}
