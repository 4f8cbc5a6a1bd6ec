using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace NetCourse.Capture;

/// <summary>
/// A tiny web server on 127.0.0.1 that receives a form (an HTTP POST) and answers "200 OK" — in clear (HTTP), or
/// inside TLS with a certificate (HTTPS, through <see cref="SslStream"/>). Bounded: it serves at most
/// <see cref="MaxConnections"/> connections, gives each 10 s, and stops by itself after its lifetime.
/// </summary>
public sealed class LoopbackFormServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;
    private int _served;

    private LoopbackFormServer(TcpListener listener, X509Certificate2? certificate, int maxConnections, TimeSpan lifetime)
    {
        _listener = listener;
        _certificate = certificate;
        MaxConnections = maxConnections;
        _stop = new CancellationTokenSource(lifetime);
        _loop = Task.Run(() => AcceptLoop(_stop.Token));
    }

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>True when it speaks HTTPS (TLS), false for plain HTTP.</summary>
    public bool IsTls => _certificate is not null;

    /// <summary>The most connections it serves before stopping.</summary>
    public int MaxConnections { get; }

    /// <summary>How many connections it has served.</summary>
    public int Served => Volatile.Read(ref _served);

    /// <summary>Starts the server on a free port of 127.0.0.1: HTTPS with <paramref name="certificate"/>, HTTP without.</summary>
    public static LoopbackFormServer Start(X509Certificate2? certificate = null, int maxConnections = 4, TimeSpan? lifetime = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxConnections);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(maxConnections);
        return new LoopbackFormServer(listener, certificate, maxConnections, lifetime ?? TimeSpan.FromMinutes(2));
    }

    private async Task AcceptLoop(CancellationToken token)
    {
        try
        {
            while (Served < MaxConnections)
            {
                using var client = await _listener.AcceptTcpClientAsync(token).ConfigureAwait(false);
                Interlocked.Increment(ref _served);
                using var perClient = CancellationTokenSource.CreateLinkedTokenSource(token);
                perClient.CancelAfter(TimeSpan.FromSeconds(10));
                try
                {
                    await Serve(client, perClient.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or SocketException or OperationCanceledException
                                              or System.Security.Authentication.AuthenticationException)
                {
                    // A client that vanishes or fails its handshake costs only its own connection.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            _listener.Stop();
        }
    }

    private async Task Serve(TcpClient client, CancellationToken token)
    {
        Stream stream = client.GetStream();
        SslStream? tls = null;
        if (_certificate is not null)
        {
            tls = new SslStream(stream, leaveInnerStreamOpen: false);
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, token).ConfigureAwait(false);
            stream = tls;
        }
        await using (stream.ConfigureAwait(false))
        {
            var body = await HttpForm.ReadMessageAsync(stream, token).ConfigureAwait(false);
            var text = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Formulaire de {body.Length} octets : merci !\n"));
            var head = string.Create(CultureInfo.InvariantCulture,
                $"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {text.Length}\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head).Concat(text).ToArray(), token).ConfigureAwait(false);
            await stream.FlushAsync(token).ConfigureAwait(false);
            // Wait for the client to close first (its close_notify in TLS), then close in turn.
            var rest = new byte[512];
            while (await stream.ReadAsync(rest, token).ConfigureAwait(false) > 0) { }
            if (tls is not null)
                await tls.ShutdownAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Cancelling is enough: the accept loop stops the listener itself. Stopping it here too raced with the loop
        // going back to accept after a client, which then threw "Not listening".
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"serveur {(IsTls ? "HTTPS" : "HTTP")} sur 127.0.0.1:{Port} ({Served}/{MaxConnections} connexions servies)";
}
