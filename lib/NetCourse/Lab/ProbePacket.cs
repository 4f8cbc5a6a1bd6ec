using System.Globalization;
using System.Net;
using System.Text;
using NetCourse.Html;
using PacketDotNet;
using PacketDotNet.Utils;

namespace NetCourse.Lab;

/// <summary>
/// A traceroute probe built by hand with PacketDotNet — the C# version of scapy's <c>IP(dst=…, ttl=n)/ICMP()</c>:
/// an IPv4 header with a chosen TTL around an ICMP echo request. Shows its fields and bytes.
/// </summary>
public sealed class ProbePacket : IHtmlView
{
    private ProbePacket(IPv4Packet packet, ushort identifier, ushort sequence)
    {
        Packet = packet;
        Identifier = identifier;
        Sequence = sequence;
    }

    /// <summary>The IPv4 packet (its payload is the ICMP echo request).</summary>
    public IPv4Packet Packet { get; }

    /// <summary>The ICMP echo identifier.</summary>
    public ushort Identifier { get; }

    /// <summary>The ICMP echo sequence number.</summary>
    public ushort Sequence { get; }

    /// <summary>The TTL of the IP header.</summary>
    public int Ttl => Packet.TimeToLive;

    /// <summary>The bytes of the whole packet (IP header first), ready for a raw socket.</summary>
    public byte[] Bytes => Packet.Bytes;

    /// <summary>Builds a probe: IPv4 from <paramref name="source"/> to <paramref name="destination"/> with TTL <paramref name="ttl"/>, carrying an ICMP echo request.</summary>
    public static ProbePacket Build(IPAddress source, IPAddress destination, int ttl, ushort identifier = 0x4e43, ushort sequence = 1, string payload = "NetCourse")
    {
        if (ttl is < 1 or > 255) throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "Le TTL tient sur un octet : entre 1 et 255.");
        var data = Encoding.ASCII.GetBytes(payload);
        var icmp = new IcmpV4Packet(new ByteArraySegment(new byte[8 + data.Length]))
        {
            TypeCode = IcmpV4TypeCode.EchoRequest,
            Id = identifier,
            Sequence = sequence,
        };
        data.CopyTo(icmp.Bytes, 8);
        icmp.UpdateIcmpChecksum();
        var ip = new IPv4Packet(source, destination)
        {
            TimeToLive = ttl,
            Protocol = PacketDotNet.ProtocolType.Icmp,
            Id = sequence,
            PayloadPacket = icmp,
        };
        ip.UpdateCalculatedValues();
        ip.UpdateIPChecksum();
        return new ProbePacket(ip, identifier, sequence);
    }

    /// <summary>The header fields, layer by layer (name, value).</summary>
    public IReadOnlyList<(string Layer, string Field, string Value)> Fields()
    {
        var ip = Packet;
        var icmp = (IcmpV4Packet)ip.PayloadPacket;
        string Hex(int v) => "0x" + v.ToString("x4", CultureInfo.InvariantCulture);
        return
        [
            ("IPv4", "version", ip.Version.ToString()),
            ("IPv4", "longueur d'en-tête", $"{ip.HeaderLength * 4} octets"),
            ("IPv4", "longueur totale", $"{ip.TotalLength} octets"),
            ("IPv4", "identification", Hex(ip.Id)),
            ("IPv4", "TTL (durée de vie)", ip.TimeToLive.ToString(CultureInfo.InvariantCulture)),
            ("IPv4", "protocole", $"{(int)ip.Protocol} (ICMP)"),
            ("IPv4", "somme de contrôle", $"{Hex(ip.Checksum)} ({(ip.ValidIPChecksum ? "correcte" : "fausse")})"),
            ("IPv4", "source", ip.SourceAddress.ToString()),
            ("IPv4", "destination", ip.DestinationAddress.ToString()),
            ("ICMP", "type / code", $"{icmp.Bytes[0]} / {icmp.Bytes[1]} (echo request)"),
            ("ICMP", "somme de contrôle", $"{Hex(icmp.Checksum)} ({(icmp.ValidIcmpChecksum ? "correcte" : "fausse")})"),
            ("ICMP", "identifiant", Hex(icmp.Id)),
            ("ICMP", "numéro de séquence", icmp.Sequence.ToString(CultureInfo.InvariantCulture)),
            ("ICMP", "données", $"« {Encoding.ASCII.GetString(icmp.Bytes, 8, icmp.Bytes.Length - 8)} »"),
        ];
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder("<div style=\"font-family:sans-serif;font-size:13px\">");
        html.Append(new HtmlTable($"Sonde TTL={Ttl} construite avec PacketDotNet ({Bytes.Length} octets)", ["couche", "champ", "valeur"],
            Fields().Select(f => (IReadOnlyList<string>)[f.Layer, f.Field, f.Value]).ToArray()).ToHtml());
        var headerLength = Packet.HeaderLength * 4;
        html.Append("<div style=\"font-family:monospace;margin-top:6px\">");
        for (var i = 0; i < Bytes.Length; i++)
        {
            if (i > 0 && i % 16 == 0) html.Append("<br/>");
            var color = i < headerLength ? (i == 8 ? "#ffb74d" : "#bbdefb") : "#c8e6c9";
            html.Append(CultureInfo.InvariantCulture, $"<span style=\"background:{color};padding:0 2px\" title=\"{(i < headerLength ? (i == 8 ? "IPv4 : TTL" : "IPv4") : "ICMP")}\">{Bytes[i]:x2}</span> ");
        }
        html.Append("</div><div style=\"font-size:12px;color:#555\">bleu : en-tête IPv4 (orange : l'octet du TTL) — vert : message ICMP</div>");
        return html.Append("</div>").ToString();
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(Environment.NewLine, Fields().Select(f => $"{f.Layer,-5} {f.Field,-20} {f.Value}"))
        + Environment.NewLine + Convert.ToHexString(Bytes).ToLowerInvariant();
}
