using NetCourse.Platform;
using NetCourse.Tests.Sockets;

namespace NetCourse.Tests.Cli;

/// <summary>
/// The CLI's multicore JIT profile (a start-up cost of netcourse dissect, issue 12): kept per sub-command in the user's
/// cache, and never a reason for a run to fail or to print something else, whether the profile is damaged or held by
/// another run.
/// </summary>
public sealed class JitProfileTests : IDisposable
{
    private static readonly string Capture = Path.Combine(TestPaths.Root, "data", "06-http.pcap");

    private readonly string _cache = Directory.CreateTempSubdirectory("netcourse-cache-").FullName;

    private string Profile => Path.Combine(_cache, "netcourse", "dissect.jitprofile");

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    private CommandResult Dissect() =>
        ExternalCommand.Run("env", [$"XDG_CACHE_HOME={_cache}", "dotnet", CliServer.CliDll, "dissect", Capture], TimeSpan.FromSeconds(60));

    private static void AssertSameRun(CommandResult expected, CommandResult actual)
    {
        Assert.True(actual.ExitCode == 0, $"exit {actual.ExitCode}: {actual.Error}");
        Assert.Equal("", actual.Error);
        Assert.Equal(expected.Output, actual.Output);
    }

    [Fact]
    public void A_run_leaves_the_profile_of_its_sub_command_and_the_next_run_prints_the_same()
    {
        var first = Dissect();
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(File.Exists(Profile), $"no profile in {_cache}");
        Assert.True(new FileInfo(Profile).Length > 0, "empty profile");
        AssertSameRun(first, Dissect());
        // An option or a typo is not a sub-command: it names no file.
        _ = ExternalCommand.Run("env", [$"XDG_CACHE_HOME={_cache}", "dotnet", CliServer.CliDll, "--version"], TimeSpan.FromSeconds(60));
        Assert.Equal(["dissect.jitprofile", "dissect.lock"], Directory.GetFiles(Path.Combine(_cache, "netcourse")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_truncated_or_empty_profile_changes_nothing()
    {
        var first = Dissect();
        var bytes = File.ReadAllBytes(Profile);
        foreach (var length in new[] { bytes.Length / 2, 17, 0 })
        {
            File.WriteAllBytes(Profile, bytes[..length]);
            AssertSameRun(first, Dissect());
        }
    }

    [Fact]
    public void A_run_while_another_holds_the_profile_runs_without_it()
    {
        var first = Dissect();
        var before = File.ReadAllBytes(Profile);
        File.WriteAllBytes(Profile, before[..(before.Length / 2)]);
        // The same lock a concurrent run of netcourse takes (flock, through FileShare.None).
        using (new FileStream(Path.Combine(_cache, "netcourse", "dissect.lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            AssertSameRun(first, Dissect());
        Assert.Equal(before.Length / 2, new FileInfo(Profile).Length);
        AssertSameRun(first, Dissect());
        Assert.True(new FileInfo(Profile).Length > before.Length / 2, "the run after the lock was released did not rewrite the profile");
    }
}
