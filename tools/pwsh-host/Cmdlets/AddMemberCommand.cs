using System;
using System.Management.Automation;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>Add-Member: adds a note property to an object (only -MemberType NoteProperty is supported).</summary>
[Cmdlet(VerbsCommon.Add, "Member", DefaultParameterSetName = MemberSet)]
public sealed class AddMemberCommand : PSCmdlet
{
    private const string MemberSet = "MemberSet";
    private const string NotePropertySet = "NotePropertySingleMemberSet";

    /// <summary>The object to add the member to.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public PSObject InputObject { get; set; } = new();

    /// <summary>The kind of member: NoteProperty.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = MemberSet)]
    [Alias("Type")]
    public PSMemberTypes MemberType { get; set; }

    /// <summary>The member's name.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = MemberSet)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>The member's value.</summary>
    [Parameter(Position = 2, ParameterSetName = MemberSet)]
    [AllowNull]
    public object? Value { get; set; }

    /// <summary>The note property's name (short form).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NotePropertySet)]
    [ValidateNotNullOrEmpty]
    [ValidateNotMemberTypeName]
    public string NotePropertyName { get; set; } = string.Empty;

    /// <summary>The note property's value (short form).</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = NotePropertySet)]
    [AllowNull]
    public object? NotePropertyValue { get; set; }

    /// <summary>Writes the object after adding the member.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Replaces a member of the same name instead of failing.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        bool shortForm = ParameterSetName == NotePropertySet;
        if (!shortForm && MemberType != PSMemberTypes.NoteProperty)
        {
            ThrowTerminatingError(new ErrorRecord(
                new NotSupportedException($"Add-Member here supports -MemberType NoteProperty only, not {MemberType}."),
                "UnsupportedMemberType",
                ErrorCategory.NotImplemented,
                MemberType));
        }

        string name = shortForm ? NotePropertyName : Name;
        object? value = shortForm ? NotePropertyValue : Value;
        PSMemberInfo? existing = InputObject.Members[name];
        if (existing is not null)
        {
            if (!Force.IsPresent || !existing.IsInstance)
            {
                WriteError(new ErrorRecord(
                    new PSInvalidOperationException(Force.IsPresent
                        ? $"Cannot force the member with name \"{name}\" and type \"{existing.MemberType}\" to be added. A member with that name and type already exists, and the existing member is not an instance member."
                        : $"Cannot add a member with the name \"{name}\" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command."),
                    "MemberAlreadyExists",
                    ErrorCategory.InvalidOperation,
                    InputObject));
                return;
            }

            InputObject.Members.Remove(name);
        }

        InputObject.Members.Add(new PSNoteProperty(name, value));
        if (PassThru.IsPresent)
        {
            WriteObject(InputObject);
        }
    }
}
