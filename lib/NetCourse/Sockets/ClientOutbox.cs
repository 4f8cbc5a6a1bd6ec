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
    private readonly ClientConnection connection;
    private readonly long maxQueuedBytes;
    private readonly Channel<string> lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private long queuedBytes;
    private readonly Action<int>? onSent;
    private long sent;

    /// <param name="connection">The client.</param>
    /// <param name="maxQueuedBytes">The most bytes (counted generously: 3 per UTF-16 char) that may wait for it.</param>
    /// <param name="onSent">Told how many lines each successful write carried (for the server's counters).</param>
    public ClientOutbox(ClientConnection connection, long maxQueuedBytes, Action<int>? onSent = null)
    {
        this.connection = connection;
        this.maxQueuedBytes = maxQueuedBytes;
        this.onSent = onSent;
        Writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>The writer task: ends when the outbox is completed and drained, or the client is gone.</summary>
    public Task Writer { get; }

    /// <summary>Lines written to the client so far.</summary>
    public long LinesSent => Interlocked.Read(ref sent);

    /// <summary>True once the client was dropped for reading too slowly.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Queues one line (a \n is added); false when the client was too slow and has been disconnected.</summary>
    public bool TrySend(string line)
    {
        var size = Cost(line);
        if (Interlocked.Add(ref queuedBytes, size) > maxQueuedBytes)
        {
            // Too slow to read its messages: drop that client, not the message for the others.
            Overflowed = true;
            lines.Writer.TryComplete();
            connection.Dispose();
            return false;
        }
        return lines.Writer.TryWrite(line);
    }

    /// <summary>No more lines: the writer sends what waits, then ends.</summary>
    public void Complete() => lines.Writer.TryComplete();

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
            var reader = lines.Reader;
            while (await reader.WaitToReadAsync(connection.Token).ConfigureAwait(false))
            {
                var count = 0;
                while (batch.Length < 64 * 1024 && reader.TryRead(out var line))
                {
                    Interlocked.Add(ref queuedBytes, -Cost(line));
                    batch.Append(line).Append('\n');
                    count++;
                }
                await connection.SendAsync(Encoding.UTF8.GetBytes(batch.ToString())).ConfigureAwait(false);
                batch.Clear();
                Interlocked.Add(ref sent, count);
                onSent?.Invoke(count);
            }
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or OperationCanceledException or ObjectDisposedException)
        {
            connection.Dispose();
        }
    }
}
