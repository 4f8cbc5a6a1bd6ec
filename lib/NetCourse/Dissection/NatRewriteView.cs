using System.Text;
using NetCourse.Capture;
using NetCourse.Html;

namespace NetCourse.Dissection;

/// <summary>
/// NAT seen on the wire (chapter 3): the same datagrams captured on the two sides of a box that masquerades, side by
/// side, the fields the box rewrote highlighted. The recorded pair is <c>data/03-nat-maison.pcap</c> and
/// <c>data/03-nat-internet.pcap</c> (made by <c>data/make-captures.sh nat</c>).
/// </summary>
public sealed class NatRewriteView : IHtmlView
{
    /// <summary>The recorded capture of the home side of the box.</summary>
    public const string HomeCapture = "03-nat-maison.pcap";

    /// <summary>The recorded capture of the Internet side of the box.</summary>
    public const string InternetCapture = "03-nat-internet.pcap";

    /// <summary>Pairs each IPv4 datagram of <paramref name="home"/> with the same datagram in <paramref name="internet"/>.</summary>
    public NatRewriteView(IReadOnlyList<DissectedPacket> home, IReadOnlyList<DissectedPacket> internet)
    {
        ArgumentNullException.ThrowIfNull(home);
        ArgumentNullException.ThrowIfNull(internet);
        Crossings = Pair(home, internet);
        Unpaired = home.Count + internet.Count - 2 * Crossings.Count;
    }

    /// <summary>The view of the two recorded captures of <c>data/</c>.</summary>
    public static NatRewriteView Recorded() =>
        new(CourseData.Load(HomeCapture).Dissect(), CourseData.Load(InternetCapture).Dissect());

    /// <summary>The datagrams found on both sides, in the home side's order.</summary>
    public IReadOnlyList<NatCrossing> Crossings { get; }

    /// <summary>Packets seen on one side only (not IPv4, or no twin on the other side).</summary>
    public int Unpaired { get; }

    /// <summary>One French sentence: what the box changed, read from the captures.</summary>
    public string Summary
    {
        get
        {
            if (Crossings.FirstOrDefault(c => c.Outgoing) is not { } first)
                return "Aucun datagramme sortant trouvé des deux côtés de la box : rien à comparer.";
            var t = first.Transport;
            var back = Crossings.FirstOrDefault(c => !c.Outgoing);
            var sentence = new StringBuilder()
                .Append("À l'aller, la box a remplacé la source ").Append(NatCrossing.SourceOf(first.Home, t))
                .Append(" par ").Append(NatCrossing.SourceOf(first.Internet, t));
            if (back is not null)
                sentence.Append(" ; au retour, elle a remis ").Append(NatCrossing.DestinationOf(back.Home, t)).Append(" comme destination");
            return sentence.Append(" : le serveur n'a jamais vu ").Append(first.Home.FieldText("ip.src"))
                .Append(", et les données sont restées les mêmes.").ToString();
        }
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder("<div style=\"font-family:sans-serif;font-size:13px\">");
        var number = 0;
        foreach (var crossing in Crossings)
        {
            number++;
            var title = crossing.Outgoing ? "aller : du PC de la maison vers le serveur" : "retour : du serveur vers le PC";
            html.Append("<table style=\"border-collapse:collapse;margin:6px 0\"><caption style=\"text-align:left;font-weight:bold;padding:4px 0\">")
                .Append("Datagramme ").Append(number).Append(" (").Append(title).Append(')').Append("</caption>")
                .Append("<tr>").Append(Header("champ")).Append(Header("côté maison")).Append(Header("côté Internet")).Append("</tr>");
            var changed = crossing.ChangedFields;
            foreach (var field in crossing.Fields)
            {
                var rewritten = changed.Contains(field);
                html.Append("<tr>").Append(Cell(field, false, true))
                    .Append(Cell(crossing.Home.FieldText(field), rewritten, false))
                    .Append(Cell(crossing.Internet.FieldText(field), rewritten, false)).Append("</tr>");
            }
            html.Append("<tr>").Append(Cell("données", false, true))
                .Append("<td colspan=\"2\" style=\"border:1px solid #bbb;padding:3px 8px;text-align:center\">« ")
                .Append(HtmlText.Encode(crossing.PayloadText)).Append(" » (identiques des deux côtés)</td></tr></table>");
        }
        html.Append("<p style=\"margin:4px 0\"><span style=\"background:#fde68a;padding:0 4px\">surligné</span> : réécrit par la box. ")
            .Append(HtmlText.Encode(Summary)).Append("</p></div>");
        return html.ToString();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var crossing in Crossings)
        {
            var t = crossing.Transport;
            text.Append(NatCrossing.SourceOf(crossing.Home, t)).Append(" → ").Append(NatCrossing.DestinationOf(crossing.Home, t))
                .Append("  |  ").Append(NatCrossing.SourceOf(crossing.Internet, t)).Append(" → ")
                .AppendLine(NatCrossing.DestinationOf(crossing.Internet, t));
        }
        return text.Append(Summary).ToString();
    }

    private static List<NatCrossing> Pair(IReadOnlyList<DissectedPacket> home, IReadOnlyList<DissectedPacket> internet)
    {
        // The box rewrites addresses, ports, TTL and checksums, but not the IP identification nor the data: together
        // they name one datagram on both sides. Each Internet-side packet is used once.
        var taken = new HashSet<DissectedPacket>();
        var crossings = new List<NatCrossing>();
        foreach (var inside in home.Where(p => p.HasProtocol("ip")))
        {
            var twin = internet.FirstOrDefault(outside => !taken.Contains(outside) && outside.HasProtocol("ip")
                && outside.FieldText("ip.id") == inside.FieldText("ip.id")
                && outside.FieldText("data.data") == inside.FieldText("data.data"));
            if (twin is null)
                continue;
            taken.Add(twin);
            crossings.Add(new NatCrossing(inside, twin));
        }
        return crossings;
    }

    private static string Header(string text) =>
        $"<th style=\"border:1px solid #bbb;padding:3px 8px;background:#f0f0f0;text-align:left\">{HtmlText.Encode(text)}</th>";

    private static string Cell(string text, bool highlighted, bool monospace)
    {
        var style = "border:1px solid #bbb;padding:3px 8px;text-align:left" + (highlighted ? ";background:#fde68a;font-weight:bold" : "")
            + (monospace ? ";font-family:monospace" : "");
        return $"<td style=\"{style}\">{HtmlText.Encode(text)}</td>";
    }
}
