using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NetCourse.Ports;

namespace NetCourse.Sockets;

/// <summary>
/// HTTP by hand: writes a request text, exactly as given, on a TCP socket and reads the whole response back until the
/// server closes. Only the loopback and the course's lab hosts; bounded in time and size.
/// </summary>
public static class RawHttp
{
    /// <summary>The most response bytes read (1 MiB).</summary>
    public const int MaxResponseBytes = 1 << 20;

    /// <summary>Builds a minimal GET request (request line, Host, Connection: close, blank line), with \r\n line ends.</summary>
    public static string Get(string path, string host) => $"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n";

    /// <summary>Sends <paramref name="request"/> to <paramref name="server"/> and returns the response as text.</summary>
    /// <exception cref="ArgumentException">The server is neither on the loopback nor in the lab.</exception>
    /// <exception cref="TimeoutException">The exchange took longer than <paramref name="timeout"/> (default 5 s).</exception>
    public static async Task<RawHttpExchange> SendAsync(IPEndPoint server, string request, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(request);
        var refusal = TargetPolicy.RefusalReason(server.Address, allowOutside: false);
        if (refusal is not null) throw new ArgumentException(refusal, nameof(server));
        var wait = timeout ?? TimeSpan.FromSeconds(5);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(wait);
        var watch = Stopwatch.StartNew();
        using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(server, bound.Token).ConfigureAwait(false);
            var connected = watch.Elapsed.TotalMilliseconds;
            var data = Encoding.UTF8.GetBytes(request);
            var sent = 0;
            while (sent < data.Length)
                sent += await socket.SendAsync(data.AsMemory(sent), SocketFlags.None, bound.Token).ConfigureAwait(false);
            var response = new MemoryStream();
            var buffer = new byte[16 * 1024];
            while (response.Length < MaxResponseBytes)
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None, bound.Token).ConfigureAwait(false);
                if (n == 0) break;
                response.Write(buffer, 0, (int)Math.Min(n, MaxResponseBytes - response.Length));
            }
            return new RawHttpExchange(request, Encoding.UTF8.GetString(response.GetBuffer(), 0, (int)response.Length), connected, watch.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Pas de réponse complète de {server} en {wait.TotalSeconds} s.");
        }
    }
}
