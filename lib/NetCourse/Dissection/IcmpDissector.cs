using System.Globalization;

namespace NetCourse.Dissection;

/// <summary>ICMP: echo request/reply (paired by identifier and sequence) and the errors that quote an IPv4 packet.</summary>
internal static class IcmpDissector
{
    private const int EchoReply = 0;
    private const int DestinationUnreachable = 3;
    private const int SourceQuench = 4;
    private const int Redirect = 5;
    private const int EchoRequest = 8;
    private const int TimeExceeded = 11;
    private const int ParameterProblem = 12;

    public static void Dissect(FrameCursor c, ColumnView view, int offset, bool inner)
    {
        var layer = c.Begin(LayerKind.Network, "icmp", "Internet Control Message Protocol", offset);
        if (!inner)
            view.Protocol = "ICMP";
        if (!c.Need(offset, 2))
            return;
        int type = c.U8(offset + IcmpFields.Type), code = c.U8(offset + IcmpFields.Code);
        c.AddInt("icmp.type", type, offset + IcmpFields.Type, 1);
        c.AddInt("icmp.code", code, offset + IcmpFields.Code, 1);
        layer.Length = IcmpFields.HeaderLength;
        if (!c.Need(offset + IcmpFields.Checksum, 2))
            return;
        c.AddHex("icmp.checksum", c.U16(offset + IcmpFields.Checksum), 4, offset + IcmpFields.Checksum, 2);
        if (inner)
            return;
        view.Info = Text(type, code);
        if (type is EchoReply or EchoRequest)
            DissectEcho(c, view, offset, type);
        else if (type is DestinationUnreachable or SourceQuench or Redirect or TimeExceeded or ParameterProblem)
            DissectQuotedPacket(c, view, offset);
    }

    private static void DissectEcho(FrameCursor c, ColumnView view, int offset, int type)
    {
        if (!c.Need(offset + IcmpFields.Identifier, 4))
            return;
        int id = c.U16(offset + IcmpFields.Identifier), seq = c.U16(offset + IcmpFields.Sequence);
        c.AddHex("icmp.ident", id, 4, offset + IcmpFields.Identifier, 2);
        c.AddInt("icmp.seq", seq, offset + IcmpFields.Sequence, 2);
        var ttl = 0;
        for (var i = c.Layers.Count - 1; i >= 0; i--)
        {
            if (c.Layers[i].Protocol == "ip")
            {
                var ttlOffset = c.Layers[i].Offset + Ipv4Fields.Ttl;
                ttl = ttlOffset < c.Data.Length ? c.Data[ttlOffset] : 0;
                break;
            }
        }
        view.Info += string.Create(CultureInfo.InvariantCulture, $"{(type == EchoReply ? "    " : "  ")}id=0x{id:x4}, seq={seq}/{(ushort)((seq << 8) | (seq >> 8))}, ttl={ttl}");
        var requests = c.Capture.EchoRequests;
        if (type == EchoRequest)
            requests.Remember((c.NetSource, c.NetDestination, id, seq), c.Number);
        else if (requests.TryFind((c.NetDestination, c.NetSource, id, seq), out var request))
            view.Info += string.Create(CultureInfo.InvariantCulture, $" (request in {request})");
        var payload = offset + IcmpFields.HeaderLength;
        if (payload < c.CapturedEnd)
            c.Begin(LayerKind.Application, "data", "Data", payload).Length = c.CapturedEnd - payload;
    }

    private static void DissectQuotedPacket(FrameCursor c, ColumnView view, int offset)
    {
        if (!c.Need(offset + IcmpFields.Identifier, 4))
            return;
        var quoted = offset + IcmpFields.HeaderLength;
        if (quoted >= c.CapturedEnd)
            return;
        var reported = c.ReportedEnd - offset; // before the quoted header narrows it to its own length
        var saved = c.InErrorPacket;
        c.InErrorPacket = true;
        Ipv4Dissector.Dissect(c, view, quoted, inner: true);
        c.InErrorPacket = saved;
        CheckExtensionOffset(c, view, offset, reported);
    }

    /// <summary>
    /// packet-icmp.c reads extension objects (RFC 4884, MPLS) after an error message's quoted datagram when the message
    /// is longer than 8 + 128 bytes and the quoted datagram claims at most 128: at 8 + the length byte × 4 (128 when 0).
    /// An offset past the message's end throws there, and tshark appends « [Malformed Packet] » (joined, no space).
    /// </summary>
    private static void CheckExtensionOffset(FrameCursor c, ColumnView view, int offset, int reported)
    {
        if (reported <= IcmpFields.HeaderLength + IcmpFields.QuotedBeforeExtensions || !c.Need(offset + IcmpFields.QuotedTotalLength, 2))
            return;
        if (c.U16(offset + IcmpFields.QuotedTotalLength) > IcmpFields.QuotedBeforeExtensions)
            return;
        var words = c.U8(offset + IcmpFields.OriginalLength);
        var extensions = IcmpFields.HeaderLength + (words > 0 ? words * 4 : IcmpFields.QuotedBeforeExtensions);
        if (extensions > reported)
        {
            c.MarkMalformed("icmp"); // pinfo->current_proto is the outer ICMP again when it throws
            view.MalformedJoined = true;
        }
    }

    private static string Text(int type, int code) => type switch
    {
        EchoReply => "Echo (ping) reply",
        EchoRequest => "Echo (ping) request",
        DestinationUnreachable => "Destination unreachable (" + code switch
        {
            0 => "Network unreachable",
            1 => "Host unreachable",
            2 => "Protocol unreachable",
            3 => "Port unreachable",
            4 => "Fragmentation needed",
            13 => "Communication administratively filtered",
            _ => string.Create(CultureInfo.InvariantCulture, $"code {code}"),
        } + ")",
        TimeExceeded => code == 0 ? "Time-to-live exceeded (Time to live exceeded in transit)" : "Time-to-live exceeded (Fragment reassembly time exceeded)",
        Redirect => "Redirect",
        SourceQuench => "Source quench (flow control)",
        ParameterProblem => "Parameter problem",
        _ => string.Create(CultureInfo.InvariantCulture, $"ICMP type {type}, code {code}"),
    };
}
