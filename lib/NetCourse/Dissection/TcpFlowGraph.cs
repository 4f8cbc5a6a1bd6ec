using System.Globalization;
using System.Text;
using NetCourse.Html;

namespace NetCourse.Dissection;

/// <summary>
/// Wireshark's flow graph for one TCP connection, as SVG: the client on the left, the server on the right, one arrow
/// per segment (flags, sequence and acknowledgement numbers, data length), and three bands — the three-way handshake,
/// the data, and the teardown.
/// </summary>
public sealed class TcpFlowGraph : IHtmlView
{
    private const int RowHeight = 34;
    private const int Top = 58;
    private const int Left = 250;
    private const int Right = 650;

    /// <summary>Draws the TCP stream <paramref name="stream"/> (tcp.stream) of <paramref name="packets"/>.</summary>
    public TcpFlowGraph(IReadOnlyList<DissectedPacket> packets, long stream = 0, int maxSegments = 60)
    {
        ArgumentNullException.ThrowIfNull(packets);
        Stream = stream;
        Segments = packets.Where(p => p.HasProtocol("tcp") && p.GetValue("tcp.stream")?.Integer == stream).Take(Math.Max(1, maxSegments)).ToList();
    }

    /// <summary>The tcp.stream drawn.</summary>
    public long Stream { get; }

    /// <summary>The segments drawn, in order.</summary>
    public IReadOnlyList<DissectedPacket> Segments { get; }

    /// <summary>The flags of a segment as Wireshark writes them (for example "SYN, ACK").</summary>
    public static string FlagNames(long flags)
    {
        var names = new List<string>();
        if ((flags & 0x01) != 0) names.Add("FIN");
        if ((flags & 0x02) != 0) names.Add("SYN");
        if ((flags & 0x04) != 0) names.Add("RST");
        if ((flags & 0x08) != 0) names.Add("PSH");
        if ((flags & 0x10) != 0) names.Add("ACK");
        if ((flags & 0x20) != 0) names.Add("URG");
        return string.Join(", ", names);
    }

    /// <summary>The phase of each segment: "ouverture" (the three-way handshake), "données" or "fermeture" (from the first FIN or RST).</summary>
    public IReadOnlyList<string> Phases
    {
        get
        {
            var phases = new List<string>(Segments.Count);
            var closing = false;
            var handshakeDone = false;
            foreach (var p in Segments)
            {
                var flags = p.GetValue("tcp.flags")?.Integer ?? 0;
                if ((flags & 0x05) != 0) closing = true;
                if (closing) { phases.Add("fermeture"); continue; }
                if (!handshakeDone && ((flags & 0x02) != 0 || (phases.Count == 2 && (flags & 0x10) != 0 && (p.GetValue("tcp.len")?.Integer ?? 0) == 0)))
                {
                    phases.Add("ouverture");
                    if ((flags & 0x02) == 0) handshakeDone = true;
                    continue;
                }
                handshakeDone = true;
                phases.Add("données");
            }
            return phases;
        }
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        if (Segments.Count == 0)
            return $"<div style=\"font-family:sans-serif\">Aucun segment TCP dans le flux tcp.stream == {Stream}.</div>";
        var first = Segments[0];
        var client = Endpoint(first, "src");
        var server = Endpoint(first, "dst");
        var phases = Phases;
        var height = Top + Segments.Count * RowHeight + 20;
        var svg = new StringBuilder(4096);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"860\" height=\"{height}\" viewBox=\"0 0 860 {height}\" style=\"font-family:sans-serif;font-size:12px;background:#fff\">");
        svg.Append("<defs><marker id=\"nc-arrow\" markerWidth=\"10\" markerHeight=\"8\" refX=\"9\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L10,4 L0,8 z\" fill=\"#333\"/></marker></defs>");
        // Phase bands.
        var bandColors = new Dictionary<string, string> { ["ouverture"] = "#e3f2fd", ["données"] = "#f1f8e9", ["fermeture"] = "#fff3e0" };
        var bandTitles = new Dictionary<string, string> { ["ouverture"] = "Ouverture", ["données"] = "Échange de données", ["fermeture"] = "Fermeture" };
        var bandNotes = new Dictionary<string, string> { ["ouverture"] = "poignée de main en 3 temps", ["données"] = "", ["fermeture"] = "un FIN de chaque côté" };
        for (var i = 0; i < phases.Count;)
        {
            var j = i;
            while (j < phases.Count && phases[j] == phases[i]) j++;
            var y = Top + i * RowHeight - 6;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{y}\" width=\"860\" height=\"{(j - i) * RowHeight}\" fill=\"{bandColors[phases[i]]}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"6\" y=\"{y + 16}\" fill=\"#555\" font-weight=\"bold\">{HtmlText.Encode(bandTitles[phases[i]])}</text>");
            if (bandNotes[phases[i]].Length > 0 && j - i > 1)
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"6\" y=\"{y + 32}\" fill=\"#777\">{HtmlText.Encode(bandNotes[phases[i]])}</text>");
            i = j;
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"20\" text-anchor=\"middle\" font-weight=\"bold\">Client</text><text x=\"{Left}\" y=\"36\" text-anchor=\"middle\">{HtmlText.Encode(client)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Right}\" y=\"20\" text-anchor=\"middle\" font-weight=\"bold\">Serveur</text><text x=\"{Right}\" y=\"36\" text-anchor=\"middle\">{HtmlText.Encode(server)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"44\" x2=\"{Left}\" y2=\"{height - 8}\" stroke=\"#666\" stroke-width=\"2\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Right}\" y1=\"44\" x2=\"{Right}\" y2=\"{height - 8}\" stroke=\"#666\" stroke-width=\"2\"/>");
        for (var i = 0; i < Segments.Count; i++)
        {
            var p = Segments[i];
            var fromClient = Endpoint(p, "src") == client;
            var y = Top + i * RowHeight + 14;
            var (x1, x2) = fromClient ? (Left, Right) : (Right, Left);
            var flags = p.GetValue("tcp.flags")?.Integer ?? 0;
            var len = p.GetValue("tcp.len")?.Integer ?? 0;
            var color = (flags & 0x04) != 0 ? "#c62828" : (flags & 0x03) != 0 ? "#1565c0" : len > 0 ? "#2e7d32" : "#333";
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1}\" y1=\"{y}\" x2=\"{x2}\" y2=\"{y}\" stroke=\"{color}\" stroke-width=\"1.6\" marker-end=\"url(#nc-arrow)\"/>");
            var label = string.Create(CultureInfo.InvariantCulture,
                $"[{FlagNames(flags)}] Seq={p.GetValue("tcp.seq")?.Display ?? "?"} Ack={p.GetValue("tcp.ack")?.Display ?? "?"}{(len > 0 ? $" Len={len}" : "")}");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Left + Right) / 2}\" y=\"{y - 4}\" text-anchor=\"middle\" fill=\"{color}\">{HtmlText.Encode(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Right + 14}\" y=\"{y + 4}\" fill=\"#555\">n° {p.Number} — {p.TimeRelative.ToString("0.000000", CultureInfo.InvariantCulture)} s</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Endpoint(DissectedPacket p, string side)
    {
        var address = p.GetValue($"ip.{side}")?.Display ?? p.GetValue($"ipv6.{side}")?.Display ?? "?";
        var port = p.GetValue($"tcp.{side}port")?.Display ?? "?";
        return address.Contains(':', StringComparison.Ordinal) ? $"[{address}]:{port}" : $"{address}:{port}";
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        var phases = Phases;
        for (var i = 0; i < Segments.Count; i++)
        {
            var p = Segments[i];
            text.Append(CultureInfo.InvariantCulture, $"{p.Number}\t{phases[i]}\t{Endpoint(p, "src")} → {Endpoint(p, "dst")}\t[{FlagNames(p.GetValue("tcp.flags")?.Integer ?? 0)}]").AppendLine();
        }
        return text.ToString();
    }
}
