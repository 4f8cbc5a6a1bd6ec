using System.Diagnostics;
using System.Text.Json;

namespace NetCourse.Book;

/// <summary>
/// Executes a notebook with the real .NET Interactive kernel through Jupyter's nbclient (tools/execute_notebook.py),
/// exactly as a student's Jupyter would, and reads back which cells failed.
/// </summary>
public sealed class NotebookRunner(string repositoryRoot)
{
    /// <summary>The Python that has nbclient (Debian's, unless NETCOURSE_PYTHON says otherwise).</summary>
    public static string Python =>
        Environment.GetEnvironmentVariable("NETCOURSE_PYTHON") is { Length: > 0 } python ? python
        : File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>
    /// Signs each executed notebook in the user's Jupyter notebook database (as <c>jupyter trust</c> does), so that
    /// the Jupyter UI opens it trusted, outputs and charts included.
    /// </summary>
    public bool Trust { get; init; }

    /// <summary>Runs <paramref name="notebookPath"/>; writes the executed notebook (and HTML page when asked).</summary>
    /// <param name="notebookPath">The notebook to run.</param>
    /// <param name="executedPath">Where the executed notebook goes.</param>
    /// <param name="htmlPath">Where its HTML page goes, or null.</param>
    /// <param name="cellTimeout">The bound on each cell.</param>
    /// <param name="runs">How many times the whole notebook runs in one kernel.</param>
    /// <param name="cancellationToken">Stops the run (the kernel is killed).</param>
    /// <param name="launcher">A program (and its arguments) that starts the runner, for example <c>setpriv</c> with
    /// capabilities dropped to run a chapter without capture rights; null to start Python directly.</param>
    /// <param name="environment">Variables given to the runner and so to the kernel (the exercise engine's
    /// NETCOURSE_PROGRESS and NETCOURSE_SOLUTIONS), or null.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068", Justification = "launcher and environment came later, as optional trailing parameters; moving the token would break positional callers.")]
    public async Task<NotebookRunResult> RunAsync(string notebookPath, string executedPath, string? htmlPath,
        TimeSpan cellTimeout, int runs = 1, CancellationToken cancellationToken = default, IReadOnlyList<string>? launcher = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(launcher is { Count: > 0 } ? launcher[0] : Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!,
        };
        info.Environment["NETCOURSE_KERNEL_LOCK"] = KernelLock.Path; // this user's own lock, never another user's
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;
        if (launcher is { Count: > 0 })
        {
            foreach (var argument in launcher.Skip(1)) info.ArgumentList.Add(argument);
            info.ArgumentList.Add(Python);
        }
        info.ArgumentList.Add(Path.Combine(repositoryRoot, "tools", "execute_notebook.py"));
        info.ArgumentList.Add(Path.GetFullPath(notebookPath));
        info.ArgumentList.Add("--out");
        info.ArgumentList.Add(Path.GetFullPath(executedPath));
        if (htmlPath is not null)
        {
            info.ArgumentList.Add("--html");
            info.ArgumentList.Add(Path.GetFullPath(htmlPath));
        }
        info.ArgumentList.Add("--timeout");
        info.ArgumentList.Add(((int)Math.Ceiling(cellTimeout.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.ArgumentList.Add("--runs");
        info.ArgumentList.Add(runs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Trust) info.ArgumentList.Add("--trust");

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{Python} n'a pas démarré.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var lastLine = (await output.ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return Parse(Path.GetFileName(notebookPath), lastLine, await error.ConfigureAwait(false));
    }

    private static NotebookRunResult Parse(string notebook, string summaryLine, string stderr)
    {
        try
        {
            using var json = JsonDocument.Parse(summaryLine);
            var root = json.RootElement;
            var errors = root.GetProperty("errors").EnumerateArray()
                .Select(e => new NotebookError(e.GetProperty("run").GetInt32(), e.GetProperty("cell").GetInt32(),
                    e.GetProperty("ename").GetString() ?? "", e.GetProperty("evalue").GetString() ?? ""))
                .ToArray();
            var cellSeconds = root.TryGetProperty("cell_seconds", out var cells)
                ? cells.EnumerateArray().ToDictionary(c => c[0].GetInt32(), c => c[1].GetDouble())
                : [];
            return new NotebookRunResult(notebook, root.GetProperty("cells").GetInt32(), root.GetProperty("code_cells").GetInt32(),
                errors, root.GetProperty("seconds").GetDouble(), root.GetProperty("kernel_start_seconds").GetDouble(),
                root.GetProperty("timed_out").GetBoolean(), cellSeconds);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            var tail = stderr.Length > 1500 ? stderr[^1500..] : stderr;
            return new NotebookRunResult(notebook, 0, 0,
                [new NotebookError(0, 0, "RunnerError", $"execute_notebook.py n'a pas rendu de résumé. {tail}")], 0, 0, false,
                new Dictionary<int, double>());
        }
    }
}
