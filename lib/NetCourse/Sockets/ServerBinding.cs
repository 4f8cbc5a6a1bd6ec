using System.Net;
using System.Net.Sockets;

namespace NetCourse.Sockets;

/// <summary>
/// Binds a listening socket on the port asked for or, when it is taken and the caller allows it, on a free port
/// chosen by the system — and says so in French (<see cref="Notice"/>).
/// </summary>
public sealed class ServerBinding : IAsyncDisposable
{
    private ServerBinding(Socket socket, int requestedPort, string notice)
    {
        Socket = socket;
        RequestedPort = requestedPort;
        Notice = notice;
    }

    /// <summary>The bound socket (listening for TCP, bound for UDP).</summary>
    public Socket Socket { get; }

    /// <summary>The port asked for (0 = any free port).</summary>
    public int RequestedPort { get; }

    /// <summary>The port actually bound.</summary>
    public int Port => ((IPEndPoint)Socket.LocalEndPoint!).Port;

    /// <summary>The address and port actually bound.</summary>
    public IPEndPoint EndPoint => (IPEndPoint)Socket.LocalEndPoint!;

    /// <summary>What happened, in French ("écoute sur 127.0.0.1:12800" or "12800 est pris, j'utilise …").</summary>
    public string Notice { get; }

    /// <summary>True when the requested port was taken and another one is used.</summary>
    public bool UsedFallback => RequestedPort != 0 && Port != RequestedPort;

    /// <summary>Binds a TCP socket and starts listening with <paramref name="backlog"/>.</summary>
    /// <param name="port">The port wanted (0 = any free port).</param>
    /// <param name="backlog">The listen backlog.</param>
    /// <param name="address">The local address (default 127.0.0.1: only this machine can connect).</param>
    /// <param name="fallbackToFreePort">When the port is taken: true binds a free port instead, false throws.</param>
    /// <exception cref="PortInUseException">The port is taken and <paramref name="fallbackToFreePort"/> is false.</exception>
    public static ServerBinding ListenTcp(int port, int backlog = 5, IPAddress? address = null, bool fallbackToFreePort = true) =>
        Bind(port, address ?? IPAddress.Loopback, fallbackToFreePort, a => new Socket(a.AddressFamily, SocketType.Stream, ProtocolType.Tcp),
            s => s.Listen(backlog), "TCP");

    /// <summary>Binds a UDP socket.</summary>
    /// <param name="port">The port wanted (0 = any free port).</param>
    /// <param name="address">The local address (default 127.0.0.1).</param>
    /// <param name="fallbackToFreePort">When the port is taken: true binds a free port instead, false throws.</param>
    /// <exception cref="PortInUseException">The port is taken and <paramref name="fallbackToFreePort"/> is false.</exception>
    public static ServerBinding BindUdp(int port, IPAddress? address = null, bool fallbackToFreePort = true) =>
        Bind(port, address ?? IPAddress.Loopback, fallbackToFreePort, a => new Socket(a.AddressFamily, SocketType.Dgram, ProtocolType.Udp),
            _ => { }, "UDP");

    private static ServerBinding Bind(int port, IPAddress address, bool fallback, Func<IPAddress, Socket> create, Action<Socket> after, string kind)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var socket = create(address);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            after(socket);
            var bound = (IPEndPoint)socket.LocalEndPoint!;
            return new ServerBinding(socket, port, $"Le serveur {kind} écoute à présent sur {Format(bound)}.");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            socket.Dispose();
            if (!fallback) throw new PortInUseException(port, e);
            var other = create(address);
            try
            {
                other.Bind(new IPEndPoint(address, 0));
                after(other);
                var bound = (IPEndPoint)other.LocalEndPoint!;
                return new ServerBinding(other, port,
                    $"Le port {port} est déjà pris par un autre programme : le serveur {kind} écoute à la place sur {Format(bound)}.");
            }
            catch
            {
                other.Dispose();
                throw;
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string Format(IPEndPoint endPoint) =>
        endPoint.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{endPoint.Address}]:{endPoint.Port}" : $"{endPoint.Address}:{endPoint.Port}";

    /// <summary>Closes the socket.</summary>
    public ValueTask DisposeAsync()
    {
        Socket.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override string ToString() => Notice;
}
