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
    private readonly ServerBinding _binding;
    private readonly Func<ClientConnection, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<long, (ClientConnection Connection, Task Task)> _clients = new();
    private readonly Task _acceptLoop;
    private long _nextId;
    private long _accepted, _rejected, _timedOut, _dropped;
    internal long BytesIn, BytesOut;
    private int _disposed;

    public TcpServerHost(ServerBinding binding, ServerOptions options, Func<ClientConnection, Task> handler)
    {
        _binding = binding;
        Options = options;
        _handler = handler;
        _acceptLoop = Task.Run(AcceptLoopAsync);
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

    public ServerBinding Binding => _binding;

    public CancellationToken Stopping => _stop.Token;

    public IEnumerable<ClientConnection> Clients => _clients.Values.Select(c => c.Connection);

    public ServerStats Stats => new(Interlocked.Read(ref _accepted), _clients.Count, Interlocked.Read(ref _rejected),
        Interlocked.Read(ref _timedOut), Interlocked.Read(ref _dropped), Interlocked.Read(ref BytesIn), Interlocked.Read(ref BytesOut));

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _binding.Socket.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            catch (SocketException) when (_stop.IsCancellationRequested) { return; }
            catch (SocketException)
            {
                // A connection reset before accept (or a transient error): keep accepting.
                continue;
            }
            if (_clients.Count >= Options.MaxClients)
            {
                Interlocked.Increment(ref _rejected);
                socket.Dispose();
                continue;
            }
            Interlocked.Increment(ref _accepted);
            socket.NoDelay = true;
            var id = Interlocked.Increment(ref _nextId);
            var connection = new ClientConnection(id, socket, this);
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var task = Task.Run(async () =>
            {
                await started.Task.ConfigureAwait(false);
                try
                {
                    await _handler(connection).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _timedOut);
                }
                catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or ProtocolViolationException)
                {
                    if (!_stop.IsCancellationRequested) Interlocked.Increment(ref _dropped);
                }
                finally
                {
                    _clients.TryRemove(id, out _);
                    connection.Dispose();
                }
            });
            _clients[id] = (connection, task);
            started.SetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        _binding.Socket.Dispose();
        try { await _acceptLoop.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false); }
        catch (TimeoutException) { }
        var running = _clients.Values.ToArray();
        foreach (var (connection, _) in running) connection.Dispose();
        try { await Task.WhenAll(running.Select(c => c.Task)).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false); }
        catch (TimeoutException) { }
        _stop.Dispose();
    }
}
