using System.Globalization;
using System.Text;
using NetCourse.Html;

namespace NetCourse.Dissection;

/// <summary>
/// Wireshark's bytes pane: offset, 16 bytes in hex, the same bytes as ASCII. The selected layer's bytes are
/// highlighted; with no selection every layer gets its own colour (with a legend).
/// </summary>
public sealed class PacketBytesView : IHtmlView
{
    /// <summary>Creates the bytes pane of <paramref name="packet"/>.</summary>
    /// <param name="packet">The packet.</param>
    /// <param name="selected">The layer to highlight, or null to colour every layer.</param>
    public PacketBytesView(DissectedPacket packet, LayerKind? selected = null)
    {
        ArgumentNullException.ThrowIfNull(packet);
        Packet = packet;
        Selected = selected;
    }

    /// <summary>The packet shown.</summary>
    public DissectedPacket Packet { get; }

    /// <summary>The highlighted layer, or null.</summary>
    public LayerKind? Selected { get; }

    /// <summary>The byte range (first byte, count) of a layer in the frame, or null when the packet does not reach it.</summary>
    public static (int Start, int Length)? RangeOf(DissectedPacket packet, LayerKind kind)
    {
        var kinds = LayerNames.ByteLayers(packet);
        var first = Array.IndexOf(kinds, kind);
        if (kind == LayerKind.Frame) return (0, kinds.Length);
        if (first < 0) return null;
        var last = Array.LastIndexOf(kinds, kind);
        return (first, last - first + 1);
    }

    /// <inheritdoc />
    public string ToHtml() => Render(Packet, Selected, null);

    /// <summary>The bytes as HTML; with <paramref name="containerId"/>, byte spans carry one class per layer (k0…k4) and their index (data-i) for <see cref="PacketInspector"/>.</summary>
    internal static string Render(DissectedPacket packet, LayerKind? selected, string? containerId)
    {
        var bytes = packet.Bytes.Span;
        var kinds = LayerNames.ByteLayers(packet);
        var html = new StringBuilder(bytes.Length * 40 + 512);
        html.Append("<pre style=\"font-family:monospace;font-size:12px;line-height:1.35;margin:4px 0;padding:6px;background:#fafafa;border:1px solid #ccc\">");
        for (var line = 0; line < bytes.Length; line += 16)
        {
            html.Append(line.ToString("x4", CultureInfo.InvariantCulture)).Append("  ");
            for (var i = line; i < line + 16; i++)
            {
                if (i == line + 8) html.Append(' ');
                if (i < bytes.Length) Byte(html, i, bytes[i].ToString("x2", CultureInfo.InvariantCulture), kinds[i], selected, containerId, i + 1 < line + 16 && i + 1 < bytes.Length && kinds[i + 1] == kinds[i] ? " " : "", i == line + 7);
                else html.Append("   ");
            }
            html.Append("  ");
            for (var i = line; i < Math.Min(line + 16, bytes.Length); i++)
            {
                var b = bytes[i];
                Byte(html, i, b is >= 0x20 and < 0x7f ? HtmlText.Encode(((char)b).ToString()) : ".", kinds[i], selected, containerId, "", false);
            }
            html.Append('\n');
        }
        html.Append("</pre>");
        if (selected is null && containerId is null)
        {
            html.Append("<div style=\"font-family:sans-serif;font-size:12px\">");
            foreach (var kind in kinds.Distinct().Order())
                html.Append("<span style=\"background:").Append(LayerNames.Color(kind)).Append(";padding:1px 6px;margin-right:6px\">")
                    .Append(HtmlText.Encode(LayerNames.French(kind))).Append("</span>");
            html.Append("</div>");
        }
        return html.ToString();
    }

    private static void Byte(StringBuilder html, int index, string text, LayerKind kind, LayerKind? selected, string? containerId, string trailingSpace, bool beforeGap)
    {
        _ = beforeGap;
        if (containerId is not null)
        {
            // data-i: the byte's index in the frame, so a click on a field lights exactly its bytes (PacketInspector).
            html.Append("<span class=\"k").Append((int)kind).Append("\" data-i=\"").Append(index).Append("\">").Append(text).Append(trailingSpace).Append("</span>");
            if (trailingSpace.Length == 0 && text.Length == 2) html.Append(' ');
            return;
        }
        var highlighted = selected is null ? LayerNames.Color(kind) : (kind == selected || selected == LayerKind.Frame) ? "#fff176" : null;
        if (highlighted is null)
        {
            html.Append(text).Append(text.Length == 2 ? " " : "");
            return;
        }
        html.Append("<span style=\"background:").Append(highlighted).Append("\">").Append(text).Append(trailingSpace).Append("</span>");
        if (trailingSpace.Length == 0 && text.Length == 2) html.Append(' ');
    }

    /// <inheritdoc />
    public override string ToString() => Convert.ToHexStringLower(Packet.Bytes.Span);
}
