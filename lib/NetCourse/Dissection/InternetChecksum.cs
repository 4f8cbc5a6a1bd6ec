using System.Buffers.Binary;
using System.Net.Sockets;
using PacketDotNet;

namespace NetCourse.Dissection;

/// <summary>The Internet checksum (RFC 1071) that IPv4, TCP, UDP and ICMP headers carry, computed by hand.</summary>
public static class InternetChecksum
{
    /// <summary>The one's complement of the one's-complement sum of the 16-bit words of <paramref name="data"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 1 < data.Length; i += 2) sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        if (data.Length % 2 == 1) sum += (uint)data[^1] << 8;
        while (sum > 0xffff) sum = (sum & 0xffff) + (sum >> 16);
        return (ushort)~sum;
    }

    /// <summary>The IPv4 header's checksum, step by step (the header with its checksum field counted as zero).</summary>
    public static ChecksumExplanation ExplainIPv4Header(IPv4Packet ip)
    {
        ArgumentNullException.ThrowIfNull(ip);
        var header = ip.HeaderData.ToArray();
        var found = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(10));
        header[10] = header[11] = 0;
        return new ChecksumExplanation("en-tête IPv4", header, found);
    }

    /// <summary>
    /// The TCP checksum, step by step: it covers a pseudo-header (source and destination addresses, protocol 6,
    /// TCP length) and the whole segment — header and data — with its checksum field counted as zero.
    /// </summary>
    public static ChecksumExplanation ExplainTcp(IPv4Packet ip)
    {
        ArgumentNullException.ThrowIfNull(ip);
        if (ip.PayloadPacket is not TcpPacket tcp) throw new ArgumentException("Ce paquet IPv4 ne transporte pas de TCP.", nameof(ip));
        var segment = tcp.Bytes.ToArray();
        var found = BinaryPrimitives.ReadUInt16BigEndian(segment.AsSpan(16));
        segment[16] = segment[17] = 0;
        if (ip.SourceAddress.AddressFamily != AddressFamily.InterNetwork) throw new ArgumentException("Adresse IPv4 attendue.", nameof(ip));
        var pseudo = new byte[12 + segment.Length];
        ip.SourceAddress.GetAddressBytes().CopyTo(pseudo, 0);
        ip.DestinationAddress.GetAddressBytes().CopyTo(pseudo, 4);
        pseudo[9] = 6;
        BinaryPrimitives.WriteUInt16BigEndian(pseudo.AsSpan(10), (ushort)segment.Length);
        segment.CopyTo(pseudo, 12);
        return new ChecksumExplanation("segment TCP (pseudo-en-tête + en-tête + données)", pseudo, found);
    }
}
