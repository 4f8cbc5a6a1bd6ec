using System.Globalization;
using NetCourse.Html;

namespace NetCourse.Dissection;

/// <summary>
/// Wireshark's Statistics menu as Plotly charts (offline): protocol hierarchy (sunburst), IO graph (packets per
/// interval, one line per protocol) and conversations (packets and bytes per pair of endpoints).
/// </summary>
public static class CaptureCharts
{
    /// <summary>
    /// The protocol hierarchy (Statistics › Protocol Hierarchy): each ring is a layer of frame.protocols, each sector
    /// sized by the number of packets that carry that protocol under its parent.
    /// </summary>
    public static PlotlyChart ProtocolHierarchy(IReadOnlyList<DissectedPacket> packets, string title = "Hiérarchie des protocoles (paquets)")
    {
        var (labels, parents, values) = ProtocolHierarchyData(packets);
        return PlotlyChart.Sunburst(title, labels, parents, values);
    }

    /// <summary>The sunburst's data: unique labels (a protocol met under two parents gets its parent in brackets), their parents, packet counts.</summary>
    public static (string[] Labels, string[] Parents, double[] Values) ProtocolHierarchyData(IReadOnlyList<DissectedPacket> packets)
    {
        ArgumentNullException.ThrowIfNull(packets);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var p in packets)
        {
            var path = "frame";
            Count(path);
            foreach (var protocol in (p.GetValue("frame.protocols")?.Display ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            {
                if (protocol == "ethertype") continue;
                path += ":" + protocol;
                Count(path);
            }
        }
        var names = order.Select(path => path[(path.LastIndexOf(':') + 1)..]).ToList();
        var duplicated = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        string Label(string path)
        {
            var name = path[(path.LastIndexOf(':') + 1)..];
            if (!duplicated.Contains(name) || !path.Contains(':', StringComparison.Ordinal)) return name;
            var parent = path[..path.LastIndexOf(':')];
            return $"{name} ({parent[(parent.LastIndexOf(':') + 1)..]})";
        }
        var labels = order.Select(Label).ToArray();
        var parents = order.Select(path => path.Contains(':', StringComparison.Ordinal) ? Label(path[..path.LastIndexOf(':')]) : "").ToArray();
        var values = order.Select(path => (double)counts[path]).ToArray();
        return (labels, parents, values);

        void Count(string path)
        {
            if (counts.TryGetValue(path, out var n)) counts[path] = n + 1;
            else { counts[path] = 1; order.Add(path); }
        }
    }

    /// <summary>
    /// The IO graph (Statistics › I/O Graphs): packets per interval, one line per protocol (the Protocol column) and
    /// one for all packets. With no interval given, one is chosen to give about 40 points.
    /// </summary>
    public static PlotlyChart IoGraph(IReadOnlyList<DissectedPacket> packets, double? intervalSeconds = null, string title = "Paquets par intervalle")
    {
        ArgumentNullException.ThrowIfNull(packets);
        var duration = packets.Count == 0 ? 0 : (double)packets[^1].TimeRelative;
        var interval = intervalSeconds is > 0 ? intervalSeconds.Value : NiceInterval(duration / 40);
        var buckets = Math.Max(1, (int)Math.Floor(duration / interval) + 1);
        if (buckets > 10_000) { buckets = 10_000; interval = duration / 9_999; }
        var x = Enumerable.Range(0, buckets).Select(i => Math.Round(i * interval, 9)).ToArray();
        var series = new List<ChartSeries> { ChartSeries.Numbers("tous", x, Histogram(packets, interval, buckets)) };
        foreach (var group in packets.GroupBy(p => p.Protocol).OrderByDescending(g => g.Count()).Take(6))
            series.Add(ChartSeries.Numbers(group.Key, x, Histogram(group.ToList(), interval, buckets)));
        return PlotlyChart.Lines(title, string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"temps (s), intervalles de {interval:0.######} s"), "paquets", [.. series]);
    }

    /// <summary>The conversations (Statistics › Conversations): one row per pair of endpoints (address:port for TCP/UDP).</summary>
    public static IReadOnlyList<Conversation> Conversations(IReadOnlyList<DissectedPacket> packets)
    {
        ArgumentNullException.ThrowIfNull(packets);
        var table = new Dictionary<(string, string, string), Conversation>();
        foreach (var p in packets)
        {
            var (protocol, a, b) = Endpoints(p);
            var key = string.CompareOrdinal(a, b) <= 0 ? (protocol, a, b) : (protocol, b, a);
            var forward = key.Item2 == a;
            table.TryGetValue(key, out var c);
            c ??= new Conversation(protocol, key.Item2, key.Item3, 0, 0, 0, 0, p.TimeRelative, 0);
            table[key] = c with
            {
                PacketsAToB = c.PacketsAToB + (forward ? 1 : 0),
                PacketsBToA = c.PacketsBToA + (forward ? 0 : 1),
                BytesAToB = c.BytesAToB + (forward ? p.Length : 0),
                BytesBToA = c.BytesBToA + (forward ? 0 : p.Length),
                Duration = p.TimeRelative - c.Start,
            };
        }
        return table.Values.OrderByDescending(c => c.PacketsAToB + c.PacketsBToA).ThenBy(c => c.Start).ToList();
    }

    /// <summary>The conversations as a table.</summary>
    public static HtmlTable ConversationTable(IReadOnlyList<DissectedPacket> packets) =>
        new("Conversations",
            ["Protocole", "Adresse A", "Adresse B", "Paquets A → B", "Paquets B → A", "Octets A → B", "Octets B → A", "Début (s)", "Durée (s)"],
            Conversations(packets).Select(c => (IReadOnlyList<string>)
            [
                c.Protocol, c.A, c.B, c.PacketsAToB.ToString(CultureInfo.InvariantCulture), c.PacketsBToA.ToString(CultureInfo.InvariantCulture),
                c.BytesAToB.ToString(CultureInfo.InvariantCulture), c.BytesBToA.ToString(CultureInfo.InvariantCulture),
                c.Start.ToString("0.000000", CultureInfo.InvariantCulture), c.Duration.ToString("0.000000", CultureInfo.InvariantCulture),
            ]).ToList());

    /// <summary>The conversations as a bar chart: packets each way for the busiest 15.</summary>
    public static PlotlyChart ConversationChart(IReadOnlyList<DissectedPacket> packets, string title = "Conversations (paquets dans chaque sens)")
    {
        var top = Conversations(packets).Take(15).ToList();
        var labels = top.Select(c => $"{c.Protocol} {c.A} ↔ {c.B}").ToArray();
        return PlotlyChart.Bars(title, "paquets", "",
            ChartSeries.Categories("A → B", labels, top.Select(c => (double)c.PacketsAToB)),
            ChartSeries.Categories("B → A", labels, top.Select(c => (double)c.PacketsBToA)));
    }

    private static (string Protocol, string A, string B) Endpoints(DissectedPacket p)
    {
        var src = p.GetValue("ip.src")?.Display ?? p.GetValue("ipv6.src")?.Display;
        var dst = p.GetValue("ip.dst")?.Display ?? p.GetValue("ipv6.dst")?.Display;
        if (src is null || dst is null)
            return ("Ethernet", p.GetValue("eth.src")?.Display ?? p.Source, p.GetValue("eth.dst")?.Display ?? p.Destination);
        foreach (var transport in new[] { "tcp", "udp" })
        {
            if (p.GetValue($"{transport}.srcport") is { } sp && p.GetValue($"{transport}.dstport") is { } dp)
                return (transport.ToUpperInvariant(), Join(src, sp.Display), Join(dst, dp.Display));
        }
        return (p.GetValue("ipv6.src") is null ? "IPv4" : "IPv6", src, dst);

        static string Join(string address, string port) => address.Contains(':', StringComparison.Ordinal) ? $"[{address}]:{port}" : $"{address}:{port}";
    }

    private static double[] Histogram(IReadOnlyList<DissectedPacket> packets, double interval, int buckets)
    {
        var counts = new double[buckets];
        foreach (var p in packets)
            counts[Math.Clamp((int)Math.Floor((double)p.TimeRelative / interval), 0, buckets - 1)]++;
        return counts;
    }

    private static double NiceInterval(double raw)
    {
        if (raw <= 0) return 0.001;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var step in new[] { 1.0, 2.0, 5.0, 10.0 })
            if (raw <= step * power) return step * power;
        return 10 * power;
    }
}
