using System.Net;
using System.Net.Sockets;
using NetCourse.Sockets;

namespace NetCourse.Tests.Sockets;

/// <summary>
/// The echo, chat and HTTP servers keep one contract, through <see cref="ITcpServerStart{TSelf}"/> alone (as the CLI's
/// <c>serve</c> uses them): bounds checked before binding, where they listen, a taken port reported or replaced, a
/// client counted, the port freed on dispose.
/// </summary>
public sealed class TcpServerContractTests
{
    [Fact]
    public Task Echo_server_keeps_the_contract() => AssertContract<EchoServer>();

    [Fact]
    public Task Chat_server_keeps_the_contract() => AssertContract<ChatServer>();

    [Fact]
    public Task Http_server_keeps_the_contract() => AssertContract<TinyHttpServer>();

    private static async Task AssertContract<TServer>() where TServer : ITcpServerStart<TServer>
    {
        var bad = ServerOptions.Default with { MaxClients = 0 };
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => TServer.StartAsync(0, null, bad, true));

        var server = await TServer.StartAsync(FreePortBelowEphemeralRange(), null, null, false);
        int port;
        await using (server.ConfigureAwait(false))
        {
            port = server.Port;
            Assert.True(port > 0);
            Assert.Equal(new IPEndPoint(IPAddress.Loopback, port), server.EndPoint);
            Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), server.Notice, StringComparison.Ordinal);

            var taken = await Assert.ThrowsAsync<PortInUseException>(() => TServer.StartAsync(port, null, null, false));
            Assert.Equal(port, taken.Port);
            var replaced = await TServer.StartAsync(port, null, null, true);
            await using (replaced.ConfigureAwait(false))
            {
                Assert.NotEqual(port, replaced.Port);
                Assert.Contains("déjà pris", replaced.Notice, StringComparison.Ordinal);
            }

            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await client.ConnectAsync(server.EndPoint);
            await EchoServerTests.WaitUntil(() => server.Stats.Accepted == 1);
        }
        await using var again = await TServer.StartAsync(port, null, null, false);
        Assert.Equal(port, again.Port);
    }

    /// <summary>
    /// A free loopback port below the kernel's ephemeral range. The test binds its port again after the dispose; a port
    /// from that range could meanwhile become the source port of any connection opened on the machine (the notebook
    /// tests run beside these), and the second bind then fails for a reason that is not the server's.
    /// </summary>
    private static int FreePortBelowEphemeralRange()
    {
        var low = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '],
            StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(Math.Min(20000, low - 1000), low);
            try
            {
                var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                probe.Stop();
                return port;
            }
            catch (SocketException)
            {
            }
        }
        throw new InvalidOperationException($"no free port below {low} after 100 tries");
    }
}
