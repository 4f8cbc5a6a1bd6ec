namespace NetCourse.Dissection;

/// <summary>The five layers the course names for a captured packet, from the capture medium up to the application data.</summary>
public enum LayerKind
{
    /// <summary>The frame as the capture medium saw it (number, time, lengths): Wireshark's "Frame" line.</summary>
    Frame,
    /// <summary>The link layer (Ethernet II, Linux cooked capture, null/loopback, PPP) and ARP.</summary>
    Link,
    /// <summary>The network layer (IPv4, IPv6, ICMP, ICMPv6).</summary>
    Network,
    /// <summary>The transport layer (TCP, UDP).</summary>
    Transport,
    /// <summary>The application data (DNS, HTTP, or other bytes).</summary>
    Application,
}
