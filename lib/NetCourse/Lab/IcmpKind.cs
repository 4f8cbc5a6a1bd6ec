namespace NetCourse.Lab;

/// <summary>The ICMP messages a traceroute exchanges.</summary>
public enum IcmpKind
{
    /// <summary>Echo request (type 8): a probe.</summary>
    EchoRequest,

    /// <summary>Echo reply (type 0): the target answers.</summary>
    EchoReply,

    /// <summary>Time exceeded (type 11): a router dropped a probe whose TTL reached 0.</summary>
    TimeExceeded,

    /// <summary>Destination unreachable (type 3).</summary>
    Unreachable,

    /// <summary>Any other ICMP message.</summary>
    Other,
}
