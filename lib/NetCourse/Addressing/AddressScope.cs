namespace NetCourse.Addressing;

/// <summary>What kind of IP address it is: where it can be used and whether it is routed on the Internet.</summary>
public enum AddressScope
{
    /// <summary>Not an IP address.</summary>
    Invalid,
    /// <summary>The loopback: this machine talking to itself (127.0.0.0/8, ::1).</summary>
    Loopback,
    /// <summary>A private address, for local networks only (RFC 1918: 10/8, 172.16/12, 192.168/16; IPv6 fc00::/7).</summary>
    Private,
    /// <summary>Link-local: valid only on one link, given automatically (169.254/16, fe80::/10).</summary>
    LinkLocal,
    /// <summary>Shared address space of carrier-grade NAT (100.64/10).</summary>
    SharedCgnat,
    /// <summary>Reserved for benchmarks and labs (198.18/15) — the course's lab uses it.</summary>
    Benchmark,
    /// <summary>Reserved for documentation and examples (192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32).</summary>
    Documentation,
    /// <summary>Multicast: a group of receivers (224/4, ff00::/8).</summary>
    Multicast,
    /// <summary>Unspecified (0.0.0.0, ::): "any address" when listening.</summary>
    Unspecified,
    /// <summary>Broadcast to the local network (255.255.255.255).</summary>
    Broadcast,
    /// <summary>Other reserved ranges (0/8, 240/4 …).</summary>
    Reserved,
    /// <summary>A public address, routed on the Internet.</summary>
    Public,
}
