using NetCourse.Dissection;

namespace NetCourse.Tests.Dissection;

/// <summary>
/// Our filters and colouring rules against tshark 4.0.17 on the same packets: tshark dissects a capture the test
/// writes, its field values feed a dictionary-backed packet, and both must select exactly the same frames.
/// </summary>
public class FilterTsharkAgreementTests : IClassFixture<FilterTsharkAgreementTests.Capture>
{
    public sealed class Capture : IDisposable
    {
        private readonly Lazy<FilterTsharkCapture> _value = new(() => new FilterTsharkCapture());

        /// <summary>The capture read by tshark; skips the test when tshark is missing.</summary>
        internal FilterTsharkCapture Value
        {
            get
            {
                Requires.Tool("tshark", "tshark");
                return _value.Value;
            }
        }

        public void Dispose()
        {
            if (_value.IsValueCreated) _value.Value.Dispose();
        }
    }

    private readonly Capture _fixture;

    public FilterTsharkAgreementTests(Capture capture) => _fixture = capture;

    private FilterTsharkCapture Tshark => _fixture.Value;

    [SkippableTheory]
    [InlineData("tcp")]
    [InlineData("udp")]
    [InlineData("dns")]
    [InlineData("arp")]
    [InlineData("icmp")]
    [InlineData("ipv6")]
    [InlineData("ip")]
    [InlineData("tcp.port == 80")]
    [InlineData("tcp.port != 80")]
    [InlineData("tcp.port ~= 80")]
    [InlineData("tcp.dstport eq 12800")]
    [InlineData("ip.addr == 127.0.0.2")]
    [InlineData("ip.addr != 127.0.0.1")]
    [InlineData("ip.addr === 127.0.0.1")]
    [InlineData("ip.src == 127.0.0.0/8 && ip.dst != 127.0.0.1")]
    [InlineData("ip.dst == 224.0.0.0/4")]
    [InlineData("ip.dst != 224.0.0.0/4")]
    [InlineData("ip.dst == 224.0.0.0/24 && ip.dst != 224.0.0.251")]
    [InlineData("ip.ttl < 5")]
    [InlineData("ip.ttl le 4 or ipv6.hlim ge 64")]
    [InlineData("ip.ttl > 63")]
    [InlineData("tcp.flags & 0x02")]
    [InlineData("tcp.flags & 0x12 == 0x12")]
    [InlineData("tcp.flags.syn == 1 && tcp.flags.ack == 0")]
    [InlineData("tcp.flags.fin == 1 || tcp.flags.reset eq 1")]
    [InlineData("tcp.flags == 0x0018")]
    [InlineData("tcp.len > 0")]
    [InlineData("tcp.analysis.flags")]
    [InlineData("!tcp.analysis.flags && tcp")]
    [InlineData("icmp.type in { 3..5, 11 }")]
    [InlineData("icmp.type in {8}")]
    [InlineData("udp.port in {53, 5353}")]
    [InlineData("udp.port not in {53}")]
    [InlineData("tcp.port in {100..20000}")]
    [InlineData("eth[0] & 1")]
    [InlineData("eth[0:3] == 01:00:5e")]
    [InlineData("eth.dst == ff:ff:ff:ff:ff:ff")]
    [InlineData("eth.addr == 00:00:00:00:00:00")]
    [InlineData("eth.type == 0x86dd")]
    [InlineData("eth.src[0:2] == 00:00")]
    [InlineData("dns.qry.name contains \"reseau\"")]
    [InlineData("dns.qry.name == \"cours.reseau.test\"")]
    [InlineData("dns.flags.response == 0")]
    [InlineData("arp.opcode == 1")]
    [InlineData("ipv6.dst == ::1")]
    [InlineData("ipv6.addr == ::/64")]
    [InlineData("(tcp || udp) && !(ip.ttl < 5)")]
    [InlineData("not (tcp or udp) and eth")]
    [InlineData("udp && ip.addr == 127.0.0.1 || arp")]
    [InlineData("frame.len >= 60")]
    [InlineData("udp.length == 11")]
    [InlineData("ip.proto == 17")]
    [InlineData("icmp.code == 3 and udp")]
    [InlineData("ip.src == ip.dst")]
    [InlineData("ip.src != ip.dst")]
    [InlineData("tcp.srcport < tcp.dstport")]
    [InlineData("udp.srcport == udp.dstport")]
    [InlineData("eth.src == eth.dst")]
    public void Our_filter_selects_the_frames_tshark_selects(string filter)
    {
        var expected = Tshark.TsharkSelect(filter);
        var parsed = DisplayFilter.Parse(filter);
        var ours = Tshark.Packets.Select((p, i) => (p, n: i + 1)).Where(x => parsed.Matches(x.p)).Select(x => x.n).ToArray();

        Assert.Equal(expected, ours);
    }

    [SkippableFact]
    public void The_filters_are_not_trivial_on_this_capture()
    {
        // Guard against an oracle that agrees because everything is empty: tshark sees every kind of packet.
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 19], Tshark.TsharkSelect("tcp"));
        Assert.Equal([7], Tshark.TsharkSelect("tcp.analysis.flags"));
        Assert.Equal([13], Tshark.TsharkSelect("arp"));
    }

    [SkippableFact]
    public void Every_frame_gets_the_coloring_rule_tshark_gives_it()
    {
        var expected = Tshark.TsharkColoringRules();
        var ours = Tshark.Packets.Select(p => ColoringRules.Default.Match(p)?.Name ?? "").ToArray();

        Assert.Equal(expected, ours);
        // The capture covers these rules (each at least once), so each is really checked against tshark.
        foreach (var rule in new[] { "Bad TCP", "ICMP errors", "ARP", "ICMP", "TCP RST", "TTL low or unexpected", "HTTP", "TCP SYN/FIN", "TCP", "UDP", "Broadcast" })
            Assert.Contains(rule, expected);
    }
}
