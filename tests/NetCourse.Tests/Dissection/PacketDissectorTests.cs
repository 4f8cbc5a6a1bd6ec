using System.Text;
using NetCourse.Dissection;
using PacketDotNet;

namespace NetCourse.Tests.Dissection;

public class PacketDissectorTests
{
    private static DissectedPacket One(byte[] frame, int linkType = 1, int? original = null) =>
        new PacketDissector().Dissect(frame, linkType, 1_700_000_000m, original ?? frame.Length);

    [Fact]
    public void Frame_layer_numbers_and_times_packets_like_tshark()
    {
        var d = new PacketDissector();
        var first = d.Dissect(Frames.Arp(ArpOperation.Request), 1, 100.5m, 42);
        var second = d.Dissect(Frames.Arp(ArpOperation.Response), 1, 100.750123456m, 42);
        Assert.Equal("1", first.FieldText("frame.number"));
        Assert.Equal("0.000000000", first.FieldText("frame.time_relative"));
        Assert.Equal("2", second.FieldText("frame.number"));
        Assert.Equal("0.250123456", second.FieldText("frame.time_relative"));
        Assert.Equal("42", second.FieldText("frame.len"));
        Assert.Equal(LayerKind.Frame, second.Layers[0].Kind);
    }

    [Fact]
    public void Ethernet_ipv4_tcp_fields_and_five_layers()
    {
        var p = One(Frames.EthernetTcp(Frames.Tcp(40000, 80, 5000, 0, syn: true)));
        Assert.Equal("02:00:00:00:00:0a", p.FieldText("eth.src"));
        Assert.Equal("02:00:00:00:00:0b", p.FieldText("eth.dst"));
        Assert.Equal("0x0800", p.FieldText("eth.type"));
        Assert.Equal("198.18.0.1", p.FieldText("ip.src"));
        Assert.Equal("198.18.0.2", p.FieldText("ip.dst"));
        Assert.Equal("198.18.0.1,198.18.0.2", p.FieldText("ip.addr"));
        Assert.Equal("64", p.FieldText("ip.ttl"));
        Assert.Equal("6", p.FieldText("ip.proto"));
        Assert.Equal("40", p.FieldText("ip.len"));
        Assert.Equal("40000", p.FieldText("tcp.srcport"));
        Assert.Equal("80", p.FieldText("tcp.dstport"));
        Assert.Equal("0x0002", p.FieldText("tcp.flags"));
        Assert.Equal("0", p.FieldText("tcp.seq"));
        Assert.Equal("1", p.FieldText("tcp.flags.syn"));
        Assert.Equal("0", p.FieldText("tcp.stream"));
        Assert.Equal("TCP", p.Protocol);
        Assert.Equal("198.18.0.1", p.Source);
        Assert.StartsWith("40000 → 80 [SYN] Seq=0", p.Info, StringComparison.Ordinal);
        Assert.False(p.IsMalformed);
        Assert.Equal([LayerKind.Frame, LayerKind.Link, LayerKind.Network, LayerKind.Transport], p.Layers.Select(l => l.Kind).ToArray());
        var ttl = p.AllFields.Single(f => f.Name == "ip.ttl");
        Assert.Equal(14 + 8, ttl.Offset);
        Assert.Equal(1, ttl.Length);
        Assert.Equal(64, p.Bytes.Span[ttl.Offset]);
        Assert.True(p.HasProtocol("tcp"));
        Assert.False(p.HasProtocol("udp"));
        Assert.Equal(0x02, p.GetProtocolBytes("eth").Span[0]);
        Assert.Equal(FieldKind.Address, p.GetValues("ip.src")[0].Kind);
        Assert.Equal(2, p.GetValues("tcp.port").Count);
    }

    [Fact]
    public void Relative_sequence_numbers_and_streams_follow_the_handshake()
    {
        var d = new PacketDissector();
        var t = 10m;
        DissectedPacket Next(TcpPacket tcp, bool reverse) => d.Dissect(Frames.EthernetTcp(tcp, reverse: reverse), 1, t += 0.001m, 0);
        var syn = Next(Frames.Tcp(40000, 12800, 1000, 0, syn: true), false);
        var synAck = Next(Frames.Tcp(12800, 40000, 7000, 1001, syn: true, ackFlag: true), true);
        var ack = Next(Frames.Tcp(40000, 12800, 1001, 7001, ackFlag: true), false);
        var data = Next(Frames.Tcp(40000, 12800, 1001, 7001, ackFlag: true, psh: true, payload: Encoding.ASCII.GetBytes("hello")), false);
        var other = d.Dissect(Frames.EthernetTcp(Frames.Tcp(40001, 12800, 1, 0, syn: true)), 1, t += 0.001m, 0);
        Assert.Equal(("0", "0"), (syn.FieldText("tcp.seq"), syn.FieldText("tcp.ack")));
        Assert.Equal(("0", "1"), (synAck.FieldText("tcp.seq"), synAck.FieldText("tcp.ack")));
        Assert.Equal(("1", "1"), (ack.FieldText("tcp.seq"), ack.FieldText("tcp.ack")));
        Assert.Equal("5", data.FieldText("tcp.len"));
        Assert.Equal("0x0018", data.FieldText("tcp.flags"));
        Assert.Equal("0", data.FieldText("tcp.stream"));
        Assert.Equal("1", other.FieldText("tcp.stream"));
    }

    [Fact]
    public void Retransmission_duplicate_ack_and_zero_window_are_flagged()
    {
        var d = new PacketDissector();
        var t = 0m;
        DissectedPacket Next(TcpPacket tcp, bool reverse = false, decimal step = 0.001m) => d.Dissect(Frames.EthernetTcp(tcp, reverse: reverse), 1, t += step, 0);
        Next(Frames.Tcp(40000, 12800, 1000, 0, syn: true));
        Next(Frames.Tcp(12800, 40000, 7000, 1001, syn: true, ackFlag: true), true);
        Next(Frames.Tcp(40000, 12800, 1001, 7001, ackFlag: true));
        var payload = new byte[10];
        var first = Next(Frames.Tcp(40000, 12800, 1001, 7001, ackFlag: true, psh: true, payload: payload));
        var again = Next(Frames.Tcp(40000, 12800, 1001, 7001, ackFlag: true, psh: true, payload: payload), step: 0.2m);
        Assert.Equal("", first.FieldText("tcp.analysis.flags"));
        Assert.Equal("1", again.FieldText("tcp.analysis.retransmission"));
        Assert.StartsWith("[TCP Retransmission]", again.Info, StringComparison.Ordinal);

        var ack = Next(Frames.Tcp(12800, 40000, 7001, 1011, ackFlag: true), true);
        var dup = Next(Frames.Tcp(12800, 40000, 7001, 1011, ackFlag: true), true);
        Assert.Equal("", ack.FieldText("tcp.analysis.duplicate_ack"));
        Assert.NotEqual("", dup.FieldText("tcp.analysis.duplicate_ack"));

        var zero = Next(Frames.Tcp(12800, 40000, 7001, 1011, ackFlag: true, window: 0), true);
        Assert.Equal("1", zero.FieldText("tcp.analysis.zero_window"));
        Assert.Equal("1", zero.FieldText("tcp.analysis.flags"));
    }

    [Fact]
    public void Out_of_order_segment_is_flagged()
    {
        var d = new PacketDissector();
        var t = 0m;
        DissectedPacket Next(TcpPacket tcp, bool reverse = false) => d.Dissect(Frames.EthernetTcp(tcp, reverse: reverse), 1, t += 0.0001m, 0);
        Next(Frames.Tcp(40000, 12800, 1000, 0, syn: true));
        Next(Frames.Tcp(12800, 40000, 7000, 1001, syn: true, ackFlag: true), true);
        Next(Frames.Tcp(40000, 12800, 1001, 7001, ackFlag: true));
        var later = Next(Frames.Tcp(40000, 12800, 1011, 7001, ackFlag: true, payload: new byte[10]));
        var earlier = Next(Frames.Tcp(40000, 12800, 1001, 7001, ackFlag: true, payload: new byte[10]));
        Assert.Equal("1", later.FieldText("tcp.analysis.flags"));
        Assert.NotEqual("", later.FieldText("tcp.analysis.lost_segment"));
        Assert.Equal("1", earlier.FieldText("tcp.analysis.out_of_order"));
    }

    [Fact]
    public void Udp_and_dns_query_and_response()
    {
        var query = One(Frames.Udp(50000, 53, Frames.DnsQuery(0x1234, "cours.lab.test", response: false)));
        Assert.Equal("50000", query.FieldText("udp.srcport"));
        Assert.Equal("53", query.FieldText("udp.dstport"));
        Assert.Equal("cours.lab.test", query.FieldText("dns.qry.name"));
        Assert.Equal("0", query.FieldText("dns.flags.response"));
        Assert.Equal("DNS", query.Protocol);
        Assert.Equal("Standard query 0x1234 A cours.lab.test", query.Info);
        Assert.Single(query.LayersOf(LayerKind.Application));

        var response = One(Frames.Udp(53, 50000, Frames.DnsQuery(0x1234, "cours.lab.test", response: true)));
        Assert.Equal("1", response.FieldText("dns.flags.response"));
        Assert.Equal("198.18.0.53", response.FieldText("dns.a"));
        Assert.Equal((8 + 12 + 16 + 4 + 16).ToString(System.Globalization.CultureInfo.InvariantCulture), response.FieldText("udp.length"));
    }

    [Fact]
    public void Dns_info_names_the_name_server_of_an_ns_record()
    {
        // An answer and an NS authority record « ns » + a pointer to « lab.test »; tshark 4.0 prints this Info for it.
        byte[] authority = [0xc0, 0x12, 0, 2, 0, 1, 0, 0, 0, 60, 0, 5, 2, (byte)'n', (byte)'s', 0xc0, 0x12];
        var message = Frames.DnsQuery(0x1234, "cours.lab.test", response: true);
        message[9] = 1; // one authority record
        var response = One(Frames.Udp(53, 50000, [.. message, .. authority]));
        Assert.Equal("Standard query response 0x1234 A cours.lab.test A 198.18.0.53 NS ns.lab.test", response.Info);
        Assert.Equal("ns.lab.test", response.FieldText("dns.ns"));
    }

    [Fact]
    public void Http_request_and_response_in_one_segment()
    {
        var d = new PacketDissector();
        var request = d.Dissect(Frames.EthernetTcp(Frames.Tcp(40000, 8080, 1, 1, ackFlag: true, psh: true,
            payload: Encoding.ASCII.GetBytes("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))), 1, 1m, 0);
        Assert.Equal("GET", request.FieldText("http.request.method"));
        Assert.Equal("/index.html", request.FieldText("http.request.uri"));
        Assert.Equal("HTTP", request.Protocol);
        var response = d.Dissect(Frames.EthernetTcp(Frames.Tcp(8080, 40000, 1, 47, ackFlag: true, psh: true,
            payload: Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno")), reverse: true), 1, 1.1m, 0);
        Assert.Equal("404", response.FieldText("http.response.code"));
    }

    [Fact]
    public void Http_response_split_over_segments_is_shown_on_the_last_one()
    {
        var d = new PacketDissector();
        var head = d.Dissect(Frames.EthernetTcp(Frames.Tcp(12345, 40000, 1, 1, ackFlag: true, psh: true,
            payload: Encoding.ASCII.GetBytes("HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\n"))), 1, 1m, 0);
        var body = d.Dissect(Frames.EthernetTcp(Frames.Tcp(12345, 40000, 39, 1, ackFlag: true, psh: true,
            payload: Encoding.ASCII.GetBytes("hello"))), 1, 1.1m, 0);
        Assert.Equal("", head.FieldText("http.response.code"));
        Assert.Contains("[TCP segment of a reassembled PDU]", head.Info, StringComparison.Ordinal);
        Assert.Equal("200", body.FieldText("http.response.code"));
    }

    [Fact]
    public void Arp_icmp_and_ipv6()
    {
        var arp = One(Frames.Arp(ArpOperation.Request));
        Assert.Equal("1", arp.FieldText("arp.opcode"));
        Assert.Equal("Who has 198.18.0.2? Tell 198.18.0.1", arp.Info);
        Assert.Equal(LayerKind.Link, arp.Layers[^1].Kind);

        var ping = One(Frames.IcmpEcho(7, 1));
        Assert.Equal("8", ping.FieldText("icmp.type"));
        Assert.Equal("0", ping.FieldText("icmp.code"));
        Assert.Equal("ICMP", ping.Protocol);

        var v6 = One(Frames.Ipv6Udp(5000, 6000, [1, 2, 3]));
        Assert.Equal("::1", v6.FieldText("ipv6.src"));
        Assert.Equal("::1", v6.FieldText("ipv6.dst"));
        Assert.Equal("6000", v6.FieldText("udp.dstport"));
        Assert.Equal("11", v6.FieldText("udp.length"));
    }

    [Theory]
    [InlineData(113, "sll")]
    [InlineData(0, "null")]
    [InlineData(101, "raw")]
    [InlineData(9, "ppp")]
    [InlineData(50, "ppp")]
    public void Every_link_type_reaches_tcp(int linkType, string linkProtocol)
    {
        var ip = Frames.BareIpSyn();
        var frame = linkType switch
        {
            113 => Frames.Sll(ip),
            0 => Frames.Null(ip),
            9 or 50 => Frames.Ppp(ip),
            _ => ip,
        };
        var p = One(frame, linkType);
        Assert.True(p.HasProtocol(linkProtocol));
        Assert.Equal("198.18.0.1", p.FieldText("ip.src"));
        Assert.Equal("12800", p.FieldText("tcp.dstport"));
        Assert.Equal("0x0002", p.FieldText("tcp.flags"));
        Assert.Equal("", p.FieldText("eth.src"));
        Assert.False(p.IsMalformed);
    }

    [Fact]
    public void Truncated_header_is_dissected_as_far_as_it_goes_and_marked_malformed()
    {
        var full = Frames.EthernetTcp(Frames.Tcp(40000, 80, 1, 0, syn: true));
        var cut = full[..(14 + 19)];
        var p = One(cut);
        Assert.True(p.IsMalformed);
        Assert.Equal("198.18.0.1", p.FieldText("ip.src"));
        Assert.Equal("", p.FieldText("ip.dst"));
        Assert.Equal("64", p.FieldText("ip.ttl"));
        Assert.EndsWith("[Malformed Packet]", p.Info, StringComparison.Ordinal);
        Assert.True(p.HasProtocol("_ws.malformed"));
    }

    [Fact]
    public void Frame_cut_by_the_snap_length_is_not_malformed()
    {
        var full = Frames.EthernetTcp(Frames.Tcp(40000, 80, 1, 0, ackFlag: true, payload: new byte[100]));
        var p = One(full[..64], original: full.Length);
        Assert.False(p.IsMalformed);
        Assert.Equal("100", p.FieldText("tcp.len"));
        Assert.Equal(full.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), p.FieldText("frame.len"));
        Assert.Equal("64", p.FieldText("frame.cap_len"));
    }

    [Fact]
    public void Unknown_link_type_is_listed_not_thrown()
    {
        var p = One([1, 2, 3], linkType: 147);
        Assert.Equal("1", p.FieldText("frame.number"));
        Assert.Contains("147", p.Info, StringComparison.Ordinal);
    }
}

public class FieldLookupTests
{
    [Fact]
    public void Field_names_built_at_run_time_are_found()
    {
        var name = string.Concat("ip", ".", "src");
        var nameV6 = new string("ipv6.dst".AsSpan());
        var p = new PacketDissector().Dissect(Frames.EthernetTcp(Frames.Tcp(1, 2, 3, 0, syn: true)), 1, 0m, 0);
        Assert.Equal("198.18.0.1", p.FieldText(name));
        Assert.Single(p.GetValues(name));
        Assert.Equal("", p.FieldText(nameV6));
        var v6 = new PacketDissector().Dissect(Frames.Ipv6Udp(1, 2, [0]), 1, 0m, 0);
        Assert.Equal("::1", v6.FieldText(nameV6));
        Assert.Equal("", v6.FieldText(string.Concat("no.such", ".field")));
    }

    [Fact]
    public void Every_field_the_dissector_writes_is_registered()
    {
        var seen = new HashSet<string>();
        var dissector = new PacketDissector();
        foreach (var file in TestPaths.Captures())
        {
            foreach (var packet in CaptureFileDissector.Read(file))
            {
                seen.UnionWith(packet.AllFields.Select(f => f.Name));
                Assert.All(packet.Layers, l => Assert.True(packet.HasProtocol(l.Protocol), l.Protocol));
                Assert.True(packet.HasProtocol(string.Concat("fra", "me")));
                Assert.False(packet.HasProtocol("hsrp"));
            }
        }
        var random = new Random(7);
        for (var i = 0; i < 5000; i++)
        {
            var frame = new byte[random.Next(200)];
            random.NextBytes(frame);
            seen.UnionWith(dissector.Dissect(frame, i % 2 == 0 ? 1 : 101, i, frame.Length).AllFields.Select(f => f.Name));
        }
        Assert.Empty(seen.Except(FieldNames.All));
        Assert.All(seen, name => Assert.Same(string.IsInterned(name), name));
    }
}

public class FieldRowWriterTests
{
    [Fact]
    public void Rows_match_field_text_for_every_packet_and_field()
    {
        string[] fields = ["frame.number", "frame.time_relative", "eth.src", "ip.addr", "ipv6.src", "tcp.flags", "tcp.seq", "dns.qry.name", "udp.port", "_ws.col.Protocol", "no.such.field"];
        var rows = new FieldRowWriter(fields);
        foreach (var file in TestPaths.Captures())
        {
            foreach (var packet in CaptureFileDissector.Read(file))
            {
                using var text = new StringWriter();
                rows.Write(packet, text, "TCP");
                Assert.Equal(string.Join('\t', fields.Select(packet.FieldText)) + "\n", text.ToString());
            }
        }
    }

    [Fact]
    public void Selected_fields_give_the_same_text_as_all_fields()
    {
        string[] fields = ["ip.src", "tcp.stream", "tcp.ack", "http.request.uri", "tcp.analysis.flags", "frame.protocols"];
        foreach (var file in TestPaths.Captures())
        {
            var all = CaptureFileDissector.Read(file).Select(p => string.Join('\t', fields.Select(p.FieldText))).ToList();
            var some = CaptureFileDissector.Read(file, fields).Select(p => string.Join('\t', fields.Select(p.FieldText))).ToList();
            Assert.Equal(all, some);
            Assert.Contains(CaptureFileDissector.Read(file, fields), p => p.AllFields.Count() <= fields.Length + 2);
        }
    }
}
