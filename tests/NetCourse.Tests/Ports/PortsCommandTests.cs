using System.Net;
using System.Net.Sockets;
using NetCourse.Tests.Sockets;

namespace NetCourse.Tests.Ports;

/// <summary>`netcourse ports` and `netcourse ports check`, run as real processes.</summary>
public class PortsCommandTests
{
    private static Task<ProcessRun.Result> Cli(params string[] arguments) =>
        ProcessRun.RunAsync("dotnet", [CliServer.CliDll, .. arguments], timeout: TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Lists_a_port_this_test_listens_on()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var run = await Cli("ports");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($" {port}  ", run.Output);
    }

    [Fact]
    public async Task Check_tells_open_from_closed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var open = ((IPEndPoint)listener.LocalEndpoint).Port;
        int closed;
        using (var probe = new TcpListener(IPAddress.Loopback, 0)) { probe.Start(); closed = ((IPEndPoint)probe.LocalEndpoint).Port; }
        var run = await Cli("ports", "check", "127.0.0.1", $"{open}", $"{closed}");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("ouvert", lines[0]);
        Assert.Contains("fermé", lines[1]);
    }

    [Theory]
    [InlineData("255.255.255.255", "80", "ni la boucle locale")]
    [InlineData("site.invalid", "80", "est un nom")]
    [InlineData("127.0.0.1", "0", "invalide")]
    [InlineData("127.0.0.1", "abc", "invalide")]
    [InlineData("127.0.0.1", "1-5000", "au plus")]
    public async Task Refusals_and_bad_input_give_one_french_line_and_exit_1(string host, string port, string expected)
    {
        var run = await Cli("ports", "check", host, port);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("", run.Output);
    }
}
