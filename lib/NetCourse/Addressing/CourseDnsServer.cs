using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace NetCourse.Addressing;

/// <summary>
/// A tiny authoritative DNS server over UDP on the loopback that answers the names of a <see cref="DnsZone"/>:
/// A/AAAA answers, NXDOMAIN for unknown names of the zone, REFUSED for other names, FORMERR for malformed
/// queries (dropped when shorter than a header), NOTIMP for opcodes other than QUERY. Never crashes on input.
/// </summary>
public sealed class CourseDnsServer : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<string> _recent = new();
    private int _answered;
    private int _dropped;

    private readonly bool _nxOutsideZone;

    private CourseDnsServer(Socket socket, DnsZone zone, bool nxOutsideZone = false)
    {
        _nxOutsideZone = nxOutsideZone;
        // 1 000 clients each with one query in flight need about 1 MB of receive buffer (each datagram costs about
        // 1 KB of kernel memory): the 208 KiB default dropped 2 % of queries in the load test. The kernel caps this
        // at net.core.rmem_max.
        try { socket.ReceiveBufferSize = 4 << 20; } catch (SocketException) { }
        _socket = socket;
        Zone = zone;
        EndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Where the server listens (127.0.0.1 and its port).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The names it answers.</summary>
    public DnsZone Zone { get; }

    /// <summary>How many queries got an answer (any response code).</summary>
    public int Answered => Volatile.Read(ref _answered);

    /// <summary>How many datagrams were dropped (shorter than a DNS header, or responses).</summary>
    public int Dropped => Volatile.Read(ref _dropped);

    /// <summary>The last queries received (at most 50), one French line each.</summary>
    public IReadOnlyList<string> Recent => _recent.ToArray();

    /// <summary>Starts the server on 127.0.0.1:<paramref name="port"/> (0 = a free port chosen by the system).</summary>
    /// <exception cref="SocketException">The port is taken (AddressAlreadyInUse) or not allowed.</exception>
    public static Task<CourseDnsServer> StartAsync(int port = 0, DnsZone? zone = null, IPAddress? address = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var bindTo = address ?? IPAddress.Loopback;
        if (!IPAddress.IsLoopback(bindTo))
            throw new ArgumentException("le serveur DNS du cours n'écoute que sur la boucle locale (127.0.0.0/8 ou ::1).", nameof(address));
        var socket = new Socket(bindTo.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(bindTo, port));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return Task.FromResult(new CourseDnsServer(socket, zone ?? DnsZone.Course()));
    }

    /// <summary>
    /// Binds to any address, for use only from a thread that has entered a network namespace the course created
    /// (see <see cref="IsolatedLookup"/>): names outside the zone then get NXDOMAIN instead of REFUSED.
    /// </summary>
    internal static CourseDnsServer StartInsideNamespace(IPEndPoint bindTo, DnsZone zone)
    {
        var socket = new Socket(bindTo.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(bindTo);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new CourseDnsServer(socket, zone, nxOutsideZone: true);
    }

    /// <summary>Builds the response bytes for one received datagram, or null to drop it. Never throws.</summary>
    public byte[]? Answer(ReadOnlySpan<byte> query)
    {
        DnsMessage message;
        try
        {
            message = DnsMessage.Parse(query);
        }
        catch (DnsFormatException e)
        {
            Remember($"requête mal formée ({e.Message}) → FORMERR");
            return DnsMessage.ErrorHeaderFor(query, DnsResponseCode.FormatError);
        }
        if (message.IsResponse)
        {
            Remember("réponse reçue au lieu d'une question → ignorée");
            return null;
        }
        if (message.Opcode != 0)
        {
            Remember($"opcode {message.Opcode} → NOTIMP");
            return DnsMessage.ErrorHeaderFor(query, DnsResponseCode.NotImplemented);
        }
        if (message.Questions.Count != 1)
        {
            Remember($"{message.Questions.Count} questions au lieu d'une → FORMERR");
            return DnsMessage.ErrorHeaderFor(query, DnsResponseCode.FormatError);
        }
        var q = message.Questions[0];
        DnsMessage response;
        if (!Zone.IsInside(q.Name) && _nxOutsideZone)
            response = DnsMessage.ResponseTo(message, DnsResponseCode.NameError, [], false);
        else if (!Zone.IsInside(q.Name))
            response = DnsMessage.ResponseTo(message, DnsResponseCode.Refused, [], false);
        else if (!Zone.Exists(q.Name))
            response = DnsMessage.ResponseTo(message, DnsResponseCode.NameError, [], true);
        else
            response = DnsMessage.ResponseTo(message, DnsResponseCode.NoError,
                Zone.Lookup(q.Name, q.Type).Select(a => DnsAnswer.ForAddress(q.Name, a)).ToArray(), true);
        Remember($"{q.Name} {q.Type} → {Describe(response)}");
        try
        {
            return response.ToBytes();
        }
        catch (DnsFormatException)
        {
            return DnsMessage.ErrorHeaderFor(query, DnsResponseCode.FormatError);
        }
    }

    private static string Describe(DnsMessage response) => response.ResponseCode switch
    {
        DnsResponseCode.NoError when response.Answers.Count == 0 => "NOERROR, aucune adresse de ce type",
        DnsResponseCode.NoError => string.Join(", ", response.Answers.Select(a => a.Address)),
        DnsResponseCode.NameError => "NXDOMAIN (nom inconnu)",
        DnsResponseCode.Refused => "REFUSED (hors de la zone)",
        var code => code.ToString(),
    };

    private void Remember(string line)
    {
        _recent.Enqueue($"{DateTime.Now:HH:mm:ss.fff} {line}");
        while (_recent.Count > 50 && _recent.TryDequeue(out _)) { }
    }

    private async Task LoopAsync()
    {
        var buffer = new byte[4096];
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(EndPoint.Address, 0), token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // An ICMP "port unreachable" from an earlier reply can surface here (ConnectionReset): keep serving.
                continue;
            }
            var reply = Answer(buffer.AsSpan(0, received.ReceivedBytes));
            if (reply is null)
            {
                Interlocked.Increment(ref _dropped);
                continue;
            }
            // Counted before the send: a client may read the reply (and the counter) before SendToAsync returns here.
            Interlocked.Increment(ref _answered);
            try
            {
                await _socket.SendToAsync(reply, SocketFlags.None, received.RemoteEndPoint, token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                Interlocked.Decrement(ref _answered);
                if (token.IsCancellationRequested)
                    return;
            }
        }
    }

    /// <summary>Stops the server and frees its port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
            return;
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The loop ends with the socket; never block the caller longer.
        }
        _stop.Dispose();
    }
}
