using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace NetCourse.Notebooks.Tests;

/// <summary>
/// The classic Jupyter Notebook server (Debian's <c>jupyter notebook</c>) on 127.0.0.1, a free port and a random token,
/// serving a throw-away copy of some chapters (the UI saves nothing into the repository). It runs under the shared
/// kernel lock (the .NET kernel always binds port 2048) and is killed, with its kernels, on dispose.
/// </summary>
public sealed class JupyterServer : IAsyncDisposable
{
    private readonly Process _process;

    private JupyterServer(Process process, int port, string token, string folder)
    {
        _process = process;
        Port = port;
        Token = token;
        Folder = folder;
    }

    public int Port { get; }

    public string Token { get; }

    /// <summary>The folder served (the chapters' copies).</summary>
    public string Folder { get; }

    public string NotebookUrl(string notebook) => $"http://127.0.0.1:{Port}/notebooks/{Uri.EscapeDataString(notebook)}?token={Token}";

    /// <summary>Copies <paramref name="notebooks"/> into <paramref name="folder"/> and starts the server on them.</summary>
    public static async Task<JupyterServer> StartAsync(string folder, IEnumerable<string> notebooks, TimeSpan timeout)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        foreach (var notebook in notebooks)
            File.Copy(Path.Combine(NotebookFixture.Root, "notebooks", notebook), Path.Combine(folder, notebook));
        // The copies load the freshly packed library, like the chapters do (data/ is found above the folder).
        // The chapters' own nuget.config (only this clone's artifacts/pkgs for NetCourse.*), its relative feed made absolute.
        File.WriteAllText(Path.Combine(folder, "nuget.config"), File.ReadAllText(Path.Combine(NotebookFixture.Root, "notebooks", "nuget.config"))
            .Replace("\"../artifacts/pkgs\"", $"\"{Path.Combine(NotebookFixture.Root, "artifacts", "pkgs")}\"", StringComparison.Ordinal));

        var port = FreePort();
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var lockPath = NetCourse.Book.KernelLock.Path; // the book's and the notebook tests' lock: one kernel at a time
        var info = new ProcessStartInfo("flock")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[]
                 {
                     lockPath, "jupyter-notebook", "--no-browser", "--ip=127.0.0.1", $"--port={port}", "--port-retries=0",
                     $"--NotebookApp.token={token}", $"--notebook-dir={folder}", "--NotebookApp.open_browser=False",
                 })
        {
            info.ArgumentList.Add(argument);
        }
        if (Environment.IsPrivilegedProcess) info.ArgumentList.Add("--allow-root");
        info.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(folder, ".runtime");
        var process = Process.Start(info)!;
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new JupyterServer(process, port, token, folder);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) break;
            try
            {
                var response = await http.GetAsync($"http://127.0.0.1:{port}/api/status?token={token}");
                if (response.IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException)
            {
                // Not listening yet (or waiting for the kernel lock).
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(500);
        }
        await server.DisposeAsync();
        string text;
        lock (log) text = log.ToString();
        throw new InvalidOperationException($"jupyter notebook did not answer on 127.0.0.1:{port} within {timeout.TotalSeconds} s:\n{text}");
    }

    /// <summary>Kernels the server runs now (JSON of /api/kernels).</summary>
    public async Task<string> KernelsAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        return await http.GetStringAsync($"http://127.0.0.1:{Port}/api/kernels?token={Token}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);
}
