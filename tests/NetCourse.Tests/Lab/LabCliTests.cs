using System.CommandLine;
using NetCourse.Cli.Lab;
using NetCourse.Lab;
using NetCourse.Platform;

namespace NetCourse.Tests.Lab;

/// <summary>
/// `netcourse lab up|status|down` and `netcourse traceroute --capture` for real, as root (CI runs as root; without root
/// the test fails and says why). Uses its own prefix and subnets so that it cannot touch a notebook's lab.
/// </summary>
public class LabCliTests
{
    private static CommandResult RunCli(params string[] args) =>
        ExternalCommand.Run("/usr/bin/dotnet", [Path.Combine(AppContext.BaseDirectory, "NetCourse.Cli.dll"), .. args], TimeSpan.FromSeconds(60));

    [SkippableFact]
    public void Up_status_traceroute_capture_down()
    {
        Requires.Root("construire le labo avec la ligne de commande");
        var prefix = $"nc-c{Random.Shared.Next(0x1000, 0xffff):x4}";
        var pcap = Path.Combine(Path.GetTempPath(), $"{prefix}.pcap");
        try
        {
            var up = RunCli("lab", "up", "--prefix", prefix, "--first-subnet", "350", "--delay", "0");
            Assert.True(up.ExitCode == 0, up.Error);

            // status lists each router and the host with its address, read back from the system.
            var status = RunCli("lab", "status", "--prefix", prefix);
            Assert.Equal(0, status.ExitCode);
            var lines = status.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(4, lines.Length);
            Assert.StartsWith("machine", lines[0]);
            Assert.Contains($"{prefix}0=198.19.94.1/24", lines[0]);
            Assert.Contains($"{prefix}-r1", lines[1]);
            Assert.Contains("nc-up=198.19.94.2/24", lines[1]);
            Assert.Contains("nc-down=198.19.95.1/24", lines[1]);
            Assert.Contains("nc-up=198.19.95.2/24", lines[2]);
            Assert.StartsWith("hôte", lines[3]);
            Assert.Contains("nc-up=198.19.96.2/24", lines[3]);

            var trace = RunCli("traceroute", "198.19.96.2", "--probes", "2", "--max-hops", "6", "--capture", pcap);
            Assert.True(trace.ExitCode == 0, trace.Error);
            var hops = trace.Output.Split('\n').Where(l => l.Length > 3 && l[0] == ' ' && char.IsAsciiDigit(l[1])).ToArray();
            Assert.Equal(3, hops.Length);
            Assert.StartsWith(" 1  198.19.94.2", hops[0]);
            Assert.StartsWith(" 2  198.19.95.2", hops[1]);
            Assert.StartsWith(" 3  198.19.96.2", hops[2]);
            Assert.Equal(["198.19.94.2", "198.19.95.2"], TracerouteCapture.FromFile(pcap).ToTrace().Routers.Select(a => a.ToString()));

            var down = RunCli("lab", "down", "--prefix", prefix);
            Assert.Equal(0, down.ExitCode);
            Assert.Contains($"{prefix}-r1", down.Output);
            Assert.Empty(LabNetwork.ListNamespaces(prefix));
            Assert.DoesNotContain(prefix, ExternalCommand.Run("ip", ["-o", "link", "show"], TimeSpan.FromSeconds(5)).Output);
            Assert.StartsWith("Aucun labo", RunCli("lab", "status", "--prefix", prefix).Output);
        }
        finally
        {
            LabNetwork.Remove(prefix);
            File.Delete(pcap);
        }
    }

    [Theory]
    [InlineData("lab", "up", "--prefix", "labo")]
    [InlineData("lab", "up", "--routers", "9")]
    [InlineData("lab", "status", "--prefix", "../x")]
    public async Task Bad_lab_options_get_an_error_exit(params string[] args)
    {
        var root = new RootCommand { new LabCommand().Build() };
        Assert.NotEqual(0, await root.Parse(args).InvokeAsync());
    }

    [Fact]
    public async Task Capture_refuses_a_target_outside_the_lab()
    {
        var root = new RootCommand { new TracerouteCommand().Build() };
        Assert.Equal(2, await root.Parse(["traceroute", "127.0.0.1", "--capture", "/tmp/nc-never.pcap"]).InvokeAsync());
        Assert.False(File.Exists("/tmp/nc-never.pcap"));
    }
}
