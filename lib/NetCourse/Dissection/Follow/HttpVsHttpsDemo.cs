using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using NetCourse.Capture;
using NetCourse.Html;


namespace NetCourse.Dissection.Follow;

/// <summary>
/// The same form sent over HTTP and over HTTPS on the loopback, and captured: two bounded servers on 127.0.0.1 (one
/// in clear, one behind TLS with a certificate made on the fly), then <see cref="RunAsync"/> posts the form to each
/// while capturing on <c>lo</c> — or, without capture rights, reads the recorded <c>data/04-http-vs-https.pcap</c>.
/// Start it through <c>LiveResources.ReplaceAsync</c> so that re-running the cell stops the servers.
/// </summary>
public sealed class HttpVsHttpsDemo : IAsyncDisposable, IHtmlView
{
    /// <summary>The recorded capture used without capture rights (HTTP on port 80, HTTPS on 443).</summary>
    public const string RecordedCapture = "04-http-vs-https.pcap";

    /// <summary>The form the recorded capture carries (data/make-captures.sh).</summary>
    public const string RecordedForm = "utilisateur=alice&mot_de_passe=hibou42";

    private readonly X509Certificate2 _certificate;

    private HttpVsHttpsDemo(X509Certificate2 certificate, LoopbackFormServer http, LoopbackFormServer https)
    {
        _certificate = certificate;
        Http = http;
        Https = https;
    }

    /// <summary>The HTTP server (plain text).</summary>
    public LoopbackFormServer Http { get; }

    /// <summary>The HTTPS server (TLS, certificate for <see cref="LoopbackCertificate.ServerName"/>).</summary>
    public LoopbackFormServer Https { get; }

    /// <summary>Starts both servers on free ports of 127.0.0.1 (each serves at most 4 connections, for 2 minutes).</summary>
    public static Task<HttpVsHttpsDemo> StartAsync()
    {
        var certificate = LoopbackCertificate.Create();
        var http = LoopbackFormServer.Start();
        var https = LoopbackFormServer.Start(certificate);
        return Task.FromResult(new HttpVsHttpsDemo(certificate, http, https));
    }

    /// <summary>
    /// Posts <paramref name="form"/> over HTTP, then over HTTPS, while capturing both connections (bounded by
    /// <paramref name="timeout"/>); returns both conversations as Follow TCP Stream shows them.
    /// </summary>
    /// <exception cref="InvalidOperationException">An exchange failed or took too long (French message).</exception>
    public async Task<HttpVsHttpsResult> RunAsync(string form = RecordedForm, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var filter = $"tcp port {Http.Port} or tcp port {Https.Port}";
        await using var capture = await CaptureSession.StartAsync("lo", filter, RecordedCapture, maxPackets: 200,
            timeout: TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            await PostAsync(Http.Port, tls: false, form, limit.Token).ConfigureAwait(false);
            await PostAsync(Https.Port, tls: true, form, limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException
                                      or System.Security.Authentication.AuthenticationException)
        {
            throw new InvalidOperationException($"l'envoi du formulaire sur la boucle locale a échoué : {e.Message}", e);
        }
        // Let the last FIN and ACK reach the capture before it stops.
        await Task.Delay(TimeSpan.FromMilliseconds(300)).ConfigureAwait(false);
        var trace = await capture.StopAsync().ConfigureAwait(false);
        var packets = trace.Dissect();
        var (httpPort, httpsPort) = capture.IsLive ? (Http.Port, Https.Port) : (80, 443);
        return Analyse(packets, httpPort, httpsPort, capture.IsLive ? form : RecordedForm, capture.ToHtml());
    }

    private async Task PostAsync(int port, bool tls, string form, CancellationToken token)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, token).ConfigureAwait(false);
        Stream stream = client.GetStream();
        SslStream? secure = null;
        if (tls)
        {
            var expected = _certificate.GetCertHash();
            secure = new SslStream(stream, leaveInnerStreamOpen: false);
            var options = new SslClientAuthenticationOptions
            {
                TargetHost = LoopbackCertificate.ServerName,
                // Trust exactly the certificate this demo made, nothing else.
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && certificate.GetCertHash().AsSpan().SequenceEqual(expected),
            };
            await secure.AuthenticateAsClientAsync(options, token).ConfigureAwait(false);
            stream = secure;
        }
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(HttpForm.Post(LoopbackCertificate.ServerName, form), token).ConfigureAwait(false);
            await stream.FlushAsync(token).ConfigureAwait(false);
            await HttpForm.ReadMessageAsync(stream, token).ConfigureAwait(false);
            if (secure is not null)
            {
                // close_notify, then wait for the server's before closing the socket.
                await secure.ShutdownAsync().ConfigureAwait(false);
                var rest = new byte[512];
                while (await secure.ReadAsync(rest, token).ConfigureAwait(false) > 0) { }
            }
        }
    }

    /// <summary>
    /// Finds and follows the HTTP and HTTPS conversations: the first connection opened to each server port (its SYN).
    /// Other loopback traffic can use a server's port number as its own client port, so "a packet to that port" alone
    /// could pick a stranger's conversation.
    /// </summary>
    internal static HttpVsHttpsResult Analyse(IReadOnlyList<NetCourse.Dissection.DissectedPacket> packets, int httpPort,
        int httpsPort, string form, string captureBanner) =>
        new(captureBanner, form, packets, Follow(packets, httpPort), Follow(packets, httpsPort));

    private static FollowedStream? Follow(IReadOnlyList<NetCourse.Dissection.DissectedPacket> packets, int serverPort)
    {
        var stream = packets
            .Where(p => p.FieldText("tcp.flags.syn") == "1" && p.FieldText("tcp.flags.ack") == "0")
            .Select(p => (Port: p.GetValue("tcp.dstport")?.Integer, Stream: p.GetValue("tcp.stream")?.Integer))
            .FirstOrDefault(p => p.Port == serverPort && p.Stream is not null).Stream;
        return stream is { } index ? TcpStreamFollower.Follow(packets, index) : null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Http.DisposeAsync().ConfigureAwait(false);
        await Https.DisposeAsync().ConfigureAwait(false);
        _certificate.Dispose();
    }

    /// <inheritdoc />
    public string ToHtml() =>
        "<div style=\"font-family:sans-serif\">Deux serveurs web sur la boucle locale : "
        + $"<b>HTTP</b> sur 127.0.0.1:{Http.Port} (en clair) et <b>HTTPS</b> sur 127.0.0.1:{Https.Port} "
        + $"(TLS, certificat « {HtmlText.Encode(LoopbackCertificate.ServerName)} » fabriqué à l'instant, valable un jour). "
        + "Chacun sert au plus 4 connexions et s'arrête seul après 2 minutes.</div>";

    /// <inheritdoc />
    public override string ToString() => $"{Http} ; {Https}";
}
