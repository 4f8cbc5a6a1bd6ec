using NetCourse.Lab;
using NetCourse.Platform;

namespace NetCourse.Tests.Lab;

/// <summary>
/// The command line as a user without root: as root (CI) the CLI is run as « nobody » through runuser, from a copy it can
/// read (the clone may be in a folder of mode 700); as a normal user it is run directly (it is then unprivileged
/// already). Either way the unprivileged paths are really exercised.
/// </summary>
public class UnprivilegedCliTests
{
    private static CommandResult RunCli(params string[] args)
    {
        var dll = NetCourse.Tests.Sockets.CliServer.UnprivilegedCliDll;
        var env = new[] { "env", "-i", "PATH=/usr/bin:/bin", "HOME=/tmp", "DOTNET_CLI_TELEMETRY_OPTOUT=1", "DOTNET_NOLOGO=1", "/usr/bin/dotnet", dll };
        return MachineCheck.IsRoot
            ? ExternalCommand.Run("runuser", ["-u", "nobody", "--", .. env, .. args], TimeSpan.FromSeconds(60))
            : ExternalCommand.Run("/usr/bin/dotnet", [dll, .. args], TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Lab_up_without_root_says_what_is_needed_and_fails()
    {
        var result = RunCli("lab", "up");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("droits root", result.Error);
        Assert.Contains("data/08-traceroute.pcap", result.Error);
        Assert.Equal("", result.Output.Trim());
    }

    [Fact]
    public void Traceroute_to_loopback_works_without_root_and_raw_probes_say_why_not()
    {
        var ok = RunCli("traceroute", "127.0.0.1", "--probes", "1", "--max-hops", "2");
        Assert.True(ok.ExitCode == 0, ok.Error);
        Assert.Contains(" 1  127.0.0.1", ok.Output);

        var raw = RunCli("traceroute", "127.0.0.1", "--raw", "--probes", "1");
        Assert.Equal(1, raw.ExitCode);
        Assert.Contains("--raw demande root", raw.Error);
    }
}
