using System;
using System.IO;
using System.Linq;
using EflowManager.PwshHost.Ast;
using EflowManager.PwshHost.Serve;

namespace EflowManager.PwshHost;

/// <summary>Entry point: <c>serve</c> (run scripts for Node over stdio) or <c>ast</c> (static facts about scripts).</summary>
public static class Program
{
    private const string Usage =
        "usage: PwshHost serve [--runspaces N] [--module-path DIR]... [--import PATH]... [--failing-opens N]\n" +
        "       PwshHost ast FILE...";

    /// <summary>Runs the mode named by the first argument and returns the exit code.</summary>
    public static int Main(string[] args)
    {
        int exitCode = args.FirstOrDefault() switch
        {
            "serve" => Serve(args.Skip(1).ToArray()),
            "ast" when args.Length > 1 => ScriptAnalyzer.PrintAnalysis(args.Skip(1).ToArray(), Console.OpenStandardOutput()),
            _ => PrintUsage()
        };

        // Runspace pipeline threads are foreground threads: exit explicitly rather than wait for them.
        Console.Error.Flush();
        Environment.Exit(exitCode);
        return exitCode;
    }

    private static int Serve(string[] args)
    {
        ServeOptions options;
        try
        {
            options = ServeOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine($"pwsh-host: {exception.Message}\n{Usage}");
            return 2;
        }

        // stdout belongs to the protocol: anything else that writes to the console goes to stderr instead.
        Stream stdout = Console.OpenStandardOutput();
        Console.SetOut(Console.Error);
        return HostServer.ServeAsync(options, Console.OpenStandardInput(), stdout).GetAwaiter().GetResult();
    }

    private static int PrintUsage()
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
