using System.Net;
using System.Net.NetworkInformation;
using System.Text;
using PacketDotNet;
using PacketDotNet.Utils;

namespace NetCourse.Tests.Dissection;

/// <summary>Frames built with PacketDotNet for the dissector tests (loopback and lab addresses only).</summary>
internal static class Frames
{
    public static readonly PhysicalAddress MacA = PhysicalAddress.Parse("02-00-00-00-00-0A");
    public static readonly PhysicalAddress MacB = PhysicalAddress.Parse("02-00-00-00-00-0B");
    public static readonly IPAddress IpA = IPAddress.Parse("198.18.0.1");
    public static readonly IPAddress IpB = IPAddress.Parse("198.18.0.2");

    public static TcpPacket Tcp(ushort src, ushort dst, uint seq, uint ack, bool syn = false, bool ackFlag = false, bool fin = false, bool rst = false, bool psh = false, ushort window = 64240, byte[]? payload = null)
    {
        var tcp = new TcpPacket(src, dst)
        {
            SequenceNumber = seq,
            AcknowledgmentNumber = ack,
            Synchronize = syn,
            Acknowledgment = ackFlag,
            Finished = fin,
            Reset = rst,
            Push = psh,
            WindowSize = window,
        };
        if (payload is not null)
            tcp.PayloadData = payload;
        return tcp;
    }

    public static IPv4Packet IPv4(Packet payload, byte ttl = 64, IPAddress? src = null, IPAddress? dst = null)
    {
        var ip = new IPv4Packet(src ?? IpA, dst ?? IpB) { TimeToLive = ttl, PayloadPacket = payload };
        ip.UpdateCalculatedValues();
        if (payload is TransportPacket transport)
            transport.UpdateCalculatedValues();
        ip.UpdateIPChecksum();
        return ip;
    }

    public static byte[] Ethernet(Packet network, EthernetType type = EthernetType.IPv4)
    {
        var eth = new EthernetPacket(MacA, MacB, type) { PayloadPacket = network };
        return eth.Bytes;
    }

    public static byte[] EthernetTcp(TcpPacket tcp, byte ttl = 64, bool reverse = false) =>
        Ethernet(reverse ? IPv4(tcp, ttl, IpB, IpA) : IPv4(tcp, ttl));

    public static byte[] DnsQuery(ushort id, string name, bool response)
    {
        var bytes = new List<byte> { (byte)(id >> 8), (byte)id, (byte)(response ? 0x81 : 0x01), (byte)(response ? 0x80 : 0x00), 0, 1, 0, (byte)(response ? 1 : 0), 0, 0, 0, 0 };
        foreach (var label in name.Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }
        bytes.AddRange(new byte[] { 0, 0, 1, 0, 1 });
        if (response)
            bytes.AddRange(new byte[] { 0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 198, 18, 0, 53 });
        return bytes.ToArray();
    }

    public static byte[] Udp(ushort src, ushort dst, byte[] payload) =>
        Ethernet(IPv4(new UdpPacket(src, dst) { PayloadData = payload }));

    public static byte[] Arp(ArpOperation op) =>
        Ethernet(new ArpPacket(op, PhysicalAddress.Parse("00-00-00-00-00-00"), IpB, MacA, IpA), EthernetType.Arp);

    public static byte[] IcmpEcho(ushort id, ushort seq)
    {
        var icmp = new IcmpV4Packet(new ByteArraySegment(new byte[8 + 4])) { TypeCode = IcmpV4TypeCode.EchoRequest, Id = id, Sequence = seq };
        return Ethernet(IPv4(icmp));
    }

    public static byte[] Ipv6Udp(ushort src, ushort dst, byte[] payload)
    {
        var udp = new UdpPacket(src, dst) { PayloadData = payload };
        var ip = new IPv6Packet(IPAddress.IPv6Loopback, IPAddress.IPv6Loopback) { PayloadPacket = udp, HopLimit = 64 };
        ip.UpdateCalculatedValues();
        return Ethernet(ip, EthernetType.IPv6);
    }

    /// <summary>The IPv4 packet of a TCP SYN, without a link header (for raw, null, SLL and PPP framing).</summary>
    public static byte[] BareIpSyn() => IPv4(Tcp(40000, 12800, 1000, 0, syn: true)).Bytes;

    public static byte[] Sll(byte[] ip)
    {
        byte[] header = [0, 0, 0, 1, 0, 6, 2, 0, 0, 0, 0, 0x0a, 0, 0, 0x08, 0x00];
        return [.. header, .. ip];
    }

    public static byte[] Null(byte[] ip) => [2, 0, 0, 0, .. ip];

    public static byte[] Ppp(byte[] ip) => [0xff, 0x03, 0x00, 0x21, .. ip];
}
