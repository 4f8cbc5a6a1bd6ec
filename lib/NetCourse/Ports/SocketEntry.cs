using System.Net;

namespace NetCourse.Ports;

/// <summary>One socket of the kernel's table (a line of /proc/net/tcp, tcp6, udp or udp6).</summary>
/// <param name="Protocol">"tcp", "tcp6", "udp" or "udp6".</param>
/// <param name="LocalAddress">The local address (0.0.0.0 or :: means every address of the machine).</param>
/// <param name="LocalPort">The local port.</param>
/// <param name="RemoteAddress">The peer's address (0.0.0.0 / :: when there is no peer).</param>
/// <param name="RemotePort">The peer's port (0 when there is no peer).</param>
/// <param name="State">The TCP state (LISTEN, ESTABLISHED …); UDP sockets without a peer show CLOSE.</param>
/// <param name="SendQueue">tx_queue: bytes sent but not yet acknowledged by the peer (0 for a LISTEN socket).</param>
/// <param name="ReceiveQueue">rx_queue: bytes received but not read; for a LISTEN socket, the connections waiting in the accept queue.</param>
/// <param name="Inode">The socket's inode, which links it to the process that holds it.</param>
/// <param name="Process">The program holding the socket ("nom (pid)"), or null when unknown.</param>
public sealed record SocketEntry(string Protocol, IPAddress LocalAddress, int LocalPort, IPAddress RemoteAddress, int RemotePort,
    string State, long SendQueue, long ReceiveQueue, long Inode, string? Process = null)
{
    /// <summary>True for a TCP socket waiting for connections, or a UDP socket bound without a peer.</summary>
    public bool IsListening => Protocol.StartsWith("tcp", StringComparison.Ordinal) ? State == "LISTEN" : RemotePort == 0;

    /// <summary>True when only this machine can reach the socket (bound to 127.0.0.0/8 or ::1).</summary>
    public bool IsLoopbackOnly => TargetPolicy.IsLoopback(LocalAddress);
}
