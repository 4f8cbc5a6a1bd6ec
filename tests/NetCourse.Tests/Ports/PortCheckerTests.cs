using System.Net;
using System.Net.Sockets;
using NetCourse.Ports;

namespace NetCourse.Tests.Ports;

public class PortCheckerTests
{
    [Fact]
    public async Task A_listening_port_is_open()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var result = await PortChecker.CheckAsync("127.0.0.1", port);
        Assert.Equal(PortState.Open, result.State);
        Assert.InRange(result.Milliseconds, 0.0, 2000.0);
    }

    [Fact]
    public async Task A_port_where_nothing_listens_is_closed_by_a_reset()
    {
        var port = FreePort();
        var result = await PortChecker.CheckAsync("localhost", port);
        Assert.Equal(PortState.Closed, result.State);
        Assert.Contains("RST", result.Message);
    }

    [Theory]
    [InlineData("198.20.0.9", 80, "ni la boucle locale")]
    [InlineData("example.invalid", 80, "est un nom")]
    [InlineData("", 80, "Aucune machine")]
    [InlineData("127.0.0.1", 0, "port TCP valide")]
    [InlineData("127.0.0.1", 70000, "port TCP valide")]
    public async Task Bad_or_foreign_targets_are_not_tried(string host, int port, string why)
    {
        var result = await PortChecker.CheckAsync(host, port);
        Assert.Equal(PortState.NotChecked, result.State);
        Assert.Contains(why, result.Message);
        Assert.Equal(0, result.Milliseconds);
    }

    [Fact]
    public async Task A_scan_reports_each_port_in_order()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var open = ((IPEndPoint)listener.LocalEndpoint).Port;
        var closed = FreePort();
        var results = await PortChecker.ScanAsync("127.0.0.1", [closed, open]);
        Assert.Equal([PortState.Closed, PortState.Open], results.Select(r => r.State));
        await Assert.ThrowsAsync<ArgumentException>(() => PortChecker.ScanAsync("127.0.0.1", Enumerable.Range(1, 2000)));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
