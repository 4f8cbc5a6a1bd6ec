using System.Net.Sockets;
using NetCourse.Sockets;

namespace NetCourse.Tests.Sockets;

public class TinyHttpServerTests
{
    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\n\r\n", 200)]
    [InlineData("GET /heure HTTP/1.0\r\n\r\n", 200)]
    [InlineData("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n", 200)]
    [InlineData("GET /nulle-part HTTP/1.1\r\nHost: x\r\n\r\n", 404)]
    [InlineData("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", 405)]
    [InlineData("GET / HTTP/1.1\r\n\r\n", 400)]
    [InlineData("BONJOUR\r\n\r\n", 400)]
    [InlineData("GET / HTTP/9.9\r\nHost: x\r\n\r\n", 400)]
    [InlineData("GET sans-barre HTTP/1.1\r\nHost: x\r\n\r\n", 400)]
    [InlineData("GET / HTTP/1.1\r\nHost x\r\n\r\n", 400)]
    [InlineData("get / HTTP/1.1\r\nHost: x\r\n\r\n", 400)]
    [InlineData("\u0001\u0002\u0003\n\n", 400)]
    [InlineData("GET / HTTP/1.1\nHost: x\n\n", 200)]
    public async Task Answers_each_request_with_the_right_status(string request, int status)
    {
        await using var server = await TinyHttpServer.StartAsync(0);
        var exchange = await RawHttp.SendAsync(server.EndPoint, request);
        Assert.Equal(status, exchange.StatusCode);
        Assert.Contains("Connection: close", exchange.Response);
        Assert.Equal(1, server.Statuses[status]);
    }

    [Fact]
    public async Task The_echo_page_shows_the_request_and_head_has_no_body()
    {
        await using var server = await TinyHttpServer.StartAsync(0);
        var echo = await RawHttp.SendAsync(server.EndPoint, RawHttp.Get("/echo", "exemple"));
        Assert.Contains("Host: exemple", echo.Body);
        var head = await RawHttp.SendAsync(server.EndPoint, "HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.Equal("", head.Body);
    }

    [Fact]
    public async Task A_too_large_head_gets_431()
    {
        await using var server = await TinyHttpServer.StartAsync(0, options: ServerOptions.Default with { MaxMessageBytes = 256 });
        var exchange = await RawHttp.SendAsync(server.EndPoint, "GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + new string('a', 2000) + "\r\n\r\n");
        Assert.Equal(431, exchange.StatusCode);
    }

    [Fact]
    public async Task A_silent_client_gets_408_and_a_vanishing_one_does_not_disturb_the_next()
    {
        await using var server = await TinyHttpServer.StartAsync(0, options: ServerOptions.Default with { IdleTimeout = TimeSpan.FromMilliseconds(300) });
        var silent = await RawHttp.SendAsync(server.EndPoint, "GET / HT", TimeSpan.FromSeconds(5));
        Assert.Equal(408, silent.StatusCode);

        using (var vanishing = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await vanishing.ConnectAsync(server.EndPoint);
            vanishing.Send("GET / HTTP/1.1\r\nHo"u8);
            vanishing.LingerState = new LingerOption(true, 0);
        }
        var next = await RawHttp.SendAsync(server.EndPoint, RawHttp.Get("/", "x"));
        Assert.Equal(200, next.StatusCode);
    }

    [Fact]
    public async Task A_client_that_sends_its_head_too_slowly_gets_408_even_though_it_is_never_silent()
    {
        await using var server = await TinyHttpServer.StartAsync(0, options: ServerOptions.Default with { IdleTimeout = TimeSpan.FromMilliseconds(500) });
        using var slow = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await slow.ConnectAsync(server.EndPoint);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = new List<byte>();
        var buffer = new byte[1024];
        var drip = Task.Run(async () =>
        {
            // One byte every 100 ms: never idle for 500 ms, but the head never ends.
            try { for (var i = 0; i < 100; i++) { await slow.SendAsync("X"u8.ToArray()); await Task.Delay(100); } }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        });
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(8));
        while (true)
        {
            var n = await slow.ReceiveAsync(buffer, SocketFlags.None, bound.Token);
            if (n == 0) break;
            response.AddRange(buffer.AsSpan(0, n).ToArray());
        }
        Assert.StartsWith("HTTP/1.1 408", System.Text.Encoding.ASCII.GetString(response.ToArray()));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3));
        slow.Dispose();
        await drip;
    }

    [Fact]
    public async Task Raw_http_refuses_targets_outside_loopback_and_lab() =>
        await Assert.ThrowsAsync<ArgumentException>(() => RawHttp.SendAsync(new System.Net.IPEndPoint(System.Net.IPAddress.Parse("198.20.0.1"), 80), "GET / HTTP/1.0\r\n\r\n"));
}
