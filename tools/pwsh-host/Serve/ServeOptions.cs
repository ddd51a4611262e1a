using System;
using System.Collections.Generic;
using System.Globalization;

namespace EflowManager.PwshHost.Serve;

/// <summary>Command-line options of <c>serve</c> mode.</summary>
/// <param name="FailingOpens">For tests: this many runspace opens fail on purpose, to exercise the retry.</param>
internal sealed record ServeOptions(int Runspaces, IReadOnlyList<string> ModulePaths, IReadOnlyList<string> Imports, int FailingOpens = 0)
{
    /// <summary>Runspaces opened when --runspaces is not given.</summary>
    public const int DefaultRunspaces = 4;

    /// <summary>
    /// Parses <c>[--runspaces N] [--module-path DIR]... [--import PATH]... [--failing-opens N]</c>; throws ArgumentException with a
    /// message for the user on anything else.
    /// </summary>
    public static ServeOptions Parse(IReadOnlyList<string> args)
    {
        int runspaces = DefaultRunspaces;
        int failingOpens = 0;
        var modulePaths = new List<string>();
        var imports = new List<string>();
        for (int index = 0; index < args.Count; index++)
        {
            string option = args[index];
            string Value() => index + 1 < args.Count
                ? args[++index]
                : throw new ArgumentException($"{option} needs a value.");
            switch (option)
            {
                case "--runspaces":
                    string count = Value();
                    if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out runspaces) || runspaces < 1)
                    {
                        throw new ArgumentException($"--runspaces must be a whole number of at least 1, not '{count}'.");
                    }

                    break;
                case "--failing-opens":
                    string failures = Value();
                    if (!int.TryParse(failures, NumberStyles.None, CultureInfo.InvariantCulture, out failingOpens))
                    {
                        throw new ArgumentException($"--failing-opens must be a whole number, not '{failures}'.");
                    }

                    break;
                case "--module-path":
                    modulePaths.Add(System.IO.Path.GetFullPath(Value()));
                    break;
                case "--import":
                    imports.Add(System.IO.Path.GetFullPath(Value()));
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{option}'.");
            }
        }

        return new ServeOptions(runspaces, modulePaths, imports, failingOpens);
    }
}
