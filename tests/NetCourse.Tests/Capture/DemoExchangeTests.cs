using System.Net;
using System.Net.Sockets;
using NetCourse.Capture;

namespace NetCourse.Tests.Capture;

public class DemoExchangeTests
{
    [Fact]
    public async Task The_echo_comes_back_and_the_port_is_freed()
    {
        var port = DemoExchange.ChoosePort(0 + 12873);
        Assert.Equal("Bonjour serveur", await DemoExchange.EchoAsync(port, "Bonjour serveur", TimeSpan.FromSeconds(5)));
        using var again = new TcpListener(IPAddress.Loopback, port);
        again.Start(); // the server socket is closed
    }

    [Fact]
    public async Task A_taken_port_is_avoided_or_reported_in_french()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        Assert.NotEqual(port, DemoExchange.ChoosePort(port));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DemoExchange.EchoAsync(port, "x", TimeSpan.FromSeconds(2)));
        Assert.Contains("déjà pris", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Capture_status_shows_why_and_how_in_html()
    {
        var html = System.Net.WebUtility.HtmlDecode(new CaptureStatus(false, "lo", "droits insuffisants", "sudo setcap …").ToHtml());
        Assert.Contains("Capture impossible", html, StringComparison.Ordinal);
        Assert.Contains("sudo setcap", html, StringComparison.Ordinal);
        // This machine's real status renders the verdict it holds.
        var live = CaptureProbe.Check("lo");
        var liveHtml = System.Net.WebUtility.HtmlDecode(live.ToHtml());
        Assert.Contains(live.CanCapture ? "Capture possible" : "Capture impossible", liveHtml, StringComparison.Ordinal);
        Assert.Contains(live.Reason, liveHtml, StringComparison.Ordinal);
    }
}
