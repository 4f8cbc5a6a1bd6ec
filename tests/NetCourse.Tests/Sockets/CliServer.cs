using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NetCourse.Tests.Sockets;

/// <summary>`netcourse serve KIND --port 0 …` started as a real process; stopped with SIGINT (Ctrl-C) on dispose.</summary>
internal sealed partial class CliServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _rest;

    private CliServer(Process process, int port, string firstLine, Task<string> rest)
    {
        _process = process;
        Port = port;
        FirstLine = firstLine;
        _rest = rest;
    }

    public int Port { get; }

    public string FirstLine { get; }

    public int Pid => _process.Id;

    /// <summary>
    /// The CLI that a user who cannot read this clone (the clone may be in a folder of mode 700) can still run: as root,
    /// a world-readable copy of the CLI's own build folder; otherwise the CLI itself.
    /// </summary>
    public static string UnprivilegedCliDll
    {
        get
        {
            if (!Environment.IsPrivilegedProcess) return CliDll;
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name; // debug or release
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var folder = Path.Combine(dir.FullName, "bin", "NetCourse.Cli", configuration);
                if (File.Exists(Path.Combine(folder, "NetCourse.Cli.deps.json")))
                    return Path.Combine(ReadableCopy.Of(folder, "."), "NetCourse.Cli.dll");
            }
            throw new FileNotFoundException("dossier de construction de NetCourse.Cli introuvable : construisez lib/NetCourse.Cli.");
        }
    }

    public static string CliDll
    {
        get
        {
            var local = Path.Combine(AppContext.BaseDirectory, "NetCourse.Cli.dll");
            if (File.Exists(local) && File.Exists(Path.Combine(AppContext.BaseDirectory, "NetCourse.Cli.runtimeconfig.json"))) return local;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "bin", "NetCourse.Cli", "debug", "NetCourse.Cli.dll");
                if (File.Exists(candidate)) return candidate;
            }
            throw new FileNotFoundException("NetCourse.Cli.dll introuvable : construisez lib/NetCourse.Cli.");
        }
    }

    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        // Through `env --default-signal=INT`: a test suite started in the background by a script (no job control)
        // inherits SIGINT ignored, and so would the CLI, which then never sees the Ctrl-C the tests send. At a
        // terminal, SIGINT has its default disposition: the CLI gets exactly that.
        var info = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--default-signal=INT");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(CliDll);
        foreach (var a in arguments) info.ArgumentList.Add(a);
        return info;
    }

    public static async Task<CliServer> StartAsync(string kind, params string[] extra)
    {
        var process = Process.Start(StartInfo(["serve", kind, "--port", "0", .. extra]))!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) ?? "";
            var match = PortPattern().Match(line);
            if (!match.Success)
                throw new InvalidOperationException($"pas de port dans « {line} » ; erreur : {await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(5))}");
            return new CliServer(process, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), line,
                process.StandardOutput.ReadToEndAsync());
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Sends SIGINT (what Ctrl-C sends) and waits for a clean exit.</summary>
    public async Task<(int ExitCode, string Output)> InterruptAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var bound = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(bound.Token);
        return (_process.ExitCode, await _rest);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try { await InterruptAsync(TimeSpan.FromSeconds(5)); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
    }

    [GeneratedRegex(@":(\d+)[\.\s]")]
    private static partial Regex PortPattern();
}
