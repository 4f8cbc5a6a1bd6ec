namespace NetCourse.Ports;

/// <summary>What a TCP connection attempt to a port found.</summary>
public enum PortState
{
    /// <summary>A program listens: the handshake completed (SYN, SYN-ACK, ACK).</summary>
    Open,

    /// <summary>Nothing listens: the machine answered the SYN with a RST (connection refused).</summary>
    Closed,

    /// <summary>No answer before the timeout (a firewall dropping packets, or a host that does not exist).</summary>
    NoAnswer,

    /// <summary>The network said the host cannot be reached (no route, host unreachable).</summary>
    Unreachable,

    /// <summary>Not tried: the target or the input was refused (see the message).</summary>
    NotChecked,
}
