using System;
using System.Collections;
using System.Collections.ObjectModel;
using System.Management.Automation;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>
/// New-Object: creates a .NET object (constructor chosen by PowerShell's own overload resolution) or a
/// PSCustomObject (<c>New-Object PSObject -Property @{...}</c>).
/// </summary>
[Cmdlet(VerbsCommon.New, "Object")]
public sealed class NewObjectCommand : PSCmdlet
{
    // `$type::new` binds constructor arguments exactly as a script would: conversions, params arrays, overloads.
    // The result travels in a hashtable because InvokeScript unrolls collections (a new, empty List would vanish).
    private static readonly ScriptBlock Construct =
        ScriptBlock.Create("param($type, $arguments) @{ Created = $type::new.Invoke($arguments) }");

    /// <summary>The type: a full name or a type accelerator (psobject, hashtable, ...).</summary>
    [Parameter(Position = 0, Mandatory = true)]
    public string TypeName { get; set; } = string.Empty;

    /// <summary>Constructor arguments.</summary>
    [Parameter(Position = 1)]
    [Alias("Args")]
    public object[]? ArgumentList { get; set; }

    /// <summary>Property values to set (note properties for a PSObject).</summary>
    [Parameter]
    public IDictionary? Property { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
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
