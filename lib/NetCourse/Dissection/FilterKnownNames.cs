namespace NetCourse.Dissection;

/// <summary>
/// The field and protocol names a strict filter accepts: every name the course dissector writes, the protocols it
/// decodes, and the names Wireshark's default colouring rules use (real Wireshark names, simply absent from the
/// course's packets). A strict filter reports any other name, as tshark does, with a spelling suggestion.
/// </summary>
internal static class FilterKnownNames
{
    public static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        // Written by the dissectors (one per protocol: XxxDissector, DnsDecoder, HttpDecoder, Tls*, TcpAnalysisFields).
        "_ws.malformed", "arp.dst.hw_mac", "arp.dst.proto_ipv4", "arp.hw.size", "arp.hw.type", "arp.opcode",
        "arp.proto.size", "arp.proto.type", "arp.src.hw_mac", "arp.src.proto_ipv4", "data.data", "data.len",
        "dns.a", "dns.aaaa", "dns.cname", "dns.count.add_rr", "dns.count.answers", "dns.count.auth_rr",
        "dns.count.queries", "dns.flags", "dns.flags.opcode", "dns.flags.rcode", "dns.flags.response", "dns.id",
        "dns.length", "dns.qry.class", "dns.qry.name", "dns.qry.type", "dns.resp.len", "dns.resp.name",
        "dns.resp.ttl", "dns.resp.type", "eth.addr", "eth.dst", "eth.len", "eth.src",
        "eth.type", "frame.cap_len", "frame.len", "frame.number", "frame.protocols", "frame.time_epoch",
        "frame.time_relative", "http.content_length_header", "http.content_type", "http.host", "http.request", "http.request.method",
        "http.request.uri", "http.request.version", "http.response", "http.response.code", "http.response.phrase", "http.response.version",
        "http.server", "http.user_agent", "icmp.checksum", "icmp.code", "icmp.ident", "icmp.seq",
        "icmp.type", "icmpv6.checksum", "icmpv6.code", "icmpv6.echo.identifier", "icmpv6.echo.sequence_number", "icmpv6.type",
        "igmp.type", "ip.addr", "ip.checksum", "ip.dsfield", "ip.dst", "ip.flags",
        "ip.flags.df", "ip.flags.mf", "ip.flags.rb", "ip.frag_offset", "ip.hdr_len", "ip.id",
        "ip.len", "ip.proto", "ip.src", "ip.ttl", "ip.version", "ipv6.addr",
        "ipv6.dst", "ipv6.flow", "ipv6.fraghdr", "ipv6.fraghdr.ident", "ipv6.fraghdr.more", "ipv6.fraghdr.nxt",
        "ipv6.fraghdr.offset", "ipv6.fraghdr.reserved_bits", "ipv6.fraghdr.reserved_octet", "ipv6.hlim", "ipv6.nxt", "ipv6.plen",
        "ipv6.src", "ipv6.tclass", "ipv6.version", "llc.dsap", "llc.oui", "llc.pid",
        "llc.ssap", "mpls.label", "mpls.ttl", "null.family", "ppp.address", "ppp.control",
        "ppp.protocol", "sll.etype", "sll.halen", "sll.hatype", "sll.ifindex", "sll.pkttype",
        "sll.src.eth", "tcp.ack", "tcp.ack_raw", "tcp.analysis", "tcp.analysis.ack_lost_segment", "tcp.analysis.duplicate_ack",
        "tcp.analysis.duplicate_ack_frame", "tcp.analysis.duplicate_ack_num", "tcp.analysis.fast_retransmission", "tcp.analysis.flags", "tcp.analysis.keep_alive", "tcp.analysis.keep_alive_ack",
        "tcp.analysis.lost_segment", "tcp.analysis.out_of_order", "tcp.analysis.retransmission", "tcp.analysis.spurious_retransmission", "tcp.analysis.window_full", "tcp.analysis.window_update",
        "tcp.analysis.zero_window", "tcp.analysis.zero_window_probe", "tcp.analysis.zero_window_probe_ack", "tcp.checksum", "tcp.dstport", "tcp.flags",
        "tcp.flags.ack", "tcp.flags.ae", "tcp.flags.cwr", "tcp.flags.ece", "tcp.flags.fin", "tcp.flags.push",
        "tcp.flags.res", "tcp.flags.reset", "tcp.flags.str", "tcp.flags.syn", "tcp.flags.urg", "tcp.hdr_len",
        "tcp.len", "tcp.nxtseq", "tcp.options.mss_val", "tcp.options.wscale.shift", "tcp.payload", "tcp.port",
        "tcp.seq", "tcp.seq_raw", "tcp.srcport", "tcp.stream", "tcp.urgent_pointer", "tcp.window_size",
        "tcp.window_size_value", "tls.alert_message", "tls.alert_message.desc", "tls.alert_message.level", "tls.app_data_proto", "tls.change_cipher_spec", "tls.handshake", "tls.record",
        "tls.handshake.extensions.supported_version", "tls.handshake.extensions_server_name", "tls.handshake.length",
        "tls.handshake.type", "tls.handshake.version", "tls.record.content_type", "tls.record.length", "tls.record.opaque_type", "tls.record.version",
        "udp.checksum", "udp.dstport", "udp.length", "udp.port", "udp.srcport",
        "udp.stream", "vlan.etype", "vlan.id",
        // Protocols.
        "frame", "eth", "ethertype", "sll", "null", "loop", "raw", "ppp", "llc", "vlan", "mpls", "arp", "ip", "ipv6", "icmp", "icmpv6",
        "igmp", "tcp", "udp", "dns", "http", "tls", "data", "stp", "cdp",
        "tcp.flags.syn", "tcp.flags.ack", "tcp.flags.fin", "tcp.flags.reset", "tcp.flags.push", "tcp.flags.urg",
        "frame.coloring_rule.name", "frame.coloring_rule.string",
        // Used by Wireshark's default colouring rules.
        "hsrp", "hsrp.state", "stp.type", "ospf", "ospf.msg", "sctp", "sctp.chunk_type", "pim", "vrrp", "carp", "eigrp", "bgp", "rip", "glbp",
        "eth.fcs.status", "ip.checksum.status", "tcp.checksum.status", "udp.checksum.status", "sctp.checksum.status", "mstp.checksum.status",
        "cdp.checksum.status", "edp.checksum.status", "wlan.fcs.status", "stt.checksum.status", "smb", "nbss", "nbns", "netbios", "http2", "http3",
        "dcerpc", "gvrp", "ismp", "systemd_journal", "sysdig",
    };

    /// <summary>The closest known name (at most two edits away), or null.</summary>
    public static string? Suggest(string name)
    {
        string? best = null;
        var bestDistance = 3;
        foreach (var candidate in Names)
        {
            if (Math.Abs(candidate.Length - name.Length) >= bestDistance) continue;
            var d = Distance(name, candidate);
            if (d < bestDistance || (d == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}

