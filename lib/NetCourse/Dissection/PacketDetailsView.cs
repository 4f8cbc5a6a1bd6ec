using System.Text;
using NetCourse.Html;

namespace NetCourse.Dissection;

/// <summary>
/// Wireshark's details pane for one packet, as Wireshark draws it: one foldable <c>&lt;details&gt;</c> per protocol,
/// lowest first, titled as Wireshark titles it (« Internet Protocol Version 4, Src: …, Dst: … »), each field on
/// Wireshark's labelled line (« Time to Live: 64 », « Protocol: ICMP (1) »; the bits of a flags field below it), the
/// tshark field name on hover and a short French gloss for the fields the course teaches. The left border gives the
/// layer's colour (capture medium, link, network, transport, application).
/// </summary>
public sealed class PacketDetailsView : IHtmlView
{
    /// <summary>Creates the details tree of <paramref name="packet"/>.</summary>
    /// <param name="packet">The packet.</param>
    /// <param name="open">Which layers start unfolded (null: all of them).</param>
    public PacketDetailsView(DissectedPacket packet, IReadOnlyCollection<LayerKind>? open = null)
    {
        ArgumentNullException.ThrowIfNull(packet);
        Packet = packet;
        Open = open;
    }

    /// <summary>The packet shown.</summary>
    public DissectedPacket Packet { get; }

    /// <summary>The layers that start unfolded (null: all).</summary>
    public IReadOnlyCollection<LayerKind>? Open { get; }

    /// <summary>The five layers present in the packet, lowest first, each with its protocols.</summary>
    public IReadOnlyList<(LayerKind Kind, IReadOnlyList<ProtocolLayer> Protocols)> Entries =>
        Enum.GetValues<LayerKind>()
            .Select(kind => (kind, (IReadOnlyList<ProtocolLayer>)Packet.LayersOf(kind).ToList()))
            .Where(e => e.Item2.Count > 0)
            .ToList();

    /// <inheritdoc />
    public string ToHtml() => Render(null);

    internal string Render(string? containerId)
    {
        var html = new StringBuilder(4096);
        html.Append("<div class=\"netcourse-details\" style=\"font-family:monospace;font-size:12px;text-align:left;max-width:100%\">");
        if (Packet.IsMalformed)
            html.Append("<div style=\"color:#b00;font-family:sans-serif\">Paquet tronqué ou malformé : disséqué aussi loin que possible.</div>");
        foreach (var layer in Packet.Layers)
        {
            var kind = layer.Kind;
            var open = Open is null || Open.Contains(kind) ? " open" : "";
            html.Append("<details").Append(open).Append(" style=\"margin:1px 0;border-left:5px solid ").Append(LayerNames.Color(kind))
                .Append(";padding-left:4px\">");
            html.Append("<summary style=\"cursor:pointer;overflow-wrap:anywhere\" title=\"").Append(HtmlText.Encode(layer.Protocol)).Append('"');
            // In an inspector, a click on the title highlights the layer's bytes (the inspector's script reads data-layer).
            if (containerId is not null) html.Append(" data-layer=\"").Append((int)kind).Append('"');
            html.Append("><b>").Append(HtmlText.Encode(WiresharkTree.Title(layer))).Append("</b> <span style=\"font-family:sans-serif;color:#777\">— ")
                .Append(HtmlText.Encode(LayerNames.French(kind))).Append("</span></summary>");
            foreach (var line in WiresharkTree.Lines(layer, Packet.Bytes.Span))
            {
                html.Append("<div style=\"text-align:left;padding-left:").Append(16 + 24 * line.Depth).Append("px;text-indent:-8px;overflow-wrap:anywhere\" title=\"")
                    .Append(HtmlText.Encode(line.Field)).Append('"');
                // The field's bytes in the frame, as the dissector read them: a click in an inspector highlights exactly those.
                if (line.Offset >= 0 && line.Length > 0)
                    html.Append(" data-off=\"").Append(line.Offset).Append("\" data-len=\"").Append(line.Length).Append('"');
                if (containerId is not null) html.Append(" class=\"nc-f\"");
                html.Append('>').Append(HtmlText.Encode(line.Text));
                if (line.Gloss is not null)
                    html.Append(" <span style=\"font-family:sans-serif;font-style:italic;color:#1a5f9e\">— ").Append(HtmlText.Encode(line.Gloss)).Append("</span>");
                html.Append("</div>");
            }
            html.Append("</details>");
        }
        html.Append("</div>");
        return html.ToString();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var layer in Packet.Layers)
        {
            text.AppendLine(WiresharkTree.Title(layer));
            foreach (var line in WiresharkTree.Lines(layer, Packet.Bytes.Span))
                text.Append(' ', 4 * (line.Depth + 1)).AppendLine(line.Text);
        }
        return text.ToString();
    }
}
