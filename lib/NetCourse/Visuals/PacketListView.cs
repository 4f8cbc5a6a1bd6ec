using System.Globalization;
using System.Text;
using NetCourse.Dissection;

namespace NetCourse.Visuals;

/// <summary>
/// Wireshark's packet list: No., Time, Source, Destination, Protocol, Length, Info — each row in the colours of the
/// first colouring rule it matches. Long captures are paged: the first <see cref="MaxRows"/> rows are shown, then a
/// summary of the rest, so a 10 000-packet list stays well under 1 MB of HTML.
/// </summary>
public sealed class PacketListView : IHtmlView
{
    /// <summary>Creates the list.</summary>
    /// <param name="packets">The dissected packets, in order.</param>
    /// <param name="coloring">Gives a row's colours (null: no colour), for example from Wireshark's colouring rules.</param>
    /// <param name="maxRows">How many rows to show at most (the rest is summarised).</param>
    /// <param name="caption">Shown above the list.</param>
    public PacketListView(IReadOnlyList<DissectedPacket> packets, Func<DissectedPacket, PacketColor?>? coloring = null, int maxRows = 300, string caption = "")
    {
        ArgumentNullException.ThrowIfNull(packets);
        Packets = packets;
        Coloring = coloring;
        MaxRows = Math.Max(1, maxRows);
        Caption = caption ?? "";
    }

    /// <summary>The packets listed.</summary>
    public IReadOnlyList<DissectedPacket> Packets { get; }

    /// <summary>Gives a row's colours, or null.</summary>
    public Func<DissectedPacket, PacketColor?>? Coloring { get; }

    /// <summary>The most rows shown.</summary>
    public int MaxRows { get; }

    /// <summary>The caption.</summary>
    public string Caption { get; }

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder(4096);
        html.Append("<div class=\"netcourse-packets\" style=\"font-family:monospace;font-size:12px;max-height:460px;overflow:auto;border:1px solid #bbb\">");
        html.Append("<table style=\"border-collapse:collapse;width:100%\">");
        if (Caption.Length > 0)
            html.Append("<caption style=\"text-align:left;font-family:sans-serif;font-weight:bold;padding:4px\">").Append(Html.Encode(Caption)).Append("</caption>");
        html.Append("<thead><tr style=\"background:#e8e8e8;position:sticky;top:0\">");
        foreach (var header in new[] { "No.", "Time", "Source", "Destination", "Protocol", "Length", "Info" })
            html.Append("<th style=\"text-align:left;padding:2px 6px;border-bottom:1px solid #999\">").Append(header).Append("</th>");
        html.Append("</tr></thead><tbody>");
        var shown = Math.Min(Packets.Count, MaxRows);
        for (var i = 0; i < shown; i++)
        {
            var p = Packets[i];
            var color = Coloring?.Invoke(p);
            html.Append("<tr");
            if (color is not null)
            {
                html.Append(" style=\"background:").Append(Html.Encode(color.Background)).Append(";color:").Append(Html.Encode(color.Foreground))
                    .Append("\" title=\"règle de coloration : ").Append(Html.Encode(color.RuleName)).Append('"');
            }
            html.Append('>');
            Cell(html, p.Number.ToString(CultureInfo.InvariantCulture));
            Cell(html, p.TimeRelative.ToString("0.000000", CultureInfo.InvariantCulture));
            Cell(html, p.Source);
            Cell(html, p.Destination);
            Cell(html, p.Protocol);
            Cell(html, p.Length.ToString(CultureInfo.InvariantCulture));
            Cell(html, p.Info);
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (Packets.Count > shown)
        {
            var rest = Packets.Skip(shown).GroupBy(p => p.Protocol).OrderByDescending(g => g.Count()).Take(8)
                .Select(g => $"{g.Key} : {g.Count()}");
            html.Append("<div style=\"font-family:sans-serif;padding:4px 6px;background:#f6f6f6\">… et ")
                .Append((Packets.Count - shown).ToString("N0", CultureInfo.GetCultureInfo("fr-FR")))
                .Append(" paquet(s) de plus, non affichés (").Append(Html.Encode(string.Join(", ", rest)))
                .Append("). Filtrez la liste pour voir ceux qui vous intéressent.</div>");
        }
        if (Packets.Count == 0)
            html.Append("<div style=\"font-family:sans-serif;padding:6px\">Aucun paquet.</div>");
        html.Append("</div>");
        return html.ToString();
    }

    private static void Cell(StringBuilder html, string text) =>
        html.Append("<td style=\"padding:1px 6px;white-space:nowrap\">").Append(Html.Encode(text)).Append("</td>");

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var p in Packets.Take(MaxRows)) text.AppendLine(p.ToString());
        if (Packets.Count > MaxRows) text.AppendLine($"… et {Packets.Count - MaxRows} paquet(s) de plus");
        return text.ToString();
    }
}
