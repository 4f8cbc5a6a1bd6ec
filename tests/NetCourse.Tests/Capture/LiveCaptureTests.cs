using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NetCourse.Capture;
using NetCourse.Course;

namespace NetCourse.Tests.Capture;

/// <summary>
/// Live capture on lo. As root every test captures for real; without capture rights the same tests check that
/// starting a capture fails with the French reason (and that the session falls back to data/).
/// </summary>
public class LiveCaptureTests
{
    private static readonly bool CanCapture = CaptureProbe.Check("lo").CanCapture;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task EchoExchangeAsync(int port, string message)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        var server = Task.Run(async () =>
        {
            using var peer = await listener.AcceptTcpClientAsync(timeout.Token);
            var stream = peer.GetStream();
            var buffer = new byte[256];
            var n = await stream.ReadAsync(buffer, timeout.Token);
            await stream.WriteAsync(buffer.AsMemory(0, n), timeout.Token);
            while (await stream.ReadAsync(buffer, timeout.Token) > 0) { }
        }, timeout.Token);
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(message), timeout.Token);
            var buffer = new byte[256];
            _ = await stream.ReadAsync(buffer, timeout.Token);
        }
        await server;
    }

    /// <summary>The TCP flags byte of an Ethernet/IPv4/TCP frame, read straight from the bytes.</summary>
    private static byte TcpFlags(CapturedFrame frame)
    {
        var ipHeader = (frame.Data[14] & 0x0F) * 4;
        return frame.Data[14 + ipHeader + 13];
    }

    [Fact]
    public async Task Captures_a_whole_echo_exchange_started_after_it()
    {
        var port = FreePort();
        if (!CanCapture)
        {
            await Assert.ThrowsAsync<CaptureUnavailableException>(() => LiveCapture.StartAsync("lo", $"tcp port {port}", 50, TimeSpan.FromSeconds(5)));
            return;
        }
        var capture = await LiveCapture.StartAsync("lo", $"tcp port {port}", 50, TimeSpan.FromSeconds(10));
        await EchoExchangeAsync(port, "Bonjour");
        var result = await capture.StopAsync();

        Assert.Equal(LinkType.Ethernet, result.LinkType);
        Assert.Equal(10, result.Count);
        var flags = result.Frames.Select(TcpFlags).ToArray();
        Assert.Equal(0x02, flags[0]);          // SYN
        Assert.Equal(0x12, flags[1]);          // SYN, ACK
        Assert.Equal(0x10, flags[2]);          // ACK
        Assert.Equal(2, flags.Count(f => (f & 0x01) != 0)); // two FINs
        Assert.Equal(2, flags.Count(f => (f & 0x08) != 0)); // two PSH: the message and its echo
        Assert.Contains("arrêtée à la demande", result.Origin, StringComparison.Ordinal);
        Assert.True(result.Frames.Zip(result.Frames.Skip(1)).All(p => p.First.UnixNanoseconds <= p.Second.UnixNanoseconds));
        Assert.False(capture.IsRunning);
    }

    [SkippableFact]
    public async Task Stops_by_itself_after_the_packet_count()
    {
        Requires.Capture("une capture sur lo");
        var port = FreePort();
        var capture = await LiveCapture.StartAsync("lo", $"tcp port {port}", 3, TimeSpan.FromSeconds(10));
        await EchoExchangeAsync(port, "Bonjour");
        var result = await capture.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(3, result.Count);
        Assert.Contains("maximum", capture.StopReason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Stops_by_itself_after_the_timeout_even_with_no_traffic()
    {
        Requires.Capture("une capture sur lo");
        var clock = Stopwatch.StartNew();
        var capture = await LiveCapture.StartAsync("lo", $"tcp port {FreePort()}", 100, TimeSpan.FromMilliseconds(600));
        var result = await capture.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, result.Count);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.5, 3);
        Assert.Contains("durée", capture.StopReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_filter_or_bad_bounds_get_a_french_message()
    {
        if (CanCapture)
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(() => LiveCapture.StartAsync("lo", "tcp port", 10, TimeSpan.FromSeconds(1)));
            Assert.Contains("filtre de capture", error.Message, StringComparison.Ordinal);
        }
        var count = await Assert.ThrowsAsync<ArgumentException>(() => LiveCapture.StartAsync("lo", "", 0, TimeSpan.FromSeconds(1)));
        Assert.Contains("nombre de paquets", count.Message, StringComparison.Ordinal);
        var time = await Assert.ThrowsAsync<ArgumentException>(() => LiveCapture.StartAsync("lo", "", 10, TimeSpan.FromHours(2)));
        Assert.Contains("durée", time.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_interface_says_which_exist()
    {
        var error = await Assert.ThrowsAsync<CaptureUnavailableException>(() => LiveCapture.StartAsync("nc-absent0", "", 10, TimeSpan.FromSeconds(1)));
        Assert.Contains("aucune interface", error.Message, StringComparison.Ordinal);
        Assert.Contains("lo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_falls_back_to_the_recorded_capture_and_says_why()
    {
        await using var session = await CaptureSession.StartAsync("nc-absent0", "tcp port 12800", "06-tcp-handshake.pcap");
        Assert.False(session.IsLive);
        Assert.Contains("aucune interface", session.ToHtml(), StringComparison.Ordinal);
        Assert.Contains("data/06-tcp-handshake.pcap", session.ToHtml(), StringComparison.Ordinal);
        var capture = await session.StopAsync();
        Assert.Equal(10, capture.Count);
        Assert.Contains("capture enregistrée", capture.Origin, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => CaptureSession.StartAsync("lo", "", "99-absent.pcap"));
    }

    [Fact]
    public async Task A_live_session_captures_and_live_resources_stop_it()
    {
        var port = FreePort();
        var name = $"test-capture-{Guid.NewGuid():N}";
        var session = await LiveResources.ReplaceAsync(name, () => CaptureSession.StartAsync("lo", $"tcp port {port}", "06-tcp-handshake.pcap"));
        Assert.Equal(CanCapture, session.IsLive);
        if (!CanCapture)
        {
            Assert.Contains("droits", session.Status.Reason + session.Status.HowToEnable, StringComparison.Ordinal);
            await LiveResources.StopAsync(name);
            return;
        }
        // Re-running the cell: the first capture is stopped, the second one runs.
        var again = await LiveResources.ReplaceAsync(name, () => CaptureSession.StartAsync("lo", $"tcp port {port}", "06-tcp-handshake.pcap"));
        Assert.False(session.Live!.IsRunning);
        Assert.True(again.Live!.IsRunning);
        await EchoExchangeAsync(port, "Salut");
        Assert.Equal(10, (await again.StopAsync()).Count);
        await LiveResources.StopAsync(name);
        Assert.False(again.Live.IsRunning);
    }
}
