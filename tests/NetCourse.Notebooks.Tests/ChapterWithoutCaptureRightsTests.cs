using System.Diagnostics;

namespace NetCourse.Notebooks.Tests;

/// <summary>
/// The chapters that capture (06, 07, 08) also run for a student without capture rights. Run as root, the test starts
/// the kernel as the unprivileged user <c>nobody</c> (its own HOME with the kernel spec and the pinned kernel tool, under
/// the shared kernel lock); run unprivileged, it simply runs the chapter. libpcap cannot open an interface and the lab
/// cannot be built, so the chapters must fall back to the captures of data/ with no cell error.
/// </summary>
public class ChapterWithoutCaptureRightsTests
{
    private const string User = "nobody";
    private static readonly Lazy<(string Home, IReadOnlyList<string>? Launcher, string Root)> Student = new(PrepareStudent);

    public static TheoryData<string> CapturingChapters()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(NotebookFixture.Root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith("06-", StringComparison.Ordinal) || name.StartsWith("07-", StringComparison.Ordinal) || name.StartsWith("08-", StringComparison.Ordinal))
                data.Add(name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CapturingChapters))]
    public async Task A_capturing_chapter_runs_without_capture_rights_on_the_recorded_captures(string notebook)
    {
        var (home, launcher, root) = Student.Value;
        var slug = Path.GetFileNameWithoutExtension(notebook);
        var executed = Path.Combine(home, slug + "-sans-droits.ipynb");
        var result = await new NetCourse.Book.NotebookRunner(root).RunAsync(
            Path.Combine(root, "notebooks", notebook), executed, null,
            cellTimeout: TimeSpan.FromSeconds(180), runs: NotebookFixture.Runs, launcher: launcher);
        Assert.True(result.Succeeded, NotebookFixture.Describe(result));
        if (slug.StartsWith("06-", StringComparison.Ordinal))
        {
            // Chapter 6 really ran without rights, said why, and used the recorded capture.
            var text = File.ReadAllText(executed);
            Assert.Contains("CAP_NET_RAW", text, StringComparison.Ordinal);
            Assert.Contains("capture enregistrée data/06-tcp-handshake.pcap", text, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// As root: a HOME for nobody with the kernel spec and the pinned kernel tool, and a copy of what the chapters need
    /// that nobody can read (the clone may be in a folder of mode 700). Unprivileged: nothing to do.
    /// </summary>
    private static (string, IReadOnlyList<string>?, string) PrepareStudent()
    {
        if (!Environment.IsPrivilegedProcess)
            return (Directory.CreateTempSubdirectory("netcourse-sans-droits").FullName, null, NotebookFixture.Root);
        var newest = Directory.GetFiles(Path.Combine(NotebookFixture.Root, "artifacts", "pkgs"), "NetCourse.Lib.*.nupkg")
            .OrderBy(File.GetLastWriteTimeUtc).Last();
        var root = ReadableCopy.Of(NotebookFixture.Root, ["notebooks", "data", "tools", ".config", "NetCourse.sln",
            Path.GetRelativePath(NotebookFixture.Root, newest)]);
        // A stable folder, so that nobody's NuGet cache and kernel tool survive between runs (only files in /tmp).
        var home = Path.Combine(Path.GetTempPath(), "netcourse-unprivileged-home");
        var kernels = Path.Combine(home, ".local", "share", "jupyter", "kernels", ".net-csharp");
        Directory.CreateDirectory(kernels);
        var rootSpec = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "jupyter", "kernels", ".net-csharp", "kernel.json");
        File.Copy(rootSpec, Path.Combine(kernels, "kernel.json"), overwrite: true);
        Run("chown", "-R", $"{User}:", home);
        string[] environment =
        [
            "env", $"HOME={home}", $"DOTNET_CLI_HOME={home}", "DOTNET_NOLOGO=1", "DOTNET_CLI_TELEMETRY_OPTOUT=1",
            $"JUPYTER_RUNTIME_DIR={Path.Combine(home, "runtime")}", $"NETCOURSE_KERNEL_LOCK={Path.Combine(home, "kernel.lock")}",
        ];
        Run(["runuser", "-u", User, "--", .. environment, "dotnet", "tool", "restore"], root);
        // Root's own kernel lock is taken here, as root (port 2048 is one for both): nobody cannot open root's lock file.
        return (home, ["flock", NetCourse.Book.KernelLock.Path, "runuser", "-u", User, "--", .. environment], root);
    }

    private static void Run(params string[] command) => Run(command, null);

    private static void Run(string[] command, string? folder)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (folder is not null) info.WorkingDirectory = folder;
        foreach (var argument in command.Skip(1)) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{string.Join(' ', command)} : plus de 5 minutes");
        }
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', command)} : code {process.ExitCode} {output.Result} {error.Result}");
    }
}
