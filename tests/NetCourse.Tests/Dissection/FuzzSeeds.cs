using NetCourse.Capture;

namespace NetCourse.Tests.Dissection;

/// <summary>The dissection fuzz's one seed list: hand-built frames of each link layer, and the link types tried.</summary>
internal static class FuzzSeeds
{
    /// <summary>Every link type the dissector knows, and unknown ones (0, 14, 147, 65535).</summary>
    public static readonly int[] LinkTypes = [1, 113, 276, 0, 108, 101, 12, 14, 228, 229, 9, 50, 147, 65535];

    /// <summary>Hand-built frames: HTTP over TCP, DNS, ARP, ICMP, IPv6 over Ethernet; an IPv4 SYN over SLL, Null, PPP and raw IP.</summary>
    public static IReadOnlyList<RawFrame> Built()
    {
        var ip = Frames.BareIpSyn();
        byte[][] ethernet =
        [
            Frames.EthernetTcp(Frames.Tcp(40000, 80, 1, 1, ackFlag: true, psh: true, payload: "GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray())),
            Frames.Udp(50000, 53, Frames.DnsQuery(1, "a.b.test", true)),
            Frames.Arp(PacketDotNet.ArpOperation.Request),
            Frames.IcmpEcho(1, 1),
            Frames.Ipv6Udp(1, 2, [1, 2, 3, 4]),
        ];
        var seeds = ethernet.Select(b => new RawFrame(b, LinkType.Ethernet, 0, b.Length)).ToList();
        seeds.Add(Frame(Frames.Sll(ip), LinkType.LinuxSll));
        seeds.Add(Frame(Frames.Null(ip), LinkType.Null));
        seeds.Add(Frame(Frames.Ppp(ip), LinkType.Ppp));
        seeds.Add(Frame(ip, LinkType.RawIp));
        return seeds;
    }

    private static RawFrame Frame(byte[] data, int linkType) => new(data, linkType, 0, data.Length);
}
