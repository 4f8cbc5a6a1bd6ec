namespace NetCourse.Sockets;

/// <summary>A server's counters at one moment.</summary>
/// <param name="Accepted">Connections (or, for UDP, datagrams) received since the start.</param>
/// <param name="Active">Clients connected now.</param>
/// <param name="Rejected">Connections turned away because the server was full.</param>
/// <param name="TimedOut">Clients disconnected because they stayed silent too long.</param>
/// <param name="Dropped">Clients that vanished or broke the protocol mid-exchange (reset, too long a message, malformed request).</param>
/// <param name="BytesIn">Bytes received.</param>
/// <param name="BytesOut">Bytes sent.</param>
public sealed record ServerStats(long Accepted, long Active, long Rejected, long TimedOut, long Dropped, long BytesIn, long BytesOut);
