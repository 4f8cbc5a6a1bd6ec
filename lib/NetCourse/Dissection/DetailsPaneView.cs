using System.Globalization;
using System.Text;
using NetCourse.Html;

namespace NetCourse.Dissection;

/// <summary>
/// The entries of Wireshark's details pane for one packet, lowest layer first, each beside the lesson's words for it
/// (« données sur le média de capture », « trame », « paquet », « datagramme », « données de l'application »),
/// with its bytes and, folded, its fields.
/// </summary>
public sealed class DetailsPaneView : IHtmlView
{
    /// <summary>Shows <paramref name="packet"/>'s layers.</summary>
    public DetailsPaneView(DissectedPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        Packet = packet;
    }

    /// <summary>The packet shown.</summary>
    public DissectedPacket Packet { get; }

    /// <summary>The entries, lowest first: the details pane's line and the layer it belongs to.</summary>
    public IReadOnlyList<(LayerKind Kind, string Title)> Entries => Packet.Layers.Select(l => (l.Kind, l.Title)).ToArray();

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<style>table.nc-left td, table.nc-left th { text-align: left; }</style>");
        html.Append("<div style=\"font-family:sans-serif;font-size:13px\"><table class=\"nc-left\" style=\"border-collapse:collapse\">");
        html.Append("<tr><th style=\"text-align:left\">#</th><th style=\"text-align:left\">Ligne du panneau de détails de Wireshark</th><th style=\"text-align:left\">Selon la leçon</th><th style=\"text-align:left\">Octets</th></tr>");
        var n = 0;
        foreach (var layer in Packet.Layers)
        {
            n++;
            var range = layer.Kind == LayerKind.Frame || layer.Length <= 0
                ? $"{Packet.CapturedLength} capturés"
                : string.Create(CultureInfo.InvariantCulture, $"{layer.Offset}–{layer.Offset + layer.Length - 1} ({layer.Length})");
            html.Append("<tr style=\"border-top:1px solid #ccc;vertical-align:top;background:").Append(LayerPalette.Color(layer.Kind)).Append("\">");
            html.Append("<td style=\"text-align:left\">").Append(n).Append("</td><td style=\"text-align:left\"><details><summary>")
                .Append(HtmlText.Encode(WiresharkTree.Title(layer))).Append("</summary><ul style=\"margin:2px 0;padding-left:16px;list-style:none\">");
            // Wireshark's own lines (« Time to Live: 64 »), the tshark field name on hover.
            foreach (var line in WiresharkTree.Lines(layer, Packet.Bytes.Span).Take(40))
                html.Append("<li style=\"font-family:monospace;font-size:12px;padding-left:").Append(16 * line.Depth).Append("px\" title=\"")
                    .Append(HtmlText.Encode(line.Field)).Append("\">").Append(HtmlText.Encode(line.Text)).Append("</li>");
            html.Append("</ul></details></td><td style=\"text-align:left\">").Append(HtmlText.Encode(LayerPalette.UnitName(layer.Kind))).Append(" — ").Append(HtmlText.Encode(LayerPalette.FrenchName(layer.Kind)))
                .Append("</td><td style=\"text-align:left\">").Append(HtmlText.Encode(range)).Append("</td></tr>");
        }
        html.Append("</table></div>");
        return html.ToString();
    }
}
