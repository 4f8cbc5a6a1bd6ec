using NetCourse.Dissection;

namespace NetCourse.Tests.Dissection;

public class FilterTests
{
    // 127.0.0.1:40000 -> 127.0.0.2:80, SYN, TTL 3, multicast destination MAC.
    private static readonly FilterTestPacket Syn = FilterTestPacket.Tcp("127.0.0.1", "127.0.0.2", 40000, 80, 0x02, ttl: 3, ethDst: "01:00:5e:00:00:01");
    // 127.0.0.1:1000 -> 127.0.0.1:2000, ACK, TTL 64.
    private static readonly FilterTestPacket Ack = FilterTestPacket.Tcp("127.0.0.1", "127.0.0.1", 1000, 2000, 0x10);

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

    [Fact]
    public void Either_side_fields_match_when_any_value_matches()
    {
        Assert.True(M("ip.addr == 127.0.0.2", Syn));
        Assert.True(M("ip.addr == 127.0.0.1", Syn));
        Assert.True(M("tcp.port == 40000", Syn));
        Assert.True(M("tcp.port == 80", Syn));
        Assert.True(M("eth.addr == 01:00:5e:00:00:01", Syn));
        var udp = new FilterTestPacket("frame", "eth", "ip", "udp").Int("udp.srcport", 5353).Int("udp.dstport", 53).Int("udp.port", 5353, 53);
        Assert.True(M("udp.port == 53", udp));
        Assert.True(M("udp.port == 5353", udp));
        Assert.False(M("udp.port == 54", udp));
    }

    [Fact]
    public void Not_equal_is_all_differ_and_false_when_absent_as_in_tshark_4_0()
    {
        // tshark 4.0.17: "ip.addr != 127.0.0.1" keeps no packet that has 127.0.0.1 on either side.
        Assert.False(M("ip.addr != 127.0.0.1", Syn));
        Assert.False(M("ip.addr != 127.0.0.1", Ack));
        Assert.True(M("ip.addr != 127.0.0.9", Syn));
        Assert.False(M("tcp.port != 80", Syn));
        Assert.True(M("tcp.port != 80", Ack));
        Assert.False(M("udp.port != 80", Syn)); // absent field: false
        // ~= and !== : some value differs.
        Assert.True(M("ip.addr ~= 127.0.0.1", Syn));
        Assert.False(M("ip.addr ~= 127.0.0.1", Ack));
        Assert.True(M("tcp.port !== 80", Syn));
        Assert.True(M("tcp.port any_ne 80", Syn));
        // === : every value equal.
        Assert.True(M("ip.addr === 127.0.0.1", Ack));
        Assert.False(M("ip.addr === 127.0.0.1", Syn));
        Assert.False(M("ip.addr all_eq 127.0.0.1", Syn));
    }

    [Fact]
    public void Contains_on_text_and_bytes()
    {
        var dns = new FilterTestPacket("frame", "ip", "udp", "dns").Text("dns.qry.name", "cours.reseau.test");
        Assert.True(M("dns.qry.name contains \"reseau\"", dns));
        Assert.False(M("dns.qry.name contains \"Reseau\"", dns)); // case-sensitive
        Assert.True(M("dns.qry.name == \"cours.reseau.test\"", dns));
        Assert.True(M("eth.src contains 00:00", Syn));
        Assert.True(M("eth.dst contains 5e:00", Syn));
        Assert.False(M("eth.dst contains 5e:01", Syn));
    }

    [Fact]
    public void Sets_with_values_and_ranges()
    {
        var unreachable = new FilterTestPacket("frame", "ip", "icmp").Int("icmp.type", 3).Int("icmp.code", 3);
        var echo = new FilterTestPacket("frame", "ip", "icmp").Int("icmp.type", 8);
        var expired = new FilterTestPacket("frame", "ip", "icmp").Int("icmp.type", 11);
        const string f = "icmp.type in { 3..5, 11 }";
        Assert.True(M(f, unreachable));
        Assert.True(M(f, expired));
        Assert.False(M(f, echo));
        Assert.True(M("icmp.type in {8}", echo));
        Assert.True(M("tcp.port in {80, 1000..1001}", Syn));
        Assert.True(M("tcp.port in {80, 1000..1001}", Ack));
        Assert.False(M("tcp.port in {1001..999}", Ack));
        Assert.False(M("tcp.port not in {80}", Syn));
        Assert.True(M("tcp.port not in {80}", Ack));
        Assert.True(M("udp.port not in {80}", Syn)); // negation of "in": true when absent, as tshark 4.0.17
        Assert.True(M("ip.addr in {127.0.0.2 , 127.0.0.9}", Syn));
        Assert.True(M("ip.dst in {127.0.0.0/31}", Ack));
    }

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

    [Fact]
    public void Bare_protocol_and_bare_field_test_presence()
    {
        Assert.True(M("tcp", Syn));
        Assert.True(M("eth", Syn));
        Assert.False(M("udp", Syn));
        Assert.False(M("dns", Syn));
        Assert.True(M("tcp.flags.syn", Ack)); // present even when 0, as tshark
        Assert.True(M("ip.ttl", Syn));
        Assert.False(M("tcp.analysis.flags", Syn));
        Assert.False(M("hsrp.state != 8 && hsrp.state != 16", Syn)); // unknown protocol: nothing
    }

    [Fact]
    public void Booleans_compare_as_one_and_zero()
    {
        Assert.True(M("tcp.flags.syn == 1", Syn));
        Assert.True(M("tcp.flags.syn == True", Syn));
        Assert.False(M("tcp.flags.syn == 0", Syn));
        Assert.True(M("tcp.flags.syn == 0", Ack));
        Assert.True(M("tcp.flags.reset eq 0", Syn));
        Assert.True(M("tcp.flags.syn == 2", Syn)); // any non-zero literal means true, as tshark 4.0.17
    }

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

    [Fact]
    public void Bitwise_and_tests_non_zero_or_compares()
    {
        Assert.True(M("tcp.flags & 0x02", Syn));
        Assert.False(M("tcp.flags & 0x02", Ack));
        Assert.True(M("tcp.flags & 0x12", Ack));
        Assert.True(M("tcp.flags & 0x02 == 2", Syn));
        Assert.False(M("tcp.flags & 0x02 == 0", Syn));
        Assert.True(M("tcp.flags & 0x02 || tcp.flags.fin == 1", Syn));
    }

    [Fact]
    public void Slices_of_protocols_and_fields()
    {
        Assert.True(M("eth[0] & 1", Syn)); // multicast bit of 01:00:5e:…
        Assert.False(M("eth[0] & 1", Ack));
        Assert.True(M("eth[0] == 01", Syn));
        Assert.True(M("eth[0] == 1", Syn));
        Assert.True(M("eth[0:3] == 01:00:5e", Syn));
        Assert.True(M("eth[0-2] == 01:00:5e", Syn));
        Assert.True(M("eth[12:2] == 08:00", Syn));
        Assert.True(M("eth[-2:] == 08:00", Syn));
        Assert.True(M("eth.dst[0:3] == 01:00:5e", Syn));
        Assert.False(M("eth.dst[0:3] == 01:00:5f", Syn));
        Assert.False(M("eth[100] == 1", Syn)); // out of the frame: absent, no exception
        Assert.True(M("eth[0:3] contains 00:5e", Syn));
    }

    [Fact]
    public void Strings_with_escapes_and_text_order()
    {
        var http = new FilterTestPacket("http").Text("http.request.method", "GET").Text("http.request.uri", "/a \"b\"");
        Assert.True(M("http.request.method == \"GET\"", http));
        Assert.True(M("http.request.method == GET", http)); // unquoted text, as Wireshark accepts
        Assert.True(M("http.request.uri == \"/a \\\"b\\\"\"", http));
        Assert.True(M("http.request.method > \"A\"", http));
        Assert.False(M("http.request.method == \"get\"", http));
    }

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

    [Fact]
    public void Numbers_compare_as_floating_point()
    {
        var p = new FilterTestPacket("frame").Add("frame.time_relative", FieldValue.FromNumber(0.25, "0.250000000"));
        Assert.True(M("frame.time_relative < 0.5", p));
        Assert.True(M("frame.time_relative >= 0.25", p));
        Assert.False(M("frame.time_relative > 1", p));
    }

    [Fact]
    public void Matches_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => DisplayFilter.Parse("tcp").Matches(null!));
    }
}
