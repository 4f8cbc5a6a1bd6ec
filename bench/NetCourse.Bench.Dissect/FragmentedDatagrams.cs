using System.Buffers.Binary;
using System.Net;

namespace NetCourse.Bench.Dissect;

/// <summary>
/// Ethernet frames of IP datagrams larger than the link's MTU, cut into fragments as Linux cuts them: IPv4 at an MTU
/// of 1500 (1480 bytes of data per fragment, the More Fragments flag, the offset in 8-byte units), IPv6 at 1280 (a
/// Fragment extension header, 1232 bytes per fragment). The transport header (UDP with its checksum, or ICMP) is in
/// the first fragment only, so a dissector sees it only by reassembling the datagram.
/// </summary>
internal static class FragmentedDatagrams
{
    private const int Ipv4Header = 20, Ipv6Header = 40, FragmentHeader = 8, EthernetHeader = 14;
    private const int Ipv4FragmentData = 1480, Ipv6FragmentData = 1232;
    private const byte Udp = 17, Icmp = 1, Ipv6Fragment = 44;

    /// <summary>A UDP datagram of <paramref name="length"/> payload bytes over IPv4, as fragments.</summary>
    public static IEnumerable<byte[]> UdpOverIpv4(IPAddress src, IPAddress dst, ushort sp, ushort dp, int length, ushort id)
    {
        var udp = UdpDatagram(sp, dp, length, id);
        WriteChecksum(udp, 6, Ipv4PseudoHeader(src, dst, Udp, udp.Length), 0xffff);
        return Ipv4Fragments(src, dst, Udp, id, udp);
    }

    /// <summary>An ICMP echo request or reply of <paramref name="length"/> data bytes over IPv4, as fragments.</summary>
    public static IEnumerable<byte[]> EchoOverIpv4(IPAddress src, IPAddress dst, bool reply, ushort echoId, ushort sequence, int length, ushort id)
    {
        var icmp = new byte[8 + length];
        icmp[0] = reply ? (byte)0 : (byte)8;
        BinaryPrimitives.WriteUInt16BigEndian(icmp.AsSpan(4), echoId);
        BinaryPrimitives.WriteUInt16BigEndian(icmp.AsSpan(6), sequence);
        for (var i = 8; i < icmp.Length; i++)
            icmp[i] = (byte)(i + sequence);
        WriteChecksum(icmp, 2, [], 0);
        return Ipv4Fragments(src, dst, Icmp, id, icmp);
    }

    /// <summary>A UDP datagram of <paramref name="length"/> payload bytes over IPv6, as fragments with a Fragment header.</summary>
    public static IEnumerable<byte[]> UdpOverIpv6(IPAddress src, IPAddress dst, ushort sp, ushort dp, int length, uint id)
    {
        var udp = UdpDatagram(sp, dp, length, (int)id);
        var pseudo = new byte[40];
        src.GetAddressBytes().CopyTo(pseudo, 0);
        dst.GetAddressBytes().CopyTo(pseudo, 16);
        BinaryPrimitives.WriteInt32BigEndian(pseudo.AsSpan(32), udp.Length);
        pseudo[39] = Udp;
        WriteChecksum(udp, 6, pseudo, 0xffff);
        for (var offset = 0; offset < udp.Length; offset += Ipv6FragmentData)
        {
            var size = Math.Min(Ipv6FragmentData, udp.Length - offset);
            var frame = Ethernet(0x86dd, Ipv6Header + FragmentHeader + size);
            var ip = frame.AsSpan(EthernetHeader);
            ip[0] = 0x60;
            BinaryPrimitives.WriteUInt16BigEndian(ip[4..], (ushort)(FragmentHeader + size));
            ip[6] = Ipv6Fragment;
            ip[7] = 64;
            src.GetAddressBytes().CopyTo(ip[8..]);
            dst.GetAddressBytes().CopyTo(ip[24..]);
            var fragment = ip[Ipv6Header..];
            fragment[0] = Udp;
            var more = offset + size < udp.Length ? 1 : 0;
            BinaryPrimitives.WriteUInt16BigEndian(fragment[2..], (ushort)(offset | more));
            BinaryPrimitives.WriteUInt32BigEndian(fragment[4..], id);
            udp.AsSpan(offset, size).CopyTo(fragment[FragmentHeader..]);
            yield return frame;
        }
    }

    private static byte[] UdpDatagram(ushort sp, ushort dp, int length, int seed)
    {
        var udp = new byte[8 + length];
        BinaryPrimitives.WriteUInt16BigEndian(udp, sp);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(2), dp);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(4), (ushort)udp.Length);
        for (var i = 8; i < udp.Length; i++)
            udp[i] = (byte)('a' + (i + seed) % 26);
        return udp;
    }

    private static IEnumerable<byte[]> Ipv4Fragments(IPAddress src, IPAddress dst, byte protocol, ushort id, byte[] payload)
    {
        for (var offset = 0; offset < payload.Length; offset += Ipv4FragmentData)
        {
            var size = Math.Min(Ipv4FragmentData, payload.Length - offset);
            var frame = Ethernet(0x0800, Ipv4Header + size);
            var ip = frame.AsSpan(EthernetHeader);
            ip[0] = 0x45;
            BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(Ipv4Header + size));
            BinaryPrimitives.WriteUInt16BigEndian(ip[4..], id);
            var more = offset + size < payload.Length ? 0x2000 : 0;
            BinaryPrimitives.WriteUInt16BigEndian(ip[6..], (ushort)(more | offset / 8));
            ip[8] = 64;
            ip[9] = protocol;
            src.GetAddressBytes().CopyTo(ip[12..]);
            dst.GetAddressBytes().CopyTo(ip[16..]);
            BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Checksum(ip[..Ipv4Header], []));
            payload.AsSpan(offset, size).CopyTo(ip[Ipv4Header..]);
            yield return frame;
        }
    }

    private static byte[] Ethernet(ushort type, int ipLength)
    {
        var frame = new byte[EthernetHeader + ipLength]; // zero MACs, as Linux's lo gives
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), type);
        return frame;
    }

    private static byte[] Ipv4PseudoHeader(IPAddress src, IPAddress dst, byte protocol, int length)
    {
        var pseudo = new byte[12];
        src.GetAddressBytes().CopyTo(pseudo, 0);
        dst.GetAddressBytes().CopyTo(pseudo, 4);
        pseudo[9] = protocol;
        BinaryPrimitives.WriteUInt16BigEndian(pseudo.AsSpan(10), (ushort)length);
        return pseudo;
    }

    /// <summary>Writes the Internet checksum of <paramref name="pseudo"/> then <paramref name="data"/> at <paramref name="at"/>; UDP sends 0 as 0xffff.</summary>
    private static void WriteChecksum(byte[] data, int at, ReadOnlySpan<byte> pseudo, ushort zeroAs)
    {
        var sum = Checksum(data, pseudo);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(at), sum == 0 && zeroAs != 0 ? zeroAs : sum);
    }

    private static ushort Checksum(ReadOnlySpan<byte> data, ReadOnlySpan<byte> pseudo)
    {
        long sum = Sum(pseudo) + Sum(data);
        while (sum >> 16 != 0)
            sum = (sum & 0xffff) + (sum >> 16);
        return (ushort)~sum;
    }

    private static long Sum(ReadOnlySpan<byte> bytes)
    {
        long sum = 0;
        for (var i = 0; i + 1 < bytes.Length; i += 2)
            sum += bytes[i] << 8 | bytes[i + 1];
        if (bytes.Length % 2 == 1)
            sum += bytes[^1] << 8;
        return sum;
    }
}
