using System.Diagnostics;
using System.Text.Json;

namespace NetCourse.Book;

/// <summary>
/// Before any chapter: makes sure the .NET Interactive kernel starts. What needs no root is done here (the pinned
/// kernel tool restored, the kernel spec installed for this user); what does not start gives ONE French message of at
/// most three lines, why and the exact command that fixes it, instead of one Python traceback per chapter.
/// </summary>
public static class KernelCheck
{
    private const string JupyterPackages = "sudo apt-get install -y jupyter-client python3-nbclient python3-nbformat jupyter-nbconvert";

    /// <summary>Checks (and repairs what it can); null when the kernel started, else the message to print.</summary>
    /// <param name="repositoryRoot">The course's repository (its tool manifest and tools/).</param>
    /// <param name="progress">Receives one line per repair done or warning (French).</param>
    /// <param name="cancellationToken">Stops the check.</param>
    public static async Task<string?> EnsureAsync(string repositoryRoot, Action<string> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var modules = await RunAsync(NotebookRunner.Python, ["-c", "import nbclient, nbformat, jupyter_client"], repositoryRoot, cancellationToken).ConfigureAwait(false);
        if (modules.ExitCode != 0)
            return $"Jupyter (nbclient, nbformat) manque : les chapitres ne peuvent pas s'exécuter.\nInstallez-le : {JupyterPackages}";
        if (!LibpcapInstalled())
            progress("[noyau] libpcap manque : pas de capture en direct, les chapitres 6–8 utilisent data/ (sudo apt-get install -y libpcap0.8)");

        var restore = await RunAsync("dotnet", ["tool", "restore"], repositoryRoot, cancellationToken).ConfigureAwait(false);
        if (restore.ExitCode != 0)
            return $"Le noyau .NET Interactive épinglé n'a pas pu être restauré : {LastLine(restore.Error + restore.Output)}\n"
                   + $"Corrigez l'accès au flux NuGet, puis : cd {repositoryRoot} && dotnet tool restore";

        var find = await RunAsync(NotebookRunner.Python, ["-c",
            "from jupyter_client.kernelspec import KernelSpecManager as M; print(M().find_kernel_specs().get('.net-csharp', ''))"],
            repositoryRoot, cancellationToken).ConfigureAwait(false);
        if (find.Output.Trim().Length == 0)
        {
            var kernels = Path.Combine(Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } data ? data
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "jupyter"), "kernels");
            var install = await RunAsync(NotebookRunner.Python, [Path.Combine(repositoryRoot, "tools", "install_kernel_spec.py"), kernels],
                repositoryRoot, cancellationToken).ConfigureAwait(false);
            if (install.ExitCode != 0)
                return $"La spécification du noyau .net-csharp n'a pas pu être installée : {LastLine(install.Error + install.Output)}\n"
                       + "Corrigez avec : sudo bash .ci/install";
            progress($"[noyau] spécification .net-csharp installée pour {Environment.UserName} : {install.Output.Trim()}");
        }

        var start = await RunAsync(NotebookRunner.Python, [Path.Combine(repositoryRoot, "tools", "execute_notebook.py"), "--check-kernel"],
            repositoryRoot, cancellationToken, new Dictionary<string, string> { ["NETCOURSE_KERNEL_LOCK"] = KernelLock.Path }).ConfigureAwait(false);
        var why = Why(start);
        return why is null ? null : $"Le noyau .NET Interactive (.net-csharp) ne démarre pas : {why}\n{Fix(why, repositoryRoot)}";
    }

    /// <summary>Null when the check said the kernel started, else why not.</summary>
    private static string? Why((int ExitCode, string Output, string Error) start)
    {
        var last = start.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        try
        {
            using var json = JsonDocument.Parse(last);
            if (json.RootElement.GetProperty("ok").GetBoolean()) return null;
            return json.RootElement.GetProperty("why").GetString() ?? "raison inconnue";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return LastLine(start.Error + start.Output);
        }
    }

    private static string Fix(string why, string root)
    {
        if (why.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            return "Un autre noyau occupe le port 2048 : attendez la fin de l'autre exécution, puis relancez ./netcourse book";
        if (why.Contains("No such kernel", StringComparison.OrdinalIgnoreCase))
            return "Corrigez avec : sudo bash .ci/install";
        return $"Corrigez avec : cd {root} && dotnet tool restore && dotnet interactive --version";
    }

    private static readonly string[] LibraryFolders = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib", "/lib/x86_64-linux-gnu"];

    private static bool LibpcapInstalled() =>
        LibraryFolders.Any(folder => File.Exists(Path.Combine(folder, "libpcap.so.0.8")) || File.Exists(Path.Combine(folder, "libpcap.so")));

    private static string LastLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(aucun message)";
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, string[] arguments, string folder,
        CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bound.CancelAfter(TimeSpan.FromMinutes(5));
            try
            {
                await process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "", $"{program} introuvable ({e.Message})");
        }
    }
}
