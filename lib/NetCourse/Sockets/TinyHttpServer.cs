using System.Globalization;
using System.Net;
using System.Text;

namespace NetCourse.Sockets;

/// <summary>
/// A tiny HTTP/1.1 server written on a bare socket, to show what a web server does: read the request's head, parse
/// its first line, answer with a status line, headers, a blank line and a body, then close (one request per
/// connection). Pages: <c>/</c> (HTML), <c>/heure</c> (text), <c>/echo</c> (the request as received). A malformed
/// request gets 400, another method than GET/HEAD gets 405, an unknown path 404, a head larger than MaxMessageBytes
/// 431, a client too slow to send its head 408.
/// </summary>
public sealed class TinyHttpServer : ITcpServerStart<TinyHttpServer>
{
    private static readonly TimeSpan HeadTimeout = TimeSpan.FromSeconds(10);
    private readonly TcpServerHost _host;
    private readonly Dictionary<int, long> _statuses = [];

    private TinyHttpServer(int port, IPAddress? address, ServerOptions? options, bool fallbackToFreePort)
    {
        _host = TcpServerHost.Listen(port, address, options, fallbackToFreePort, ServeAsync);
    }

    /// <inheritdoc />
    public int Port => _host.Binding.Port;

    /// <inheritdoc />
    public IPEndPoint EndPoint => _host.Binding.EndPoint;

    /// <summary>The server's URL (http://127.0.0.1:PORT/).</summary>
    public string Url => $"http://{(EndPoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{EndPoint.Address}]" : EndPoint.Address.ToString())}:{Port}/";

    /// <inheritdoc />
    public string Notice => _host.Binding.Notice;

    /// <inheritdoc />
    public ServerStats Stats => _host.Stats;

    /// <summary>How many responses were sent with each status code (200, 400, 404 …).</summary>
    public IReadOnlyDictionary<int, long> Statuses
    {
        get { lock (_statuses) return new Dictionary<int, long>(_statuses); }
    }

    /// <summary>Starts the server.</summary>
    /// <param name="port">The port (default 8080; 0 = any free port).</param>
    /// <param name="address">The local address (default 127.0.0.1).</param>
    /// <param name="options">The bounds (default <see cref="ServerOptions.Default"/>; MaxMessageBytes bounds the request head).</param>
    /// <param name="fallbackToFreePort">When the port is taken: true uses a free port, false throws <see cref="PortInUseException"/>.</param>
    public static Task<TinyHttpServer> StartAsync(int port = 8080, IPAddress? address = null, ServerOptions? options = null, bool fallbackToFreePort = true) =>
        Task.FromResult(new TinyHttpServer(port, address, options, fallbackToFreePort));

    private async Task ServeAsync(ClientConnection client)
    {
        var max = _host.Options.MaxMessageBytes;
        var buffer = new byte[max + 1];
        var length = 0;
        var headEnd = -1;
        using var headTimer = CancellationTokenSource.CreateLinkedTokenSource(client.Token);
        headTimer.CancelAfter(HeadTimeout < _host.Options.IdleTimeout ? HeadTimeout : _host.Options.IdleTimeout);
        while (headEnd < 0)
        {
            if (length > max)
            {
                await RespondAsync(client, 431, "Request Header Fields Too Large", $"L'en-tête de la requête dépasse {max} octets.\n", false).ConfigureAwait(false);
                return;
            }
            int n;
            try
            {
                n = await client.ReceiveAsync(buffer.AsMemory(length)).AsTask().WaitAsync(headTimer.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!_host.Stopping.IsCancellationRequested)
            {
                await RespondAsync(client, 408, "Request Timeout", "La requête n'est pas arrivée à temps.\n", false).ConfigureAwait(false);
                return;
            }
            if (n == 0)
            {
                if (length > 0) throw new ProtocolViolationException("requête interrompue");
                return;
            }
            length += n;
            headEnd = FindHeadEnd(buffer, length);
        }

        var head = Encoding.Latin1.GetString(buffer, 0, headEnd);
        var request = HttpRequestHead.Parse(head);
        if (request.Error is not null)
        {
            await RespondAsync(client, 400, "Bad Request", $"Requête mal formée : {request.Error}\n", false).ConfigureAwait(false);
            return;
        }
        var headOnly = request.Method == "HEAD";
        if (request.Method is not ("GET" or "HEAD"))
        {
            await RespondAsync(client, 405, "Method Not Allowed", $"La méthode {request.Method} n'est pas prise en charge : seulement GET et HEAD.\n", false,
                "Allow: GET, HEAD\r\n").ConfigureAwait(false);
            return;
        }
        var path = request.Target.Split('?', 2)[0];
        switch (path)
        {
            case "/":
                await RespondAsync(client, 200, "OK",
                    "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>NetCourse</title></head><body>"
                    + "<h1>Bonjour !</h1><p>Cette page vient du petit serveur HTTP du cours, écrit sur un simple socket.</p>"
                    + "<p>Essayez aussi <a href=\"/heure\">/heure</a> et <a href=\"/echo\">/echo</a>.</p></body></html>\n",
                    headOnly, contentType: "text/html; charset=utf-8").ConfigureAwait(false);
                break;
            case "/heure":
                await RespondAsync(client, 200, "OK", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) + "\n", headOnly).ConfigureAwait(false);
                break;
            case "/echo":
                await RespondAsync(client, 200, "OK", "Voici la requête reçue par le serveur :\n\n" + head + "\n", headOnly).ConfigureAwait(false);
                break;
            default:
                await RespondAsync(client, 404, "Not Found", $"Pas de page {path} sur ce serveur.\n", headOnly).ConfigureAwait(false);
                break;
        }
    }

    private static int FindHeadEnd(byte[] buffer, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (buffer[i] != '\n') continue;
            if (i + 1 < length && buffer[i + 1] == '\n') return i;
            if (i + 2 < length && buffer[i + 1] == '\r' && buffer[i + 2] == '\n') return i > 0 && buffer[i - 1] == '\r' ? i - 1 : i;
        }
        return -1;
    }

    private async Task RespondAsync(ClientConnection client, int status, string reason, string body, bool headOnly,
        string extraHeaders = "", string contentType = "text/plain; charset=utf-8")
    {
        lock (_statuses) _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
        var content = Encoding.UTF8.GetBytes(body);
        var responseHead = string.Create(CultureInfo.InvariantCulture,
            $"HTTP/1.1 {status} {reason}\r\nServer: NetCourse-TinyHttp\r\nDate: {DateTimeOffset.UtcNow:R}\r\nContent-Type: {contentType}\r\n"
            + $"Content-Length: {content.Length}\r\nConnection: close\r\n{extraHeaders}\r\n");
        byte[] response = [.. Encoding.ASCII.GetBytes(responseHead), .. headOnly ? [] : content];
        // Its own bound: a 408 goes out even though the idle timeout has fired.
        await client.SendFinalAsync(response, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        await client.CloseGracefullyAsync().ConfigureAwait(false);
    }

    /// <summary>Stops accepting, closes every client, releases the port.</summary>
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <inheritdoc />
    public override string ToString() => $"Serveur HTTP — {Notice} ({Url})";
}
