using System.Net;
using System.Net.Sockets;

namespace NetCourse.Sockets;

/// <summary>One accepted client, as the course's servers see it: every read and write is bounded by the idle timeout.</summary>
internal sealed class ClientConnection : IDisposable
{
    private readonly TcpServerHost _host;
    private readonly CancellationTokenSource _idle;
    private readonly TimeSpan _idleTimeout;
    private int _disposed;

    public ClientConnection(long id, Socket socket, TcpServerHost host)
    {
        Id = id;
        Socket = socket;
        _host = host;
        _idleTimeout = host.Options.IdleTimeout;
        _idle = CancellationTokenSource.CreateLinkedTokenSource(host.Stopping);
        Remote = socket.RemoteEndPoint as IPEndPoint;
    }

    public long Id { get; }

    public Socket Socket { get; }

    public IPEndPoint? Remote { get; }

    public string Name { get; set; } = "";

    /// <summary>Cancelled when the client has been idle too long or the server stops.</summary>
    public CancellationToken Token => _idle.Token;

    public async ValueTask<int> ReceiveAsync(Memory<byte> buffer)
    {
        _idle.CancelAfter(_idleTimeout);
        var n = await Socket.ReceiveAsync(buffer, SocketFlags.None, _idle.Token).ConfigureAwait(false);
        Interlocked.Add(ref _host.BytesIn, n);
        return n;
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> data)
    {
        _idle.CancelAfter(_idleTimeout);
        while (!data.IsEmpty)
        {
            var n = await Socket.SendAsync(data, SocketFlags.None, _idle.Token).ConfigureAwait(false);
            data = data[n..];
            Interlocked.Add(ref _host.BytesOut, n);
        }
    }

    /// <summary>Sends what remains with its own short bound, even when the idle timeout has already fired (for a last error answer).</summary>
    public async ValueTask SendFinalAsync(ReadOnlyMemory<byte> data, TimeSpan timeout)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(_host.Stopping);
        bound.CancelAfter(timeout);
        while (!data.IsEmpty)
        {
            var n = await Socket.SendAsync(data, SocketFlags.None, bound.Token).ConfigureAwait(false);
            data = data[n..];
            Interlocked.Add(ref _host.BytesOut, n);
        }
    }

    /// <summary>
    /// Closes politely after an error answer: FIN first, then reads and discards what the client still sends (at most
    /// 1 MiB, at most 1 s), so that the kernel does not answer unread data with a RST that would destroy the answer.
    /// </summary>
    public async ValueTask CloseGracefullyAsync()
    {
        try
        {
            Socket.Shutdown(SocketShutdown.Send);
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(_host.Stopping);
            bound.CancelAfter(TimeSpan.FromSeconds(1));
            var sink = new byte[16 * 1024];
            for (var total = 0; total < 1 << 20;)
            {
                var n = await Socket.ReceiveAsync(sink, SocketFlags.None, bound.Token).ConfigureAwait(false);
                if (n == 0) break;
                total += n;
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    /// <summary>
    /// Closes with a FIN, never a RST. .NET on Linux closes a TCP socket that another thread is still using (the chat's
    /// write loop, a read being cancelled by the idle timer: on a busy machine a thread can be descheduled while it
    /// holds the socket) with an abortive disconnect, so the client read "Connection reset by peer" instead of the end
    /// of the stream; a socket already shut down is closed with a plain shutdown instead. Measured: a blocked Receive
    /// on one thread and Dispose on another gave the peer ConnectionReset; Shutdown(Both) first gave it a clean 0.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        try { Socket.Shutdown(SocketShutdown.Both); }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { } // already reset or closed by the peer
        try { _idle.Cancel(); } catch (ObjectDisposedException) { }
        Socket.Dispose();
        _idle.Dispose();
    }
}
