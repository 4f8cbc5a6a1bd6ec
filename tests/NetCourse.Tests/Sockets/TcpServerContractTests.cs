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

        var server = await TServer.StartAsync(0, null, null, true);
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
}
