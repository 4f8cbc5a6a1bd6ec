using System.Globalization;

namespace NetCourse.Dissection;

/// <summary>Dispatch on the IP protocol number (IPv4's protocol, IPv6's last next header).</summary>
internal static class IpProtocolTable
{
    public const int Icmp = 1;
    public const int Igmp = 2;
    public const int Tcp = 6;
    public const int Udp = 17;
    public const int Icmpv6 = 58;

    /// <summary>The protocol's short name as tshark writes it in "Fragmented IP protocol (proto=…)".</summary>
    public static string Name(int protocol) => protocol switch
    {
        Icmp => "ICMP",
        Igmp => "IGMP",
        Tcp => "TCP",
        Udp => "UDP",
        Icmpv6 => "ICMPv6",
        _ => "",
    };

    /// <param name="c">The frame.</param>
    /// <param name="view">The columns.</param>
    /// <param name="protocol">The IP protocol number.</param>
    /// <param name="offset">Where the IP payload starts.</param>
    /// <param name="end">Where the IP payload ends according to the IP header.</param>
    /// <param name="inner">Inside an ICMP error's quoted packet: only the ports are read.</param>
    /// <param name="v6">Carried by IPv6 (ICMPv6 is valid, ICMP and IGMP are not).</param>
    public static void Dissect(FrameCursor c, ColumnView view, int protocol, int offset, int end, bool inner, bool v6)
    {
        switch (protocol)
        {
            case Tcp when inner:
                QuotedPortsDissector.Dissect(c, offset, "tcp", "Transmission Control Protocol");
                break;
            case Tcp:
                TcpDissector.Dissect(c, view, offset, end);
                break;
            case Udp when inner:
                QuotedPortsDissector.Dissect(c, offset, "udp", "User Datagram Protocol");
                break;
            case Udp:
                UdpDissector.Dissect(c, view, offset, end);
                break;
            case Icmp when !v6:
                IcmpDissector.Dissect(c, view, offset, inner);
                break;
            case Icmpv6 when v6:
                Icmpv6Dissector.Dissect(c, view, offset, inner);
                break;
            case Igmp when !v6:
                IgmpDissector.Dissect(c, view, offset, inner);
                break;
            default:
                if (!inner && offset < Math.Min(end, c.CapturedEnd))
                {
                    c.Begin(LayerKind.Transport, "data", "Data", offset).Length = Math.Min(end, c.CapturedEnd) - offset;
                    view.Info = string.Create(CultureInfo.InvariantCulture, $"Protocole IP {protocol}");
                }
                break;
        }
    }
}
