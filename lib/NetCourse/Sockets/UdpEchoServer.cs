using System.Net;
using System.Net.Sockets;

namespace NetCourse.Sockets;

/// <summary>
/// A UDP echo server: every datagram comes back to its sender unchanged. No connection, no accept: one socket
/// serves everyone, one datagram at a time. Stopped by disposing it.
/// </summary>
public sealed class UdpEchoServer : IAsyncDisposable
{
    private readonly ServerBinding _binding;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _datagrams, _bytes;

    private UdpEchoServer(ServerBinding binding)
    {
        _binding = binding;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The port the server listens on.</summary>
    public int Port => _binding.Port;

    /// <summary>The address and port the server listens on.</summary>
    public IPEndPoint EndPoint => _binding.EndPoint;

    /// <summary>What happened at start, in French.</summary>
    public string Notice => _binding.Notice;

    /// <summary>Datagrams echoed so far.</summary>
    public long Datagrams => Interlocked.Read(ref _datagrams);

    /// <summary>Bytes echoed so far.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Starts the server.</summary>
    /// <param name="port">The UDP port (default 12802; 0 = any free port).</param>
    /// <param name="address">The local address (default 127.0.0.1).</param>
    /// <param name="fallbackToFreePort">When the port is taken: true uses a free port, false throws <see cref="PortInUseException"/>.</param>
    public static Task<UdpEchoServer> StartAsync(int port = 12802, IPAddress? address = null, bool fallbackToFreePort = true) =>
        Task.FromResult(new UdpEchoServer(ServerBinding.BindUdp(port, address, fallbackToFreePort)));

    private async Task LoopAsync()
    {
        var buffer = new byte[65536];
        EndPoint any = _binding.EndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var received = await _binding.Socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
                // Counted before the echo leaves: its sender may read the counters as soon as the echo arrives.
                Interlocked.Increment(ref _datagrams);
                Interlocked.Add(ref _bytes, received.ReceivedBytes);
                await _binding.Socket.SendToAsync(buffer.AsMemory(0, received.ReceivedBytes), SocketFlags.None, received.RemoteEndPoint, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            catch (SocketException) when (!_stop.IsCancellationRequested)
            {
                // An ICMP "port unreachable" from a vanished client surfaces as ConnectionReset: keep serving the others.
            }
            catch (SocketException) { return; }
        }
    }

    /// <summary>Stops the loop and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _binding.DisposeAsync().ConfigureAwait(false);
        try { await _loop.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false); }
        catch (TimeoutException) { }
    }

    /// <inheritdoc />
    public override string ToString() => $"Serveur écho UDP — {Notice}";
}
