using System.Net;
using System.Net.Sockets;
using System.Text;
using NetCourse.Ports;

namespace NetCourse.Sockets;

/// <summary>
/// A small TCP client that exchanges text lines (for the chat and echo servers). Only the loopback and the course's
/// lab hosts are accepted; every operation is bounded by a timeout.
/// </summary>
public sealed class LineClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly LineReader _reader;
    private readonly TimeSpan _timeout;

    private LineClient(Socket socket, TimeSpan timeout)
    {
        _socket = socket;
        _timeout = timeout;
        _reader = new LineReader(buffer => socket.ReceiveAsync(buffer, SocketFlags.None), 64 * 1024);
    }

    /// <summary>The client's own address and port (the port was chosen by the system).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Connects to <paramref name="server"/> within <paramref name="timeout"/> (default 5 s).</summary>
    /// <exception cref="ArgumentException">The server is neither on the loopback nor in the lab.</exception>
    /// <exception cref="TimeoutException">No connection within the timeout.</exception>
    /// <exception cref="SocketException">The connection was refused.</exception>
    public static async Task<LineClient> ConnectAsync(IPEndPoint server, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        var refusal = TargetPolicy.RefusalReason(server.Address, allowOutside: false);
        if (refusal is not null) throw new ArgumentException(refusal, nameof(server));
        var wait = timeout ?? TimeSpan.FromSeconds(5);
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bound.CancelAfter(wait);
            await socket.ConnectAsync(server, bound.Token).ConfigureAwait(false);
            return new LineClient(socket, wait);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"Pas de connexion à {server} en {wait.TotalSeconds} s.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends one line (a \n is added).</summary>
    public async Task SendLineAsync(string line, CancellationToken cancellationToken = default)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(_timeout);
        var data = Encoding.UTF8.GetBytes(line + "\n");
        var sent = 0;
        while (sent < data.Length)
            sent += await _socket.SendAsync(data.AsMemory(sent), SocketFlags.None, bound.Token).ConfigureAwait(false);
    }

    /// <summary>The next line from the server, or null when it closed; waits at most <paramref name="wait"/> (default: the client's timeout).</summary>
    /// <exception cref="TimeoutException">No complete line in time.</exception>
    public async Task<string?> ReadLineAsync(TimeSpan? wait = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _reader.ReadLineAsync().AsTask().WaitAsync(wait ?? _timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The pending read cannot be resumed safely: close, so the next call fails clearly instead of losing data.
            _socket.Dispose();
            throw new TimeoutException($"Aucune ligne reçue en {(wait ?? _timeout).TotalSeconds} s : connexion fermée.");
        }
    }

    /// <summary>Closes the connection.</summary>
    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
