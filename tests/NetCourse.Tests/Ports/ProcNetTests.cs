using System.Net;
using System.Net.Sockets;
using NetCourse.Ports;

namespace NetCourse.Tests.Ports;

public class ProcNetTests
{
    private const string Tcp = """
          sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 0100007F:3200 00000000:0000 0A 00000005:00000002 00:00000000 00000000     0        0 4242 1 0000000000000000 100 0 0 10 0
           1: 0100007F:3200 0100007F:C2AE 01 00000000:00000000 00:00000000 00000000     0        0 4343 1 0000000000000000 20 4 30 10 -1
           2: garbage line
        """;

    [Fact]
    public void Parses_ipv4_lines_and_skips_malformed_ones()
    {
        var entries = ProcNet.Parse(Tcp, "tcp");
        Assert.Equal(2, entries.Count);
        var listen = entries[0];
        Assert.Equal(IPAddress.Loopback, listen.LocalAddress);
        Assert.Equal(12800, listen.LocalPort);
        Assert.Equal("LISTEN", listen.State);
        Assert.Equal(5, listen.SendQueue);
        Assert.Equal(2, listen.ReceiveQueue);
        Assert.Equal(4242, listen.Inode);
        Assert.True(listen.IsListening);
        Assert.True(listen.IsLoopbackOnly);
        Assert.Equal("ESTABLISHED", entries[1].State);
        Assert.Equal(49838, entries[1].RemotePort);
        Assert.False(entries[1].IsListening);
    }

    [Fact]
    public void Decodes_ipv6_words_in_host_order()
    {
        Assert.True(ProcNet.TryEndpoint("00000000000000000000000001000000:0050", out var address, out var port));
        Assert.Equal(IPAddress.IPv6Loopback, address);
        Assert.Equal(80, port);
        Assert.True(ProcNet.TryEndpoint("0000000000000000FFFF00000100007F:1F90", out var mapped, out _));
        Assert.Equal(IPAddress.Parse("::ffff:127.0.0.1"), mapped);
        Assert.True(new SocketEntry("tcp6", mapped, 8080, IPAddress.IPv6Any, 0, "LISTEN", 0, 0, 1).IsLoopbackOnly);
        Assert.False(ProcNet.TryEndpoint("XYZ:0050", out _, out _));
    }

    [Fact]
    public void Sees_a_socket_this_test_listens_on_with_its_accept_queue()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(7);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(IPAddress.Loopback, port);

        var mine = ProcNet.Listening().Single(e => e.LocalPort == port && e.Protocol == "tcp");
        Assert.Equal(IPAddress.Loopback, mine.LocalAddress);
        Assert.Contains($"({Environment.ProcessId})", mine.Process);
        var queue = ProcNet.FindListener(port);
        Assert.NotNull(queue);
        Assert.Equal(1, queue.ReceiveQueue);
    }

    [Fact]
    public void Sees_a_bound_udp_socket()
    {
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
        Assert.Contains(ProcNet.Listening(), e => e.Protocol == "udp" && e.LocalPort == port);
    }
}
