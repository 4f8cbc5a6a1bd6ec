using System.Net;

namespace NetCourse.Sockets;

/// <summary>
/// A TCP echo server: everything a client sends comes back unchanged. Bounded: a client silent longer than the idle
/// timeout is disconnected, at most MaxClients at once, 16 KiB read at a time (memory stays small).
/// Start it from a notebook through LiveResources so that re-running the cell restarts it.
/// </summary>
public sealed class EchoServer : ITcpServerStart<EchoServer>
{
    private readonly TcpServerHost _host;

    private EchoServer(int port, IPAddress? address, ServerOptions? options, bool fallbackToFreePort)
    {
        _host = TcpServerHost.Listen(port, address, options, fallbackToFreePort, ServeAsync);
    }

    /// <inheritdoc />
    public int Port => _host.Binding.Port;

    /// <inheritdoc />
    public IPEndPoint EndPoint => _host.Binding.EndPoint;

    /// <inheritdoc />
    public string Notice => _host.Binding.Notice;

    /// <inheritdoc />
    public ServerStats Stats => _host.Stats;

    /// <summary>Starts the server.</summary>
    /// <param name="port">The port (12800 like the source; 0 = any free port).</param>
    /// <param name="address">The local address (default 127.0.0.1).</param>
    /// <param name="options">The bounds (default <see cref="ServerOptions.Default"/>).</param>
    /// <param name="fallbackToFreePort">When the port is taken: true uses a free port (see <see cref="Notice"/>), false throws <see cref="PortInUseException"/>.</param>
    public static Task<EchoServer> StartAsync(int port = 12800, IPAddress? address = null, ServerOptions? options = null, bool fallbackToFreePort = true) =>
        Task.FromResult(new EchoServer(port, address, options, fallbackToFreePort));

    private static async Task ServeAsync(ClientConnection client)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var n = await client.ReceiveAsync(buffer).ConfigureAwait(false);
            if (n == 0) return;
            await client.SendAsync(buffer.AsMemory(0, n)).ConfigureAwait(false);
        }
    }

    /// <summary>Stops accepting, closes every client, releases the port.</summary>
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <inheritdoc />
    public override string ToString() => $"Serveur écho — {Notice}";
}
