namespace NetCourse.Bench.Dissect;

/// <summary>The fields both tools print in the bench: the agreement test's core fields, IP fragments, TLS, the Protocol and Info columns, and the colouring rule.</summary>
internal static class BenchFields
{
    public static readonly string[] All =
    [
        "frame.number", "frame.time_relative", "frame.len", "frame.cap_len", "eth.src", "eth.dst", "eth.type",
        "ip.src", "ip.dst", "ip.ttl", "ip.proto", "ip.len", "ipv6.src", "ipv6.dst", "tcp.srcport", "tcp.dstport",
        "tcp.stream", "tcp.flags", "tcp.seq", "tcp.ack", "tcp.len", "udp.srcport", "udp.dstport", "udp.length",
        "icmp.type", "icmp.code", "arp.opcode", "dns.qry.name", "dns.flags.response", "http.request.method",
        "http.request.uri", "http.response.code", "tcp.analysis.flags", "tcp.analysis.retransmission",
        "tcp.analysis.duplicate_ack", "tcp.analysis.zero_window", "tcp.analysis.out_of_order",
        "ip.id", "ip.flags.mf", "ip.frag_offset", "ipv6.fraghdr.offset", "ipv6.fraghdr.more", "ipv6.fraghdr.ident",
        "tls.record.content_type", "tls.record.opaque_type", "tls.record.version", "tls.record.length",
        "tls.handshake.type", "tls.handshake.extensions_server_name", "tls.handshake.extensions.supported_version",
        "_ws.col.Protocol", "_ws.col.Info", "frame.coloring_rule.name",
    ];

    /// <summary>What the output shows of TLS and reassembly: rows with a TLS record, rows where a non-first fragment carries the reassembled datagram's transport layer.</summary>
    public static (int TlsRows, int ReassembledRows, int Tls13Rows) Count(string output)
    {
        int Column(string name) => Array.IndexOf(All, name);
        int version = Column("tls.record.version"), supported = Column("tls.handshake.extensions.supported_version");
        int offset4 = Column("ip.frag_offset"), offset6 = Column("ipv6.fraghdr.offset");
        int udp = Column("udp.srcport"), icmp = Column("icmp.type");
        int tls = 0, reassembled = 0, tls13 = 0;
        foreach (var line in File.ReadLines(output))
        {
            var f = line.Split('\t');
            if (f.Length != All.Length)
                continue;
            if (f[version].Length > 0)
                tls++;
            if (f[supported] == "0x0304")
                tls13++;
            var laterFragment = f[offset4] is { Length: > 0 } o4 && o4 != "0" || f[offset6] is { Length: > 0 } o6 && o6 != "0";
            if (laterFragment && (f[udp].Length > 0 || f[icmp].Length > 0))
                reassembled++;
        }
        return (tls, reassembled, tls13);
    }
}
