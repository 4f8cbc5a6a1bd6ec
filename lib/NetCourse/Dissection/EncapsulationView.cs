using System.Globalization;
using System.Text;
using NetCourse.Html;
using PacketDotNet;

namespace NetCourse.Dissection;

/// <summary>
/// The bytes of a frame coloured by layer, two ways: nested boxes (each header wraps the layer above it, like an
/// envelope in an envelope) and a hex dump where every byte has its layer's colour.
/// </summary>
public sealed class EncapsulationView : IHtmlView
{
    private EncapsulationView(byte[] bytes, IReadOnlyList<LayerSpan> layers, string title)
    {
        Bytes = bytes;
        Layers = layers;
        Title = title;
    }

    /// <summary>The frame's bytes.</summary>
    public IReadOnlyList<byte> Bytes { get; }

    /// <summary>The layers, outermost first.</summary>
    public IReadOnlyList<LayerSpan> Layers { get; }

    /// <summary>The view's title.</summary>
    public string Title { get; }

    /// <summary>The layers of a PacketDotNet packet (Ethernet / IPv4 or IPv6 / TCP or UDP / payload), outermost first.</summary>
    public static EncapsulationView Of(Packet packet, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var bytes = packet.Bytes;
        var layers = new List<LayerSpan>();
        var offset = 0;
        Packet? current = packet;
        while (current is not null)
        {
            var header = current.HeaderData?.Length ?? 0;
            var total = Math.Min(current.TotalPacketLength, bytes.Length - offset);
            layers.Add(new LayerSpan(KindOf(current), NameOf(current), offset, Math.Min(header, total), total));
            offset += header;
            if (current.PayloadPacket is null)
            {
                var data = current.PayloadData?.Length ?? 0;
                if (data > 0) layers.Add(new LayerSpan(LayerKind.Application, "Données", offset, data, data));
                break;
            }
            current = current.PayloadPacket;
        }
        return new EncapsulationView(bytes, layers, title ?? "Encapsulation");
    }

    /// <summary>The layers a dissected packet's details pane shows (without the frame line), outermost first.</summary>
    public static EncapsulationView Of(DissectedPacket packet, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var bytes = packet.Bytes.ToArray();
        var layers = new List<LayerSpan>();
        var all = packet.Layers.Where(l => l.Kind != LayerKind.Frame && l.Offset >= 0 && l.Offset < bytes.Length).ToList();
        for (var i = 0; i < all.Count; i++)
        {
            var l = all[i];
            var total = Math.Max(0, bytes.Length - l.Offset);
            var next = i + 1 < all.Count ? all[i + 1].Offset : bytes.Length;
            var header = Math.Clamp(next - l.Offset, 0, total);
            if (l.Length > 0) header = Math.Min(header, l.Length);
            layers.Add(new LayerSpan(l.Kind, ShortName(l), l.Offset, header, total));
        }
        return new EncapsulationView(bytes, layers, title ?? $"Trame {packet.Number}");
    }

    /// <summary>The layer a byte belongs to (the innermost layer whose header holds it), or null for trailing bytes.</summary>
    public LayerSpan? LayerAt(int index)
    {
        LayerSpan? found = null;
        foreach (var l in Layers)
            if (index >= l.Offset && index < l.Offset + l.HeaderLength) found = l;
        return found;
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<div style=\"font-family:sans-serif;font-size:13px\">");
        html.Append("<div style=\"font-weight:bold;margin:4px 0\">").Append(HtmlText.Encode(Title)).Append(" — ")
            .Append(Bytes.Count.ToString(CultureInfo.InvariantCulture)).Append(" octets</div>");
        AppendNested(html, 0);
        html.Append("<div style=\"margin:10px 0 4px 0;font-weight:bold\">Les mêmes octets, à la suite, colorés par couche</div>");
        AppendHexDump(html);
        html.Append("<div style=\"margin-top:6px\">");
        foreach (var l in Layers)
            html.Append("<span style=\"display:inline-block;margin-right:10px;padding:1px 6px;background:").Append(LayerPalette.Color(l.Kind)).Append("\">")
                .Append(HtmlText.Encode(l.Name)).Append(" — ").Append(HtmlText.Encode(LayerPalette.FrenchName(l.Kind))).Append(" (")
                .Append(l.HeaderLength.ToString(CultureInfo.InvariantCulture)).Append(" octets)</span>");
        html.Append("</div></div>");
        return html.ToString();
    }

    private void AppendNested(StringBuilder html, int index)
    {
        if (index >= Layers.Count) return;
        var l = Layers[index];
        var color = LayerPalette.Color(l.Kind);
        html.Append("<div style=\"border:2px solid #555;border-radius:6px;padding:6px;margin:4px 0;background:").Append(color).Append("\">");
        html.Append("<div><b>").Append(HtmlText.Encode(l.Name)).Append("</b> <span style=\"color:#333\">— ")
            .Append(HtmlText.Encode(LayerPalette.FrenchName(l.Kind))).Append(", ").Append(HtmlText.Encode(LayerPalette.UnitName(l.Kind))).Append(" de ")
            .Append(l.TotalLength.ToString(CultureInfo.InvariantCulture)).Append(" octets");
        if (index + 1 < Layers.Count) html.Append(" dont ").Append(l.HeaderLength.ToString(CultureInfo.InvariantCulture)).Append(" d'en-tête");
        html.Append("</span></div>");
        html.Append("<div style=\"font-family:monospace;word-break:break-all;margin:3px 0\">");
        var shown = Math.Min(l.HeaderLength, 64);
        for (var i = 0; i < shown; i++)
            html.Append(Bytes[l.Offset + i].ToString("x2", CultureInfo.InvariantCulture)).Append(' ');
        if (shown < l.HeaderLength) html.Append("… (").Append((l.HeaderLength - shown).ToString(CultureInfo.InvariantCulture)).Append(" de plus)");
        if (index + 1 < Layers.Count && index + 1 < Layers.Count && Layers[index + 1].Kind != LayerKind.Application && l.Kind != LayerKind.Application)
            html.Append(" <i style=\"font-family:sans-serif;color:#333\">en-tête, puis ce qu'il transporte :</i>");
        else if (index + 1 < Layers.Count)
            html.Append(" <i style=\"font-family:sans-serif;color:#333\">en-tête, puis les données :</i>");
        html.Append("</div>");
        AppendNested(html, index + 1);
        var trailer = l.Offset + l.TotalLength - (index + 1 < Layers.Count ? Layers[index + 1].Offset + Layers[index + 1].TotalLength : l.Offset + l.HeaderLength);
        if (trailer > 0)
            html.Append("<div style=\"font-family:monospace;color:#555\">+ ").Append(trailer.ToString(CultureInfo.InvariantCulture)).Append(" octets de bourrage</div>");
        html.Append("</div>");
    }

    private void AppendHexDump(StringBuilder html)
    {
        html.Append("<pre style=\"font-family:monospace;line-height:1.5;margin:0\">");
        for (var row = 0; row < Bytes.Count; row += 16)
        {
            html.Append("<span style=\"color:#777\">").Append(row.ToString("x4", CultureInfo.InvariantCulture)).Append("</span>  ");
            for (var i = row; i < row + 16; i++)
            {
                if (i < Bytes.Count)
                {
                    var layer = LayerAt(i);
                    var bg = layer is null ? "#ffffff" : LayerPalette.Color(layer.Kind);
                    html.Append("<span style=\"background:").Append(bg).Append("\" title=\"").Append(HtmlText.Encode(layer?.Name ?? "bourrage")).Append("\">")
                        .Append(Bytes[i].ToString("x2", CultureInfo.InvariantCulture)).Append("</span> ");
                }
                else html.Append("   ");
                if (i == row + 7) html.Append(' ');
            }
            html.Append(' ');
            for (var i = row; i < Math.Min(row + 16, Bytes.Count); i++)
            {
                var b = Bytes[i];
                html.Append(b is >= 0x20 and < 0x7f ? HtmlText.Encode(((char)b).ToString()) : ".");
            }
            html.Append('\n');
        }
        html.Append("</pre>");
    }

    private static LayerKind KindOf(Packet p) => p switch
    {
        EthernetPacket or LinuxSllPacket or NullPacket or PppPacket or ArpPacket => LayerKind.Link,
        IPPacket or IcmpV4Packet or IcmpV6Packet => LayerKind.Network,
        TransportPacket => LayerKind.Transport,
        _ => LayerKind.Application,
    };

    private static string NameOf(Packet p) => p switch
    {
        EthernetPacket => "Ethernet II",
        IPv4Packet => "IPv4",
        IPv6Packet => "IPv6",
        TcpPacket => "TCP",
        UdpPacket => "UDP",
        IcmpV4Packet => "ICMP",
        ArpPacket => "ARP",
        _ => p.GetType().Name.Replace("Packet", "", StringComparison.Ordinal),
    };

    private static string ShortName(ProtocolLayer l) => l.Protocol switch
    {
        "eth" => "Ethernet II",
        "ip" => "IPv4",
        "ipv6" => "IPv6",
        "tcp" => "TCP",
        "udp" => "UDP",
        "data" => "Données",
        _ => l.Title.Split(',')[0],
    };
}
