using System.Globalization;
using System.Net;
using System.Text;
using NetCourse.Html;

namespace NetCourse.Lab;

/// <summary>
/// A traceroute drawn as a chain: the machine, each router that answered « time exceeded » (with the TTL that made it
/// answer), then the destination; each probe's journey is an arrow that stops where its TTL ran out.
/// </summary>
public static class RouteDrawing
{
    /// <summary>Draws <paramref name="trace"/>; <paramref name="from"/> is the machine's address (shown when known).</summary>
    public static SvgDrawing Of(TracerouteResult trace, IPAddress? from = null)
    {
        var hops = trace.Hops;
        var nodes = hops.Count + 1;
        const double BoxWidth = 140, Gap = 50, Top = 40, BoxHeight = 56;
        var width = 20 + nodes * (BoxWidth + Gap);
        var height = Top + BoxHeight + 34 + hops.Count * 30 + 30;
        var svg = new StringBuilder(4096);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(width)}\" height=\"{F(height)}\" viewBox=\"0 0 {F(width)} {F(height)}\" font-family=\"sans-serif\" role=\"img\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{HtmlText.Encode($"La route vers {trace.Target}")}</title>");
        svg.Append("<defs><marker id=\"nc-route-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">{HtmlText.Encode($"La route vers {trace.Target} ({trace.Source})")}</text>");

        double X(int i) => 20 + i * (BoxWidth + Gap);
        for (var i = 0; i < nodes; i++)
        {
            var hop = i == 0 ? null : hops[i - 1];
            var (fill, stroke, title) = hop switch
            {
                null => ("#dbeafe", "#1d4ed8", "cette machine"),
                { Reached: true } => ("#dcfce7", "#15803d", "destination"),
                { Address: null } => ("#f3f4f6", "#9ca3af", "* (muet)"),
                _ => ("#fee2e2", "#b91c1c", $"routeur {i}"),
            };
            var address = i == 0 ? from?.ToString() ?? "" : hop!.Address?.ToString() ?? "pas de réponse";
            if (i > 0)
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(i) - Gap)}\" y1=\"{F(Top + BoxHeight / 2)}\" x2=\"{F(X(i))}\" y2=\"{F(Top + BoxHeight / 2)}\" stroke=\"#374151\" stroke-width=\"2\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{F(X(i))}\" y=\"{F(Top)}\" width=\"{F(BoxWidth)}\" height=\"{F(BoxHeight)}\" rx=\"8\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"2\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(i) + BoxWidth / 2)}\" y=\"{F(Top + 23)}\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\">{HtmlText.Encode(title)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(i) + BoxWidth / 2)}\" y=\"{F(Top + 42)}\" font-size=\"12\" text-anchor=\"middle\" font-family=\"monospace\">{HtmlText.Encode(address)}</text>");
        }

        // One arrow per TTL: the probe leaves the machine and goes as far as its TTL lets it, then the answer comes back.
        for (var h = 0; h < hops.Count; h++)
        {
            var hop = hops[h];
            var y = Top + BoxHeight + 34 + h * 30;
            var end = X(h + 1) + BoxWidth / 2;
            var color = hop.Reached ? "#15803d" : hop.Address is null ? "#9ca3af" : "#b91c1c";
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{F(X(0) + BoxWidth / 2)}\" y1=\"{F(y)}\" x2=\"{F(end)}\" y2=\"{F(y)}\" stroke=\"#555\" stroke-width=\"1.5\" marker-end=\"url(#nc-route-arrow)\"/>");
            var what = hop.Reached ? "réponse d'écho" : hop.Address is null ? "aucune réponse" : "« temps dépassé »";
            // The fastest probe, as the chart's line: one probe slowed by a busy machine does not move it.
            var fastest = hop.FastestMs is { } ms ? $", min. {ms.ToString("0.000", CultureInfo.InvariantCulture)} ms" : "";
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{F(X(0) + BoxWidth / 2 + 4)}\" y=\"{F(y - 5)}\" font-size=\"12\" fill=\"{color}\">{HtmlText.Encode($"TTL {hop.Ttl} → {what}{fastest}")}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"10\" y=\"{F(height - 12)}\" font-size=\"12\" fill=\"#555\">{HtmlText.Encode("Chaque flèche est une sonde : elle s'arrête là où son TTL tombe à 0 ; le routeur qui la jette répond « temps dépassé ».")}</text>");
        svg.Append("</svg>");
        return new SvgDrawing($"La route vers {trace.Target}", svg.ToString());
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
