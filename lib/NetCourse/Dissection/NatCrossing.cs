using System.Text;

namespace NetCourse.Dissection;

/// <summary>
/// One IPv4 datagram seen on both sides of a box that does NAT: as it was on the home side (before the box on the
/// way out, after it on the way back) and as it was on the Internet side. Pairing is by IP identification and
/// payload, which the box does not touch.
/// </summary>
/// <param name="Home">The datagram as captured on the home side of the box.</param>
/// <param name="Internet">The same datagram as captured on the Internet side.</param>
public sealed record NatCrossing(DissectedPacket Home, DissectedPacket Internet)
{
    /// <summary>The fields compared, in the order shown: addresses, ports, TTL (the box is also a router).</summary>
    public IReadOnlyList<string> Fields => [.. AddressFields, Transport + ".srcport", Transport + ".dstport", "ip.ttl"];

    private static readonly string[] AddressFields = ["ip.src", "ip.dst"];

    /// <summary>"udp" or "tcp": the transport protocol whose ports are compared.</summary>
    public string Transport => Home.HasProtocol("tcp") ? "tcp" : "udp";

    /// <summary>True for a datagram leaving home (captured first on the home side), false for an answer coming back.</summary>
    public bool Outgoing => Home.Timestamp <= Internet.Timestamp;

    /// <summary>The compared fields whose value differs between the two sides (what the box rewrote).</summary>
    public IReadOnlyList<string> ChangedFields => Fields.Where(f => Home.FieldText(f) != Internet.FieldText(f)).ToList();

    /// <summary>The datagram's data (its UDP or TCP payload), identical on both sides.</summary>
    public byte[] Payload => Home.GetValue("data.data")?.Bytes ?? [];

    /// <summary>The payload as text when it is readable UTF-8, else as hexadecimal.</summary>
    public string PayloadText
    {
        get
        {
            var bytes = Payload;
            try
            {
                var text = new UTF8Encoding(false, true).GetString(bytes);
                return text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t') ? Convert.ToHexString(bytes) : text;
            }
            catch (DecoderFallbackException)
            {
                return Convert.ToHexString(bytes);
            }
        }
    }

    /// <summary>"address:port" of the source on one side.</summary>
    public static string SourceOf(DissectedPacket packet, string transport)
    {
        ArgumentNullException.ThrowIfNull(packet);
        return $"{packet.FieldText("ip.src")}:{packet.FieldText(transport + ".srcport")}";
    }

    /// <summary>"address:port" of the destination on one side.</summary>
    public static string DestinationOf(DissectedPacket packet, string transport)
    {
        ArgumentNullException.ThrowIfNull(packet);
        return $"{packet.FieldText("ip.dst")}:{packet.FieldText(transport + ".dstport")}";
    }
}
