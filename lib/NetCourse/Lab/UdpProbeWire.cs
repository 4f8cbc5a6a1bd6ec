using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using NetCourse.Dissection;

namespace NetCourse.Lab;

/// <summary>
/// A hand-built UDP probe read back from its bytes, as the receiving kernel reads them: the header fields, and every
/// reason (French) the kernel would drop it without answering — a wrong checksum, a wrong length, a TTL of 0.
/// </summary>
internal sealed record UdpProbeWire(IPAddress? Source, IPAddress? Destination, int SourcePort, int DestinationPort, int Ttl,
    int PayloadLength, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes)
{
    /// <summary>True when nothing in the bytes would make the kernel drop the probe.</summary>
    public bool WellFormed => Problems.Count == 0;

    /// <summary>Reads an Ethernet frame's bytes.</summary>
    public static UdpProbeWire Read(ReadOnlySpan<byte> frame)
    {
        var problems = new List<string>();
        var notes = new List<string>();
        if (frame.Length < 14 + 20 + 8)
            return Bad($"la trame ne fait que {frame.Length} octets : il en faut au moins 42 (Ethernet 14 + IPv4 20 + UDP 8).");
        var etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
        if (etherType != 0x0800)
            return Bad($"le type Ethernet vaut 0x{etherType:x4} : pour de l'IPv4 il faut 0x0800 (EthernetType.IPv4).");
        var ip = frame[14..];
        var version = ip[0] >> 4;
        var headerLength = (ip[0] & 0x0f) * 4;
        if (version != 4 || headerLength < 20 || ip.Length < headerLength + 8)
            return Bad($"l'en-tête IP annonce la version {version} et {headerLength} octets d'en-tête : il faut la version 4 et au moins 20 octets.");
        var protocol = ip[9];
        var source = new IPAddress(ip[12..16]);
        var destination = new IPAddress(ip[16..20]);
        int ttl = ip[8];
        if (protocol != 17)
            return new UdpProbeWire(source, destination, 0, 0, ttl, 0,
                [$"le champ protocole de l'en-tête IP vaut {protocol} : UDP, c'est 17 (le paquet doit transporter un UdpPacket)."], notes);
        var totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        if (totalLength != ip.Length)
            problems.Add($"la longueur totale IP annonce {totalLength} octets, le paquet en fait {ip.Length} : le noyau Linux le jette (compteur Ip InHdrErrors ou InTruncatedPkts).");
        var headerSum = BinaryPrimitives.ReadUInt16BigEndian(ip[10..]);
        if (InternetChecksum.Compute(ip[..headerLength]) != 0)
            problems.Add($"la somme de contrôle IP vaut 0x{headerSum:x4} au lieu de 0x{Corrected(ip[..headerLength], 10):x4} : "
                         + "le noyau Linux jette le paquet dès son arrivée, sans rien répondre (compteur Ip InCsumErrors). Appelez UpdateIPChecksum() sur le paquet IPv4.");
        if (ttl == 0)
            problems.Add("le TTL vaut 0 : un paquet doit partir avec un TTL d'au moins 1.");
        var udp = ip[headerLength..Math.Min(ip.Length, Math.Max(headerLength + 8, (int)totalLength))];
        int sourcePort = BinaryPrimitives.ReadUInt16BigEndian(udp), destinationPort = BinaryPrimitives.ReadUInt16BigEndian(udp[2..]);
        var udpLength = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
        var udpSum = BinaryPrimitives.ReadUInt16BigEndian(udp[6..]);
        if (udpLength != udp.Length)
            problems.Add($"la longueur UDP annonce {udpLength} octets, le datagramme en fait {udp.Length} (8 d'en-tête + {udp.Length - 8} de données) : le noyau Linux le jette (compteur Udp InErrors).");
        else if (udpSum == 0)
            notes.Add("somme de contrôle UDP à 0 : en IPv4, cela veut dire « pas de somme », le noyau Linux l'accepte.");
        else if (UdpChecksum(source, destination, udp) != 0)
            problems.Add($"la somme de contrôle UDP vaut 0x{udpSum:x4} au lieu de 0x{CorrectedUdp(source, destination, udp):x4} : le noyau Linux jette le datagramme "
                         + "sans rien répondre (compteur Udp InCsumErrors). Appelez UpdateUdpChecksum() sur le datagramme, une fois qu'il est dans son paquet IP.");
        if (!IPAddress.IsLoopback(destination))
            problems.Add($"la destination {destination} n'est pas sur la boucle locale : le cours n'envoie ses sondes qu'à 127.0.0.0/8.");
        return new UdpProbeWire(source, destination, sourcePort, destinationPort, ttl, Math.Max(0, udp.Length - 8), problems, notes);

        UdpProbeWire Bad(string why) => new(null, null, 0, 0, 0, 0, [why], notes);
    }

    /// <summary>The probe in one line: « UDP 127.0.0.1:40000 → 127.0.0.1:33434, TTL 64, 9 octets de données ».</summary>
    public string Describe() => Source is null ? "trame illisible"
        : string.Create(CultureInfo.InvariantCulture, $"UDP {Source}:{SourcePort} → {Destination}:{DestinationPort}, TTL {Ttl}, {PayloadLength} octet(s) de données");

    private static ushort Corrected(ReadOnlySpan<byte> header, int checksumOffset)
    {
        var copy = header.ToArray();
        copy[checksumOffset] = 0;
        copy[checksumOffset + 1] = 0;
        return InternetChecksum.Compute(copy);
    }

    private static byte[] PseudoHeaderAnd(IPAddress source, IPAddress destination, ReadOnlySpan<byte> udp)
    {
        var data = new byte[12 + udp.Length];
        source.GetAddressBytes().CopyTo(data, 0);
        destination.GetAddressBytes().CopyTo(data, 4);
        data[9] = 17;
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(10), (ushort)udp.Length);
        udp.CopyTo(data.AsSpan(12));
        return data;
    }

    private static ushort UdpChecksum(IPAddress source, IPAddress destination, ReadOnlySpan<byte> udp) =>
        InternetChecksum.Compute(PseudoHeaderAnd(source, destination, udp));

    private static ushort CorrectedUdp(IPAddress source, IPAddress destination, ReadOnlySpan<byte> udp)
    {
        var data = PseudoHeaderAnd(source, destination, udp);
        data[12 + 6] = 0;
        data[12 + 7] = 0;
        var sum = InternetChecksum.Compute(data);
        return sum == 0 ? (ushort)0xffff : sum;
    }
}
