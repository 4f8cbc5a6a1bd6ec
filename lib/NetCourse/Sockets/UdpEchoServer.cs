using System.Net;
using System.Net.Sockets;

namespace NetCourse.Sockets;

/// <summary>
/// A UDP echo server: every datagram comes back to its sender unchanged. No connection, no accept: one socket
/// serves everyone, one datagram at a time. Stopped by disposing it.
/// </summary>
public sealed class UdpEchoServer : IAsyncDisposable
{
    private readonly ServerBinding binding;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private long datagrams, bytes;

    private UdpEchoServer(ServerBinding binding)
    {
        this.binding = binding;
        loop = Task.Run(LoopAsync);
    }

    /// <summary>The port the server listens on.</summary>
    public int Port => binding.Port;

    /// <summary>The address and port the server listens on.</summary>
    public IPEndPoint EndPoint => binding.EndPoint;

    /// <summary>What happened at start, in French.</summary>
    public string Notice => binding.Notice;

    /// <summary>Datagrams echoed so far.</summary>
    public long Datagrams => Interlocked.Read(ref datagrams);

    /// <summary>Bytes echoed so far.</summary>
    public long Bytes => Interlocked.Read(ref bytes);

    /// <summary>Starts the server.</summary>
    /// <param name="port">The UDP port (default 12802; 0 = any free port).</param>
    /// <param name="address">The local address (default 127.0.0.1).</param>
    /// <param name="fallbackToFreePort">When the port is taken: true uses a free port, false throws <see cref="PortInUseException"/>.</param>
    public static Task<UdpEchoServer> StartAsync(int port = 12802, IPAddress? address = null, bool fallbackToFreePort = true) =>
        Task.FromResult(new UdpEchoServer(ServerBinding.BindUdp(port, address, fallbackToFreePort)));

    private async Task LoopAsync()
    {
        var buffer = new byte[65536];
        EndPoint any = binding.EndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var received = await binding.Socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stop.Token).ConfigureAwait(false);
                // Counted before the echo leaves: its sender may read the counters as soon as the echo arrives.
                Interlocked.Increment(ref datagrams);
                Interlocked.Add(ref bytes, received.ReceivedBytes);
                await binding.Socket.SendToAsync(buffer.AsMemory(0, received.ReceivedBytes), SocketFlags.None, received.RemoteEndPoint, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            catch (SocketException) when (!stop.IsCancellationRequested)
            {
                // An ICMP "port unreachable" from a vanished client surfaces as ConnectionReset: keep serving the others.
            }
            catch (SocketException) { return; }
        }
    }

    /// <summary>Stops the loop and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (stop.IsCancellationRequested) return;
        await stop.CancelAsync().ConfigureAwait(false);
        await binding.DisposeAsync().ConfigureAwait(false);
        try { await loop.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false); }
        catch (TimeoutException) { }
    }

    /// <inheritdoc />
    public override string ToString() => $"Serveur écho UDP — {Notice}";
}
