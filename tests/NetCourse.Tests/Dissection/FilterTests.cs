using NetCourse.Dissection;

namespace NetCourse.Tests.Dissection;

public class FilterTests
{
    // 127.0.0.1:40000 -> 127.0.0.2:80, SYN, TTL 3, multicast destination MAC.
    private static readonly FilterTestPacket Syn = FilterTestPacket.Tcp("127.0.0.1", "127.0.0.2", 40000, 80, 0x02, ttl: 3, ethDst: "01:00:5e:00:00:01");
    // 127.0.0.1:1000 -> 127.0.0.1:2000, ACK, TTL 64.
    private static readonly FilterTestPacket Ack = FilterTestPacket.Tcp("127.0.0.1", "127.0.0.1", 1000, 2000, 0x10);

    /// <summary>The packets the theory rows name.</summary>
    private static readonly Dictionary<string, IFieldSource> Packets = new(StringComparer.Ordinal)
    {
        ["syn"] = Syn,
        ["ack"] = Ack,
        ["udp"] = new FilterTestPacket("frame", "eth", "ip", "udp").Int("udp.srcport", 5353).Int("udp.dstport", 53).Int("udp.port", 5353, 53),
        ["dns"] = new FilterTestPacket("frame", "ip", "udp", "dns").Text("dns.qry.name", "cours.reseau.test"),
        ["unreachable"] = new FilterTestPacket("frame", "ip", "icmp").Int("icmp.type", 3).Int("icmp.code", 3),
        ["echo"] = new FilterTestPacket("frame", "ip", "icmp").Int("icmp.type", 8),
        ["expired"] = new FilterTestPacket("frame", "ip", "icmp").Int("icmp.type", 11),
        ["http"] = new FilterTestPacket("http").Text("http.request.method", "GET").Text("http.request.uri", "/a \"b\""),
        ["time"] = new FilterTestPacket("frame").Add("frame.time_relative", FieldValue.FromNumber(0.25, "0.250000000")),
    };

    private static bool M(string filter, IFieldSource packet) => DisplayFilter.Parse(filter).Matches(packet);

    [Theory]
    [InlineData("tcp.dstport == 80", true, false)]
    [InlineData("tcp.dstport eq 80", true, false)]
    [InlineData("tcp.dstport any_eq 80", true, false)]
    [InlineData("tcp.dstport != 80", false, true)]
    [InlineData("tcp.dstport ne 80", false, true)]
    [InlineData("ip.ttl < 5", true, false)]
    [InlineData("ip.ttl lt 5", true, false)]
    [InlineData("ip.ttl <= 3", true, false)]
    [InlineData("ip.ttl le 2", false, false)]
    [InlineData("ip.ttl > 3", false, true)]
    [InlineData("ip.ttl gt 3", false, true)]
    [InlineData("ip.ttl >= 3", true, true)]
    [InlineData("ip.ttl ge 64", false, true)]
    public void Each_comparison_operator(string filter, bool syn, bool ack)
    {
        Assert.Equal(syn, M(filter, Syn));
        Assert.Equal(ack, M(filter, Ack));
    }

    [Theory]
    [InlineData("tcp.port == 0x50", true)]
    [InlineData("tcp.port == 0X50", true)]
    [InlineData("tcp.port == 0120", true)] // octal, as in Wireshark
    [InlineData("tcp.port == 80", true)]
    [InlineData("tcp.port == 81", false)]
    public void Integers_in_decimal_hex_and_octal(string filter, bool expected) => Assert.Equal(expected, M(filter, Syn));

    [Theory]
    [InlineData("ip.addr == 127.0.0.2", "syn", true)]
    [InlineData("ip.addr == 127.0.0.1", "syn", true)]
    [InlineData("tcp.port == 40000", "syn", true)]
    [InlineData("tcp.port == 80", "syn", true)]
    [InlineData("eth.addr == 01:00:5e:00:00:01", "syn", true)]
    [InlineData("udp.port == 53", "udp", true)]
    [InlineData("udp.port == 5353", "udp", true)]
    [InlineData("udp.port == 54", "udp", false)]
    public void Either_side_fields_match_when_any_value_matches(string filter, string packet, bool expected) =>
        Assert.Equal(expected, M(filter, Packets[packet]));

    [Theory]
    [InlineData("ip.addr != 127.0.0.1", "syn", false)]
    [InlineData("ip.addr != 127.0.0.1", "ack", false)]
    [InlineData("ip.addr != 127.0.0.9", "syn", true)]
    [InlineData("tcp.port != 80", "syn", false)]
    [InlineData("tcp.port != 80", "ack", true)]
    [InlineData("udp.port != 80", "syn", false)] // absent field: false
    [InlineData("ip.addr ~= 127.0.0.1", "syn", true)]
    [InlineData("ip.addr ~= 127.0.0.1", "ack", false)]
    [InlineData("tcp.port !== 80", "syn", true)]
    [InlineData("tcp.port any_ne 80", "syn", true)]
    [InlineData("ip.addr === 127.0.0.1", "ack", true)]
    [InlineData("ip.addr === 127.0.0.1", "syn", false)]
    [InlineData("ip.addr all_eq 127.0.0.1", "syn", false)]
    public void Not_equal_is_all_differ_and_false_when_absent_as_in_tshark_4_0(string filter, string packet, bool expected) =>
        Assert.Equal(expected, M(filter, Packets[packet]));

    [Theory]
    [InlineData("dns.qry.name contains \"reseau\"", "dns", true)]
    [InlineData("dns.qry.name contains \"Reseau\"", "dns", false)] // case-sensitive
    [InlineData("dns.qry.name == \"cours.reseau.test\"", "dns", true)]
    [InlineData("eth.src contains 00:00", "syn", true)]
    [InlineData("eth.dst contains 5e:00", "syn", true)]
    [InlineData("eth.dst contains 5e:01", "syn", false)]
    public void Contains_on_text_and_bytes(string filter, string packet, bool expected) =>
        Assert.Equal(expected, M(filter, Packets[packet]));

    [Theory]
    [InlineData("icmp.type in { 3..5, 11 }", "unreachable", true)]
    [InlineData("icmp.type in { 3..5, 11 }", "expired", true)]
    [InlineData("icmp.type in { 3..5, 11 }", "echo", false)]
    [InlineData("icmp.type in {8}", "echo", true)]
    [InlineData("tcp.port in {80, 1000..1001}", "syn", true)]
    [InlineData("tcp.port in {80, 1000..1001}", "ack", true)]
    [InlineData("tcp.port in {1001..999}", "ack", false)]
    [InlineData("tcp.port not in {80}", "syn", false)]
    [InlineData("tcp.port not in {80}", "ack", true)]
    [InlineData("udp.port not in {80}", "syn", true)] // negation of "in": true when absent, as tshark 4.0.17
    [InlineData("ip.addr in {127.0.0.2 , 127.0.0.9}", "syn", true)]
    [InlineData("ip.dst in {127.0.0.0/31}", "ack", true)]
    public void Sets_with_values_and_ranges(string filter, string packet, bool expected) =>
        Assert.Equal(expected, M(filter, Packets[packet]));

    [Theory]
    [InlineData("tcp && ip", true)]
    [InlineData("tcp and udp", false)]
    [InlineData("tcp || udp", true)]
    [InlineData("udp or tcp", true)]
    [InlineData("!udp", true)]
    [InlineData("not tcp", false)]
    [InlineData("! ! tcp", true)]
    [InlineData("udp && tcp || tcp", true)]   // && binds tighter: (udp && tcp) || tcp
    [InlineData("tcp || tcp && udp", true)]   // tcp || (tcp && udp)
    [InlineData("(tcp || tcp) && udp", false)]
    [InlineData("!(udp || ip.ttl > 10)", true)]
    [InlineData("not tcp.port == 80", false)]
    [InlineData("tcp and not tcp and tcp or tcp", true)]
    [InlineData("", true)]
    [InlineData("   ", true)]
    public void Logic_precedence_and_parentheses(string filter, bool expected) => Assert.Equal(expected, M(filter, Syn));

    [Theory]
    [InlineData("tcp", "syn", true)]
    [InlineData("eth", "syn", true)]
    [InlineData("udp", "syn", false)]
    [InlineData("dns", "syn", false)]
    [InlineData("tcp.flags.syn", "ack", true)] // present even when 0, as tshark
    [InlineData("ip.ttl", "syn", true)]
    [InlineData("tcp.analysis.flags", "syn", false)]
    [InlineData("hsrp.state != 8 && hsrp.state != 16", "syn", false)] // unknown protocol: nothing
    public void Bare_protocol_and_bare_field_test_presence(string filter, string packet, bool expected) =>
        Assert.Equal(expected, M(filter, Packets[packet]));

    [Theory]
    [InlineData("tcp.flags.syn == 1", "syn", true)]
    [InlineData("tcp.flags.syn == True", "syn", true)]
    [InlineData("tcp.flags.syn == 0", "syn", false)]
    [InlineData("tcp.flags.syn == 0", "ack", true)]
    [InlineData("tcp.flags.reset eq 0", "syn", true)]
    [InlineData("tcp.flags.syn == 2", "syn", true)] // any non-zero literal means true, as tshark 4.0.17
    public void Booleans_compare_as_one_and_zero(string filter, string packet, bool expected) =>
        Assert.Equal(expected, M(filter, Packets[packet]));

    [Theory]
    [InlineData("ip.dst == 224.0.0.0/4", "224.0.0.251", true)]
    [InlineData("ip.dst == 224.0.0.0/4", "239.255.255.250", true)]
    [InlineData("ip.dst == 224.0.0.0/4", "127.0.0.1", false)]
    [InlineData("ip.dst != 224.0.0.0/4", "127.0.0.1", true)]
    [InlineData("ip.dst == 224.0.0.0/24", "224.0.1.1", false)]
    [InlineData("ip.dst == 127.0.0.0/8", "127.9.8.7", true)]
    [InlineData("ip.dst == 0.0.0.0/0", "127.9.8.7", true)]
    [InlineData("ip.dst == 127.0.0.1/32", "127.0.0.1", true)]
    [InlineData("ip.dst > 127.0.0.0", "127.0.0.1", true)]
    [InlineData("ip.dst < 127.0.0.0", "127.0.0.1", false)]
    public void Cidr_and_address_order(string filter, string dst, bool expected)
    {
        var p = new FilterTestPacket("ip").Ip("ip.dst", dst);
        Assert.Equal(expected, M(filter, p));
    }

    [Fact]
    public void Ipv6_addresses_and_prefixes()
    {
        var p = new FilterTestPacket("ipv6").Ip("ipv6.dst", "ff02::fb").Int("ipv6.hlim", 255);
        Assert.True(M("ipv6.dst == ff00::/8", p));
        Assert.False(M("ipv6.dst == ::1", p));
        Assert.True(M("ipv6.dst==ff00::/8 && ipv6.hlim not in {1,64,255}", p) == false);
        var loop = new FilterTestPacket("ipv6").Ip("ipv6.dst", "::1");
        Assert.True(M("ipv6.dst == ::1", loop));
        Assert.False(M("ip.dst == 127.0.0.1", loop)); // other family / absent
    }

    [Theory]
    [InlineData("tcp.flags & 0x02", "syn", true)]
    [InlineData("tcp.flags & 0x02", "ack", false)]
    [InlineData("tcp.flags & 0x12", "ack", true)]
    [InlineData("tcp.flags & 0x02 == 2", "syn", true)]
    [InlineData("tcp.flags & 0x02 == 0", "syn", false)]
    [InlineData("tcp.flags & 0x02 || tcp.flags.fin == 1", "syn", true)]
    public void Bitwise_and_tests_non_zero_or_compares(string filter, string packet, bool expected) =>
        Assert.Equal(expected, M(filter, Packets[packet]));

    [Theory]
    [InlineData("eth[0] & 1", "syn", true)] // multicast bit of 01:00:5e:…
    [InlineData("eth[0] & 1", "ack", false)]
    [InlineData("eth[0] == 01", "syn", true)]
    [InlineData("eth[0] == 1", "syn", true)]
    [InlineData("eth[0:3] == 01:00:5e", "syn", true)]
    [InlineData("eth[0-2] == 01:00:5e", "syn", true)]
    [InlineData("eth[12:2] == 08:00", "syn", true)]
    [InlineData("eth[-2:] == 08:00", "syn", true)]
    [InlineData("eth.dst[0:3] == 01:00:5e", "syn", true)]
    [InlineData("eth.dst[0:3] == 01:00:5f", "syn", false)]
    [InlineData("eth[100] == 1", "syn", false)] // out of the frame: absent, no exception
    [InlineData("eth[0:3] contains 00:5e", "syn", true)]
    public void Slices_of_protocols_and_fields(string filter, string packet, bool expected) =>
        Assert.Equal(expected, M(filter, Packets[packet]));

    [Theory]
    [InlineData("http.request.method == \"GET\"", "http", true)]
    [InlineData("http.request.method == GET", "http", true)] // unquoted text, as Wireshark accepts
    [InlineData("http.request.uri == \"/a \\\"b\\\"\"", "http", true)]
    [InlineData("http.request.method > \"A\"", "http", true)]
    [InlineData("http.request.method == \"get\"", "http", false)]
    public void Strings_with_escapes_and_text_order(string filter, string packet, bool expected) =>
        Assert.Equal(expected, M(filter, Packets[packet]));

    [Fact]
    public void A_field_can_be_compared_with_another_field()
    {
        Assert.False(M("ip.src == ip.dst", Syn));
        Assert.True(M("ip.src == ip.dst", Ack));
        Assert.True(M("ip.src != ip.dst", Syn));
        Assert.True(M("tcp.srcport > tcp.dstport", Syn));
        Assert.False(M("tcp.srcport > tcp.dstport", Ack));
        Assert.False(M("udp.srcport == udp.dstport", Syn)); // absent: false
        Assert.Equal(["ip.src", "ip.dst"], DisplayFilter.Parse("ip.src == ip.dst").Fields);
        // An unquoted value that is not a known field stays a value.
        var dns = new FilterTestPacket("dns").Text("dns.qry.name", "cours.reseau.test");
        Assert.True(M("dns.qry.name == cours.reseau.test", dns));
    }

    [Fact]
    public void Matches_is_a_case_insensitive_regular_expression()
    {
        var dns = new FilterTestPacket("frame", "dns").Text("dns.qry.name", "cours.reseau.test")
            .Protocol("dns", System.Text.Encoding.ASCII.GetBytes("xxCOURSyy"));
        Assert.True(M("dns.qry.name matches \"RESEAU\"", dns));
        Assert.True(M("dns.qry.name matches \"^cours\\\\.\"", dns));
        Assert.False(M("dns.qry.name matches \"^reseau\"", dns));
        Assert.False(M("dns.qry.name matches \"(?-i)RESEAU\"", dns));
        Assert.True(M("dns matches \"cours\"", dns));      // a protocol: its bytes
        Assert.True(M("dns contains \"COURS\"", dns));     // contains is case-sensitive
        Assert.False(M("dns contains \"cours\"", dns));
        Assert.False(M("http matches \"x\"", dns));
    }

    [Fact]
    public void Fields_lists_the_names_used()
    {
        var f = DisplayFilter.Parse("tcp.port == 80 || (ip.addr == 127.0.0.1 && !tcp) || eth[0] & 1");
        Assert.Equal(["tcp.port", "ip.addr", "tcp", "eth"], f.Fields);
        Assert.Equal("tcp.port == 80 || (ip.addr == 127.0.0.1 && !tcp) || eth[0] & 1", f.ToString());
    }

    [Theory]
    [InlineData("frame.time_relative < 0.5", "time", true)]
    [InlineData("frame.time_relative >= 0.25", "time", true)]
    [InlineData("frame.time_relative > 1", "time", false)]
    public void Numbers_compare_as_floating_point(string filter, string packet, bool expected) =>
        Assert.Equal(expected, M(filter, Packets[packet]));

    [Fact]
    public void Matches_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => DisplayFilter.Parse("tcp").Matches(null!));
    }
}
