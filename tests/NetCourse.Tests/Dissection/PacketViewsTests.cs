using System.Text.RegularExpressions;
using NetCourse.Capture;
using NetCourse.Dissection;

namespace NetCourse.Tests.Dissection;

public class PacketViewsTests
{
    private static IReadOnlyList<DissectedPacket> Packets(string name) => CourseData.Load(name).Dissect();

    private static int Rows(string html) => Regex.Count(html, "<tr") - 1;

    [Fact]
    public void The_packet_list_has_one_row_per_packet_in_wireshark_colors()
    {
        var packets = Packets("06-http.pcap");
        var html = PacketViews.List(packets).ToHtml();
        Assert.Equal(20, Rows(html));
        foreach (var header in new[] { "No.", "Time", "Source", "Destination", "Protocol", "Length", "Info" })
            Assert.Contains($">{header}</th>", html, StringComparison.Ordinal);
        // Packet 1 is a SYN (grey "TCP SYN/FIN"), packet 4 the GET (green "HTTP").
        var rows = Regex.Matches(html, "<tr style=\"vertical-align:top;background:([^;]+);color:([^\"]+)\" title=\"règle de coloration : ([^\"]+)\"").Select(m => (m.Groups[1].Value, m.Groups[3].Value)).ToList();
        Assert.Equal(20, rows.Count);
        Assert.Equal(("#e4ffc7", "HTTP"), rows[3]);
        Assert.All(rows, r => Assert.Equal("HTTP", r.Item2)); // tcp.port == 80 comes before "TCP SYN/FIN" in Wireshark's list
        // The list fits a notebook output: fixed layout, Info wraps, a cut cell shows its whole text on hover.
        Assert.Contains("table-layout:fixed", html, StringComparison.Ordinal);
        Assert.Contains($"title=\"{System.Net.WebUtility.HtmlEncode(packets[3].Info)}\">", html, StringComparison.Ordinal);
        var handshake = Regex.Matches(PacketViews.List(Packets("06-tcp-handshake.pcap")).ToHtml(), "règle de coloration : ([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["TCP SYN/FIN", "TCP SYN/FIN", "TCP", "TCP", "TCP", "TCP", "TCP", "TCP SYN/FIN", "TCP SYN/FIN", "TCP"], handshake);
        var refused = Regex.Matches(PacketViews.List(Packets("04-connexion-refusee.pcap")).ToHtml(), "règle de coloration : ([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["TCP SYN/FIN", "TCP RST"], refused);
        var retransmissions = PacketViews.List(Packets("06-retransmissions.pcap")).ToHtml();
        Assert.Contains("règle de coloration : Bad TCP", retransmissions, StringComparison.Ordinal);
    }

    [Fact]
    public void A_10000_packet_list_stays_under_one_megabyte()
    {
        var source = CourseData.Load("06-http.pcap");
        var frames = new List<CapturedFrame>(10_000);
        for (var i = 0; i < 10_000; i++)
        {
            var f = source.Frames[i % source.Count];
            frames.Add(f with { UnixNanoseconds = f.UnixNanoseconds + (i / source.Count) * 1_000_000L });
        }
        var packets = new PacketTrace(source.LinkType, frames, "test").Dissect();
        Assert.Equal(10_000, packets.Count);
        var html = PacketViews.List(packets).ToHtml();
        Assert.True(html.Length < 1_000_000, $"{html.Length} caractères");
        Assert.Equal(300, Rows(html));
        Assert.Contains("9 700 paquet(s) de plus", html.Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public void The_details_tree_has_one_section_per_protocol_lowest_first_with_wiresharks_lines()
    {
        var get = Packets("06-http.pcap")[3];
        var view = new PacketDetailsView(get);
        Assert.Equal([LayerKind.Frame, LayerKind.Link, LayerKind.Network, LayerKind.Transport, LayerKind.Application], view.Entries.Select(e => e.Kind));
        var html = System.Net.WebUtility.HtmlDecode(view.ToHtml());
        Assert.Equal(get.Layers.Count, Regex.Count(html, "<details"));
        var low = html.IndexOf("Frame 4: ", StringComparison.Ordinal);
        Assert.True(low >= 0 && low < html.IndexOf("Internet Protocol Version 4, Src: 127.0.0.1, Dst: 127.0.0.1", StringComparison.Ordinal));
        Assert.Matches("title=\"http.request.method\"[^>]*>Request Method: GET<", html);
        var syn = System.Net.WebUtility.HtmlDecode(new PacketDetailsView(Packets("06-tcp-handshake.pcap")[0]).ToHtml());
        Assert.Contains("title=\"tcp.dstport\" data-off=\"36\" data-len=\"2\">Destination Port: 12800 <span", syn, StringComparison.Ordinal);
        Assert.Contains(">Time to Live: 64 <span", syn, StringComparison.Ordinal);
        Assert.Contains(">.... .... ..1. = Syn: Set <span", syn, StringComparison.Ordinal);
        Assert.Contains("durée de vie", syn, StringComparison.Ordinal);
        // ARP has no network or transport layer: four entries at most.
        Assert.DoesNotContain(new PacketDetailsView(Packets("07-arp.pcap")[0]).Entries, e => e.Kind == LayerKind.Transport);
    }

    [Fact]
    public void The_bytes_pane_highlights_exactly_the_selected_layer()
    {
        var syn = Packets("06-tcp-handshake.pcap")[0];
        Assert.Equal(74, syn.Bytes.Length);
        Assert.Equal((34, 40), PacketBytesView.RangeOf(syn, LayerKind.Transport));
        Assert.Equal((14, 20), PacketBytesView.RangeOf(syn, LayerKind.Network));
        Assert.Equal((0, 14), PacketBytesView.RangeOf(syn, LayerKind.Link));
        Assert.Null(PacketBytesView.RangeOf(syn, LayerKind.Application));
        var html = new PacketBytesView(syn, LayerKind.Transport).ToHtml();
        Assert.Equal(2 * 40, Regex.Count(html, "#fff176")); // hex and ASCII of the 40 TCP bytes
        Assert.Equal(5, Regex.Count(html, @"\n")); // 74 bytes: 5 lines of 16
        var all = System.Net.WebUtility.HtmlDecode(new PacketBytesView(syn).ToHtml());
        Assert.Contains("Trame (couche liaison de données)", all, StringComparison.Ordinal);
        var inspector = new PacketInspector(Packets("06-http.pcap")[3]).ToHtml();
        Assert.Contains("data-sel=\"3\"", inspector, StringComparison.Ordinal);
        Assert.Contains("class=\"k4\"", inspector, StringComparison.Ordinal);
    }

    [Fact]
    public void The_flow_graph_finds_the_handshake_the_data_and_the_close()
    {
        var graph = new TcpFlowGraph(Packets("06-tcp-handshake.pcap"));
        Assert.Equal(10, graph.Segments.Count);
        Assert.Equal(["ouverture", "ouverture", "ouverture", "données", "données", "données", "données", "fermeture", "fermeture", "fermeture"], graph.Phases);
        var svg = graph.ToHtml();
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("[SYN, ACK]", svg, StringComparison.Ordinal);
        Assert.Contains("Len=15", svg, StringComparison.Ordinal);
        Assert.Equal(10, Regex.Count(svg, "marker-end"));
        Assert.Equal(["ouverture", "fermeture"], new TcpFlowGraph(Packets("04-connexion-refusee.pcap")).Phases);
        var second = new TcpFlowGraph(Packets("06-http.pcap"), stream: 1);
        Assert.Equal(10, second.Segments.Count);
        Assert.Equal(11, second.Segments[0].Number);
        Assert.Contains("Aucun segment", new TcpFlowGraph(Packets("03-dns.pcap")).ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Statistics_count_what_the_capture_holds()
    {
        var http = Packets("06-http.pcap");
        var (labels, parents, values) = CaptureCharts.ProtocolHierarchyData(http);
        var byLabel = labels.Zip(values).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(20, byLabel["frame"]);
        Assert.Equal(20, byLabel["tcp"]);
        Assert.Equal(4, byLabel["http"]);
        Assert.Equal("tcp", parents[Array.IndexOf(labels, "http")]);
        Assert.Equal("", parents[0]);

        var conversations = CaptureCharts.Conversations(http);
        Assert.Equal(2, conversations.Count);
        Assert.All(conversations, c => Assert.Equal(10, c.PacketsAToB + c.PacketsBToA));
        Assert.All(conversations, c => Assert.Equal("TCP", c.Protocol));
        Assert.Equal(2, Rows(CaptureCharts.ConversationTable(http).ToHtml()));

        var io = CaptureCharts.IoGraph(Packets("01-ping.pcap"), 0.1);
        var all = io.Spec.Series![0];
        Assert.Equal(6, all.Y.Sum());
        Assert.Equal(2, all.Y[0]);   // request and reply at 0 s
        Assert.Equal(2, all.Y[2]);   // then at 0.2 s
        Assert.Equal(["tous", "ICMP"], io.Spec.Series.Select(s => s.Name));

        var arp = CaptureCharts.Conversations(Packets("07-arp.pcap"));
        Assert.Contains(arp, c => c.Protocol == "Ethernet");
        Assert.Contains(arp, c => c.Protocol == "IPv4" && c.PacketsAToB == 2 && c.PacketsBToA == 2);
    }
}
