using System;

// Deliberately in PowerShell's namespace, not EflowManager.PwshHost: Write-Error's exception type name
// (Microsoft.PowerShell.Commands.WriteErrorException) is what a real gateway reports as `exceptionType` and what
// scripts may test with `catch [Microsoft.PowerShell.Commands.WriteErrorException]`. The real type lives in
// Microsoft.PowerShell.Commands.Utility, which this engine does not have, so the name cannot collide.
namespace Microsoft.PowerShell.Commands;

/// <summary>The exception of an error written by Write-Error -Message.</summary>
public class WriteErrorException : SystemException
{
    /// <summary>Creates the exception with the default message.</summary>
    public WriteErrorException()
        : base("The Write-Error cmdlet reported an error.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public WriteErrorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public WriteErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
