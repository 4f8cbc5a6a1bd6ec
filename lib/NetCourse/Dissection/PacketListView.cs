using System.Globalization;
using System.Text;
using NetCourse.Html;

namespace NetCourse.Dissection;

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
        // Fixed layout and narrow numeric columns keep the list inside a 965 px notebook output: Info gets the rest and
        // wraps; a cut address shows its whole text on hover.
        html.Append("<div class=\"netcourse-packets\" style=\"font-family:monospace;font-size:12px;max-height:460px;")
            .Append("overflow-y:auto;overflow-x:hidden;border:1px solid #bbb;max-width:100%\">");
        html.Append("<table style=\"border-collapse:collapse;width:100%;table-layout:fixed\">");
        if (Caption.Length > 0)
            html.Append("<caption style=\"text-align:left;font-family:sans-serif;font-weight:bold;padding:4px\">").Append(HtmlText.Encode(Caption)).Append("</caption>");
        html.Append("<colgroup>");
        foreach (var width in ColumnWidths) html.Append("<col style=\"width:").Append(width).Append("\">");
        html.Append("</colgroup>");
        html.Append("<thead><tr style=\"background:#e8e8e8;position:sticky;top:0\">");
        foreach (var header in new[] { "No.", "Time", "Source", "Destination", "Protocol", "Length", "Info" })
            html.Append("<th style=\"text-align:left;padding:2px 4px;border-bottom:1px solid #999;overflow:hidden;white-space:nowrap\">").Append(header).Append("</th>");
        html.Append("</tr></thead><tbody>");
        var shown = Math.Min(Packets.Count, MaxRows);
        for (var i = 0; i < shown; i++)
        {
            var p = Packets[i];
            var color = Coloring?.Invoke(p);
            html.Append("<tr style=\"vertical-align:top");
            if (color is not null)
                html.Append(";background:").Append(HtmlText.Encode(color.Background)).Append(";color:").Append(HtmlText.Encode(color.Foreground));
            html.Append('"');
            if (color is not null)
                html.Append(" title=\"règle de coloration : ").Append(HtmlText.Encode(color.RuleName)).Append('"');
            html.Append('>');
            Cell(html, p.Number.ToString(CultureInfo.InvariantCulture));
            Cell(html, p.TimeRelative.ToString("0.000000", CultureInfo.InvariantCulture));
            Cell(html, p.Source);
            Cell(html, p.Destination);
            Cell(html, p.Protocol);
            Cell(html, p.Length.ToString(CultureInfo.InvariantCulture));
            html.Append("<td style=\"text-align:left;padding:1px 4px;white-space:normal;overflow-wrap:anywhere\" title=\"")
                .Append(HtmlText.Encode(p.Info)).Append("\">").Append(HtmlText.Encode(p.Info)).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (Packets.Count > shown)
        {
            var rest = Packets.Skip(shown).GroupBy(p => p.Protocol).OrderByDescending(g => g.Count()).Take(8)
                .Select(g => $"{g.Key} : {g.Count()}");
            html.Append("<div style=\"font-family:sans-serif;padding:4px 6px;background:#f6f6f6\">… et ")
                .Append((Packets.Count - shown).ToString("N0", CultureInfo.GetCultureInfo("fr-FR")))
                .Append(" paquet(s) de plus, non affichés (").Append(HtmlText.Encode(string.Join(", ", rest)))
                .Append("). Filtrez la liste pour voir ceux qui vous intéressent.</div>");
        }
        if (Packets.Count == 0)
            html.Append("<div style=\"font-family:sans-serif;padding:6px\">Aucun paquet.</div>");
        html.Append("</div>");
        return html.ToString();
    }

    /// <summary>No., Time, Source, Destination, Protocol, Length; Info takes what is left.</summary>
    private static readonly string[] ColumnWidths = ["3.6em", "6.2em", "11em", "11em", "5.4em", "4.2em", "auto"];

    /// <summary>One short cell on one line; when cut, its whole text shows on hover.</summary>
    private static void Cell(StringBuilder html, string text) =>
        html.Append("<td style=\"text-align:left;padding:1px 4px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis\" title=\"")
            .Append(HtmlText.Encode(text)).Append("\">").Append(HtmlText.Encode(text)).Append("</td>");

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var p in Packets.Take(MaxRows)) text.AppendLine(p.ToString());
        if (Packets.Count > MaxRows) text.AppendLine(CultureInfo.InvariantCulture, $"… et {Packets.Count - MaxRows} paquet(s) de plus");
        return text.ToString();
    }
}
