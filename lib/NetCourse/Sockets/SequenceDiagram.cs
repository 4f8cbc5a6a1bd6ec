using System.Globalization;
using System.Text;
using NetCourse.Addressing;
using NetCourse.Html;

namespace NetCourse.Sockets;

/// <summary>
/// A sequence diagram of recorded client–server steps (SVG): one lifeline per actor, one row per step in time order,
/// arrows for what travels (connection request and message client → server, answer server → client).
/// </summary>
/// <param name="Title">The diagram's title.</param>
/// <param name="Steps">The steps, in time order.</param>
public sealed record SequenceDiagram(string Title, IReadOnlyList<ExchangeStep> Steps) : IHtmlView
{
    /// <summary>At most this many rows are drawn (the rest is summarised).</summary>
    public const int MaxRows = 120;

    /// <summary>The actors, the server first then the clients in order of appearance.</summary>
    public IReadOnlyList<string> Actors => Steps.Select(s => s.Actor).Distinct()
        .OrderBy(a => a == SteppedServer.Actor ? 0 : 1).ToArray();

    /// <summary>The diagram as an SVG drawing.</summary>
    public SvgDrawing Drawing()
    {
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var actors = Actors;
        var rows = Steps.Take(MaxRows).ToArray();
        const double TimeWidth = 70, LaneWidth = 110, RowHeight = 22, Top = 56;
        var textX = TimeWidth + actors.Count * LaneWidth + 10;
        var width = textX + 520;
        var height = Top + rows.Length * RowHeight + 30;
        var svg = NetworkDrawings.Open(width, height, Title);
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{HtmlText.Encode(Title)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{F(Top - 8)}\" font-size=\"11\" fill=\"#555\">t (ms)</text>");
        var laneX = new Dictionary<string, double>();
        for (var i = 0; i < actors.Count; i++)
        {
            var x = TimeWidth + i * LaneWidth + LaneWidth / 2;
            laneX[actors[i]] = x;
            var server = actors[i] == SteppedServer.Actor;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x - 48)}\" y=\"28\" width=\"96\" height=\"22\" rx=\"4\" fill=\"{(server ? "#dbeafe" : "#dcfce7")}\" stroke=\"{(server ? "#1d4ed8" : "#15803d")}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"43\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\">{HtmlText.Encode(actors[i])}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" y1=\"50\" x2=\"{F(x)}\" y2=\"{F(height - 24)}\" stroke=\"#9ca3af\" stroke-dasharray=\"4 3\"/>");
        }
        svg.Append("<defs><marker id=\"nc-seq-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\"#b91c1c\"/></marker></defs>");
        var serverX = laneX.GetValueOrDefault(SteppedServer.Actor, double.NaN);
        for (var r = 0; r < rows.Length; r++)
        {
            var s = rows[r];
            var y = Top + r * RowHeight + 12;
            var x = laneX[s.Actor];
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{F(y + 4)}\" font-size=\"11\" fill=\"#555\">{s.AtMs.ToString("0.0", CultureInfo.InvariantCulture)}</text>");
            var travels = s.Actor != SteppedServer.Actor && !double.IsNaN(serverX)
                && (s.Detail.StartsWith("demande", StringComparison.Ordinal) || s.Detail.StartsWith("envoyé", StringComparison.Ordinal) || s.Detail.StartsWith("reçu", StringComparison.Ordinal));
            if (travels)
            {
                var toServer = !s.Detail.StartsWith("reçu", StringComparison.Ordinal);
                var (from, to) = toServer ? (x, serverX) : (serverX, x);
                var end = to + (to > from ? -6 : 6);
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(from)}\" y1=\"{F(y)}\" x2=\"{F(end)}\" y2=\"{F(y)}\" stroke=\"#b91c1c\" stroke-width=\"1.5\" marker-end=\"url(#nc-seq-arrow)\"/>");
            }
            var color = s.Step.Contains("attendre", StringComparison.Ordinal) ? "#6b7280"
                : s.Step.Contains("accepter", StringComparison.Ordinal) || s.Step.Contains("connecter", StringComparison.Ordinal) ? "#1d4ed8"
                : s.Step.Contains("échanger", StringComparison.Ordinal) ? "#b45309" : "#111827";
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"5\" fill=\"{color}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(textX)}\" y=\"{F(y + 4)}\" font-size=\"11\"><tspan font-weight=\"bold\" fill=\"{color}\">{HtmlText.Encode(s.Actor)} · {HtmlText.Encode(s.Step)}</tspan><tspan fill=\"#333\"> — {HtmlText.Encode(s.Detail)}</tspan></text>");
        }
        if (Steps.Count > rows.Length)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{F(height - 8)}\" font-size=\"11\" fill=\"#a00\">… et {Steps.Count - rows.Length} étape(s) de plus, non dessinées.</text>");
        svg.Append("</svg>");
        return new SvgDrawing(Title, svg.ToString());
    }

    /// <inheritdoc />
    public string ToHtml() => Drawing().ToHtml();

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder(Title).AppendLine();
        foreach (var s in Steps)
            text.AppendLine(CultureInfo.InvariantCulture, $"{s.AtMs,8:0.0} ms  {s.Actor,-10} {s.Step,-16} {s.Detail}");
        return text.ToString();
    }
}
