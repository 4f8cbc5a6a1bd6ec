using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace NetCourse.Sockets;

/// <summary>
/// The accept loop shared by the course's TCP servers: one task per client, at most MaxClients at once, every client
/// closed when the server stops. A handler that fails (client vanished, idle timeout) only ends its own client.
/// </summary>
internal sealed class TcpServerHost : IAsyncDisposable
{
    private readonly ServerBinding binding;
    private readonly Func<ClientConnection, Task> handler;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<long, (ClientConnection Connection, Task Task)> clients = new();
    private readonly Task acceptLoop;
    private long nextId;
    private long accepted, rejected, timedOut, dropped;
    internal long BytesIn, BytesOut;
    private int disposed;

    public TcpServerHost(ServerBinding binding, ServerOptions options, Func<ClientConnection, Task> handler)
    {
        this.binding = binding;
        Options = options;
        this.handler = handler;
        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Validates <paramref name="options"/> (null: the defaults), binds the port, then serves each client with <paramref name="handler"/>.</summary>
    public static TcpServerHost Listen(int port, IPAddress? address, ServerOptions? options, bool fallbackToFreePort,
        Func<ClientConnection, Task> handler)
    {
        var bounds = options ?? ServerOptions.Default;
        bounds.Validate();
        return new TcpServerHost(ServerBinding.ListenTcp(port, bounds.Backlog, address, fallbackToFreePort), bounds, handler);
    }

    public ServerOptions Options { get; }

    public ServerBinding Binding => binding;

    public CancellationToken Stopping => stop.Token;

    public IEnumerable<ClientConnection> Clients => clients.Values.Select(c => c.Connection);

    public ServerStats Stats => new(Interlocked.Read(ref accepted), clients.Count, Interlocked.Read(ref rejected),
        Interlocked.Read(ref timedOut), Interlocked.Read(ref dropped), Interlocked.Read(ref BytesIn), Interlocked.Read(ref BytesOut));

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await binding.Socket.AcceptAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            catch (SocketException) when (stop.IsCancellationRequested) { return; }
            catch (SocketException)
            {
                // A connection reset before accept (or a transient error): keep accepting.
                continue;
            }
            if (clients.Count >= Options.MaxClients)
            {
                Interlocked.Increment(ref rejected);
                socket.Dispose();
                continue;
            }
            Interlocked.Increment(ref accepted);
            socket.NoDelay = true;
            var id = Interlocked.Increment(ref nextId);
            var connection = new ClientConnection(id, socket, this);
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var task = Task.Run(async () =>
            {
                await started.Task.ConfigureAwait(false);
                try
                {
                    await handler(connection).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    Interlocked.Increment(ref timedOut);
                }
                catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or ProtocolViolationException)
                {
                    if (!stop.IsCancellationRequested) Interlocked.Increment(ref dropped);
                }
                finally
                {
                    clients.TryRemove(id, out _);
                    connection.Dispose();
                }
            });
            clients[id] = (connection, task);
            started.SetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        await stop.CancelAsync().ConfigureAwait(false);
        binding.Socket.Dispose();
        try { await acceptLoop.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false); }
        catch (TimeoutException) { }
        var running = clients.Values.ToArray();
        foreach (var (connection, _) in running) connection.Dispose();
        try { await Task.WhenAll(running.Select(c => c.Task)).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false); }
        catch (TimeoutException) { }
        stop.Dispose();
    }
}
