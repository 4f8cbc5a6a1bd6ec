using System.Globalization;
using NetCourse.Dissection;
using NetCourse.Platform;

namespace NetCourse.Tests.Dissection;

/// <summary>
/// Filters evaluated on the course dissector's packets (not on tshark's values): the either-side fields, protocol
/// presence and slices the dissector provides must select the frames tshark selects, on the course's own captures.
/// </summary>
public class FilterDissectorAgreementTests
{
    [SkippableTheory]
    [InlineData("06-retransmissions.pcap", "tcp.analysis.flags && !tcp.analysis.window_update")]
    [InlineData("06-retransmissions.pcap", "ip.addr == 198.18.0.2 && tcp.port == 12800 && tcp.len > 0")]
    [InlineData("06-retransmissions.pcap", "tcp.flags & 0x02 || tcp.flags.fin == 1")]
    [InlineData("06-http.pcap", "http || tcp.port == 80")]
    [InlineData("06-http.pcap", "http.request.method == \"GET\" || http.response.code in {200, 404}")]
    [InlineData("06-http.pcap", "tcp.port != 80")]
    [InlineData("03-dns.pcap", "dns.qry.name contains \"netcourse\" && dns.flags.response == 1")]
    [InlineData("03-dns.pcap", "udp.port == 53 && ip.dst == 127.0.0.0/8")]
    [InlineData("07-arp.pcap", "arp || eth[0] & 1")]
    [InlineData("07-arp.pcap", "eth.addr == ff:ff:ff:ff:ff:ff")]
    [InlineData("01-ping.pcap", "icmp.type in {0, 8} && ip.ttl ge 64")]
    [InlineData("06-tcp-handshake-sll.pcap", "tcp.srcport == 12801 or not tcp")]
    [InlineData("06-tcp-handshake.pcap", "tcp contains \"Bonjour\"")]
    [InlineData("06-tcp-handshake.pcap", "frame contains 42:6f:6e")]
    [InlineData("06-http.pcap", "frame matches \"get /INDEX\"")]
    [InlineData("06-http.pcap", "http.request.uri matches \"absent\\\\.html$\"")]
    [InlineData("03-dns.pcap", "dns.qry.name matches \"^serveur\\\\.\"")]
    [InlineData("03-dns.pcap", "dns.qry.name matches \"(?-i)NETCOURSE\"")]
    public void The_dissector_and_the_filter_select_what_tshark_selects(string file, string filter)
    {
        Requires.Tool("tshark", "tshark");
        var path = TestPaths.Capture(file);
        var r = ExternalCommand.Run("tshark", ["-n", "-r", path, "-Y", filter, "-T", "fields", "-e", "frame.number"], TimeSpan.FromSeconds(60));
        Assert.True(r.Succeeded, r.Error);
        var expected = r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => long.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        var parsed = DisplayFilter.Parse(filter);
        var ours = CaptureFileDissector.Read(path).Where(parsed.Matches).Select(p => p.Number).ToArray();

        Assert.NotEmpty(CaptureFileDissector.Read(path));
        Assert.Equal(expected, ours);
    }
}
