using System.ComponentModel;
using System.Diagnostics;

namespace NetCourse.Platform;

/// <summary>Runs a program with a time bound; never throws for a missing program or a timeout.</summary>
public static class ExternalCommand
{
    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/>, killed after <paramref name="timeout"/>.</summary>
    public static CommandResult Run(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new Win32Exception("no process");
        }
        catch (Win32Exception e)
        {
            return new CommandResult(-1, "", $"« {program} » introuvable ou non exécutable : {e.Message}");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                return new CommandResult(-1, "", $"« {program} » n'a pas fini en {timeout.TotalSeconds:0} s ; arrêté.");
            }
            process.WaitForExit();
            return new CommandResult(process.ExitCode, output.Result, error.Result);
        }
    }

    /// <summary>True when <paramref name="program"/> is found on PATH.</summary>
    public static bool IsOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
