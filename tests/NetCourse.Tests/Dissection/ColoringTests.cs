using NetCourse.Dissection;

namespace NetCourse.Tests.Dissection;

public class ColoringTests
{
    private static string? RuleOf(IFieldSource p) => ColoringRules.Embedded.Match(p)?.Name;

    private static FilterTestPacket Udp(string dst = "127.0.0.1", int ttl = 64) =>
        new FilterTestPacket("frame", "eth", "ip", "udp").Mac("eth.dst", "00:00:00:00:00:00").Protocol("eth", new byte[14])
            .Ip("ip.src", "127.0.0.1").Ip("ip.dst", dst).Ip("ip.addr", "127.0.0.1", dst).Int("ip.ttl", ttl)
            .Int("udp.srcport", 40000).Int("udp.dstport", 9).Int("udp.port", 40000, 9);

    [Fact]
    public void The_embedded_copy_is_wireshark_4_0_17s_default_list()
    {
        var rules = ColoringRules.Embedded.Rules;
        Assert.Equal(20, rules.Count);
        Assert.Equal(["Bad TCP", "HSRP State Change", "Spanning Tree Topology  Change", "OSPF State Change", "ICMP errors", "ARP", "ICMP",
            "TCP RST", "SCTP ABORT", "TTL low or unexpected", "Checksum Errors", "SMB", "HTTP", "DCERPC", "Routing", "TCP SYN/FIN", "TCP",
            "UDP", "Broadcast", "System Event"], rules.Select(r => r.Name));
        Assert.All(rules, r => Assert.Null(r.Error)); // every default filter is understood by our reader
        Assert.All(rules, r => Assert.True(r.Enabled));
    }

    [SkippableFact]
    public void Default_reads_the_system_file_and_it_agrees_with_the_embedded_copy()
    {
        Skip.IfNot(File.Exists(ColoringRules.SystemPath), $"ignoré : {ColoringRules.SystemPath} manque (sudo apt-get install -y tshark)");
        Assert.Equal(ColoringRules.SystemPath, ColoringRules.Default.Origin);
        Assert.Equal(ColoringDefaults.Text.TrimEnd('\n'), File.ReadAllText(ColoringRules.SystemPath).TrimEnd('\n'));
        Assert.Equal(
            ColoringRules.Embedded.Rules.Select(r => (r.Name, r.FilterText, r.Foreground, r.Background)),
            ColoringRules.Default.Rules.Select(r => (r.Name, r.FilterText, r.Foreground, r.Background)));
    }

    [Fact]
    public void A_missing_file_falls_back_to_the_embedded_copy()
    {
        var rules = ColoringRules.LoadDefault("/nonexistent/colorfilters");
        Assert.Same(ColoringRules.Embedded, rules);
        Assert.Contains("intégrée", rules.Origin);
    }

    [Theory]
    [InlineData(4718, 10030, 11796, "#12272e")]
    [InlineData(63479, 34695, 34695, "#f78787")]
    [InlineData(59345, 58980, 65535, "#e7e5ff")]
    [InlineData(42148, 0, 0, "#a40000")]
    [InlineData(0, 65535, 257, "#00ff01")]
    public void Colors_convert_from_16_bit_rgb_to_css(int r, int g, int b, string css) => Assert.Equal(css, ColoringRule.ToCss(r, g, b));

    [Theory]
    [InlineData("Bad TCP", "#12272e", "#f78787")]
    [InlineData("TCP", "#e7e5ff", "#12272e")]
    [InlineData("UDP", "#daeeff", "#12272e")]
    [InlineData("HTTP", "#e4ffc7", "#12272e")]
    [InlineData("TCP SYN/FIN", "#a0a0a0", "#12272e")]
    [InlineData("TCP RST", "#a40000", "#fffc9c")]
    [InlineData("ARP", "#faf0d7", "#12272e")]
    [InlineData("ICMP", "#fce0ff", "#12272e")]
    [InlineData("ICMP errors", "#12272e", "#b7f774")]
    [InlineData("Broadcast", "#ffffff", "#babdb6")]
    public void Each_rule_has_wiresharks_colors(string name, string background, string foreground)
    {
        var rule = ColoringRules.Embedded.Find(name);
        Assert.NotNull(rule);
        Assert.Equal(background, rule.Background);
        Assert.Equal(foreground, rule.Foreground);
    }

    [Fact]
    public void Bad_tcp_wins_over_everything_unless_window_update_or_keep_alive()
    {
        var retransmission = FilterTestPacket.Tcp("127.0.0.1", "127.0.0.1", 40000, 80, 0x18).Bool("tcp.analysis.flags", true).Bool("tcp.analysis.retransmission", true);
        Assert.Equal("Bad TCP", RuleOf(retransmission));
        var windowUpdate = FilterTestPacket.Tcp("127.0.0.1", "127.0.0.1", 40000, 12800, 0x10).Bool("tcp.analysis.flags", true).Bool("tcp.analysis.window_update", true);
        Assert.Equal("TCP", RuleOf(windowUpdate));
        var keepAlive = FilterTestPacket.Tcp("127.0.0.1", "127.0.0.1", 40000, 12800, 0x10).Bool("tcp.analysis.flags", true).Bool("tcp.analysis.keep_alive", true);
        Assert.Equal("TCP", RuleOf(keepAlive));
    }

    [Fact]
    public void Icmp_errors_and_icmp()
    {
        Assert.Equal("ICMP errors", RuleOf(new FilterTestPacket("frame", "ip", "icmp").Int("icmp.type", 3)));
        Assert.Equal("ICMP errors", RuleOf(new FilterTestPacket("frame", "ip", "icmp").Int("icmp.type", 11)));
        Assert.Equal("ICMP errors", RuleOf(new FilterTestPacket("frame", "ipv6", "icmpv6").Int("icmpv6.type", 1)));
        Assert.Equal("ICMP", RuleOf(new FilterTestPacket("frame", "ip", "icmp").Int("icmp.type", 8)));
        Assert.Equal("ICMP", RuleOf(new FilterTestPacket("frame", "ip", "icmp").Int("icmp.type", 0)));
        Assert.Equal("ICMP", RuleOf(new FilterTestPacket("frame", "ipv6", "icmpv6").Int("icmpv6.type", 128)));
    }

    [Fact]
    public void Arp_beats_broadcast()
    {
        var arp = new FilterTestPacket("frame", "eth", "arp").Protocol("eth", [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 8, 6]).Int("arp.opcode", 1);
        Assert.Equal("ARP", RuleOf(arp));
    }

    [Fact]
    public void Tcp_rst_syn_fin_http_and_plain_tcp()
    {
        Assert.Equal("TCP RST", RuleOf(FilterTestPacket.Tcp("127.0.0.1", "127.0.0.1", 40000, 12800, 0x14)));
        Assert.Equal("TCP SYN/FIN", RuleOf(FilterTestPacket.Tcp("127.0.0.1", "127.0.0.1", 40000, 12800, 0x02)));
        Assert.Equal("TCP SYN/FIN", RuleOf(FilterTestPacket.Tcp("127.0.0.1", "127.0.0.1", 40000, 12800, 0x11)));
        Assert.Equal("HTTP", RuleOf(FilterTestPacket.Tcp("127.0.0.1", "127.0.0.1", 40000, 80, 0x02))); // port 80 comes before SYN/FIN
        Assert.Equal("HTTP", RuleOf(FilterTestPacket.Tcp("127.0.0.1", "127.0.0.1", 40000, 8080, 0x18).Protocol("http")));
        Assert.Equal("TCP", RuleOf(FilterTestPacket.Tcp("127.0.0.1", "127.0.0.1", 40000, 12800, 0x18)));
        Assert.Equal("TCP", RuleOf(FilterTestPacket.Tcp("127.0.0.1", "127.0.0.1", 40000, 12800, 0x10)));
    }

    [Fact]
    public void Ttl_low_or_unexpected()
    {
        Assert.Equal("TTL low or unexpected", RuleOf(Udp(ttl: 4)));
        Assert.Equal("UDP", RuleOf(Udp(ttl: 5)));
        Assert.Equal("TTL low or unexpected", RuleOf(Udp("224.0.0.1", ttl: 64)));   // link-local multicast must have TTL 1
        Assert.Equal("UDP", RuleOf(Udp("224.0.0.1", ttl: 1)));
        Assert.Equal("UDP", RuleOf(Udp("224.0.0.251", ttl: 255)));                 // mDNS is the exception
        Assert.Equal("UDP", RuleOf(Udp("239.1.2.3", ttl: 2)));                     // other multicast: low TTL is normal
        Assert.Equal("TTL low or unexpected", RuleOf(FilterTestPacket.Tcp("127.0.0.1", "127.0.0.1", 40000, 12800, 0x10, ttl: 1)));
    }

    [Fact]
    public void Udp_and_dns_are_blue_and_broadcast_is_last()
    {
        Assert.Equal("UDP", RuleOf(Udp().Protocol("dns")));
        var broadcast = new FilterTestPacket("frame", "eth").Protocol("eth", [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0x88, 0xb5]);
        Assert.Equal("Broadcast", RuleOf(broadcast));
        var unicastOther = new FilterTestPacket("frame", "eth").Protocol("eth", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x88, 0xb5]);
        Assert.Null(RuleOf(unicastOther));
    }

    [Fact]
    public void Checksum_errors_when_the_dissector_reports_bad()
    {
        var bad = Udp().Text("udp.checksum.status", "Bad");
        Assert.Equal("Checksum Errors", RuleOf(bad));
        Assert.Equal("UDP", RuleOf(Udp().Text("udp.checksum.status", "Good")));
    }

    [Fact]
    public void Rules_for_protocols_we_do_not_dissect_never_match_a_plain_packet()
    {
        var plain = FilterTestPacket.Tcp("127.0.0.1", "127.0.0.1", 40000, 12800, 0x10);
        foreach (var name in new[] { "HSRP State Change", "Spanning Tree Topology  Change", "OSPF State Change", "SCTP ABORT", "SMB", "DCERPC", "Routing", "System Event" })
            Assert.False(ColoringRules.Embedded.Find(name)!.Matches(plain), name);
        Assert.Equal("Routing", RuleOf(new FilterTestPacket("frame", "ip", "igmp")));
        Assert.Equal("SMB", RuleOf(FilterTestPacket.Tcp("127.0.0.1", "127.0.0.1", 40000, 445, 0x18).Protocol("smb")));
    }

    [Fact]
    public void The_file_format_comments_disabled_and_unreadable_rules()
    {
        var rules = ColoringRules.Parse("""
            # a comment
            !@Off@tcp@[0,0,0][65535,65535,65535]
            @Broken@tcp.port = = 80@[0,0,0][0,0,0]
            @Mine@tcp.port == 12800@[65535,0,0][0,0,65535]
            not a rule
            """, "test");
        Assert.Equal(["Off", "Broken", "Mine"], rules.Rules.Select(r => r.Name));
        Assert.False(rules.Rules[0].Enabled);
        Assert.NotNull(rules.Rules[1].Error);
        Assert.Null(rules.Rules[1].Filter);
        var p = FilterTestPacket.Tcp("127.0.0.1", "127.0.0.1", 40000, 12800, 0x10);
        var match = rules.Match(p);
        Assert.NotNull(match);
        Assert.Equal("Mine", match.Name);
        Assert.Equal("#ff0000", match.Background);
        Assert.Equal("#0000ff", match.Foreground);
    }

    [Fact]
    public void The_lessons_table_names_real_rules_with_their_real_colors()
    {
        Assert.Equal(["Mauve", "Gris", "Rouge", "Noir", "Vert", "Bleu"], SourceColorTable.Entries.Select(e => e.Color));
        foreach (var e in SourceColorTable.Entries)
        {
            var first = ColoringRules.Embedded.Find(e.RealRules[0]);
            Assert.NotNull(first);
            Assert.Equal(first.Background, e.Background);
            Assert.Equal(first.Foreground, e.Foreground);
            Assert.All(e.RealRules, name => Assert.NotNull(ColoringRules.Embedded.Find(name)));
            Assert.False(string.IsNullOrWhiteSpace(e.Right));
            Assert.False(string.IsNullOrWhiteSpace(e.Wrong));
        }
    }

    [Fact]
    public void The_comparison_view_shows_both_tables_with_swatches()
    {
        var html = new ColoringComparisonView(ColoringRules.Embedded).ToHtml();
        Assert.Contains("Le tableau de la leçon", html);
        Assert.Contains("background:#e7e5ff", html);
        Assert.Contains("background:#a40000;color:#fffc9c", html);
        Assert.Contains("Bad TCP", html);
        Assert.Contains("tcp.flags &amp; 0x02 || tcp.flags.fin == 1", html);
        Assert.Equal(20 + 6, System.Text.RegularExpressions.Regex.Count(html, "display:inline-block"));
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
    }
}
