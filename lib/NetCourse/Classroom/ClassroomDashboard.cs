using System.Globalization;
using System.Net;
using System.Text;
using NetCourse.Sockets;

namespace NetCourse.Classroom;

/// <summary>
/// The instructor's dashboard over HTTP: <c>/</c> (the page), <c>/tableau</c> (its content, fetched every second by
/// the page) and <c>/tableau.js</c>. Read-only (GET and HEAD only, nothing a request says changes anything), offline
/// (no external resource), one request per connection, every request bounded in size and time.
/// </summary>
public sealed class ClassroomDashboard : IAsyncDisposable
{
    private const int MaxHeadBytes = 8192;
    private static readonly TimeSpan HeadTimeout = TimeSpan.FromSeconds(5);
    private readonly TcpServerHost _host;
    private readonly ClassroomServer _classroom;
    private long _requests;

    private ClassroomDashboard(ServerBinding binding, ClassroomServer classroom)
    {
        _classroom = classroom;
        _host = new TcpServerHost(binding, new ServerOptions(TimeSpan.FromSeconds(10), MaxHeadBytes, MaxClients: 200, Backlog: 128), ServeAsync);
    }

    /// <summary>The address and port the dashboard listens on.</summary>
    public IPEndPoint EndPoint => _host.Binding.EndPoint;

    /// <summary>The dashboard's address, to open in a browser.</summary>
    public string Url => $"http://{Format(EndPoint)}/";

    /// <summary>Requests answered since the start.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Starts the dashboard of <paramref name="classroom"/> on <paramref name="address"/> only (default: the chat server's address).</summary>
    /// <param name="classroom">The class to show.</param>
    /// <param name="port">The port (default 8080; 0 = any free port).</param>
    /// <param name="address">The one local address to listen on (default: the one the chat server listens on).</param>
    /// <param name="fallbackToFreePort">When the port is taken: true uses a free port, false throws <see cref="PortInUseException"/>.</param>
    public static Task<ClassroomDashboard> StartAsync(ClassroomServer classroom, int port = 8080, IPAddress? address = null, bool fallbackToFreePort = false)
    {
        ArgumentNullException.ThrowIfNull(classroom);
        var binding = ServerBinding.ListenTcp(port, 128, address ?? classroom.EndPoint.Address, fallbackToFreePort);
        return Task.FromResult(new ClassroomDashboard(binding, classroom));
    }

    private async Task ServeAsync(ClientConnection client)
    {
        var buffer = new byte[MaxHeadBytes + 1];
        var length = 0;
        var headEnd = -1;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(client.Token);
        timer.CancelAfter(HeadTimeout);
        while (headEnd < 0)
        {
            if (length > MaxHeadBytes)
            {
                await RespondAsync(client, 431, "Request Header Fields Too Large", "text/plain", "En-tête trop long.\n", false).ConfigureAwait(false);
                return;
            }
            var n = await client.ReceiveAsync(buffer.AsMemory(length)).AsTask().WaitAsync(timer.Token).ConfigureAwait(false);
            if (n == 0) return;
            length += n;
            headEnd = HeadEnd(buffer, length);
        }
        var request = HttpRequestHead.Parse(Encoding.Latin1.GetString(buffer, 0, headEnd));
        if (request.Error is not null)
        {
            await RespondAsync(client, 400, "Bad Request", "text/plain", $"Requête mal formée : {request.Error}\n", false).ConfigureAwait(false);
            return;
        }
        if (request.Method is not ("GET" or "HEAD"))
        {
            await RespondAsync(client, 405, "Method Not Allowed", "text/plain", "Tableau de bord en lecture seule : GET et HEAD seulement.\n", false).ConfigureAwait(false);
            return;
        }
        var headOnly = request.Method == "HEAD";
        switch (request.Target.Split('?', 2)[0])
        {
            case "/":
                await RespondAsync(client, 200, "OK", "text/html", DashboardHtml.Page(_classroom.Snapshot(), Format(_classroom.EndPoint)), headOnly).ConfigureAwait(false);
                break;
            case "/tableau":
                await RespondAsync(client, 200, "OK", "text/html", _classroom.Snapshot().ToHtml(), headOnly).ConfigureAwait(false);
                break;
            case "/tableau.js":
                await RespondAsync(client, 200, "OK", "text/javascript", DashboardHtml.Script, headOnly).ConfigureAwait(false);
                break;
            case "/icone.svg":
                await RespondAsync(client, 200, "OK", "image/svg+xml", DashboardHtml.Icon, headOnly).ConfigureAwait(false);
                break;
            default:
                await RespondAsync(client, 404, "Not Found", "text/plain", "Pas de telle page : le tableau de bord est à /.\n", headOnly).ConfigureAwait(false);
                break;
        }
    }

    private static int HeadEnd(byte[] buffer, int length)
    {
        for (var i = 0; i + 1 < length; i++)
        {
            if (buffer[i] != '\n') continue;
            if (buffer[i + 1] == '\n') return i;
            if (i + 2 < length && buffer[i + 1] == '\r' && buffer[i + 2] == '\n') return i > 0 && buffer[i - 1] == '\r' ? i - 1 : i;
        }
        return -1;
    }

    private async Task RespondAsync(ClientConnection client, int status, string reason, string type, string body, bool headOnly)
    {
        Interlocked.Increment(ref _requests);
        var content = Encoding.UTF8.GetBytes(body);
        // Defence in depth: even if a student's text ever slipped through unescaped, no script but ours would run.
        var head = string.Create(CultureInfo.InvariantCulture,
            $"HTTP/1.1 {status} {reason}\r\nServer: NetCourse-Classe\r\nContent-Type: {type}; charset=utf-8\r\nContent-Length: {content.Length}\r\n")
            + "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n"
            + "Content-Security-Policy: default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self'\r\n"
            + "Connection: close\r\n\r\n";
        byte[] response = [.. Encoding.ASCII.GetBytes(head), .. headOnly ? [] : content];
        await client.SendFinalAsync(response, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        await client.CloseGracefullyAsync().ConfigureAwait(false);
    }

    private static string Format(IPEndPoint endPoint) =>
        endPoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{endPoint.Address}]:{endPoint.Port}" : $"{endPoint.Address}:{endPoint.Port}";

    /// <summary>Stops accepting, closes every connection, releases the port.</summary>
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <inheritdoc />
    public override string ToString() => $"Tableau de bord de la classe : {Url}";
}
