using System.Text;
using NetCourse.Dissection;

namespace NetCourse.Visuals;

/// <summary>
/// Wireshark's details pane for one packet: the five layers, lowest to highest (capture medium, link, network,
/// transport, application), each a collapsible <c>&lt;details&gt;</c> element with its protocols and fields
/// (Wireshark's field names and values).
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
        var html = new StringBuilder(2048);
        html.Append("<div class=\"netcourse-details\" style=\"font-family:monospace;font-size:12px\">");
        if (Packet.IsMalformed)
            html.Append("<div style=\"color:#b00;font-family:sans-serif\">Paquet tronqué ou malformé : disséqué aussi loin que possible.</div>");
        var index = 0;
        foreach (var (kind, protocols) in Entries)
        {
            index++;
            var open = Open is null || Open.Contains(kind) ? " open" : "";
            html.Append("<details").Append(open).Append(" style=\"margin:2px 0;border-left:5px solid ").Append(LayerNames.Color(kind)).Append(";padding-left:4px\">");
            html.Append("<summary style=\"cursor:pointer\"");
            if (containerId is not null)
                html.Append(" onclick=\"document.getElementById('").Append(containerId).Append("').setAttribute('data-sel','").Append((int)kind).Append("')\"");
            html.Append("><b>").Append(index).Append(". ").Append(Html.Encode(LayerNames.French(kind))).Append("</b> — ")
                .Append(Html.Encode(string.Join(" / ", protocols.Select(p => p.Title)))).Append("</summary>");
            foreach (var protocol in protocols)
            {
                if (protocols.Count > 1)
                    html.Append("<div style=\"margin-left:12px;font-weight:bold\">").Append(Html.Encode(protocol.Title)).Append("</div>");
                html.Append("<table style=\"margin-left:16px;border-collapse:collapse\">");
                foreach (var field in protocol.Fields)
                {
                    html.Append("<tr><td style=\"padding:0 8px 0 0;color:#555\">").Append(Html.Encode(field.Name))
                        .Append("</td><td style=\"padding:0\">").Append(Html.Encode(field.Value.Display)).Append("</td></tr>");
                }
                html.Append("</table>");
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
        foreach (var (kind, protocols) in Entries)
        {
            text.Append(LayerNames.French(kind)).Append(" — ").AppendLine(string.Join(" / ", protocols.Select(p => p.Title)));
            foreach (var field in protocols.SelectMany(p => p.Fields))
                text.Append("    ").Append(field.Name).Append(" = ").AppendLine(field.Value.Display);
        }
        return text.ToString();
    }
}
