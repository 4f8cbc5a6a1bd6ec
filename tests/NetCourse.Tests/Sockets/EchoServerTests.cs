using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NetCourse.Sockets;

namespace NetCourse.Tests.Sockets;

[Collection(SerialCollection.Name)]
public class EchoServerTests
{
    private static Socket Connect(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = 10_000, SendTimeout = 10_000 };
        socket.Connect(IPAddress.Loopback, port);
        return socket;
    }

    [Fact]
    public async Task Echoes_what_it_receives()
    {
        await using var server = await EchoServer.StartAsync(0);
        using var client = Connect(server.Port);
        client.Send("Bonjour"u8);
        var reply = await SocketReads.ReceiveExactlyAsync(client, 7, new CancellationTokenSource(5000).Token);
        Assert.Equal("Bonjour"u8.ToArray(), reply);
    }

    [Fact]
    public async Task Many_concurrent_clients_lose_and_corrupt_nothing()
    {
        const int Clients = 200, Messages = 20;
        await using var server = await EchoServer.StartAsync(0);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var corrupted = 0;
        var echoed = 0;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(IPAddress.Loopback, server.Port, bound.Token);
            var random = new Random(c);
            for (var m = 0; m < Messages; m++)
            {
                var message = new byte[16 + random.Next(1, 600)];
                random.NextBytes(message);
                BitConverter.TryWriteBytes(message.AsSpan(0, 4), c);
                BitConverter.TryWriteBytes(message.AsSpan(4, 4), m);
                await socket.SendAsync(message, SocketFlags.None, bound.Token);
                var reply = await SocketReads.ReceiveExactlyAsync(socket, message.Length, bound.Token);
                if (!reply.AsSpan().SequenceEqual(message)) Interlocked.Increment(ref corrupted);
                else Interlocked.Increment(ref echoed);
            }
        })));
        Assert.Equal(0, corrupted);
        Assert.Equal(Clients * Messages, echoed);
        Assert.Equal(Clients, server.Stats.Accepted);
    }

    [Fact]
    public async Task A_silent_client_is_disconnected_after_the_idle_timeout()
    {
        await using var server = await EchoServer.StartAsync(0, options: ServerOptions.Default with { IdleTimeout = TimeSpan.FromMilliseconds(300) });
        using var silent = Connect(server.Port);
        var watch = Stopwatch.StartNew();
        var n = await silent.ReceiveAsync(new byte[16], SocketFlags.None, new CancellationTokenSource(5000).Token);
        Assert.Equal(0, n);
        Assert.InRange(watch.Elapsed.TotalMilliseconds, 200, 3000);
        await WaitUntil(() => server.Stats.TimedOut == 1);
    }

    [Fact]
    public async Task A_client_that_vanishes_mid_message_does_not_disturb_the_others()
    {
        await using var server = await EchoServer.StartAsync(0);
        using var steady = Connect(server.Port);
        using (var vanishing = Connect(server.Port))
        {
            vanishing.Send(new byte[100_000]);
            vanishing.LingerState = new LingerOption(true, 0); // close with a RST, data unread
        }
        for (var i = 0; i < 10; i++)
        {
            steady.Send(new[] { (byte)i });
            Assert.Equal(new[] { (byte)i }, await SocketReads.ReceiveExactlyAsync(steady, 1, new CancellationTokenSource(5000).Token));
        }
        Assert.Equal(2, server.Stats.Accepted);
    }

    [Fact]
    public async Task Too_many_clients_are_turned_away_not_queued_forever()
    {
        await using var server = await EchoServer.StartAsync(0, options: ServerOptions.Default with { MaxClients = 2 });
        using var a = Connect(server.Port);
        using var b = Connect(server.Port);
        await WaitUntil(() => server.Stats.Active == 2);
        using var c = Connect(server.Port);
        var n = await c.ReceiveAsync(new byte[4], SocketFlags.None, new CancellationTokenSource(5000).Token);
        Assert.Equal(0, n);
        await WaitUntil(() => server.Stats.Rejected == 1);
    }

    [Fact]
    public async Task Stopping_closes_clients_and_frees_the_port()
    {
        var server = await EchoServer.StartAsync(0);
        var port = server.Port;
        using var client = Connect(port);
        await WaitUntil(() => server.Stats.Active == 1);
        var watch = Stopwatch.StartNew();
        await server.DisposeAsync();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3));
        Assert.Equal(0, await client.ReceiveAsync(new byte[4], SocketFlags.None, new CancellationTokenSource(5000).Token));
        await using var again = await EchoServer.StartAsync(port, fallbackToFreePort: false);
        Assert.Equal(port, again.Port);
    }

    internal static async Task WaitUntil(Func<bool> condition, int milliseconds = 5000)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.ElapsedMilliseconds < milliseconds, "condition non atteinte à temps");
            await Task.Delay(20);
        }
    }
}
