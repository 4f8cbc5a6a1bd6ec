using System.Text;
using NetCourse.Html;

namespace NetCourse.Dissection;

/// <summary>
/// The lesson's simplified colour table beside Wireshark's real default rules, with colour swatches: what the
/// lesson says, which real rule it stands for, where it is right and where it is not.
/// </summary>
public sealed class ColoringComparisonView : IHtmlView
{
    /// <summary>Compares the lesson's table with <paramref name="rules"/> (Wireshark's defaults when null).</summary>
    public ColoringComparisonView(ColoringRules? rules = null) => Rules = rules ?? ColoringRules.Default;

    /// <summary>The real rules shown on the right.</summary>
    public ColoringRules Rules { get; }

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<style>table.nc-left td, table.nc-left th { text-align: left; }</style>");
        html.Append("<div style=\"display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start;font-family:sans-serif;font-size:13px\">");
        html.Append("<div style=\"flex:1 1 420px\"><h4 style=\"margin:4px 0\">Le tableau de la leçon</h4>");
        html.Append("<table class=\"nc-left\" style=\"border-collapse:collapse\"><tr><th style=\"text-align:left\">Couleur</th><th style=\"text-align:left\">Selon la leçon</th><th style=\"text-align:left\">Règle réelle</th><th style=\"text-align:left\">Juste</th><th style=\"text-align:left\">Mais</th></tr>");
        foreach (var e in SourceColorTable.Entries)
        {
            html.Append("<tr style=\"border-top:1px solid #ccc;vertical-align:top\">");
            html.Append("<td style=\"text-align:left\">").Append(Swatch(e.Background, e.Foreground, e.Color)).Append("</td>");
            html.Append("<td style=\"text-align:left\">").Append(HtmlText.Encode(e.SourceUsage)).Append("</td>");
            html.Append("<td style=\"text-align:left\">").Append(HtmlText.Encode(string.Join(", ", e.RealRules))).Append("</td>");
            html.Append("<td style=\"text-align:left;color:#1a7f37\">✔ ").Append(HtmlText.Encode(e.Right)).Append("</td>");
            html.Append("<td style=\"text-align:left;color:#b3261e\">✘ ").Append(HtmlText.Encode(e.Wrong)).Append("</td></tr>");
        }
        html.Append("</table></div>");
        html.Append("<div style=\"flex:1 1 420px\"><h4 style=\"margin:4px 0\">Les règles réelles de Wireshark (la première qui correspond gagne)</h4>");
        html.Append("<div style=\"color:#555;margin-bottom:4px\">Source : ").Append(HtmlText.Encode(Rules.Origin)).Append("</div>");
        html.Append("<table class=\"nc-left\" style=\"border-collapse:collapse\"><tr><th style=\"text-align:left\">#</th><th style=\"text-align:left\">Règle</th><th style=\"text-align:left\">Filtre</th></tr>");
        var n = 0;
        foreach (var r in Rules.Rules)
        {
            n++;
            html.Append("<tr style=\"border-top:1px solid #ccc;vertical-align:top\"><td style=\"text-align:left\">").Append(n).Append("</td>");
            html.Append("<td style=\"text-align:left\">").Append(Swatch(r.Background, r.Foreground, r.Name)).Append("</td>");
            html.Append("<td style=\"text-align:left\"><code style=\"white-space:pre-wrap\">").Append(HtmlText.Encode(r.FilterText)).Append("</code>");
            if (!r.Enabled) html.Append(" <em>(désactivée)</em>");
            if (r.Error is not null) html.Append(" <em>(filtre illisible)</em>");
            html.Append("</td></tr>");
        }
        html.Append("</table></div></div>");
        return html.ToString();
    }

    private static string Swatch(string background, string foreground, string label) =>
        $"<span style=\"display:inline-block;min-width:9em;padding:2px 6px;border:1px solid #888;background:{background};color:{foreground}\">{HtmlText.Encode(label)}</span>";
}
