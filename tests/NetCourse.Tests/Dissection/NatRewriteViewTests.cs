using System.Net;
using System.Text.RegularExpressions;
using NetCourse.Capture;
using NetCourse.Dissection;

namespace NetCourse.Tests.Dissection;

public class NatRewriteViewTests
{
    private static IReadOnlyList<DissectedPacket> Packets(string name) => CourseData.Load(name).Dissect();

    private static bool InSubnet(string address, string prefix) =>
        IPNetwork.Parse(prefix).Contains(IPAddress.Parse(address));

    [Fact]
    public void The_outgoing_datagram_keeps_its_destination_and_data_but_not_its_source()
    {
        var view = NatRewriteView.Recorded();
        Assert.Equal(2, view.Crossings.Count);
        Assert.Equal(0, view.Unpaired);
        var outgoing = Assert.Single(view.Crossings, c => c.Outgoing);
        Assert.Equal("udp", outgoing.Transport);
        // Source: the home PC's address before the box, the box's Internet address after it.
        Assert.NotEqual(outgoing.Home.FieldText("ip.src"), outgoing.Internet.FieldText("ip.src"));
        Assert.True(InSubnet(outgoing.Home.FieldText("ip.src"), "198.18.10.0/24"), outgoing.Home.FieldText("ip.src"));
        Assert.True(InSubnet(outgoing.Internet.FieldText("ip.src"), "198.19.10.0/24"), outgoing.Internet.FieldText("ip.src"));
        Assert.Equal(outgoing.Home.FieldText("ip.dst"), outgoing.Internet.FieldText("ip.dst"));
        Assert.Equal(outgoing.Home.FieldText("data.data"), outgoing.Internet.FieldText("data.data"));
        Assert.NotEmpty(outgoing.Payload);
        // The box rewrote the source address and port and, as a router, decremented the TTL; nothing else compared.
        Assert.Equal(["ip.src", "udp.srcport", "ip.ttl"], outgoing.ChangedFields);
        Assert.Equal(int.Parse(outgoing.Home.FieldText("ip.ttl"), System.Globalization.CultureInfo.InvariantCulture) - 1,
            int.Parse(outgoing.Internet.FieldText("ip.ttl"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_answer_goes_back_to_the_home_pc_and_names_what_the_server_saw()
    {
        var view = NatRewriteView.Recorded();
        var outgoing = Assert.Single(view.Crossings, c => c.Outgoing);
        var answer = Assert.Single(view.Crossings, c => !c.Outgoing);
        Assert.Equal(answer.Home.FieldText("ip.src"), answer.Internet.FieldText("ip.src"));
        Assert.NotEqual(answer.Home.FieldText("ip.dst"), answer.Internet.FieldText("ip.dst"));
        // Back home, the destination is the PC's own address and port again; on the Internet side it is the box's.
        Assert.Equal(NatCrossing.SourceOf(outgoing.Home, "udp"), NatCrossing.DestinationOf(answer.Home, "udp"));
        Assert.Equal(NatCrossing.SourceOf(outgoing.Internet, "udp"), NatCrossing.DestinationOf(answer.Internet, "udp"));
        // The server wrote in its answer the address it saw: the rewritten one, never the private one.
        Assert.Contains(NatCrossing.SourceOf(outgoing.Internet, "udp"), answer.PayloadText, StringComparison.Ordinal);
        Assert.DoesNotContain(outgoing.Home.FieldText("ip.src"), answer.PayloadText, StringComparison.Ordinal);
    }

    [Fact]
    public void Pairing_follows_the_datagram_not_the_packet_order()
    {
        var home = Packets(NatRewriteView.HomeCapture);
        var internet = Packets(NatRewriteView.InternetCapture);
        var inOrder = new NatRewriteView(home, internet);
        var reversed = new NatRewriteView(home, internet.Reverse().ToList());
        Assert.Equal(inOrder.Crossings.Select(c => c.Internet.Number), reversed.Crossings.Select(c => c.Internet.Number));
        Assert.All(reversed.Crossings, c => Assert.Equal(c.Home.FieldText("data.data"), c.Internet.FieldText("data.data")));
        // A capture with no twin on the other side pairs nothing, and says so.
        var lonely = new NatRewriteView(home, Packets("03-dns.pcap"));
        Assert.Empty(lonely.Crossings);
        Assert.Equal(home.Count + 6, lonely.Unpaired);
        Assert.StartsWith("Aucun datagramme", lonely.Summary, StringComparison.Ordinal);
        Assert.Contains("Aucun datagramme", lonely.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_view_highlights_exactly_the_rewritten_fields_and_says_what_changed()
    {
        var view = NatRewriteView.Recorded();
        var html = view.ToHtml();
        var highlighted = Regex.Count(html, "<td style=\"[^\"]*background:#fde68a");
        Assert.Equal(view.Crossings.Sum(c => 2 * c.ChangedFields.Count), highlighted);
        var outgoing = view.Crossings.First(c => c.Outgoing);
        Assert.Contains($"la source {NatCrossing.SourceOf(outgoing.Home, "udp")} par {NatCrossing.SourceOf(outgoing.Internet, "udp")}",
            view.Summary, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(view.Summary), html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(outgoing.PayloadText), html, StringComparison.Ordinal);
    }
}
