using System.Globalization;
using System.Numerics;
using System.Text;

namespace NetCourse.Dissection;

/// <summary>
/// A dissected protocol written as Wireshark's details pane writes it: its title (« Internet Protocol Version 4,
/// Src: …, Dst: … ») and one labelled line per field (« Time to Live: 64 », « Protocol: ICMP (1) », « Flags: 0x2,
/// Don't fragment » with its bits below). Labels, value strings and bit masks come from <see cref="WiresharkLabels"/>;
/// the few lines a dissector formats by hand (lengths in bytes and bits, relative sequence numbers …) are written
/// here the way tshark -V prints them.
/// </summary>
public static class WiresharkTree
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Fields Wireshark adds to a packet but hides from the details pane (they exist for filters).</summary>
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "ip.addr", "ipv6.addr", "eth.addr", "tcp.port", "udp.port", "_ws.malformed", "tcp.analysis", "tcp.analysis.flags",
    };

    /// <summary>Fields Wireshark computes rather than reads (shown in brackets) even where the dissector gives them bytes.</summary>
    private static readonly HashSet<string> Generated = new(StringComparer.Ordinal) { "tcp.flags.str", "tcp.window_size", "tcp.len", "tcp.nxtseq", "data.len", "tls.app_data_proto" };

    /// <summary>
    /// Fields with no bytes that Wireshark still shows without brackets: the frame's record, read from the capture file
    /// (packet-frame.c adds them plainly), where the time deltas and the protocol list are computed (generated).
    /// </summary>
    private static readonly HashSet<string> Recorded = new(StringComparer.Ordinal)
    {
        "frame.number", "frame.len", "frame.cap_len", "frame.time", "frame.time_epoch", "frame.encap_type",
    };

    /// <summary>The title of <paramref name="layer"/> as Wireshark shows it.</summary>
    public static string Title(ProtocolLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        switch (layer.Protocol)
        {
            case "frame":
                var wire = Integer(layer, "frame.len");
                var captured = Integer(layer, "frame.cap_len");
                return string.Create(Invariant, $"Frame {layer.Text("frame.number")}: {wire} bytes on wire ({wire * 8} bits), {captured} bytes captured ({captured * 8} bits)");
            case "tcp":
                // Wireshark names the acknowledgement number only when the ACK flag is set.
                var ack = Integer(layer, "tcp.flags.ack") == 1 ? $", Ack: {layer.Text("tcp.ack")}" : "";
                return $"Transmission Control Protocol, Src Port: {layer.Text("tcp.srcport")}, Dst Port: {layer.Text("tcp.dstport")}, "
                       + $"Seq: {layer.Text("tcp.seq")}{ack}, Len: {layer.Text("tcp.len")}";
            default:
                return layer.Title;
        }
    }

    /// <summary>The lines of <paramref name="layer"/>'s fields, in order, bits of a flags field just below it.</summary>
    public static IReadOnlyList<WiresharkLine> Lines(ProtocolLayer layer, ReadOnlySpan<byte> frame)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var lines = new List<WiresharkLine>(layer.Fields.Count);
        var parent = "";
        var duplicateAckSeen = false;
        foreach (var field in layer.Fields)
        {
            if (Hidden.Contains(field.Name)) continue;
            if (field.Name == "tcp.analysis.duplicate_ack")
            {
                // The second one is the expert item, worded after the duplicate's number.
                if (duplicateAckSeen)
                {
                    lines.Add(new WiresharkLine(field.Name, $"[Duplicate ACK (#{Integer(layer, "tcp.analysis.duplicate_ack_num")})]", 0, null, -1, 0));
                    continue;
                }
                duplicateAckSeen = true;
            }
            var info = WiresharkLabels.Field(field.Name);
            var isBit = info is { Bitmask: not 0 } && parent.Length > 0 && field.Name.StartsWith(parent + ".", StringComparison.Ordinal);
            if (!isBit) parent = field.Name;
            var text = Line(layer, field, info, frame);
            var depth = layer.Protocol == "tls" ? TlsDepth(field.Name) : isBit ? 1 : 0;
            lines.Add(new WiresharkLine(field.Name, text, depth, CourseGlosses.For(field.Name), field.Offset, field.Length));
        }
        return lines;
    }

    /// <summary>One field's line.</summary>
    internal static string Line(ProtocolLayer layer, PacketField field, WiresharkField? info, ReadOnlySpan<byte> frame)
    {
        var v = field.Value;
        var display = v.Display;
        var text = field.Name switch
        {
            "frame.len" => string.Create(Invariant, $"Frame Length: {v.Integer} bytes ({v.Integer * 8} bits)"),
            "frame.cap_len" => string.Create(Invariant, $"Capture Length: {v.Integer} bytes ({v.Integer * 8} bits)"),
            "frame.time_epoch" => $"Epoch Time: {display} seconds",
            "ip.version" or "ipv6.version" => Bits(First(frame, field), 0xf0, 8) + $" = Version: {display}",
            // packet-ip.c shows the offset in bytes (the header counts 8-byte units); packet-ipv6.c adds the bytes after the units.
            "ip.frag_offset" => Bits((ulong)v.Integer, 0x1fff, 16) + string.Create(Invariant, $" = Fragment Offset: {v.Integer * 8}"),
            "ipv6.fraghdr.offset" => Bits((ulong)v.Integer << 3, 0xfff8, 16) + string.Create(Invariant, $" = Offset: {v.Integer} ({v.Integer * 8} bytes)"),
            "ip.hdr_len" => Bits(First(frame, field), 0x0f, 8) + string.Create(Invariant, $" = Header Length: {v.Integer} bytes ({v.Integer / 4})"),
            "tcp.hdr_len" => Bits(First(frame, field), 0xf0, 8) + string.Create(Invariant, $" = Header Length: {v.Integer} bytes ({v.Integer / 4})"),
            "ip.checksum" => $"Header Checksum: {display} [validation disabled]",
            "tcp.checksum" or "udp.checksum" => $"Checksum: {display} [unverified]",
            "tcp.seq" => $"Sequence Number: {display}    (relative sequence number)",
            "tcp.ack" => Integer(layer, "tcp.flags.ack") == 1 ? $"Acknowledgment Number: {display}    (relative ack number)" : $"Acknowledgment Number: {display}",
            "tcp.payload" => string.Create(Invariant, $"TCP payload ({field.Length} bytes)"),
            "tcp.analysis.duplicate_ack" => "This is a TCP duplicate ack",
            // HTTP shows each header line as it is on the wire, its end of line written out.
            "http.host" or "http.user_agent" or "http.content_type" or "http.content_length_header" or "http.server"
                => $"{info?.Label}: {display}\\r\\n",
            "tcp.nxtseq" => $"Next Sequence Number: {display}    (relative sequence number)",
            "tcp.flags" => string.Create(Invariant, $"Flags: 0x{v.Integer:x3} ({TcpFlagNames(v.Integer)})"),
            "icmp.type" => WiresharkLabels.IcmpType(v.Integer) is { } type ? $"Type: {display} ({type})" : $"Type: {display}",
            "icmp.code" => WiresharkLabels.IcmpCode(Integer(layer, "icmp.type"), v.Integer) is { } code ? $"Code: {display} ({code})" : $"Code: {display}",
            _ => null,
        };
        if (text is null)
        {
            if (info is null) return $"{field.Name}: {display}";
            text = info.Bitmask != 0 && info.Bits > 0
                ? Bits(Raw(field, info), info.Bitmask, info.Bits) + " = " + info.Label + ": " + Value(field, info)
                : info.Type == "FT_NONE" ? v.Text ?? info.Label : info.Label + ": " + Value(field, info);
            if (field.Name == "ip.flags") text += IpFlagNames(v.Integer);
            if (field.Name == "dns.flags") text += DnsFlagsSummary(v.Integer);
        }
        // A TLS record reassembled from several segments has no offset in this frame, yet Wireshark reads it from bytes
        // (the reassembled buffer): no brackets.
        var read = Recorded.Contains(field.Name) || field.Name.StartsWith("tls.", StringComparison.Ordinal);
        var generated = (field.Offset < 0 && !read) || Generated.Contains(field.Name);
        return generated ? $"[{text}]" : text;
    }

    /// <summary>
    /// How deep packet-tls.c puts a field: the record's line, then its fields and the handshake's line, then the
    /// handshake's fields, then what an extension holds (a supported version; the server name sits one subtree lower).
    /// </summary>
    private static int TlsDepth(string name) => name switch
    {
        "tls.record" => 0,
        "tls.handshake.type" or "tls.handshake.length" or "tls.handshake.version" or "tls.alert_message.level" or "tls.alert_message.desc" => 2,
        "tls.handshake.extensions.supported_version" => 3,
        "tls.handshake.extensions_server_name" => 4,
        _ => 1,
    };

    /// <summary>The value as Wireshark writes it for the field's type and display base.</summary>
    private static string Value(PacketField field, WiresharkField info)
    {
        var v = field.Value;
        switch (info.Type)
        {
            case "FT_BOOLEAN":
                var (yes, no) = WiresharkLabels.TrueFalse(info.Name);
                return v.Integer != 0 ? yes : no;
            case "FT_RELATIVE_TIME":
                return $"{v.Display} seconds";
            case "FT_UINT8" or "FT_UINT16" or "FT_UINT24" or "FT_UINT32" or "FT_INT32" when v.Kind == FieldKind.Integer:
                var digits = info.Bitmask != 0 ? (Span(info.Bitmask) + 3) / 4 : info.Bits / 4;
                var hex = "0x" + v.Integer.ToString("x" + digits.ToString(Invariant), Invariant);
                var dec = v.Integer.ToString(Invariant);
                var named = WiresharkLabels.ValueString(info.Name, v.Integer);
                return info.Display switch
                {
                    "BASE_HEX" => named is null ? hex : $"{named} ({hex})",
                    "BASE_HEX_DEC" => $"{hex} ({dec})",
                    "BASE_DEC_HEX" => $"{dec} ({hex})",
                    _ => named is null ? dec : $"{named} ({dec})",
                };
            default:
                return v.Display;
        }
    }

    /// <summary>« 010. .... »: the container's bits, those of the mask shown, the others as dots, by groups of four.</summary>
    private static string Bits(ulong raw, ulong mask, int width)
    {
        var text = new StringBuilder(width + width / 4);
        for (var bit = width - 1; bit >= 0; bit--)
        {
            text.Append((mask >> bit & 1) == 0 ? '.' : (raw >> bit & 1) == 1 ? '1' : '0');
            if (bit > 0 && bit % 4 == 0) text.Append(' ');
        }
        return text.ToString();
    }

    /// <summary>
    /// The field's bits in its container: the value moved back under the mask (a boolean's set bit is the mask). The
    /// frame's bytes would not do: a dissector may report only the byte that holds the bit.
    /// </summary>
    private static ulong Raw(PacketField field, WiresharkField info) =>
        info.Type == "FT_BOOLEAN"
            ? field.Value.Integer != 0 ? info.Bitmask : 0
            : (ulong)field.Value.Integer << BitOperations.TrailingZeroCount(info.Bitmask);

    private static ulong First(ReadOnlySpan<byte> frame, PacketField field) =>
        field.Offset >= 0 && field.Offset < frame.Length ? frame[field.Offset] : 0UL;

    private static int Span(ulong mask) => 64 - BitOperations.LeadingZeroCount(mask) - BitOperations.TrailingZeroCount(mask);

    private static long Integer(ProtocolLayer layer, string name)
    {
        foreach (var f in layer.Fields)
        {
            if (f.Name == name) return f.Value.Integer;
        }
        return 0;
    }

    /// <summary>« SYN, ACK »: the set flags, lowest bit first, as Wireshark lists them.</summary>
    private static string TcpFlagNames(long flags)
    {
        string[] names = ["FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"];
        var set = names.Where((_, bit) => (flags >> bit & 1) == 1).ToArray();
        return set.Length == 0 ? "<None>" : string.Join(", ", set);
    }

    /// <summary>« Standard query » or « Standard query response, No error », as the DNS dissector sums up its flags.</summary>
    private static string DnsFlagsSummary(long flags)
    {
        var opcode = WiresharkLabels.ValueString("dns.flags.opcode", flags >> 11 & 0xf) ?? "Unknown operation";
        if ((flags & 0x8000) == 0) return " " + opcode;
        return $" {opcode} response, {WiresharkLabels.ValueString("dns.flags.rcode", flags & 0xf) ?? "Unknown error"}";
    }

    /// <summary>« , Don't fragment »: the names of the IPv4 flags that are set.</summary>
    private static string IpFlagNames(long flags)
    {
        var text = new StringBuilder();
        if ((flags & 4) != 0) text.Append(", Reserved bit");
        if ((flags & 2) != 0) text.Append(", Don't fragment");
        if ((flags & 1) != 0) text.Append(", More fragments");
        return text.ToString();
    }
}
