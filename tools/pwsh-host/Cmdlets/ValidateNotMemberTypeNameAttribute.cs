using System;
using System.Management.Automation;
using System.Reflection;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>
/// Refuses a note property name that is also a member type name (NoteProperty, ScriptMethod, ...). As in
/// PowerShell's own Add-Member, this is what lets <c>Add-Member NoteProperty name value</c> bind positionally to
/// -MemberType/-Name/-Value: the short form's -NotePropertyName rejects "NoteProperty" during positional binding,
/// and the binder moves on to the other parameter set.
/// </summary>
internal sealed class ValidateNotMemberTypeNameAttribute : ValidateArgumentsAttribute
{
    // The binder only moves on when the exception is marked "swallow"; that constructor is internal in
    // System.Management.Automation (pinned at 7.6.9), as it is for PowerShell's own Add-Member. Without it the
    // validation still fails, only with an error instead of the fallback to -MemberType.
    private static readonly ConstructorInfo? SwallowedValidationFailure = typeof(ValidationMetadataException).GetConstructor(
        BindingFlags.Instance | BindingFlags.NonPublic, null, new[] { typeof(string), typeof(bool) }, null);

    /// <inheritdoc />
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        if (arguments is string name && LanguagePrimitives.TryConvertTo(name, out PSMemberTypes memberType) &&
            memberType is PSMemberTypes.AliasProperty or PSMemberTypes.CodeMethod or PSMemberTypes.CodeProperty or
                PSMemberTypes.MemberSet or PSMemberTypes.NoteProperty or PSMemberTypes.PropertySet or
                PSMemberTypes.ScriptMethod or PSMemberTypes.ScriptProperty)
        {
            string message = $"The note property name \"{name}\" is a member type name; use -MemberType {name} -Name <name> instead.";
            throw SwallowedValidationFailure?.Invoke(new object[] { message, true }) as Exception
                  ?? new ValidationMetadataException(message);
        }
    }
}
