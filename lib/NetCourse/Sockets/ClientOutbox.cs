using System.Text;
using System.Threading.Channels;

namespace NetCourse.Sockets;

/// <summary>
/// The lines waiting to be written to one client, bounded in bytes. A client too slow to read them (more than the bound
/// waiting) is disconnected rather than slowing the others down or filling the memory. One writer task per client
/// sends everything waiting in one system call (up to about 64 KiB), not one call per line.
/// </summary>
internal sealed class ClientOutbox
{
    private readonly ClientConnection _connection;
    private readonly long _maxQueuedBytes;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private long _queuedBytes;
    private readonly Action<int>? _onSent;
    private long _sent;

    /// <param name="connection">The client.</param>
    /// <param name="maxQueuedBytes">The most bytes (counted generously: 3 per UTF-16 char) that may wait for it.</param>
    /// <param name="onSent">Told how many lines each successful write carried (for the server's counters).</param>
    public ClientOutbox(ClientConnection connection, long maxQueuedBytes, Action<int>? onSent = null)
    {
        _connection = connection;
        _maxQueuedBytes = maxQueuedBytes;
        _onSent = onSent;
        Writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>The writer task: ends when the outbox is completed and drained, or the client is gone.</summary>
    public Task Writer { get; }

    /// <summary>Lines written to the client so far.</summary>
    public long LinesSent => Interlocked.Read(ref _sent);

    /// <summary>True once the client was dropped for reading too slowly.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Queues one line (a \n is added); false when the client was too slow and has been disconnected.</summary>
    public bool TrySend(string line)
    {
        var size = Cost(line);
        if (Interlocked.Add(ref _queuedBytes, size) > _maxQueuedBytes)
        {
            // Too slow to read its messages: drop that client, not the message for the others.
            Overflowed = true;
            _lines.Writer.TryComplete();
            _connection.Dispose();
            return false;
        }
        return _lines.Writer.TryWrite(line);
    }

    /// <summary>No more lines: the writer sends what waits, then ends.</summary>
    public void Complete() => _lines.Writer.TryComplete();

    /// <summary>Completes the outbox and waits (at most <paramref name="bound"/>) for the last lines to go out.</summary>
    public async Task DrainAsync(TimeSpan bound)
    {
        Complete();
        await Task.WhenAny(Writer, Task.Delay(bound)).ConfigureAwait(false);
    }

    private static long Cost(string line) => line.Length * 3L + 1;

    private async Task WriteLoopAsync()
    {
        try
        {
            var batch = new StringBuilder();
            var reader = _lines.Reader;
            while (await reader.WaitToReadAsync(_connection.Token).ConfigureAwait(false))
            {
                var count = 0;
                while (batch.Length < 64 * 1024 && reader.TryRead(out var line))
                {
                    Interlocked.Add(ref _queuedBytes, -Cost(line));
                    batch.Append(line).Append('\n');
                    count++;
                }
                await _connection.SendAsync(Encoding.UTF8.GetBytes(batch.ToString())).ConfigureAwait(false);
                batch.Clear();
                Interlocked.Add(ref _sent, count);
                _onSent?.Invoke(count);
            }
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or OperationCanceledException or ObjectDisposedException)
        {
            _connection.Dispose();
        }
    }
}
